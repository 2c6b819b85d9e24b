// A zip file's entries read by its central directory (a workbook is a zip): each part found by name and streamed
// alone, inflated as it is read. exceljs's stream reader takes the parts in the order they lie in the file, and a
// part that came while it was busy with another lost its bytes: openpyxl and pandas put the sheets first and the
// workbook's parts after them, and 4 runs in 5 named every sheet "Sheet1…" (its relations part read empty), now and
// then one sheet was missing, and a sheet it had put in a temporary file was removed before it was read (a new-user
// trial). Read by name, nothing comes before it is asked for.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
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
      out.set(name, { name, method: cd.readUInt16LE(p + 10), compressedSize: cd.readUInt32LE(p + 20), local: cd.readUInt32LE(p + 42) });
      p += 46 + nameLength + extra + comment;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** An entry's bytes, inflated, as a stream (an error in the file or the inflation is the stream's error). */
export async function entryStream(path: string, e: ZipEntry): Promise<Readable> {
  const fh = await open(path, 'r');
  const header = Buffer.alloc(30);
  try {
    await fh.read(header, 0, 30, e.local);
  } finally {
    await fh.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw new Error(`a damaged zip entry (${e.name})`);
  const start = e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (e.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1 });
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new Error(`${e.name} is compressed in a way jiuzhu does not read (method ${e.method})`);
  const out = new PassThrough();
  pipeline(raw, createInflateRaw(), out, () => {}); // (an error ends `out` with it)
  return out;
}
