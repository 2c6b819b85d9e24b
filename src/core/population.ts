// The loaded population, columnar: one typed array per column, persons grouped by household (CSR).
// Parse once, evaluate many scenarios. Money is integer fen; weight is integer millionths. PopulationBuilder
// builds one row by row (the reference reader, case files, tests); the fast reader assembles one from parts
// (io/assemble.ts).
import { hashBytes, IdTable, type Ids } from './ids.js';
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

/** A growable typed column. */
class Column<T extends Float64Array | Uint8Array | Int32Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = () => new Column((n) => new Float64Array(n));
const u8 = () => new Column((n) => new Uint8Array(n));
const i32 = () => new Column((n) => new Int32Array(n));

export interface Conflict {
  readonly column: string;
  readonly firstValue: string;
  readonly value: string;
  readonly firstRow: number;
}

/** addCodes: the person id was already on an earlier row (see PopulationBuilder.firstRowOfPerson). */
export const DUPLICATE_PERSON = -2;

const encoder = new TextEncoder();

/**
 * Builds a Population row by row, in any row order: rows of one household need not be adjacent.
 * Memory grows with the number of households and persons (ids as bytes in an arena), never with the file's bytes.
 * It also keeps person_id unique: a repeated person id is refused with DUPLICATE_PERSON.
 */
export class PopulationBuilder {
  private readonly households = new IdTable();
  private readonly persons = new IdTable();
  private readonly firstRows = i32();
  private readonly personRows = i32();
  private readonly personHousehold = i32();
  private readonly p = { age: u8(), wage: f64(), other: f64(), disability: u8(), ill: u8(), labor: u8(), selfCare: u8(), supporter: u8() };
  private readonly h = { area: u8(), assets: f64(), rigid: f64(), onDibao: u8(), prior: f64(), emergency: f64(), weight: f64() };
  /** The household of the previous row: rows of a household usually come together, so most rows skip the hash. */
  private last = -1;

  /** Adds one person (ids as text); returns -1, DUPLICATE_PERSON, or the first household-level column that disagrees. */
  add(householdId: string, personId: string, person: PersonInput, household: HouseholdInput, row: number): number {
    const hid = encoder.encode(householdId);
    const pid = encoder.encode(personId);
    const ids = new Uint8Array(hid.length + pid.length);
    ids.set(hid);
    ids.set(pid, hid.length);
    return this.addCodes(ids, 0, hid.length, hid.length, ids.length, person.age, person.wage, person.other, person.disability, person.ill,
      CAPACITY.indexOf(person.labor), CAPACITY.indexOf(person.selfCare), person.supporter, household.area === 'urban' ? 0 : 1,
      household.assets, household.rigid, household.onDibao, household.prior, household.emergency, household.weight, row);
  }

  /** The household-level values of `household` that disagree with the household's first row, from column `from` on. */
  conflicts(householdId: string, household: HouseholdInput, from = 0): Conflict[] {
    const f = this.firstOf(householdId)!;
    return HOUSEHOLD_FIELDS.slice(from).filter(([key]) => f.values[key] !== household[key])
      .map(([key, column]) => ({ column, firstValue: String(f.values[key]), value: String(household[key]), firstRow: f.row }));
  }

  /** The row a person id was first seen on, or undefined. */
  firstRowOfPerson(personId: string): number | undefined {
    const i = this.persons.indexOf(personId);
    return i < 0 ? undefined : this.personRows.get(i);
  }

  /**
   * One row as numbers (codes for area 0/1 and capacities 0–2), the household
   * id in ids[hs, he) and the person id in ids[ps, pe) as UTF-8 bytes, no strings, no objects. Returns -1 when
   * added; DUPLICATE_PERSON when the person id was seen before (nothing added); or the index of the first
   * household-level column that disagrees with the household's first row (in HOUSEHOLD_FIELDS order; the row is
   * then not part of a valid population, and the caller reports it).
   */
  addCodes(ids: Uint8Array, hs: number, he: number, ps: number, pe: number, age: number, wage: number, other: number, disability: number,
    ill: number, labor: number, selfCare: number, supporter: number, area: number, assets: number, rigid: number, onDibao: number,
    prior: number, emergency: number, weight: number, row: number): number {
    const persons = this.persons;
    const n = persons.length;
    if (persons.intern(ids, ps, pe, hashBytes(ids, ps, pe)) < n) return DUPLICATE_PERSON;
    this.personRows.push(row);
    const households = this.households;
    let h = this.last;
    if (h < 0 || !households.equals(h, ids, hs, he)) {
      const count = households.length;
      h = households.intern(ids, hs, he, hashBytes(ids, hs, he));
      this.last = h;
      if (h === count) {
        this.firstRows.push(row);
        this.h.area.push(area);
        this.h.assets.push(assets);
        this.h.rigid.push(rigid);
        this.h.onDibao.push(onDibao);
        this.h.prior.push(prior);
        this.h.emergency.push(emergency);
        this.h.weight.push(weight);
      }
    }
    const x = this.h;
    // A new household was just written with these values, so it never disagrees with itself.
    const conflict = x.area.get(h) !== area ? 0 : x.assets.get(h) !== assets ? 1 : x.rigid.get(h) !== rigid ? 2 : x.onDibao.get(h) !== onDibao ? 3
      : x.prior.get(h) !== prior ? 4 : x.emergency.get(h) !== emergency ? 5 : x.weight.get(h) !== weight ? 6 : -1;
    // The person is kept even then, so person ids and person columns stay aligned (a conflict fails the read).
    this.personHousehold.push(h);
    this.p.age.push(age);
    this.p.wage.push(wage);
    this.p.other.push(other);
    this.p.disability.push(disability);
    this.p.ill.push(ill);
    this.p.labor.push(labor);
    this.p.selfCare.push(selfCare);
    this.p.supporter.push(supporter);
    return conflict;
  }

  /** A household's first row and its household-level values, for messages. */
  firstOf(householdId: string): { row: number; values: HouseholdInput } | undefined {
    const h = this.households.indexOf(householdId);
    return h < 0 ? undefined : { row: this.firstRows.get(h), values: this.householdAt(h) };
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
  wage: 0, other: 0, disability: 0, ill: 0, labor: 'full', selfCare: 'full', supporter: 1,
};
export const HOUSEHOLD_DEFAULTS: Omit<HouseholdInput, 'area'> = {
  assets: 0, rigid: 0, onDibao: 0, prior: 0, emergency: 0, weight: 1_000_000,
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
      if (r !== -1) throw new Error(`populationOf: ${r === DUPLICATE_PERSON ? `person ${pid} twice` : `household ${spec.id} disagrees with itself`}`);
    });
  }
  return b.build();
}
