// An Arrow IPC file read a record batch at a time into one buffer kept for the next (issue 20). On the bench's VM the
// first write to a page of memory costs ~11 µs per 4 KB: reading a 262 MB population file whole into new memory took
// 0.5–0.8 s of faults before a value was read, where reading the same bytes into a buffer already written takes ~25 ms.
// So the file's layout is read from its footer (the Arrow format's Footer table: the dictionary batches and the record
// batches, each a Block of offset, metadata length and body length), and each batch is read after the schema message
// (made from the footer's schema by the caller: apache-arrow's own file writer puts it nowhere else) and the
// dictionaries, as a stream of its own that apache-arrow decodes in place (its columns are views of the buffer, good
// until the next batch is read).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { hashBytes } from '../core/ids.js';
import { InputError } from '../errors.js';
import { fileError } from './files.js';

/** A message of the file: where it starts and its length (metadata and body). */
export interface Block {
  readonly offset: number;
  readonly length: number;
  /** Its metadata's length (the message header apache-arrow parses: lengths, buffers), at its start. */
  readonly meta: number;
}

export interface ArrowLayout {
  /** The dictionary batches, in the file's order: every batch is read after them. */
  readonly dictionaries: readonly Block[];
  readonly batches: readonly Block[];
  /**
   * Whether its batches' headers are those `jiuzhu import` wrote (its `jiuzhu.messages` of this layout, checked), and
   * the schema's metadata (import's `jiuzhu.…` keys among them) as the footer holds it.
   */
  readonly asImported?: boolean;
  readonly metadata?: ReadonlyMap<string, string>;
}

const MAGIC = 'ARROW1';

/** The file's layout from its footer; a problem with the file's name when it is not an Arrow IPC file. */
export function arrowLayout(read: (at: number, length: number) => Uint8Array, size: number, file: string): ArrowLayout {
  const bad = (why: string): never => {
    throw new InputError([{ where: { file }, message: `not a readable Arrow IPC file (${why})` }]);
  };
  if (size < 18) bad(size ? 'too short to be one' : 'the file is empty');
  const text = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, 6));
  const start = text(read(0, 6));
  if (start !== MAGIC)
    bad(
      /^[\x20-\x7e\t]+$/.test(start)
        ? 'it begins as text, not with ARROW1: a CSV named .arrow? name it .csv'
        : 'it does not begin with ARROW1',
    );
  if (text(read(size - 6, 6)) !== MAGIC) bad('it does not end with ARROW1: cut short (copied or written only in part?)');
  const footerLength = view(read(size - 10, 4)).getInt32(0, true);
  if (footerLength <= 0 || footerLength > size - 18) bad('its footer length is out of range');
  const footer = read(size - 10 - footerLength, footerLength);
  const fb = new FlatTable(footer, file);
  const root = fb.root();
  // Footer: 0 version, 1 schema, 2 dictionaries [Block], 3 recordBatches [Block] (Block: offset int64, metaDataLength
  // int32, padding, bodyLength int64: 24 bytes).
  const blocks = (field: number): Block[] => {
    const at = fb.target(root, field);
    if (at === null) return [];
    const out: Block[] = [];
    for (let i = 0, n = fb.u32(at); i < n; i++) {
      const s = at + 4 + 24 * i;
      const [offset, meta, body] = [fb.i64(s), fb.i32(s + 8), fb.i64(s + 16)];
      if (offset < 8 || meta <= 0 || body < 0 || offset + meta + body > size) bad(`block ${i} lies outside the file`);
      out.push({ offset, length: meta + body, meta });
    }
    return out;
  };
  const metadata = schemaSound(fb, root);
  const messages = metadata.get('jiuzhu.messages') ?? null;
  const layout = { dictionaries: blocks(2), batches: blocks(3) };
  // (a file another tool wrote again — pyarrow keeps the schema's metadata — has its own layout: not checked here)
  const asImported = messages !== null && messages.split(':')[1] === placesOf(layout);
  if (asImported && messages !== messagesFingerprint(layout, read))
    throw new InputError([
      {
        where: { file },
        message:
          'not a readable Arrow IPC file: the headers of its batches are not those jiuzhu import wrote (damaged since it was imported?)',
      },
    ]);
  return { ...layout, asImported, metadata };
}

/**
 * The file's fingerprint of what apache-arrow parses before a value (`jiuzhu.messages`, written by import): each
 * dictionary batch whole (a few hundred bytes) and each record batch's header, hashed. Checked before apache-arrow
 * reads them: a damaged header's lengths made it loop for a minute or more (a hardening trial).
 */
export function messagesFingerprint(layout: ArrowLayout, read: (at: number, length: number) => Uint8Array): string {
  const hash = (at: number, length: number) => hex8(hashBytes(read(at, length), 0, length));
  return `fnv32:${placesOf(layout)}:${layout.dictionaries.map((b) => hash(b.offset, b.length)).join('.')}:${layout.batches.map((b) => hash(b.offset, b.meta)).join('.')}`;
}

/** The fingerprint of a file's bytes as written (import's). */
export function messagesFingerprintOf(bytes: Uint8Array): string {
  const at = (offset: number, length: number) => bytes.subarray(offset, offset + length);
  return messagesFingerprint(arrowLayout(at, bytes.length, 'import'), at);
}

/**
 * The file's bytes with their fingerprint written over `placeholder` (the last place it lies: the footer's schema), or
 * null when the fingerprint is not of its length (dictionaries other than expected): then written again with it.
 */
export function fingerprintMessages(bytes: Uint8Array, placeholder: string): Uint8Array | null {
  const messages = messagesFingerprintOf(bytes);
  const stand = new TextEncoder().encode(placeholder);
  if (messages.length !== placeholder.length) return null;
  outer: for (let i = bytes.length - stand.length; i >= 0; i--) {
    for (let j = 0; j < stand.length; j++) if (bytes[i + j] !== stand[j]) continue outer;
    bytes.set(new TextEncoder().encode(messages), i);
    return bytes;
  }
  return null;
}

/**
 * A fingerprint's stand-in of the same length (every hash of 8 hex digits), for `dictionaries` and `batches` messages:
 * import writes the file with it, then writes the fingerprint over it in place (one serialization, not two: 262 MB at a
 * million households).
 */
export const messagesPlaceholder = (dictionaries: number, batches: number): string =>
  `fnv32:${ZERO}:${Array(dictionaries).fill(ZERO).join('.')}:${Array(batches).fill(ZERO).join('.')}`;
const ZERO = '00000000';
const hex8 = (h: number) => (h >>> 0).toString(16).padStart(8, '0');

/** Where the file's messages lie (each block's offset, header and whole length), hashed: the fingerprint is of this layout. */
const placesOf = (l: ArrowLayout) => {
  const text = new TextEncoder().encode([...l.dictionaries, ...l.batches].map((b) => `${b.offset}+${b.meta}+${b.length}`).join('.'));
  return hex8(hashBytes(text, 0, text.length));
};

/**
 * The footer's schema, as apache-arrow will read it, walked with every offset and length checked first: a damaged
 * footer made apache-arrow loop for minutes or exhaust memory, deaf to Ctrl-C (a hardening trial flipped one byte).
 * Returns the schema's custom metadata. Schema: 1 fields [Field], 2 custom_metadata [KeyValue]; Field: 0 name, 3 type
 * (a table), 4 dictionary (a table), 5 children [Field], 6 custom_metadata; KeyValue: 0 key, 1 value; Footer: 1 schema,
 * 4 custom_metadata.
 */
function schemaSound(fb: FlatTable, footer: number): Map<string, string> {
  const metadata = new Map<string, string>();
  const keyValues = (t: number, field: number, keep = false) => {
    for (const kv of fb.tables(t, field)) {
      const [key, value] = [fb.string(kv, 0), fb.string(kv, 1)];
      if (keep && key !== null && value !== null) metadata.set(key, value);
    }
  };
  const field = (f: number, depth: number): void => {
    if (depth > 16) fb.damaged();
    fb.string(f, 0);
    fb.table(f, 3);
    fb.table(f, 4);
    for (const child of fb.tables(f, 5)) field(child, depth + 1);
    keyValues(f, 6);
  };
  const schema = fb.table(footer, 1);
  if (schema === null) return fb.damaged();
  for (const f of fb.tables(schema, 1)) field(f, 0);
  keyValues(schema, 2, true);
  keyValues(footer, 4);
  return metadata;
}

/** A file's record batches, each read on request into a buffer kept from one to the next (grown when one is bigger). */
export class BatchReader {
  private readonly fd: number;
  private buffer: Uint8Array;
  private readonly headLength: number;

  constructor(
    readonly file: string,
    /** The stream's schema message (without the end-of-stream marker). */
    schema: Uint8Array,
    /** The file's layout (readArrowLayout), read once. */
    readonly layout: ArrowLayout,
    /** A buffer in shared memory (a population's columns may then be read by worker threads as they are). */
    private readonly shared = false,
  ) {
    try {
      this.fd = openSync(file, 'r');
    } catch (e) {
      throw fileError(e, 'read', file);
    }
    try {
      this.headLength = this.layout.dictionaries.reduce((n, b) => n + b.length, schema.length);
      this.buffer = this.alloc(this.headLength + Math.max(0, ...this.layout.batches.map((b) => b.length)));
      this.buffer.set(schema);
      let o = schema.length;
      for (const b of this.layout.dictionaries) o += this.readAt(this.buffer, o, b.offset, b.length).length;
    } catch (e) {
      this.close();
      throw e;
    }
  }

  get batchCount(): number {
    return this.layout.batches.length;
  }

  /** Batch i as an IPC stream of its own (the schema, the dictionaries, the batch): valid until the next read. */
  read(i: number): Uint8Array {
    const b = this.layout.batches[i]!;
    this.readAt(this.buffer, this.headLength, b.offset, b.length);
    return this.buffer.subarray(0, this.headLength + b.length);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  private alloc(n: number): Uint8Array {
    return new Uint8Array(this.shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n));
  }

  private readAt(into: Uint8Array, offset: number, position: number, length: number): Uint8Array {
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(this.fd, into, offset + done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
    } catch (e) {
      throw fileError(e, 'read', this.file);
    }
    if (done < length)
      throw new InputError([{ where: { file: this.file }, message: 'not a readable Arrow IPC file (shorter than its footer says)' }]);
    return into.subarray(offset, offset + length);
  }
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The little of the FlatBuffers format the footer needs: a table's fields, vectors, integers (bounds checked). */
class FlatTable {
  private readonly d: DataView;
  constructor(
    private readonly b: Uint8Array,
    private readonly file: string,
  ) {
    this.d = view(b);
  }
  private check(at: number, n: number): void {
    if (!(at >= 0 && at + n <= this.b.length)) this.damaged();
  }
  damaged(): never {
    throw new InputError([{ where: { file: this.file }, message: 'not a readable Arrow IPC file (its footer is damaged)' }]);
  }
  /** Where table t's field points (a table, a string, or a vector's length), or null when absent; in bounds. */
  target(t: number, field: number): number | null {
    const vt = t - this.i32(t);
    this.check(vt, 4);
    const vtSize = this.d.getUint16(vt, true);
    const slot = 4 + 2 * field;
    if (slot + 2 > vtSize) return null;
    this.check(vt + slot, 2);
    const fo = this.d.getUint16(vt + slot, true);
    if (fo === 0) return null;
    const at = t + fo + this.u32(t + fo);
    this.check(at, 4);
    return at;
  }
  /** The table table t's field points to, or null; its vtable in bounds. */
  table(t: number, field: number): number | null {
    const at = this.target(t, field);
    if (at !== null) this.check(at - this.i32(at), 4);
    return at;
  }
  /** A string field, its bytes in bounds. */
  string(t: number, field: number): string | null {
    const at = this.target(t, field);
    if (at === null) return null;
    const n = this.u32(at);
    this.check(at + 4, n + 1);
    return new TextDecoder().decode(this.b.subarray(at + 4, at + 4 + n));
  }
  /** The tables of a vector field, each in bounds (a length past the footer's end is damage, not a loop). */
  tables(t: number, field: number): number[] {
    const at = this.target(t, field);
    if (at === null) return [];
    const n = this.u32(at);
    this.check(at + 4, 4 * n);
    return Array.from({ length: n }, (_, i) => {
      const e = at + 4 + 4 * i + this.u32(at + 4 + 4 * i);
      this.check(e - this.i32(e), 4);
      return e;
    });
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.d.getUint32(at, true);
  }
  i32(at: number): number {
    this.check(at, 4);
    return this.d.getInt32(at, true);
  }
  i64(at: number): number {
    this.check(at, 8);
    return Number(this.d.getBigInt64(at, true));
  }
  root(): number {
    return this.u32(0);
  }
}

/** The file's layout from its footer (a file cut short, damaged or not Arrow: an InputError naming it). */
export function readArrowLayout(file: string): ArrowLayout {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw fileError(e, 'read', file);
  }
  try {
    const read = (at: number, length: number) => {
      const b = new Uint8Array(length);
      return b.subarray(0, readSync(fd, b, 0, length, at));
    };
    return arrowLayout(read, fstatSync(fd).size, file);
  } finally {
    closeSync(fd);
  }
}
