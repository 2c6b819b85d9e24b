// The loaded population, columnar: one typed array per column of the column table (columns.ts), persons grouped by
// household (CSR). Parse once, evaluate many scenarios. Money is integer fen; weight is integer millionths.
// PopulationBuilder builds one row by row (the reference reader, case files, tests); the fast reader assembles one
// from parts (io/assemble.ts).
import {
  COLUMNS,
  HOUSEHOLD_COLS,
  HOUSEHOLD_KEYS,
  PERSON_COLS,
  PERSON_KEYS,
  showValue,
  storedValue,
  columnArray,
  type ColumnDef,
  type HouseholdColumns,
  type HouseholdInput,
  type PersonColumns,
  type PersonInput,
} from './columns.js';
import { Grow, i32 } from './grow.js';
import { fastRecord } from './records.js';
import { IdTable, type Ids } from './ids.js';

export type { HouseholdColumns, HouseholdInput, PersonColumns, PersonInput } from './columns.js';

export interface Population extends PersonColumns, HouseholdColumns {
  readonly householdCount: number;
  readonly personCount: number;
  readonly householdIds: Ids;
  readonly personIds: Ids;
  /** Members of household h are members[offsets[h]] … members[offsets[h+1]-1], in file order. */
  readonly offsets: Int32Array;
  readonly members: Int32Array;
}

/** What a population is made of: its ids and grouping, and its columns by column-table key. */
export type PopulationParts = Omit<Population, keyof PersonColumns | keyof HouseholdColumns> & {
  readonly column: (key: string) => Uint8Array | Float64Array;
};

/**
 * A Population object, built property by property in one fixed order (the engine reads its columns on the hot path:
 * an object made by spreading Object.fromEntries measured 10 % slower to evaluate).
 */
export function populationFrom(parts: PopulationParts): Population {
  const keys = ['householdCount', 'personCount', 'householdIds', 'personIds', 'offsets', 'members', ...PERSON_KEYS, ...HOUSEHOLD_KEYS];
  return fastRecord<Population>(keys, [
    parts.householdCount,
    parts.personCount,
    parts.householdIds,
    parts.personIds,
    parts.offsets,
    parts.members,
    ...PERSON_KEYS.map((key) => parts.column(key)),
    ...HOUSEHOLD_KEYS.map((key) => parts.column(key)),
  ]);
}

/** A household-level value that differs from the household's first row. */
export interface Conflict {
  readonly column: string;
  readonly firstValue: string;
  readonly value: string;
  readonly firstRow: number;
  /** Where each is the column's default: an empty cell reads so (the message says it — an import trial's empty cell was told as 0.00). */
  readonly valueIsDefault?: boolean;
  readonly firstIsDefault?: boolean;
}

/** What adding a row did: added; refused as a repeated person id; or added with household-level values that differ. */
export type Added = { readonly ok: true } | { readonly duplicateOfRow: number } | { readonly conflicts: readonly Conflict[] };
const ADDED: Added = { ok: true };

/**
 * The household-level values (stored numbers, HOUSEHOLD_COLS order) of a row that differ from the household's first
 * row (on line firstRow), shown as a file would write them.
 */
export function householdConflicts(first: ArrayLike<number>, row: ArrayLike<number>, firstRow: number): Conflict[] {
  const out: Conflict[] = [];
  HOUSEHOLD_COLS.forEach((c, j) => {
    if (first[j] === row[j]) return;
    const def: ColumnDef = COLUMNS[c]!;
    const isDefault = (v: number) => def.default !== undefined && v === def.default;
    out.push({
      column: def.name,
      firstValue: showValue(def, first[j]!),
      value: showValue(def, row[j]!),
      firstRow,
      ...(isDefault(row[j]!) ? { valueIsDefault: true } : {}),
      ...(isDefault(first[j]!) ? { firstIsDefault: true } : {}),
    });
  });
  return out;
}

/** A growable column of a column's store type. */
const grow = (def: ColumnDef): Grow<Uint8Array | Float64Array> => new Grow((n) => columnArray(def, n));

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
  private readonly p = PERSON_COLS.map((c) => grow(COLUMNS[c]!));
  private readonly h = HOUSEHOLD_COLS.map((c) => grow(COLUMNS[c]!));

  /**
   * Adds one person (the reference reader, case files, tests: ids as text). `person` and `household`: the stored
   * values of the person's and the household's columns, in PERSON_COLS and HOUSEHOLD_COLS order.
   */
  add(householdId: string, personId: string, person: ArrayLike<number>, household: ArrayLike<number>, row: number): Added {
    const persons = this.persons;
    const n = persons.length;
    const p = persons.internString(personId);
    if (p < n) return { duplicateOfRow: this.personRows.get(p) };
    this.personRows.push(row);
    const count = this.households.length;
    const h = this.households.internString(householdId);
    if (h === count) {
      this.firstRows.push(row);
      this.h.forEach((col, j) => col.push(household[j]!));
    }
    // The person is kept even when values differ, so person ids and columns stay aligned (a conflict fails the read).
    this.personHousehold.push(h);
    this.p.forEach((col, j) => col.push(person[j]!));
    if (h === count) return ADDED;
    const conflicts = householdConflicts(
      this.h.map((col) => col.get(h)),
      household,
      this.firstRows.get(h),
    );
    return conflicts.length ? { conflicts } : ADDED;
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
    const columns = new Map<string, Uint8Array | Float64Array>();
    PERSON_COLS.forEach((c, j) => columns.set(COLUMNS[c]!.key, this.p[j]!.done()));
    HOUSEHOLD_COLS.forEach((c, j) => columns.set(COLUMNS[c]!.key, this.h[j]!.done()));
    return populationFrom({
      householdCount: H,
      personCount: P,
      householdIds: this.households,
      personIds: this.persons,
      offsets,
      members,
      column: (key) => columns.get(key)!,
    });
  }
}

export interface HouseholdSpec {
  readonly id: string;
  readonly household: Partial<HouseholdInput> & { readonly area: HouseholdInput['area'] };
  readonly persons: ReadonlyArray<Partial<PersonInput> & { readonly age: number; readonly id?: string }>;
}

/** A spec's values of the given columns, stored, with the table's defaults for those it does not give. */
function storedOf(cols: readonly number[], given: Readonly<Record<string, number | string | undefined>>): number[] {
  return cols.map((c) => {
    const def: ColumnDef = COLUMNS[c]!;
    const v = given[def.key];
    return v === undefined ? def.default! : storedValue(def, v);
  });
}

/** A population from households written inline (tests, case files); absent values take the table's defaults. */
export function populationOf(households: readonly HouseholdSpec[]): Population {
  const b = new PopulationBuilder();
  let row = 0;
  for (const spec of households) {
    const household = storedOf(HOUSEHOLD_COLS, spec.household);
    spec.persons.forEach((person, i) => {
      const pid = person.id ?? `${spec.id}-${i + 1}`;
      const r = b.add(spec.id, pid, storedOf(PERSON_COLS, person), household, ++row);
      if (!('ok' in r))
        throw new Error(`populationOf: ${'duplicateOfRow' in r ? `person ${pid} twice` : `household ${spec.id} disagrees with itself`}`);
    });
  }
  return b.build();
}

/**
 * Households that give prior_dibao (their monthly dibao now, the base of a gradual exit) but are not on dibao now
 * (on_dibao 0): no rule reads the value there (DOMAIN step 7, 003 §11). Said by every command that reads a file
 * (cli/load.ts priorNote); simulate's passes count it too (Totals.priorOffDibao), as --stream holds no population.
 */
export function priorOffDibaoOf(pop: Population): number {
  let n = 0;
  for (let h = 0; h < pop.householdCount; h++) if (pop.prior[h]! > 0 && !pop.onDibao[h]) n++;
  return n;
}

/**
 * A household's index by its id as a person types it: the id itself, else the one alike but for case, spaces and
 * full-width forms (Ｃ０１ for C01, as a Chinese input method types it); -1 when there is none.
 */
export function householdAlike(pop: Population, id: string): number {
  const h = pop.householdIds.indexOf(id);
  if (h >= 0) return h;
  const loose = (x: string) => x.normalize('NFKC').trim().toLowerCase();
  const want = loose(id);
  for (let i = 0; i < pop.householdCount; i++) if (loose(pop.householdIds.at(i)) === want) return i;
  return -1;
}
