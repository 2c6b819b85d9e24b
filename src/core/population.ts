// The loaded population, columnar: one typed array per column, persons grouped by household (CSR).
// Parse once, evaluate many scenarios. Money is integer fen; weight is integer millionths. PopulationBuilder
// builds one row by row (the reference reader, case files, tests); the fast reader assembles one from parts
// (io/assemble.ts).
import { f64, i32, u8 } from './grow.js';
import { IdTable, type Ids } from './ids.js';
import { CAPACITY, type Area, type Capacity } from './rules.js';

export interface PersonInput {
  readonly age: number;
  readonly wage: number; // fen/month
  readonly other: number; // fen/month
  readonly disability: number; // 0..4
  readonly ill: number; // 0/1
  readonly labor: Capacity;
  readonly selfCare: Capacity;
  readonly supporter: number; // 0/1
}

export interface HouseholdInput {
  readonly area: Area;
  readonly assets: number; // fen
  readonly rigid: number; // fen, last 12 months
  readonly onDibao: number; // 0/1
  readonly prior: number; // fen/month
  readonly emergency: number; // fen
  readonly weight: number; // millionths (1 household = 1_000_000)
}

/** The household-level columns, in DOMAIN's names, for consistency errors. */
export const HOUSEHOLD_FIELDS: ReadonlyArray<readonly [keyof HouseholdInput, string]> = [
  ['area', 'area'],
  ['assets', 'financial_assets'],
  ['rigid', 'rigid_expenditure'],
  ['onDibao', 'on_dibao'],
  ['prior', 'prior_dibao'],
  ['emergency', 'emergency_need'],
  ['weight', 'weight'],
];

/** One value per person (index = person). */
export interface PersonColumns {
  readonly age: Uint8Array;
  readonly wage: Float64Array;
  readonly other: Float64Array;
  readonly disability: Uint8Array;
  readonly ill: Uint8Array;
  readonly labor: Uint8Array;
  readonly selfCare: Uint8Array;
  readonly supporter: Uint8Array;
}

/** One value per household (index = household). */
export interface HouseholdColumns {
  readonly area: Uint8Array; // 0 urban, 1 rural
  readonly assets: Float64Array;
  readonly rigid: Float64Array;
  readonly onDibao: Uint8Array;
  readonly prior: Float64Array;
  readonly emergency: Float64Array;
  readonly weight: Float64Array;
}

export interface Population extends PersonColumns, HouseholdColumns {
  readonly householdCount: number;
  readonly personCount: number;
  readonly householdIds: Ids;
  readonly personIds: Ids;
  /** Members of household h are members[offsets[h]] … members[offsets[h+1]-1], in file order. */
  readonly offsets: Int32Array;
  readonly members: Int32Array;
}

export interface Conflict {
  readonly column: string;
  readonly firstValue: string;
  readonly value: string;
  readonly firstRow: number;
}

/** What adding a row did: added; refused as a repeated person id; or added with household-level values that differ. */
export type Added = { readonly ok: true } | { readonly duplicateOfRow: number } | { readonly conflicts: readonly Conflict[] };
const ADDED: Added = { ok: true };

/** The household-level values of `row` that differ from the household's `first` row (on line firstRow). */
export function householdConflicts(first: HouseholdInput, row: HouseholdInput, firstRow: number): Conflict[] {
  return HOUSEHOLD_FIELDS.filter(([key]) => first[key] !== row[key]).map(([key, column]) => ({
    column,
    firstValue: String(first[key]),
    value: String(row[key]),
    firstRow,
  }));
}

/**
 * Builds a Population row by row, in any row order: rows of one household need not be adjacent.
 * Memory grows with the number of households and persons (ids as bytes in an arena), never with the file's bytes.
 * It also keeps person_id unique: a repeated person id is refused.
 */
export class PopulationBuilder {
  private readonly households = new IdTable();
  private readonly persons = new IdTable();
  private readonly firstRows = i32();
  private readonly personRows = i32();
  private readonly personHousehold = i32();
  private readonly p = { age: u8(), wage: f64(), other: f64(), disability: u8(), ill: u8(), labor: u8(), selfCare: u8(), supporter: u8() };
  private readonly h = { area: u8(), assets: f64(), rigid: f64(), onDibao: u8(), prior: f64(), emergency: f64(), weight: f64() };

  /** Adds one person (the reference reader, case files, tests: ids as text). */
  add(householdId: string, personId: string, person: PersonInput, household: HouseholdInput, row: number): Added {
    const persons = this.persons;
    const n = persons.length;
    const p = persons.internString(personId);
    if (p < n) return { duplicateOfRow: this.personRows.get(p) };
    this.personRows.push(row);
    const count = this.households.length;
    const h = this.households.internString(householdId);
    const x = this.h;
    if (h === count) {
      this.firstRows.push(row);
      x.area.push(household.area === 'urban' ? 0 : 1);
      x.assets.push(household.assets);
      x.rigid.push(household.rigid);
      x.onDibao.push(household.onDibao);
      x.prior.push(household.prior);
      x.emergency.push(household.emergency);
      x.weight.push(household.weight);
    }
    // The person is kept even when values differ, so person ids and columns stay aligned (a conflict fails the read).
    this.personHousehold.push(h);
    this.p.age.push(person.age);
    this.p.wage.push(person.wage);
    this.p.other.push(person.other);
    this.p.disability.push(person.disability);
    this.p.ill.push(person.ill);
    this.p.labor.push(CAPACITY.indexOf(person.labor));
    this.p.selfCare.push(CAPACITY.indexOf(person.selfCare));
    this.p.supporter.push(person.supporter);
    if (h === count) return ADDED;
    const conflicts = householdConflicts(this.householdAt(h), household, this.firstRows.get(h));
    return conflicts.length ? { conflicts } : ADDED;
  }

  private householdAt(h: number): HouseholdInput {
    return {
      area: this.h.area.get(h) === 0 ? 'urban' : 'rural',
      assets: this.h.assets.get(h),
      rigid: this.h.rigid.get(h),
      onDibao: this.h.onDibao.get(h),
      prior: this.h.prior.get(h),
      emergency: this.h.emergency.get(h),
      weight: this.h.weight.get(h),
    };
  }

  get householdCount(): number {
    return this.households.length;
  }

  build(): Population {
    const H = this.households.length;
    const P = this.persons.length;
    const ph = this.personHousehold.done();
    // Counting sort persons by household, keeping file order inside each household.
    const offsets = new Int32Array(H + 1);
    for (let i = 0; i < P; i++) offsets[ph[i]! + 1]!++;
    for (let h = 0; h < H; h++) offsets[h + 1]! += offsets[h]!;
    const cursor = offsets.slice(0, H);
    const members = new Int32Array(P);
    for (let i = 0; i < P; i++) members[cursor[ph[i]!]!++] = i;
    return {
      householdCount: H,
      personCount: P,
      householdIds: this.households,
      personIds: this.persons,
      offsets,
      members,
      age: this.p.age.done(),
      wage: this.p.wage.done(),
      other: this.p.other.done(),
      disability: this.p.disability.done(),
      ill: this.p.ill.done(),
      labor: this.p.labor.done(),
      selfCare: this.p.selfCare.done(),
      supporter: this.p.supporter.done(),
      area: this.h.area.done(),
      assets: this.h.assets.done(),
      rigid: this.h.rigid.done(),
      onDibao: this.h.onDibao.done(),
      prior: this.h.prior.done(),
      emergency: this.h.emergency.done(),
      weight: this.h.weight.done(),
    };
  }
}

/** Defaults of DOMAIN's optional columns, for building households in tests and case files. */
export const PERSON_DEFAULTS: Omit<PersonInput, 'age'> = {
  wage: 0,
  other: 0,
  disability: 0,
  ill: 0,
  labor: 'full',
  selfCare: 'full',
  supporter: 1,
};
export const HOUSEHOLD_DEFAULTS: Omit<HouseholdInput, 'area'> = {
  assets: 0,
  rigid: 0,
  onDibao: 0,
  prior: 0,
  emergency: 0,
  weight: 1_000_000,
};

export interface HouseholdSpec {
  readonly id: string;
  readonly household: Partial<HouseholdInput> & { readonly area: Area };
  readonly persons: ReadonlyArray<Partial<PersonInput> & { readonly age: number; readonly id?: string }>;
}

/** A population from households written inline (tests, case files). */
export function populationOf(households: readonly HouseholdSpec[]): Population {
  const b = new PopulationBuilder();
  let row = 0;
  for (const spec of households) {
    spec.persons.forEach((person, i) => {
      const pid = person.id ?? `${spec.id}-${i + 1}`;
      const r = b.add(spec.id, pid, { ...PERSON_DEFAULTS, ...person }, { ...HOUSEHOLD_DEFAULTS, ...spec.household }, ++row);
      if (!('ok' in r))
        throw new Error(`populationOf: ${'duplicateOfRow' in r ? `person ${pid} twice` : `household ${spec.id} disagrees with itself`}`);
    });
  }
  return b.build();
}
