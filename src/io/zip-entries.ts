// A zip file's entries read by its central directory (a workbook is a zip): each part found by name and streamed
// alone, inflated as it is read. exceljs's stream reader takes the parts in the order they lie in the file, and a
// part that came while it was busy with another lost its bytes: openpyxl and pandas put the sheets first and the
// workbook's parts after them, and 4 runs in 5 named every sheet "Sheet1…" (its relations part read empty), now and
// then one sheet was missing, and a sheet it had put in a temporary file was removed before it was read (a new-user
// trial). Read by name, nothing comes before it is asked for.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** Its bytes' CRC-32 and length, as the directory gives them (checked as it is read). */
  readonly crc: number;
  readonly size: number;
  /** Where its local header starts. */
  readonly local: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The zip's entries by name. Throws an Error saying what is wrong with the file (not a zip, cut short, ZIP64). */
export async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tail = Math.min(size, 22 + 0xffff); // the end record, after at most a 64 KB comment
    const buf = Buffer.alloc(tail);
    await fh.read(buf, 0, tail, size - tail);
    let end = -1;
    for (let i = tail - 22; i >= 0 && end < 0; i--) if (buf.readUInt32LE(i) === EOCD) end = i;
    if (end < 0) throw new Error('no zip directory at its end: the file is cut short, or not a workbook');
    const [count, cdSize, cdOffset] = [buf.readUInt16LE(end + 10), buf.readUInt32LE(end + 12), buf.readUInt32LE(end + 16)];
    if (count === 0xffff || cdOffset === 0xffffffff) throw new Error('a ZIP64 workbook (over 4 GB), which jiuzhu does not read');
    if (cdOffset + cdSize > size) throw new Error('its zip directory lies past its end: the file is cut short');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const out = new Map<string, ZipEntry>();
    for (let p = 0, k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new Error('a damaged zip directory');
      const [nameLength, extra, comment] = [cd.readUInt16LE(p + 28), cd.readUInt16LE(p + 30), cd.readUInt16LE(p + 32)];
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      out.set(name, {
        name,
        method: cd.readUInt16LE(p + 10),
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        local: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extra + comment;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** An XML entry inflated and decoded, as a stream of text (an error in the file, the inflation or the UTF-8 is the stream's error). */
export async function entryText(path: string, e: ZipEntry): Promise<Readable> {
  const fh = await open(path, 'r');
  const header = Buffer.alloc(30);
  try {
    await fh.read(header, 0, 30, e.local);
  } finally {
    await fh.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw new Error(`a damaged zip entry (${e.name})`);
  const start = e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (e.compressedSize === 0 && e.size === 0) return Readable.from([]);
  if (e.method !== 0 && e.method !== 8) throw new Error(`${e.name} is compressed in a way jiuzhu does not read (method ${e.method})`);
  const raw = createReadStream(path, { start, end: start + Math.max(1, e.compressedSize) - 1 });
  const out = new Checked(e);
  if (e.method === 0) pipeline(raw, out, () => {});
  else pipeline(raw, createInflateRaw(), out, () => {}); // (an error ends `out` with it)
  return out;
}

/**
 * An entry's bytes as they pass, checked at their end: their CRC-32 and length as the directory gives them, and an XML
 * part's last tag closing its first element. A sheet whose data ended mid-cell — its checksum made again, or not — was
 * read as the rows before, exit 0: 57 households of 299 (a fuzzing trial).
 *
 * And passed on as text, decoded from UTF-8 across the chunks' ends and never lossily: exceljs decoded each 16 KiB chunk
 * alone, so a character a chunk's end split became U+FFFD — in openpyxl's (pandas') inline strings a household id
 * 家庭编号01044 read as 家庭��号01044 and became a household of its own, exit 0 (a researcher's trial).
 */
class Checked extends Transform {
  private crc = 0;
  private length = 0;
  private head = '';
  private tail = Buffer.alloc(0);
  private readonly text = new TextDecoder('utf-8', { fatal: true });
  constructor(private readonly entry: ZipEntry) {
    super({ readableObjectMode: true }); // (strings out: exceljs takes a string as it is)
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.length += chunk.length;
    if (this.head.length < 512) this.head += chunk.toString('latin1', 0, 512);
    this.tail = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - 256))]).subarray(-256);
    this.decoded(done, () => this.text.decode(chunk, { stream: true }));
  }
  override _flush(done: TransformCallback): void {
    const e = this.entry;
    if (this.length !== e.size || this.crc >>> 0 !== e.crc)
      return done(new Error(`its part ${e.name} is damaged (its bytes do not match the checksum its zip directory gives)`));
    if (e.name.endsWith('.xml') && !closesRoot(this.head, this.tail.toString('latin1')))
      return done(new Error(`its part ${e.name} ends before its XML does: the workbook is damaged or cut short`));
    this.decoded(done, () => this.text.decode());
  }
  private decoded(done: TransformCallback, decode: () => string): void {
    let s: string;
    try {
      s = decode();
    } catch {
      return done(
        new Error(`its part ${this.entry.name} is not UTF-8 text (a byte at or before ${this.length} is not): the workbook is damaged`),
      );
    }
    done(null, s || undefined);
  }
}

/** Whether an XML text's last tag closes its first element (its root): `</worksheet>` after `<worksheet …>`. */
function closesRoot(head: string, tail: string): boolean {
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1];
  const end = tail.trimEnd();
  return root !== undefined && (end.endsWith(`</${root}>`) || new RegExp(`<${root.replace('.', '\\.')}[^>]*/>$`).test(end));
}
