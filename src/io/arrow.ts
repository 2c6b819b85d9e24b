// Read once, run many (issue 20): a validated population kept as an Apache Arrow IPC file (`jiuzhu import`), which
// other tools read too (DuckDB, pandas, R's arrow): one row per person, households' rows together; ids as text, codes
// as dictionaries (urban/rural, full/partial/none), whole numbers as Uint8, money as whole fen (`<column>_fen`) and
// weights and draws as millionths (`<column>_millionths`), both whole numbers held in Float64 as the engine holds them
// (exact below 2^53; never a binary fraction of a yuan); in record batches of whole households. Read back a batch at a
// time (arrow-file.ts): its typed arrays as the file holds them, or every batch's joined into one array per column;
// every check the CSV readers make is made again (arrow-population.ts), so a file another tool wrote, or edited, is
// held to the same rules.
import type { Data, Vector } from 'apache-arrow';
import { open } from 'node:fs/promises';
import { arrowLib } from './arrow-lib.js';
import { fileError } from './files.js';
import { BatchReader, fingerprintMessages, messagesFingerprintOf, messagesPlaceholder, readArrowLayout } from './arrow-file.js';
import { columnData } from './arrow-types.js';
import {
  arrowName,
  fingerprintOf,
  populationFromColumns,
  Scratch,
  valueColumns,
  valuesFingerprintOf,
  type ArrowColumns,
  type ColumnData,
} from './arrow-population.js';
import { valuesHash, type CheckFound, type CheckRange } from './arrow-checks.js';
import { COLUMNS, type ColumnDef } from '../core/columns.js';
import type { Ids } from '../core/ids.js';
import type { Population } from '../core/population.js';
import { InputError, UsageError } from '../errors.js';

export { arrowName } from './arrow-population.js';

const {
  Dictionary,
  makeData,
  makeVector,
  RecordBatch,
  RecordBatchReader,
  Schema,
  Table,
  tableFromIPC,
  tableToIPC,
  Uint8,
  Utf8,
  vectorFromArray,
} = arrowLib;
type Table = InstanceType<typeof Table>;

const FORMAT = 'population/1';

/**
 * Households per record batch: a reader takes the file a batch at a time into one buffer (io/arrow-file.ts), and the
 * pool's workers each take whole batches (engine/arrow-totals.ts). 65,536 households are ~17 MB of a generated file.
 */
export const BATCH_HOUSEHOLDS = 1 << 16;

/**
 * The population as Arrow IPC file bytes: persons in household order, household values on each of their rows, in
 * record batches of whole households (`batchHouseholds` each; the last may hold fewer).
 */
export function populationToArrow(pop: Population, meta: Record<string, string>, batchHouseholds = BATCH_HOUSEHOLDS): Uint8Array {
  const n = pop.personCount;
  const household = new Int32Array(n);
  const person = new Int32Array(n);
  for (let h = 0, r = 0; h < pop.householdCount; h++)
    for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++, r++) [household[r], person[r]] = [h, pop.members[k]!];
  // (each code column's dictionary one vector for every batch: the file holds it once)
  const dictionaries = new Map(
    (COLUMNS as readonly ColumnDef[]).flatMap((c) =>
      c.kind.type === 'code' ? [[c.name, vectorFromArray([...c.kind.codes], new Utf8())]] : [],
    ),
  );
  const batches: Array<Record<string, Vector>> = [];
  for (let h = 0; h < pop.householdCount || batches.length === 0; h += batchHouseholds) {
    const [from, to] = [pop.offsets[h] ?? 0, pop.offsets[Math.min(h + batchHouseholds, pop.householdCount)] ?? 0];
    batches.push(batchColumns(pop, household.subarray(from, to), person.subarray(from, to), dictionaries));
  }
  const tables = batches.map((columns) => new Table(columns));
  // Each batch as a reader sees it (arrow-population.ts): its ids' hash and its values' (the checks need not be made
  // again where a batch hashes to these).
  const read = tables.map((t) => batchColumnsOf(t));
  const ids = fingerprintOf(
    read.map((b) => b.idsHashes[0]!),
    n,
  );
  const values = valuesFingerprintOf(
    read.map((b) => valuesHash(valueColumns(b)!)),
    n,
  );
  const codes = (COLUMNS as readonly ColumnDef[]).filter((c) => c.kind.type === 'code').length; // (a dictionary each)
  const schemaWith = (messages: string) =>
    new Schema(
      tables[0]!.schema.fields,
      new Map([
        ['jiuzhu', FORMAT],
        ['jiuzhu.ids', ids],
        ['jiuzhu.values', values],
        ...Object.entries(meta).map(([k, v]) => [`jiuzhu.${k}`, v] as [string, string]),
        ['jiuzhu.messages', messages],
      ]),
    );
  const file = (s: InstanceType<typeof Schema>) =>
    tableToIPC(
      new Table(
        s,
        tables.map((t) => new RecordBatch(s, t.batches[0]!.data)),
      ),
      'file',
    );
  // The batches' headers hashed (arrow-file.ts) and written over a stand-in of the same length in the schema, which the
  // file holds in its footer only: the batches lie where they lay.
  const placeholder = messagesPlaceholder(codes, tables.length);
  const bytes = file(schemaWith(placeholder));
  return fingerprintMessages(bytes, placeholder) ?? file(schemaWith(messagesFingerprintOf(bytes))); // (other dictionaries: again)
}

/** One batch's columns: the rows whose household and member indices are given. */
function batchColumns(
  pop: Population,
  household: Int32Array,
  person: Int32Array,
  dictionaries: ReadonlyMap<string, Vector>,
): Record<string, Vector> {
  const n = household.length;
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
      const dictionary = dictionaries.get(c.name)!;
      columns[c.name] = makeVector(
        makeData({ type: new Dictionary(new Utf8(), new Uint8()), length: n, nullCount: 0, data: codes, dictionary }),
      );
    } else columns[c.name] = makeVector(Uint8Array.from(at, (i) => stored[i]!));
  }
  return columns;
}

/**
 * One batch's hash of both id columns (offsets and bytes), 32-bit words at a time: what `jiuzhu import` writes beside
 * the ids it has checked (idsFingerprint), so that reading them back need not check them again.
 */
export function idsHash(hOff: Int32Array, hVal: Uint8Array, pOff: Int32Array, pVal: Uint8Array): string {
  let h = 0x811c9dc5 | 0;
  for (const [off, val] of [
    [hOff, hVal],
    [pOff, pVal],
  ] as const) {
    h = fnvWords(h, new Uint8Array(off.buffer, off.byteOffset, off.byteLength));
    h = fnvWords(h, val.subarray(0, off[off.length - 1]!));
  }
  return (h >>> 0).toString(16);
}

/** The fingerprint of one batch's ids. */
export const idsFingerprint = (hOff: Int32Array, hVal: Uint8Array, pOff: Int32Array, pVal: Uint8Array) =>
  fingerprintOf([idsHash(hOff, hVal, pOff, pVal)], hOff.length - 1);

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
 * An Arrow IPC file's population, checked as the CSV readers check theirs (arrow-population.ts). `split`: checks the
 * value columns a range of households at a time on other threads (the engine gives the pool's workers). A file of one
 * batch is read into shared memory and its columns are views of it; a file of several has each batch read in turn
 * into one buffer and copied into one array per column (in shared memory: the workers read them as they are).
 */
export async function populationFromArrow(
  file: string,
  split?: (whole: CheckRange) => Promise<readonly CheckFound[]>,
): Promise<Population> {
  const reader = await batchReader(file, true);
  try {
    const n = reader.batchCount;
    if (n === 0) throw new InputError([{ where: { file }, message: 'the Arrow file holds no record batch (no households)' }]);
    return await populationFromColumns(n === 1 ? batchColumnsOf(decode(reader, 0), reader.file) : joinedColumns(reader), file, { split });
  } finally {
    reader.close();
  }
}

/**
 * The file's batches, read one at a time (arrow-file.ts): its schema taken from its footer by apache-arrow (which
 * reads the footer and the dictionaries, not the batches), written as a stream's schema message.
 */
export async function batchReader(file: string, shared = false): Promise<BatchReader> {
  const layout = readArrowLayout(file); // the file's own layout first: a file cut short, or not Arrow, told in its terms
  let schema: InstanceType<typeof Schema>;
  try {
    const handle = await open(file, 'r');
    try {
      const r = await RecordBatchReader.from(handle);
      await r.open();
      if (!r.isFile()) throw new Error('not the file format');
      schema = r.schema;
    } finally {
      await handle.close();
    }
  } catch (e) {
    const known = fileError(e, 'read', file);
    throw known !== e ? known : unreadable(file, e);
  }
  const stream = tableToIPC(new Table(schema), 'stream');
  return new BatchReader(file, stream.subarray(0, stream.length - 8), layout, shared); // (less its end-of-stream marker)
}

/** apache-arrow's failure to read the file, said in the file's terms where it can be. */
function unreadable(file: string, e: unknown): InputError {
  const why = (e as Error).message;
  const message = /compress|codec/i.test(why)
    ? 'a compressed Arrow file (lz4 or zstd), which jiuzhu does not read: write it uncompressed (pyarrow: compression="uncompressed"), or make it with jiuzhu import'
    : `not a readable Arrow IPC file: damaged (${why})`;
  return new InputError([{ where: { file }, message }]);
}

/** Batch i of the reader, decoded (its columns views of the reader's buffer, good until its next read). */
export function decode(reader: BatchReader, i: number): Table {
  let table: Table;
  try {
    table = tableFromIPC(reader.read(i));
  } catch (e) {
    throw unreadable(reader.file, e);
  }
  if (table.batches.length !== 1)
    throw new InputError([{ where: { file: reader.file }, message: `not a readable Arrow IPC file (batch ${i + 1} did not decode)` }]);
  return table;
}

/** A one-batch table's columns, as it holds them. */
export function batchColumnsOf(table: Table, file = ''): ArrowColumns {
  const rows = table.numRows;
  const made = new Map<string, ColumnData | undefined>();
  const column = (name: string): ColumnData | undefined => {
    if (made.has(name)) return made.get(name);
    const child = table.getChild(name);
    // (another tool's types read as import's: arrow-types.ts)
    const c = child ? columnData(name, child.type, child.data[0]! as Data, child.nullCount, rows, file) : undefined;
    made.set(name, c);
    return c;
  };
  const [h, p] = [column('household_id'), column('person_id')];
  const idsHashes =
    h?.type === 'Utf8' && p?.type === 'Utf8'
      ? [
          idsHash(
            h.valueOffsets!.subarray(0, rows + 1),
            h.values as Uint8Array,
            p.valueOffsets!.subarray(0, rows + 1),
            p.values as Uint8Array,
          ),
        ]
      : [];
  let values: string[] | undefined;
  const valuesHashes = () => (values ??= [batchValuesHash({ rows, column })]);
  return { rows, metadata: table.schema.metadata, idsHashes, valuesHashes, names: table.schema.fields.map((f) => f.name), column };
}

/** A batch's hash of its value columns ('' when they are not as import writes them). */
const batchValuesHash = (b: Pick<ArrowColumns, 'rows' | 'column'>): string => {
  const columns = valueColumns(b);
  return columns ? valuesHash(columns) : '';
};

/**
 * Every batch's columns joined, one array per column in shared memory: the batches read once to size the arrays, then
 * again to fill them (reading into the kept buffer costs ~25 ms per 262 MB; new memory, ~3 ms per MB).
 */
function joinedColumns(reader: BatchReader): ArrowColumns {
  const first = batchColumnsOf(decode(reader, 0), reader.file);
  const names = (COLUMNS as readonly ColumnDef[]).map(arrowName).filter((name) => first.column(name));
  const sizes = { rows: 0, bytes: new Map(names.map((name) => [name, 0])) };
  for (let i = 0; i < reader.batchCount; i++) {
    const b = i === 0 ? first : batchColumnsOf(decode(reader, i), reader.file);
    sizes.rows += b.rows;
    for (const name of names) {
      const c = b.column(name);
      if (c?.valueOffsets) sizes.bytes.set(name, sizes.bytes.get(name)! + c.valueOffsets[b.rows]! - c.valueOffsets[0]!);
    }
  }
  const joined = new Map<string, ColumnData>();
  for (const name of names) {
    const c = first.column(name)!;
    const offsets = c.valueOffsets && new Int32Array(new SharedArrayBuffer(4 * (sizes.rows + 1)));
    const values = offsets
      ? new Uint8Array(new SharedArrayBuffer(sizes.bytes.get(name)!))
      : new (c.values.constructor as Float64ArrayConstructor)(new SharedArrayBuffer(c.values.BYTES_PER_ELEMENT * sizes.rows));
    joined.set(name, { type: c.type, nullCount: 0, values, valueOffsets: offsets, dictionary: c.dictionary });
  }
  const idsHashes: string[] = [];
  const valuesHashes: string[] = [];
  const hashValues = first.metadata.has('jiuzhu.values'); // (~35 ms a million households: only where they may match)
  for (let i = 0, row = 0; i < reader.batchCount; i++) {
    const b = batchColumnsOf(decode(reader, i), reader.file);
    idsHashes.push(...b.idsHashes);
    if (hashValues) valuesHashes.push(...b.valuesHashes());
    for (const name of names) {
      const [from, into] = [b.column(name)!, joined.get(name)! as { -readonly [K in keyof ColumnData]: ColumnData[K] }];
      if (from.type !== into.type)
        throw new InputError([
          { where: { file: reader.file }, message: `column ${name} is ${from.type} in batch ${i + 1}, ${into.type} in the first` },
        ]);
      into.nullCount += from.nullCount;
      if (from.valueOffsets && into.valueOffsets) {
        // (a batch's offsets may start past 0: its bytes from there)
        const [base, start, end] = [into.valueOffsets[row]!, from.valueOffsets[0]!, from.valueOffsets[b.rows]!];
        (into.values as Uint8Array).set((from.values as Uint8Array).subarray(start, end), base);
        for (let r = 1; r <= b.rows; r++) into.valueOffsets[row + r] = base + from.valueOffsets[r]! - start;
      } else (into.values as Float64Array).set((from.values as Float64Array).subarray(0, b.rows), row);
    }
    row += b.rows;
  }
  return {
    rows: sizes.rows,
    metadata: first.metadata,
    idsHashes,
    valuesHashes: () => valuesHashes,
    names: first.names,
    column: (name) => joined.get(name),
  };
}

/** Whether batch i of `count` holds the ids `jiuzhu import` checked: its hash is the i-th of the file's fingerprint. */
export function batchIdsChecked(columns: ArrowColumns, i: number, count: number): boolean {
  return batchHashIs(columns.metadata.get('jiuzhu.ids'), 'fnv32', i, count, () => columns.idsHashes[0]!);
}

/** Whether batch i of `count` holds the values `jiuzhu import` checked: its hash is the i-th of the file's `jiuzhu.values`. */
export function batchValuesChecked(columns: ArrowColumns, i: number, count: number): boolean {
  return batchHashIs(columns.metadata.get('jiuzhu.values'), 'fnv32x4', i, count, () => columns.valuesHashes()[0]!);
}

/** Whether a fingerprint (`kind:hash.hash…:rows`) lists `count` hashes, the i-th the batch's own (computed only then). */
function batchHashIs(fingerprint: string | undefined, kind: string, i: number, count: number, own: () => string): boolean {
  const hashes = new RegExp(`^${kind}:([0-9a-f.]+):\\d+$`).exec(fingerprint ?? '')?.[1]?.split('.') ?? [];
  return hashes.length === count && hashes[i] === own();
}

/**
 * --stream: the file's households a batch at a time, each batch made a population, checked (its problems told at their
 * rows in the file), handed to `onChunk` and dropped before the next is read. The ids' uniqueness across batches is
 * the one `jiuzhu import` checked: a file whose ids are not those (another tool's, or edited) is refused.
 */
export async function streamArrow(file: string, onChunk: (pop: Population) => Promise<void>): Promise<void> {
  const reader = await batchReader(file);
  const scratch = new Scratch();
  try {
    for (let i = 0, firstRow = 0; i < reader.batchCount; i++) {
      const columns = batchColumnsOf(decode(reader, i), reader.file);
      if (!batchIdsChecked(columns, i, reader.batchCount))
        throw new UsageError(
          `${file}: its ids are not those jiuzhu import checked (another tool wrote it, or it was edited), and --stream cannot check them across the file: run without --stream, or make it again with jiuzhu import`,
        );
      const valuesChecked = batchValuesChecked(columns, i, reader.batchCount);
      await onChunk(await populationFromColumns(columns, file, { idsChecked: true, valuesChecked, scratch, firstRow }));
      firstRow += columns.rows;
    }
  } finally {
    reader.close();
  }
}
