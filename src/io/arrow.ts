// Read once, run many (issue 20): a validated population kept as an Apache Arrow IPC file (`jiuzhu import`), which
// other tools read too (DuckDB, pandas, R's arrow): one row per person, households' rows together; ids as text, codes
// as dictionaries (urban/rural, full/partial/none), whole numbers as Uint8, money as whole fen (`<column>_fen`) and
// weights and draws as millionths (`<column>_millionths`), both whole numbers held in Float64 as the engine holds them
// (exact below 2^53; never a binary fraction of a yuan). Read
// back with the typed arrays taken straight from the file; every check the CSV readers make is made again (a value in
// its range, a household-level value the same on every row of its household, ids unique), so a file another tool
// wrote, or edited, is held to the same rules.
import type { Data, Vector } from 'apache-arrow';
import { arrowLib } from './arrow-lib.js';
import { COLUMNS, type ColumnDef } from '../core/columns.js';
import { equalBytes, hashBytes, IdList, LazyIds, type Ids } from '../core/ids.js';
import { populationFrom, type Population } from '../core/population.js';
import { InputError, type Problem } from '../errors.js';
import { checkRange, earliest, limits, type CheckedColumn, type CheckFound, type CheckRange } from './arrow-checks.js';

const { Dictionary, makeData, makeVector, RecordBatch, Schema, Table, tableFromIPC, tableToIPC, Uint8, Utf8, vectorFromArray } = arrowLib;
type Table = InstanceType<typeof Table>;

const FORMAT = 'population/1';

/** A column's name in the file: money and millionths say their unit. */
export function arrowName(c: ColumnDef): string {
  return c.kind.type === 'money' ? `${c.name}_fen` : c.kind.type === 'millionths' ? `${c.name}_millionths` : c.name;
}

/** The population as Arrow IPC file bytes: persons in household order, household values on each of their rows. */
export function populationToArrow(pop: Population, meta: Record<string, string>): Uint8Array {
  const n = pop.personCount;
  const household = new Int32Array(n);
  const person = new Int32Array(n);
  for (let h = 0, r = 0; h < pop.householdCount; h++)
    for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++, r++) [household[r], person[r]] = [h, pop.members[k]!];
  const columns: Record<string, Vector> = {};
  for (const c of COLUMNS as readonly ColumnDef[]) {
    const at = c.level === 'household' || c.name === 'household_id' ? household : person;
    if (c.kind.type === 'id') {
      columns[c.name] = utf8(c.name === 'household_id' ? pop.householdIds : pop.personIds, at);
      continue;
    }
    const stored = (pop as unknown as Record<string, ArrayLike<number>>)[c.key]!;
    if (c.kind.type === 'money' || c.kind.type === 'millionths') {
      columns[arrowName(c)] = makeVector(Float64Array.from(at, (i) => stored[i]!));
    } else if (c.kind.type === 'code') {
      const codes = Uint8Array.from(at, (i) => stored[i]!);
      const dictionary = vectorFromArray([...c.kind.codes], new Utf8());
      columns[c.name] = makeVector(
        makeData({ type: new Dictionary(new Utf8(), new Uint8()), length: n, nullCount: 0, data: codes, dictionary }),
      );
    } else columns[c.name] = makeVector(Uint8Array.from(at, (i) => stored[i]!));
  }
  const table = new Table(columns);
  const [hd, pd] = [columns.household_id!.data[0]!, columns.person_id!.data[0]!];
  const ids = idsFingerprint(hd.valueOffsets, hd.values as Uint8Array, pd.valueOffsets, pd.values as Uint8Array);
  const schema = new Schema(
    table.schema.fields,
    new Map([['jiuzhu', FORMAT], ['jiuzhu.ids', ids], ...Object.entries(meta).map(([k, v]) => [`jiuzhu.${k}`, v] as [string, string])]),
  );
  return tableToIPC(
    new Table(
      schema,
      table.batches.map((b) => new RecordBatch(schema, b.data)),
    ),
    'file',
  );
}

/** The ids at the given indices as one Utf8 column (their bytes copied once, no string made). */
/**
 * A fingerprint of both id columns (offsets and bytes), 32-bit words at a time: what `jiuzhu import` writes beside the
 * ids it has checked, so that reading them back need not check them again.
 */
export function idsFingerprint(hOff: Int32Array, hVal: Uint8Array, pOff: Int32Array, pVal: Uint8Array): string {
  let h = 0x811c9dc5 | 0;
  for (const [off, val] of [
    [hOff, hVal],
    [pOff, pVal],
  ] as const) {
    h = fnvWords(h, new Uint8Array(off.buffer, off.byteOffset, off.byteLength));
    h = fnvWords(h, val.subarray(0, off[off.length - 1]!));
  }
  return `fnv32:${(h >>> 0).toString(16)}:${hOff.length - 1}`;
}

/**
 * FNV-1a over the bytes, a 32-bit word at a time, from h. A function of its own, h in a local: as a variable that a
 * closure reassigned, h lived in a context, a number past 2^30 stored as a new heap number at every word (~0.2 s on the
 * 1M file's ~45 MB of ids; now ~0.02 s).
 */
function fnvWords(h: number, given: Uint8Array): number {
  const a = given.byteOffset & 3 ? given.slice() : given; // Int32 words need an aligned start
  const w = new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2);
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w[i]!, 16777619);
  for (let i = w.length << 2; i < a.byteLength; i++) h = Math.imul(h ^ a[i]!, 16777619);
  return Math.imul(h ^ a.byteLength, 16777619);
}

function utf8(ids: Ids, at: Int32Array): Vector {
  let size = 0;
  for (let r = 0; r < at.length; r++) size += ids.bytesAt(at[r]!).length;
  const data = new Uint8Array(size);
  const valueOffsets = new Int32Array(at.length + 1);
  for (let r = 0, o = 0; r < at.length; r++) {
    const b = ids.bytesAt(at[r]!);
    data.set(b, o);
    o += b.length;
    valueOffsets[r + 1] = o;
  }
  return makeVector(makeData({ type: new Utf8(), length: at.length, nullCount: 0, valueOffsets, data }));
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
export async function populationFromArrow(
  bytes: Uint8Array,
  file: string,
  split?: (whole: CheckRange) => Promise<readonly CheckFound[]>,
): Promise<Population> {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new InputError([{ where: { file }, message: `not a readable Arrow IPC file (${(e as Error).message})` }]);
  }
  const problems: Problem[] = [];
  const fail = (message: string): never => {
    throw new InputError([{ where: { file }, message }], 'make the file with `jiuzhu import --households FILE --out FILE.arrow`');
  };
  if (table.batches.length !== 1) fail(`the file holds ${table.batches.length} record batches; jiuzhu reads one (as jiuzhu import writes)`);
  // Every column's name and type checked before any value: a file another tool wrote hears of all its columns at once.
  const want = (c: ColumnDef) =>
    c.kind.type === 'id'
      ? 'Utf8'
      : c.kind.type === 'money' || c.kind.type === 'millionths'
        ? 'Float64'
        : c.kind.type === 'code'
          ? 'Dictionary<Uint8, Utf8>'
          : 'Uint8';
  const columnProblems = (COLUMNS as readonly ColumnDef[]).flatMap((c) => {
    const child = table.getChild(arrowName(c));
    if (!child) return [`no column ${arrowName(c)} (${want(c)}: ${c.expected})`];
    if (String(child.type) !== want(c)) return [`column ${arrowName(c)} is ${String(child.type)}, expected ${want(c)}`];
    return child.nullCount ? [`column ${arrowName(c)} has ${child.nullCount} empty values`] : [];
  });
  if (columnProblems.length)
    throw new InputError(
      columnProblems.map((message) => ({ where: { file }, message })),
      `jiuzhu reads the columns as jiuzhu import writes them (README: "Read once, run many"); make the file with jiuzhu import --households FILE --out FILE.arrow`,
    );
  const data = (c: ColumnDef): Data => table.getChild(arrowName(c))!.data[0]!;
  const n = table.numRows;
  const at = (row: number, c: ColumnDef) => ({ file: `${file}: row ${row + 1}, column ${arrowName(c)}` });
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
  const checked = table.schema.metadata.get('jiuzhu.ids') === idsFingerprint(hOff.subarray(0, n + 1), hVal, pOff, pVal);
  const households = checked ? null : new SeenIds(hVal, hOff, n);
  // The households' first rows, and the end (in shared memory: the worker threads read them as they are).
  const starts = sharedInt32(n + 1);
  let H = 0;
  for (let r = 0; r < n; r++) {
    const [s, e] = [hOff[r]!, hOff[r + 1]!];
    if (r > 0 && e - s === s - hOff[r - 1]! && equalBytes(hVal, hOff[r - 1]!, hVal, s, e - s)) continue;
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
    if (!persons.add(r))
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
      const dict = (d.dictionary as Vector).toArray() as string[];
      if (dict.join(',') !== c.kind.codes.join(','))
        fail(`column ${c.name}'s values are ${dict.join(', ')}; expected ${c.kind.codes.join(', ')} in that order`);
    }
    const rows = (d.values as Uint8Array | Float64Array).subarray(0, n);
    const one =
      c.level === 'person' ? null : wide ? new Float64Array(new SharedArrayBuffer(8 * H)) : new Uint8Array(new SharedArrayBuffer(H));
    values.push({ c: i, rows, one });
  }
  // Checked a range of households at a time, on the pool's workers when given (split), else here; the members written.
  const members = sharedInt32(n);
  const all: CheckRange = { columns: values, offsets, from: 0, to: H, members };
  const found = split ? earliest(await split(all), values.length) : checkRange(all);
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
          `${perRow[r]} is not valid: expected ${c.expected}${wide ? ` (stored in ${c.kind.type === 'money' ? 'whole fen' : 'millionths'})` : ''}`,
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
              `${c.name} differs from the household's first row (row ${offsets[h]! + 1}); a household-level value must be the same on every row`,
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

const sharedInt32 = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));
