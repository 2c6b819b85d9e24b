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
  household_id: NaN, person_id: NaN, age: NaN, area: NaN, wage_income: 0, other_income: 0, disability_grade: 0, serious_illness: 0,
  labor_capacity: 0, self_care: 0, has_capable_supporter: 1, financial_assets: 0, rigid_expenditure: 0, on_dibao: 0, prior_dibao: 0,
  emergency_need: 0, weight: 1_000_000,
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
const AGE = 0, AREA = 1, GRADE = 2, FLAG = 3, CAPACITY = 4, WEIGHT = 5, MONEY = 6;
const KIND = Uint8Array.from(COLUMNS, (c) => {
  switch (c) {
    case 'age': return AGE;
    case 'area': return AREA;
    case 'disability_grade': return GRADE;
    case 'serious_illness': case 'has_capable_supporter': case 'on_dibao': return FLAG;
    case 'labor_capacity': case 'self_care': return CAPACITY;
    case 'weight': return WEIGHT;
    default: return MONEY;
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
