// Decoding a households file that is not read as it is (io/foreign.ts): GB18030 or UTF-8, turned as it is read (a MiB at
// a time, under a column mapping), or whole; a byte that does not decode told at its line and field.
import { isUtf8 } from 'node:buffer';
import { InputError, UsageError } from '../errors.js';
import type { SourceOptions } from './foreign.js';
import { fileError, inputStream, readInput } from './files.js';
import { firstInvalidUtf8, utf8Problem } from './text-checks.js';

const gbDecoder = () => new TextDecoder('gb18030', { fatal: true });

/** Whether the whole file is UTF-8, read a MiB at a time and kept nowhere (a character cut by a chunk's end carried). */
export async function isUtf8File(path: string): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of inputStream(path)) {
    const b = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const end = completeEnd(b);
    if (!isUtf8(b.subarray(0, end))) return false;
    carry = Buffer.from(b.subarray(end));
  }
  return carry.length === 0;
}

/** Where the bytes' last whole UTF-8 character ends (a lead byte in the last 3 whose sequence runs past the end: before it). */
function completeEnd(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const x = b[b.length - k]!;
    if (x < 0x80) return b.length;
    if (x >= 0xc0) {
      const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
      return need > k ? b.length - k : b.length;
    }
  }
  return b.length;
}

/**
 * The file as canonical UTF-8 CSV, a piece at a time: decoded (GB18030 or UTF-8; a BOM dropped) and, under a mapping,
 * turned. Bytes that do not decode are told at their line, from the whole file (only then read whole).
 */
export async function* turned(path: string, gb: boolean, o: SourceOptions): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(gb ? 'gb18030' : 'utf-8', { fatal: true });
  const turner = o.columns?.turner(path);
  let started = false;
  const give = (text: string): Buffer | null => {
    if (!started && text) {
      started = true;
      text = text.replace(/^\uFEFF/, '');
    }
    const out = turner ? turner.push(text) : text;
    return out ? Buffer.from(out, 'utf8') : null;
  };
  // (a chunk, or with none the decoder's last bytes; what does not decode told from the whole file)
  const decode = async (chunk?: Buffer): Promise<string> => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw await undecodable(path, gb, o);
    }
  };
  let first = gb;
  for await (const chunk of inputStream(path)) {
    // (a UTF-8 BOM before GB18030 text: left out, not decoded as 锘 and a character made of its last byte and the next)
    const bytes = first ? withoutUtf8Bom(chunk as Buffer) : (chunk as Buffer);
    first = false;
    const b = give(await decode(bytes));
    if (b) yield b;
  }
  const b = give(await decode());
  if (b) yield b;
  const end = turner?.end();
  if (end) yield Buffer.from(end, 'utf8');
}

/** The located problem of a file that does not decode, as the whole-file path tells it. */
async function undecodable(path: string, gb: boolean, o: SourceOptions): Promise<unknown> {
  const raw = await readWhole(path);
  if (gb) {
    try {
      decodeGb18030(raw, path, o.encoding === 'gb18030');
    } catch (e) {
      return e;
    }
  }
  const bad = firstInvalidUtf8(raw, 0, raw.length);
  const p = utf8Problem(raw, 0, Math.max(0, bad), 1);
  return new InputError([{ where: { file: path, line: p.line, col: p.col }, message: p.message }]);
}

export async function readWhole(path: string): Promise<Buffer> {
  return readInput(path).catch((e: unknown) => {
    throw fileError(e, 'read', path);
  });
}

/** The whole file from GB18030, or a located problem at the first byte that is not GB18030 either. */
export function decodeGb18030(b: Buffer, file: string, forced: boolean): string {
  try {
    return gbDecoder()
      .decode(withoutUtf8Bom(b))
      .replace(/^\uFEFF/, '');
  } catch {
    if (forced && firstInvalidUtf8(b, 0, b.length) < 0)
      throw new UsageError(`${file} is UTF-8, not GB18030: leave --encoding out (or give --encoding utf-8)`);
    let line = 1;
    let start = 0;
    for (let i = 0; i <= b.length; i++) {
      if (i < b.length && b[i] !== 0x0a) continue;
      const bytes = b.subarray(start, i);
      if (!decodes(bytes)) {
        // The bad sequence starts where the longest prefix that decodes whole ends; its field counts the commas before.
        let ok = 0;
        for (let k = 1; k <= bytes.length; k++) if (decodes(bytes.subarray(0, k))) ok = k;
        let col = 1;
        for (let k = 0; k < ok; k++) if (bytes[k] === 0x2c) col++;
        const shown = [...bytes.subarray(ok, ok + 4)].map((x) => `0x${x.toString(16).padStart(2, '0')}`).join(' ');
        throw new InputError(
          [{ where: { file, line, col }, message: `the bytes ${shown} are neither UTF-8 nor GB18030` }],
          forced
            ? 'the file is not GB18030 there: leave --encoding out, or save the file as "CSV UTF-8"'
            : 'save the file as "CSV UTF-8" (Excel: 另存为 CSV UTF-8)',
        );
      }
      line++;
      start = i + 1;
    }
    throw new InputError([{ where: { file }, message: 'the file is neither UTF-8 nor GB18030' }]);
  }
}

export function decodes(b: Uint8Array): boolean {
  try {
    gbDecoder().decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes start with UTF-8's byte order mark (EF BB BF). */
export const hasUtf8Bom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * The bytes without a UTF-8 byte order mark at their start: before GB18030 text (a data engineer's file, a BOM and
 * then GBK) its bytes would decode as 锘 and a character made of its last byte and the header's first ("锘縣ousehold_id").
 */
export const withoutUtf8Bom = <T extends Uint8Array>(b: T): T => (hasUtf8Bom(b) ? (b.subarray(3) as T) : b);
