// The fast reader's field conversions: bytes of one CSV field straight to fen, codes and flags (no string per
// cell). Each returns -1 for an invalid value; the reader then asks the reference parser (households-csv.ts)
// what was expected, so both readers word the problem the same way.
import { COLUMNS, type Column } from './households-csv.js';

export const COMMA = 0x2c;
export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;
export const SPACE = 0x20;
export const TAB = 0x09;
const DOT = 0x2e;
const D0 = 0x30;

/** Column numbers in COLUMNS order. */
export const C = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;
export const DEFAULTS: Record<Column, number> = {
  household_id: NaN,
  person_id: NaN,
  age: NaN,
  area: NaN,
  wage_income: 0,
  other_income: 0,
  disability_grade: 0,
  serious_illness: 0,
  labor_capacity: 0,
  self_care: 0,
  has_capable_supporter: 1,
  financial_assets: 0,
  rigid_expenditure: 0,
  on_dibao: 0,
  prior_dibao: 0,
  emergency_need: 0,
  weight: 1_000_000,
};

// money() and weight() scan digits each on their own: a shared scanner returning its stop position through a
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

/** Weight: d{1,12} [. d{1,6}] > 0 → millionths, or -1. */
function weight(b: Buffer, s: number, e: number): number {
  let v = 0;
  let i = s;
  for (; i < e && b[i]! !== DOT; i++) {
    const d = b[i]! - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  if (i === s || i - s > 12) return -1;
  let frac = 0;
  let scale = 1_000_000;
  if (i < e) {
    if (e - i - 1 < 1 || e - i - 1 > 6) return -1;
    for (let j = i + 1; j < e; j++) {
      const d = b[j]! - D0;
      if (d < 0 || d > 9) return -1;
      scale /= 10;
      frac += d * scale;
    }
  }
  const w = v * 1_000_000 + frac;
  return w > 0 ? w : -1;
}

const lit = (t: string) => Buffer.from(t, 'latin1');
const PARTIAL = lit('partial');
const URBAN = lit('urban');
const RURAL = lit('rural');
const FULL = lit('full');
const NONE = lit('none');

/** b[s, e) equals the literal. */
function is(b: Buffer, s: number, e: number, l: Buffer): boolean {
  if (e - s !== l.length) return false;
  for (let i = 0; i < l.length; i++) if (b[s + i] !== l[i]) return false;
  return true;
}

function capacity(b: Buffer, s: number, e: number): number {
  const n = e - s;
  if (n === 4 && b[s] === 0x66 && b[s + 1] === 0x75 && b[s + 2] === 0x6c && b[s + 3] === 0x6c) return 0; // full
  if (is(b, s, e, PARTIAL)) return 1;
  if (n === 4 && b[s] === 0x6e && b[s + 1] === 0x6f && b[s + 2] === 0x6e && b[s + 3] === 0x65) return 2; // none
  return -1;
}

// How each column converts, as small integer literals, so convert()'s switch is a jump table (switching on
// the properties of C compares against each case's value in turn).
const AGE = 0,
  AREA = 1,
  GRADE = 2,
  FLAG = 3,
  CAPACITY = 4,
  WEIGHT = 5,
  MONEY = 6;
const KIND = Uint8Array.from(COLUMNS, (c) => {
  switch (c) {
    case 'age':
      return AGE;
    case 'area':
      return AREA;
    case 'disability_grade':
      return GRADE;
    case 'serious_illness':
    case 'has_capable_supporter':
    case 'on_dibao':
      return FLAG;
    case 'labor_capacity':
    case 'self_care':
      return CAPACITY;
    case 'weight':
      return WEIGHT;
    default:
      return MONEY;
  }
});
/** Each column's default for an empty field, -1 where there is none. */
const DEFAULT = Float64Array.from(COLUMNS, (c) => (Number.isNaN(DEFAULTS[c]) ? -1 : DEFAULTS[c]));

/** A field's value as a number (fen, code, flag), or -1 when invalid; an empty field takes its default. */
export function convert(col: number, b: Buffer, s: number, e: number): number {
  if (s === e) return DEFAULT[col]!;
  switch (KIND[col]) {
    case AGE: {
      if (e - s > 3) return -1;
      let v = 0;
      for (let i = s; i < e; i++) {
        const d = b[i]! - D0;
        if (d < 0 || d > 9) return -1;
        v = v * 10 + d;
      }
      return v <= 130 ? v : -1;
    }
    case AREA:
      return is(b, s, e, URBAN) ? 0 : is(b, s, e, RURAL) ? 1 : -1;
    case GRADE:
      return e - s === 1 && b[s]! >= D0 && b[s]! <= D0 + 4 ? b[s]! - D0 : -1;
    case FLAG:
      return e - s === 1 && (b[s] === D0 || b[s] === D0 + 1) ? b[s]! - D0 : -1;
    case CAPACITY:
      return capacity(b, s, e);
    case WEIGHT:
      return weight(b, s, e);
    default:
      return money(b, s, e);
  }
}

/** Bytes that end or spoil a plain field (scanRecord then looks closer). */
const STOPS = Uint8Array.from({ length: 256 }, (_, x) =>
  x === COMMA || x === LF || x === CR || x === QUOTE || x === SPACE || x === TAB ? 1 : 0,
);
/** 10^(6 − k): k decimal digits of a weight as millionths. */
const MILLIONTHS = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/** Kinds of the other fields: the two ids, and a column jiuzhu does not read. */
const HOUSEHOLD_ID = 7,
  PERSON_ID = 8,
  EXTRA = 9;

/** Each field's kind, in the file's column order, from its column number (-1: a column jiuzhu does not read). */
export function fieldKinds(colOf: Int32Array): Uint8Array {
  return Uint8Array.from(colOf, (c) => (c < 0 ? EXTRA : c === C.household_id ? HOUSEHOLD_ID : c === C.person_id ? PERSON_ID : KIND[c]!));
}

/**
 * The common record, read in one pass: no quote, no space or tab around a value, no CR but one before the line
 * end, every value plainly valid. Each field is converted as it is scanned, into values[column]; the ids' bounds go
 * to ids as [hs, he, ps, pe]. Returns where the next record starts, or -1 for any other record: the general
 * tokenizer (fast-csv.ts) then reads it as if this had not looked, and reports what is wrong. Where this accepts
 * a field, convert() gives the same value (test/io/fast-csv.test.ts compares both readers on random fields).
 */
export function scanRecord(b: Uint8Array, p: number, kinds: Uint8Array, cols: Int32Array, values: Float64Array, ids: Int32Array): number {
  const last = kinds.length - 1;
  for (let f = 0; f <= last; f++) {
    const kind = kinds[f]!;
    const s = p;
    let x = b[p]!;
    if (kind >= HOUSEHOLD_ID) {
      while (!STOPS[x]) x = b[++p]!; // to a comma, line end, quote, space or tab
      while (x !== COMMA && x !== LF && x !== CR) {
        // a quote, space or tab: only spaces and tabs inside a column not read
        if (x === QUOTE || (kind !== EXTRA && (x === SPACE || x === TAB))) return -1;
        x = b[++p]!;
      }
      if (kind === HOUSEHOLD_ID) {
        if (p === s) return -1;
        ids[0] = s;
        ids[1] = p;
      } else if (kind === PERSON_ID) {
        if (p === s) return -1;
        ids[2] = s;
        ids[3] = p;
      }
    } else {
      const c = cols[f]!;
      let v: number;
      if (x === COMMA || x === LF || x === CR) v = DEFAULT[c]!;
      else {
        switch (kind) {
          case MONEY: {
            v = 0;
            for (let d = x - D0; d >= 0 && d <= 9; d = b[++p]! - D0) v = v * 10 + d;
            if (p === s || p - s > 13) return -1;
            v *= 100;
            if (b[p] === DOT) {
              const d1 = b[p + 1]! - D0;
              if (!(d1 >= 0 && d1 <= 9)) return -1;
              v += d1 * 10;
              p += 2;
              const d2 = b[p]! - D0;
              if (d2 >= 0 && d2 <= 9) {
                v += d2;
                p++;
              }
            }
            break;
          }
          case WEIGHT: {
            let w = 0;
            for (let d = x - D0; d >= 0 && d <= 9; d = b[++p]! - D0) w = w * 10 + d;
            if (p === s || p - s > 12) return -1;
            let frac = 0;
            if (b[p] === DOT) {
              const f0 = ++p;
              for (let d = b[p]! - D0; d >= 0 && d <= 9; d = b[++p]! - D0) frac = frac * 10 + d;
              if (p === f0 || p - f0 > 6) return -1;
              frac *= MILLIONTHS[p - f0]!; // digits → millionths, as weight() gives
            }
            v = w * 1_000_000 + frac;
            if (!(v > 0)) return -1;
            break;
          }
          case AGE: {
            v = 0;
            for (let d = x - D0; d >= 0 && d <= 9; d = b[++p]! - D0) v = v * 10 + d;
            if (p === s || p - s > 3 || v > 130) return -1;
            break;
          }
          case GRADE:
          case FLAG: {
            v = x - D0;
            if (!(v >= 0 && v <= (kind === GRADE ? 4 : 1))) return -1;
            p++;
            break;
          }
          case AREA:
            v = word(b, p, URBAN) ? 0 : word(b, p, RURAL) ? 1 : -1;
            p += 5;
            break;
          default: // CAPACITY
            v = word(b, p, FULL) ? 0 : word(b, p, PARTIAL) ? 1 : word(b, p, NONE) ? 2 : -1;
            p += v === 1 ? 7 : 4;
        }
      }
      if (v < 0) return -1;
      values[c] = v;
    }
    // The field's end: a comma, or the line end after the last field (CR LF too).
    if (f === last) {
      if (b[p] === CR && b[p + 1] === LF) p++;
      if (b[p] !== LF) return -1;
    } else if (b[p] !== COMMA) return -1;
    p++;
  }
  return p;
}

/** b holds the literal at p. */
function word(b: Uint8Array, p: number, l: Buffer): boolean {
  for (let i = 0; i < l.length; i++) if (b[p + i] !== l[i]) return false;
  return true;
}

/** The text of a quoted field (without its quotes, "" → "). */
export function unquote(b: Buffer, s: number, e: number): string {
  return b.toString('utf8', s + 1, e - 1).replace(/""/g, '"');
}

/** A parsed value of a quoted field as the number the fast path uses. */
export function numeric(c: number, v: unknown): number {
  if (c === C.area) return v === 'urban' ? 0 : 1;
  if (c === C.labor_capacity || c === C.self_care) return ['full', 'partial', 'none'].indexOf(v as string);
  return v as number;
}

export const hasBom = (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** The index of the last LF that ends a record (outside quotes), or -1. */
export function lastRecordEnd(b: Buffer): number {
  if (b.indexOf(QUOTE) < 0) return b.lastIndexOf(LF);
  let inQuotes = false;
  let last = -1;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x === QUOTE) inQuotes = !inQuotes;
    else if (x === LF && !inQuotes) last = i;
  }
  return last;
}
