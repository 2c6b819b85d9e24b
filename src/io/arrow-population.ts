// An Arrow population file's columns (io/arrow.ts: one record batch's, or every batch's joined) made a Population,
// checked as the CSV readers check theirs: each column's name and type, a value in its range, a household-level value
// the same on every row of its household, ids unique (unless `jiuzhu import` checked them, ids or values: their
// fingerprints in the file say so).
import { sayNote } from './files.js';
import { COLUMNS, type ColumnDef } from '../core/columns.js';
import { EXCEL_ROUNDED_ID } from '../core/invisible.js';
import { equalBytes, hashBytes, IdList, LazyIds } from '../core/ids.js';
import { populationFrom, type Population } from '../core/population.js';
import { InputError, type Problem } from '../errors.js';
import { resembles } from './household-messages.js';
import { checkRange, earliest, gatherRange, limits, type CheckedColumn, type CheckFound, type CheckRange } from './arrow-checks.js';

/** A column as the file holds it. */
export interface ColumnData {
  /** Its Arrow type as apache-arrow names it ("Float64", "Dictionary<Uint8, Utf8>"). */
  readonly type: string;
  readonly nullCount: number;
  /** Its values: a Utf8 column's bytes, a dictionary column's codes. */
  readonly values: Uint8Array | Float64Array;
  /** A Utf8 column's offsets (rows + 1). */
  readonly valueOffsets?: Int32Array;
  /** A dictionary column's values. */
  readonly dictionary?: readonly string[];
  /** The first row whose value is empty (null), when there is one. */
  readonly firstNull?: number;
}

/** A population file's columns. */
export interface ArrowColumns {
  readonly rows: number;
  readonly metadata: ReadonlyMap<string, string>;
  /** Each batch's hash of its ids (arrow.ts idsHash). */
  readonly idsHashes: readonly string[];
  /** Each batch's hash of its value columns (arrow-checks.ts valuesHash; '' where they are not as import writes them). */
  valuesHashes(): readonly string[];
  /** Every field's name, in the file's order (a name given twice, or one like a column's, is a problem). */
  readonly names: readonly string[];
  column(name: string): ColumnData | undefined;
}

export interface ColumnsOptions {
  /** Checks the value columns a range of households at a time on other threads (the engine gives the pool's workers). */
  readonly split?: (whole: CheckRange) => Promise<readonly CheckFound[]>;
  /** Whether the ids are those `jiuzhu import` checked (by default: the file's fingerprint equals theirs). */
  readonly idsChecked?: boolean;
  /** Whether the values are those `jiuzhu import` checked (by default: the file's `jiuzhu.values` equals theirs). */
  readonly valuesChecked?: boolean;
  /** Arrays to reuse (batch after batch); without it, new arrays in shared memory. */
  readonly scratch?: Scratch;
  /** The file's rows before these (one batch of several): a problem is told at its row in the file. */
  readonly firstRow?: number;
}

/** A column's name in the file: money and millionths say their unit. */
export function arrowName(c: ColumnDef): string {
  return c.kind.type === 'money' ? `${c.name}_fen` : c.kind.type === 'millionths' ? `${c.name}_millionths` : c.name;
}

/** A column's Arrow type as import writes it (apache-arrow's name of it). */
export const arrowType = (c: ColumnDef): string =>
  c.kind.type === 'id'
    ? 'Utf8'
    : c.kind.type === 'money' || c.kind.type === 'millionths'
      ? 'Float64'
      : c.kind.type === 'code'
        ? 'Dictionary<Uint8, Utf8>'
        : 'Uint8';

/** The file's fingerprint of its ids: each batch's hash, and the rows (one batch: as files imported before wrote it). */
export const fingerprintOf = (hashes: readonly string[], rows: number) => `fnv32:${hashes.join('.')}:${rows}`;

/** The file's fingerprint of its value columns (`jiuzhu.values`): each batch's valuesHash, and the rows. */
export const valuesFingerprintOf = (hashes: readonly string[], rows: number) => `fnv32x4:${hashes.join('.')}:${rows}`;

/** A batch's value columns as import writes them, in COLUMNS order (none when one is missing, of another type or has nulls). */
export function valueColumns(table: Pick<ArrowColumns, 'rows' | 'column'>): Array<Uint8Array | Float64Array> | null {
  const out: Array<Uint8Array | Float64Array> = [];
  for (const c of COLUMNS as readonly ColumnDef[]) {
    if (c.kind.type === 'id') continue;
    const d = table.column(arrowName(c));
    if (!d || d.type !== arrowType(c) || d.nullCount) return null;
    out.push(d.values.subarray(0, table.rows));
  }
  return out;
}

/**
 * Finds repeated byte strings among values[offsets[r], offsets[r + 1]) without copying them: an open-addressing set
 * keeping each entry's hash beside it, so that a probe touches an entry's bytes only when the hashes agree.
 */
class SeenIds {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  constructor(
    private readonly values: Uint8Array,
    private readonly offsets: Int32Array,
    capacity: number,
  ) {
    const size = 1 << Math.ceil(Math.log2(2 * capacity + 2));
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }
  /** Adds entry r; false when an equal one was added before. */
  add(r: number): boolean {
    const { values, offsets, slots, hashes } = this;
    const [s, e] = [offsets[r]!, offsets[r + 1]!];
    const h = hashBytes(values, s, e);
    const mask = slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = slots[slot]!;
      if (k === 0) {
        slots[slot] = r + 1;
        hashes[slot] = h;
        return true;
      }
      if (hashes[slot] !== h) continue;
      const [ks, ke] = [offsets[k - 1]!, offsets[k]!];
      if (ke - ks === e - s && equalBytes(values, ks, values, s, e - s)) return false;
    }
  }
}

/**
 * An Arrow IPC file's population, checked as the CSV readers check theirs. `split`: checks the value columns a range of
 * households at a time on other threads (arrow-checks.ts; the engine gives the pool's workers), giving each range's
 * findings; without it they are checked here. Either way the same population and the same problems.
 */
export async function populationFromColumns(table: ArrowColumns, file: string, o: ColumnsOptions = {}): Promise<Population> {
  const { split, idsChecked, valuesChecked, scratch, firstRow = 0 } = o;
  const alloc = scratch ?? SHARED;
  const problems: Problem[] = [];
  const fail = (message: string): never => {
    throw new InputError([{ where: { file }, message }], 'make the file with `jiuzhu import --households FILE --out FILE.arrow`');
  };
  // Every column's name and type checked before any value: a file another tool wrote hears of all its columns at once.
  const want = arrowType;
  const columnProblems = [
    ...(COLUMNS as readonly ColumnDef[]).flatMap((c) => {
      const child = table.column(arrowName(c));
      if (!child) return [`no column ${arrowName(c)} (${want(c)}: ${c.expected})`];
      if (child.type !== want(c)) return [`column ${arrowName(c)} is ${child.type}, expected ${want(c)}`];
      if (!child.nullCount) return [];
      const at = child.firstNull === undefined ? '' : `, the first at row ${firstRow + child.firstNull + 1}`;
      return [`column ${arrowName(c)} has ${child.nullCount} empty value${child.nullCount > 1 ? 's' : ''}${at}`];
    }),
    ...namesProblems(table.names),
  ];
  if (columnProblems.length)
    throw new InputError(
      columnProblems.map((message) => ({ where: { file }, message })),
      `jiuzhu reads the columns as jiuzhu import writes them (README: "Read once, run many"); make the file with jiuzhu import --households FILE --out FILE.arrow`,
    );
  const data = (c: ColumnDef): ColumnData => table.column(arrowName(c))!;
  // An id as another tool wrote it: empty, with spaces around it (the CSV readers trim them; here they would make
  // another id), or Excel's 4.50102E+17 (refused by the CSV readers too): told at its row. (Ids import checked are none.)
  const badId = (v: Uint8Array, s: number, e: number) =>
    e === s
      ? 'is empty'
      : SPACE.has(v[s]!) || SPACE.has(v[e - 1]!)
        ? 'has spaces around it (write the id without them)'
        : v.subarray(s, e).some((x) => x < 0x20 || x === 0x7f)
          ? 'has a line break, tab or other control character in it'
          : v.subarray(s, e).includes(PLUS) && EXCEL_ROUNDED_ID.test(new TextDecoder().decode(v.subarray(s, e)))
            ? `is ${new TextDecoder().decode(v.subarray(s, e))}, a number in scientific notation as Excel shows an id of 12 digits or more, its digits lost (ids that shared the first ones now name one household)`
            : null;
  const n = table.rows;
  const at = (row: number, c: ColumnDef) => ({ file: `${file}: row ${firstRow + row + 1}, column ${arrowName(c)}` });
  const problem = (row: number, c: ColumnDef, message: string) => {
    if (problems.length < 20) problems.push({ where: at(row, c), message });
  };
  // Households: runs of one household_id; an id seen in an earlier run is a household whose rows lie apart.
  const byName = new Map((COLUMNS as readonly ColumnDef[]).map((c) => [c.name, c]));
  const hid = data(byName.get('household_id')!);
  const [hOff, hVal] = [hid.valueOffsets as Int32Array, hid.values as Uint8Array];
  const pid = data(byName.get('person_id')!);
  const [pOff, pVal] = [(pid.valueOffsets as Int32Array).subarray(0, n + 1), pid.values as Uint8Array];
  // The ids as `jiuzhu import` checked them (their fingerprint in the file says so): their uniqueness holds; any other
  // ids are checked here, each against every other (a hash set: about a third of a second for a million households).
  const checked = idsChecked ?? table.metadata.get('jiuzhu.ids') === fingerprintOf(table.idsHashes, n);
  const households = checked ? null : new SeenIds(hVal, hOff, n);
  // The households' first rows, and the end (in shared memory: the worker threads read them as they are).
  const starts = alloc.get('starts', Int32Array, n + 1);
  let H = 0;
  for (let r = 0; r < n; r++) {
    const [s, e] = [hOff[r]!, hOff[r + 1]!];
    if (r > 0 && e - s === s - hOff[r - 1]! && equalBytes(hVal, hOff[r - 1]!, hVal, s, e - s)) continue;
    const bad = checked ? null : badId(hVal, s, e);
    if (bad) problem(r, byName.get('household_id')!, `the household id ${bad}: expected a household id`);
    if (households && !households.add(r))
      problem(
        r,
        byName.get('household_id')!,
        `household ${new TextDecoder().decode(hVal.subarray(s, e))} appears again apart from its rows: a household's rows are together`,
      );
    starts[H++] = r;
  }
  starts[H] = n;
  const offsets = starts.subarray(0, H + 1);
  const persons = checked ? null : new SeenIds(pVal, pOff, n);
  for (let r = 0; persons && r < n; r++) {
    const bad = badId(pVal, pOff[r]!, pOff[r + 1]!);
    if (bad) problem(r, byName.get('person_id')!, `the person id ${bad}: expected a person id`);
    else if (!persons.add(r))
      problem(
        r,
        byName.get('person_id')!,
        `person ${new TextDecoder().decode(pVal.subarray(pOff[r]!, pOff[r + 1]!))} appears again; person_id must be unique`,
      );
  }
  // The value columns, as the file holds them, and a shared array for each household-level one's values.
  const values: CheckedColumn[] = [];
  for (const [i, c] of (COLUMNS as readonly ColumnDef[]).entries()) {
    if (c.kind.type === 'id') continue;
    const wide = c.kind.type === 'money' || c.kind.type === 'millionths';
    const d = data(c);
    if (c.kind.type === 'code') {
      // (another tool's dictionary is read in jiuzhu's code order, values not among the codes after them: arrow-types.ts)
      const dict = (d.dictionary ?? []).slice(0, c.kind.codes.length);
      if (dict.join(',') !== c.kind.codes.join(','))
        fail(`column ${c.name}'s values are ${dict.join(', ')}; expected ${c.kind.codes.join(', ')} in that order`);
    }
    const rows = (d.values as Uint8Array | Float64Array).subarray(0, n);
    const one = c.level === 'person' ? null : wide ? alloc.get(c.key, Float64Array, H) : alloc.get(c.key, Uint8Array, H);
    values.push({ c: i, rows, one });
  }
  // Checked a range of households at a time, on the pool's workers when given (split), else here; the members written.
  const members = alloc.get('members', Int32Array, n);
  const all: CheckRange = { columns: values, offsets, from: 0, to: H, members };
  // (values `jiuzhu import` checked, as their hash in the file says: gathered only)
  const given = table.metadata.get('jiuzhu.values');
  const trusted = valuesChecked ?? (given !== undefined && given === valuesFingerprintOf(table.valuesHashes(), n));
  // A file import wrote whose ids or values no longer match what it wrote (edited since, or damaged): checked again as a
  // CSV's are, and said (a trial's byte flipped in a weight gave another total, unsaid)
  const changed = [
    !checked && idsChecked === undefined && table.metadata.get('jiuzhu.ids') !== undefined ? 'ids' : '',
    !trusted && valuesChecked === undefined && given !== undefined ? 'values' : '',
  ].filter(Boolean);
  if (changed.length)
    sayNote(
      `note: ${file} has changed since jiuzhu import wrote it (its ${changed.join(' and ')} differ from what import wrote): each checked again, as a CSV's; the figures are of the file as it is now\n`,
    );
  const found = trusted ? gatherRange(all) : split ? earliest(await split(all), values.length) : checkRange(all);
  const columns = new Map<string, Uint8Array | Float64Array>();
  values.forEach(({ c: i, rows: perRow, one }, k) => {
    const c = (COLUMNS as readonly ColumnDef[])[i]!;
    const wide = perRow instanceof Float64Array;
    const [lo, hi, whole] = limits(c);
    for (let r = found.outside[k]!; r >= 0 && r < n; r++)
      if (!(perRow[r]! >= lo && perRow[r]! <= hi) || (whole && !Number.isInteger(perRow[r]!)))
        problem(
          r,
          c,
          `${c.kind.type === 'code' ? JSON.stringify(data(c).dictionary?.[perRow[r]!] ?? perRow[r]) : perRow[r]} is not valid: expected ${c.expected}${wide ? ` (stored in ${c.kind.type === 'money' ? 'whole fen' : 'millionths'})` : ''}`,
        );
    if (!one) {
      columns.set(c.key, perRow);
      return;
    }
    // One value per household (its first row's), the same on its other rows.
    for (let r = found.differs[k]!; r >= 0 && r < n; r = -1)
      for (let h = 0; h < H; h++)
        for (let q = offsets[h]! + 1; q < offsets[h + 1]!; q++)
          if (perRow[q] !== one[h])
            problem(
              q,
              c,
              `${c.name} differs from the household's first row (row ${firstRow + offsets[h]! + 1}); a household-level value must be the same on every row`,
            );
    columns.set(c.key, one);
  });
  if (problems.length) throw new InputError(problems, 'fix the file, or import it again from its CSV');
  // The households' ids, each once (their first row's): made when first asked for (totals never ask; ~40 ms at 1M).
  const householdIds = new LazyIds(H, () => {
    const hStarts = new Int32Array(H + 1);
    let size = 0;
    for (let h = 0; h < H; h++) size += hOff[offsets[h]! + 1]! - hOff[offsets[h]!]!;
    const hBytes = new Uint8Array(size);
    for (let h = 0, o = 0; h < H; h++) {
      const [s, e] = [hOff[offsets[h]!]!, hOff[offsets[h]! + 1]!];
      for (let i = s; i < e; i++) hBytes[o++] = hVal[i]!; // (a subarray per household costs more than the copy)
      hStarts[h + 1] = o;
    }
    return new IdList(hBytes, hStarts);
  });
  return populationFrom({
    householdCount: H,
    personCount: n,
    householdIds,
    personIds: new IdList(pVal, pOff),
    offsets,
    members,
    column: (key) => columns.get(key)!,
  });
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const PLUS = 0x2b;

/**
 * The file's field names: one given twice (jiuzhu would read the first), or one like a column's name but not it (`weight`
 * beside `weight_millionths`, `wage_incom_fen`: its values would be ignored), as the CSV readers tell a header's.
 */
function namesProblems(names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  const known = new Set((COLUMNS as readonly ColumnDef[]).map(arrowName));
  names.forEach((name, i) => {
    if (seen.has(name)) out.push(`column ${name} appears twice (fields ${seen.get(name)! + 1} and ${i + 1}): give it once`);
    else seen.set(name, i);
    if (known.has(name)) return;
    const like = resembles(name) ?? resembles(name.replace(/_(fen|millionths)$/i, ''));
    const column = like && (COLUMNS as readonly ColumnDef[]).find((c) => c.name === like);
    if (column)
      out.push(
        `column ${name} looks like ${arrowName(column)} but is not named so (its values would be ignored): name it ${arrowName(column)}${column.kind.type === 'money' ? ' (whole fen)' : column.kind.type === 'millionths' ? ' (millionths)' : ''}, or give it a name that does not resemble one jiuzhu reads`,
      );
  });
  return out;
}

type Typed = Int32Array | Float64Array | Uint8Array;
type TypedOf<T extends Typed> = { new (b: ArrayBufferLike): T; new (n: number): T; readonly BYTES_PER_ELEMENT: number };

/** New arrays in shared memory (the pool's workers read them as they are). */
const SHARED = {
  get: <T extends Typed>(_key: string, make: TypedOf<T>, n: number): T => new make(new SharedArrayBuffer(make.BYTES_PER_ELEMENT * n)),
};

/**
 * Arrays kept from one batch's population to the next, by name (a worker evaluates a batch before it reads the next):
 * memory written once, not a new page fault per page per batch.
 */
export class Scratch {
  private readonly kept = new Map<string, Typed>();
  get<T extends Typed>(key: string, make: TypedOf<T>, n: number): T {
    const had = this.kept.get(key) as T | undefined;
    if (had && had.length >= n) return had.subarray(0, n) as T;
    const a = new make(Math.max(n, Math.ceil((had?.length ?? 0) * 1.5)));
    this.kept.set(key, a);
    return a.subarray(0, n) as T;
  }
}
