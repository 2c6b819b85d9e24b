// The fast reader's field conversions: bytes of one CSV field straight to fen, codes and flags (no string per
// cell), each column's layout (kind, range, default, codes) read from the column table (core/columns.ts). Each
// conversion gives -1 for an invalid value; the reader then asks the table's parseCell what was expected, so both
// readers word the problem the same way.
import { COL, COLUMNS, type ColumnDef } from '../core/columns.js';

export const COMMA = 0x2c;
export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;
export const SPACE = 0x20;
export const TAB = 0x09;
const FF = 0x0c;
export const VT = 0x0b;
/** (in an id: perhaps Excel's 4.50102E+17 — core/invisible.ts EXCEL_ROUNDED_ID) */
const PLUS = 0x2b;

// Line ends: LF, CR LF, or CR alone (old Mac text, or CR CR LF from a file converted twice) end a line, and a
// record outside quotes — as the reference reader (csv-parse) is told, and as it counts lines.
/** How many lines end in b[s, e) (CR LF once; a CR at e - 1 with an LF at e counts as that LF's, not here). */
export function lineBreaks(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const x = b[i];
    if (x === LF || (x === CR && b[i + 1] !== LF)) n++;
  }
  return n;
}

// Trimming, as the reference reader (csv-parse with trim: true) trims. Before a value, and after a closing quote,
// it skips FF, space and tab (its "trimable" bytes; a line end ends the record first). After an unquoted value it
// trims what JavaScript's trimEnd() trims: ASCII tab, VT, FF, space, and the Unicode spaces below.
/** Skipped before a value and after a closing quote. */
export const LEADING = Uint8Array.from({ length: 256 }, (_, x) => (x === SPACE || x === TAB || x === FF ? 1 : 0));
/** The non-ASCII characters trimEnd() trims, in UTF-8. */
const UNICODE_SPACES = [
  0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f,
  0x3000, 0xfeff,
].map((c) => Buffer.from(String.fromCodePoint(c), 'utf8'));
const INVISIBLE_LEADS = [0xc2, 0xd8, 0xe1, 0xe2, 0xef, 0xf3];
const ASCII_TRAILING = Uint8Array.from({ length: 256 }, (_, x) => (x === SPACE || (x >= TAB && x <= CR) ? 1 : 0));

/** Where b[s, e) ends once the whitespace trimEnd() trims is taken off. */
export function trimmedEnd(b: Uint8Array, s: number, e: number): number {
  for (;;) {
    if (e > s && ASCII_TRAILING[b[e - 1]!]) {
      e--;
      continue;
    }
    if (e > s && b[e - 1]! >= 0x80) {
      const n = unicodeSpaceBefore(b, s, e);
      if (n > 0) {
        e -= n;
        continue;
      }
    }
    return e;
  }
}

/**
 * Whether the id b[s, e) is one parseCell should look at: starting with a byte past ASCII or VT (a space trim() would
 * take off?), or holding the first byte of an invisible character anywhere (core/invisible.ts), a "+" (Excel's
 * 4.50102E+17: core/invisible.ts EXCEL_ROUNDED_ID) or a control character (a form feed inside an id).
 */
export function spoiltId(b: Uint8Array, s: number, e: number): boolean {
  if (b[s]! >= 0x80 || b[s] === VT) return true;
  for (let i = s; i < e; i++) {
    const x = b[i]!;
    if ((x >= 0x80 && INVISIBLE_LEADS.includes(x)) || x === PLUS || x < 0x20 || x === 0x7f) return true;
  }
  return false;
}

/** Whether b[s, e) starts with a Unicode space trim() would take off (an id that does is told: parseCell). */
function unicodeSpaceAt(b: Uint8Array, s: number, e: number): boolean {
  next: for (const u of UNICODE_SPACES) {
    if (e - s < u.length) continue;
    for (let j = 0; j < u.length; j++) if (b[s + j] !== u[j]) continue next;
    return true;
  }
  return false;
}

/** The length of the Unicode space b[s, e) ends with, or 0. */
function unicodeSpaceBefore(b: Uint8Array, s: number, e: number): number {
  next: for (const u of UNICODE_SPACES) {
    const k = u.length;
    if (e - s < k) continue;
    for (let j = 0; j < k; j++) if (b[e - k + j] !== u[j]) continue next;
    return k;
  }
  return 0;
}
const DOT = 0x2e;
const D0 = 0x30;

// How each column converts, as small integer literals, so the conversions' switch is a jump table (switching on
// objects' properties compares against each case's value in turn).
const INTEGER = 0,
  DIGIT = 1,
  CODE = 2,
  MONEY = 3,
  MILLIONTHS = 4;
/** Kinds of the other fields: the two ids, and a column jiuzhu does not read. */
const HOUSEHOLD_ID = 7,
  PERSON_ID = 8,
  EXTRA = 9;

const kindOf = (c: ColumnDef): number => {
  const k = c.kind;
  switch (k.type) {
    case 'id':
      return c.name === 'household_id' ? HOUSEHOLD_ID : PERSON_ID;
    case 'integer':
      return k.max <= 9 ? DIGIT : INTEGER;
    case 'code':
      return CODE;
    case 'money':
      return MONEY;
    case 'millionths':
      return MILLIONTHS;
  }
};
const KIND = Uint8Array.from(COLUMNS, kindOf);
const num = (c: ColumnDef, k: 'max' | 'min' | 'intDigits'): number => (k in c.kind ? (c.kind as unknown as Record<string, number>)[k]! : 0);
/** Each column's largest value (integers, digits, millionths), smallest (millionths), and most integer digits. */
const MAXV = Float64Array.from(COLUMNS, (c) => num(c, 'max'));
const MINV = Float64Array.from(COLUMNS, (c) => num(c, 'min'));
const DIGITS = Uint8Array.from(COLUMNS, (c) => (c.kind.type === 'integer' ? String(c.kind.max).length : num(c, 'intDigits')));
/** Each code column's codes as bytes. */
const CODES: ReadonlyArray<readonly Buffer[]> = COLUMNS.map((c) =>
  c.kind.type === 'code' ? c.kind.codes.map((t) => Buffer.from(t, 'utf8')) : [],
);
/** Each column's default for an empty field, -1 where there is none. */
const DEFAULT = Float64Array.from(COLUMNS, (c: ColumnDef) => c.default ?? -1);
/** 10^(6 − k): k decimal digits as millionths. */
const MILLIONTHS_OF = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/** Each column's default value (NaN where it has none), by column number. */
export const DEFAULTS: Float64Array = Float64Array.from(COLUMNS, (c: ColumnDef) => c.default ?? NaN);

/** Each column's 中文 words (是, 城镇, 一级 …) → stored value, or null (core/columns.ts). */
const WORDS: ReadonlyArray<ReadonlyMap<string, number> | null> = COLUMNS.map((c: ColumnDef) =>
  c.words ? new Map(Object.entries(c.words)) : null,
);

/**
 * A field's value as a number (fen, code, flag, millionths), or -1 when invalid; an empty field takes its default. A
 * 中文 word the column knows is read as its value — looked up only once the bytes are not a plain value, so a plain
 * file pays nothing for it (and the fast path, scanRecord, never sees one: it hands such a record to the tokenizer).
 */
export function convert(col: number, b: Buffer, s: number, e: number): number {
  const v = convertPlain(col, b, s, e);
  if (v >= 0 || WORDS[col] === null) return v;
  return WORDS[col]!.get(b.toString('utf8', s, e)) ?? -1;
}

function convertPlain(col: number, b: Buffer, s: number, e: number): number {
  if (s === e) return DEFAULT[col]!;
  switch (KIND[col]) {
    case INTEGER:
    case DIGIT: {
      if (e - s > DIGITS[col]!) return -1;
      let v = 0;
      for (let i = s; i < e; i++) {
        const d = b[i]! - D0;
        if (d < 0 || d > 9) return -1;
        v = v * 10 + d;
      }
      return v <= MAXV[col]! ? v : -1;
    }
    case CODE: {
      const codes = CODES[col]!;
      for (let k = 0; k < codes.length; k++) if (is(b, s, e, codes[k]!)) return k;
      return -1;
    }
    case MILLIONTHS:
      return millionths(col, b, s, e);
    default:
      return money(b, s, e);
  }
}

// money() and millionths() scan digits each on their own: a shared scanner returning its stop position through a
// module variable measured 50 % slower on the whole parse (npm run bench), so the loop is written twice.

/** Digits [. d{1,2}] → fen, or -1. */
function money(b: Buffer, s: number, e: number): number {
  let v = 0;
  let i = s;
  for (; i < e && b[i]! !== DOT; i++) {
    const d = b[i]! - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  const intDigits = i - s;
  if (intDigits === 0 || intDigits > 13) return -1;
  if (i === e) return v * 100;
  const frac = e - i - 1;
  if (frac < 1 || frac > 2) return -1;
  const d1 = b[i + 1]! - D0;
  const d2 = frac === 2 ? b[i + 2]! - D0 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return v * 100 + d1 * 10 + d2;
}

/** d{1,intDigits} [. d{1,6}] → millionths within the column's range, or -1. */
function millionths(col: number, b: Buffer, s: number, e: number): number {
  let v = 0;
  let i = s;
  for (; i < e && b[i]! !== DOT; i++) {
    const d = b[i]! - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  if (i === s || i - s > DIGITS[col]!) return -1;
  let frac = 0;
  if (i < e) {
    const k = e - i - 1;
    if (k < 1 || k > 6) return -1;
    for (let j = i + 1; j < e; j++) {
      const d = b[j]! - D0;
      if (d < 0 || d > 9) return -1;
      frac = frac * 10 + d;
    }
    frac *= MILLIONTHS_OF[k]!;
  }
  const w = v * 1_000_000 + frac;
  return w >= MINV[col]! && w <= MAXV[col]! ? w : -1;
}

/** b[s, e) equals the literal. */
function is(b: Buffer, s: number, e: number, l: Buffer): boolean {
  if (e - s !== l.length) return false;
  for (let i = 0; i < l.length; i++) if (b[s + i] !== l[i]) return false;
  return true;
}

/**
 * Bytes that end or spoil a plain field (scanRecord then looks closer): also the first bytes of the UTF-8 of the
 * invisible characters an id may not hold (core/invisible.ts: U+00AD, U+061C, U+180E, U+200B–U+206F, U+FEFF, U+FFF9–B,
 * the tags U+E00xx), "+" and every control character, so that an id with one goes to parseCell.
 */
const STOPS = Uint8Array.from({ length: 256 }, (_, x) =>
  x === COMMA ||
  x === LF ||
  x === CR ||
  x === QUOTE ||
  x === SPACE ||
  x === TAB ||
  x === FF ||
  x === VT ||
  x === PLUS ||
  x < 0x20 ||
  x === 0x7f ||
  INVISIBLE_LEADS.includes(x)
    ? 1
    : 0,
);

/** Each field's kind, in the file's column order, from its column number (-1: a column jiuzhu does not read). */
export function fieldKinds(colOf: Int32Array): Uint8Array {
  return Uint8Array.from(colOf, (c) => (c < 0 ? EXTRA : KIND[c]!));
}

/**
 * The fast path for one record (see compileScanner), from p: its values into values[column], the ids' bounds into
 * ids[0..3] and the mask of the columns whose cell was empty into ids[4] (bit c: column c, which took its default);
 * returns where the next record starts.
 */
export type ScanRecord = (b: Uint8Array, p: number, values: Float64Array, ids: Int32Array) => number;

const scanners = new Map<string, ScanRecord>();

/**
 * The common record, read in one pass: no quote, no space or tab around a value, no CR but one before the line
 * end, every value plainly valid. Each field is converted as it is scanned, into values[column]; the ids' bounds go
 * to ids as [hs, he, ps, pe]. The scanner returns where the next record starts, or -1 for any other record: the
 * general tokenizer (fast-csv.ts) then reads it as if this had not looked, and reports what is wrong. Where this
 * accepts a field, convert() gives the same value (test/io/fast-csv.test.ts compares both readers on random fields).
 *
 * Compiled once per header into straight-line code, a block per field with its kind, column, range and default as
 * constants (`kinds`, `cols`: each field's kind and column, fieldKinds): a loop over the fields that switched on each
 * one's kind measured 1.4× as slow.
 */
export function compileScanner(kinds: Uint8Array, cols: Int32Array): ScanRecord {
  const key = `${kinds.join(',')}|${cols.join(',')}`;
  const had = scanners.get(key);
  if (had) return had;
  const last = kinds.length - 1;
  const blocks = Array.from(kinds, (kind, f) => {
    const c = cols[f]!;
    const lines: string[] = [`// field ${f}`, 's = p;', 'x = b[p];'];
    if (kind >= HOUSEHOLD_ID) {
      lines.push(
        'while (!STOPS[x]) x = b[++p];', // to a comma, line end, quote, space or tab
        // a quote, or a byte trimming may concern: only inside a column not read
        `while (x !== ${COMMA} && x !== ${LF} && x !== ${CR}) { ${kind === EXTRA ? `if (x === ${QUOTE}) return -1;` : 'return -1;'} x = b[++p]; }`,
      );
      // An id ending in a Unicode space: the general tokenizer trims it; one starting with one (or VT, which the reference
      // does not skip there): it tells it.
      if (kind !== EXTRA)
        lines.push(
          'if (p > s && b[p - 1] >= 0x80 && unicodeSpaceBefore(b, s, p) > 0) return -1;',
          `if (p > s && (b[s] >= 0x80 ? unicodeSpaceAt(b, s, p) : b[s] === ${VT})) return -1;`,
        );
      if (kind === HOUSEHOLD_ID) lines.push('if (p === s) return -1;', 'ids[0] = s;', 'ids[1] = p;');
      if (kind === PERSON_ID) lines.push('if (p === s) return -1;', 'ids[2] = s;', 'ids[3] = p;');
    } else {
      lines.push(`if (x === ${COMMA} || x === ${LF} || x === ${CR}) { v = ${DEFAULT[c]!}; e |= ${1 << c}; }`, 'else {');
      switch (kind) {
        case MONEY:
          lines.push(
            'v = 0;',
            `for (let d = x - ${D0}; d >= 0 && d <= 9; d = b[++p] - ${D0}) v = v * 10 + d;`,
            'if (p === s || p - s > 13) return -1;',
            'v *= 100;',
            `if (b[p] === ${DOT}) {`,
            `  const d1 = b[p + 1] - ${D0};`,
            '  if (!(d1 >= 0 && d1 <= 9)) return -1;',
            '  v += d1 * 10;',
            '  p += 2;',
            `  const d2 = b[p] - ${D0};`,
            '  if (d2 >= 0 && d2 <= 9) { v += d2; p++; }',
            '}',
          );
          break;
        case MILLIONTHS:
          lines.push(
            'let w = 0;',
            `for (let d = x - ${D0}; d >= 0 && d <= 9; d = b[++p] - ${D0}) w = w * 10 + d;`,
            `if (p === s || p - s > ${DIGITS[c]!}) return -1;`,
            'let frac = 0;',
            `if (b[p] === ${DOT}) {`,
            '  const f0 = ++p;',
            `  for (let d = b[p] - ${D0}; d >= 0 && d <= 9; d = b[++p] - ${D0}) frac = frac * 10 + d;`,
            '  if (p === f0 || p - f0 > 6) return -1;',
            '  frac *= MILLIONTHS_OF[p - f0];', // digits → millionths, as millionths() gives
            '}',
            'v = w * 1000000 + frac;',
            `if (!(v >= ${MINV[c]!} && v <= ${MAXV[c]!})) return -1;`,
          );
          break;
        case INTEGER:
          lines.push(
            'v = 0;',
            `for (let d = x - ${D0}; d >= 0 && d <= 9; d = b[++p] - ${D0}) v = v * 10 + d;`,
            `if (p === s || p - s > ${DIGITS[c]!} || v > ${MAXV[c]!}) return -1;`,
          );
          break;
        case DIGIT:
          lines.push(`v = x - ${D0};`, `if (!(v >= 0 && v <= ${MAXV[c]!})) return -1;`, 'p++;');
          break;
        default:
          // CODE: the first code the bytes start with; the field's end is checked below.
          // (each code's bytes compared as constants, in order: the first that matches)
          lines.push(
            'v = -1;',
            ...CODES[c]!.map(
              (code, k) =>
                `${k ? 'else ' : ''}if (${Array.from(code, (byte, j) => `b[p + ${j}] === ${byte}`).join(' && ')}) { v = ${k}; p += ${code.length}; }`,
            ),
          );
      }
      lines.push('}', 'if (v < 0) return -1;', `values[${c}] = v;`);
    }
    // The field's end: a comma, or the line end after the last field (CR LF too).
    if (f === last) lines.push(`if (b[p] === ${CR} && b[p + 1] === ${LF}) p++;`, `if (b[p] !== ${LF}) return -1;`);
    else lines.push(`if (b[p] !== ${COMMA}) return -1;`);
    lines.push('p++;');
    return lines.map((l) => `  ${l}`).join('\n');
  });
  const source = `return function scanRecord(b, p, values, ids) {\n  let s = 0, x = 0, v = 0, e = 0;\n${blocks.join('\n')}\n  ids[4] = e;\n  return p;\n};`;
  const make = new Function('STOPS', 'unicodeSpaceBefore', 'unicodeSpaceAt', 'MILLIONTHS_OF', source) as (...a: unknown[]) => ScanRecord;
  const scan = make(STOPS, unicodeSpaceBefore, unicodeSpaceAt, MILLIONTHS_OF);
  scanners.set(key, scan);
  return scan;
}

/** The text of a quoted field (without its quotes, "" → "). */
export function unquote(b: Buffer, s: number, e: number): string {
  return b.toString('utf8', s + 1, e - 1).replace(/""/g, '"');
}

export const hasBom = (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

export { COL as C };
