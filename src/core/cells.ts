// One cell of a households file read by its column's kind (core/columns.ts): a 中文 word, a code, money in fen, an
// integer, millionths, an id — or what was expected and what the text most likely meant. The reference reader, the
// fast reader's slow path, case files and the column mapping all read cells through this.
import { wordValue, type ColumnDef } from './columns.js';
import { MONEY_RE } from './money.js';
import { numberHint } from './number-hints.js';
import { idProblem } from './invisible.js';

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly expected: string };

const DECIMAL_RE = /^(\d+)(?:\.(\d{1,6}))?$/;
const DIGITS_RE = /^\d+$/;
/** A plain decimal number: [1] its sign, [2] its integer digits, [3] its decimals. */
const NUMBER_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * One cell's text (already unquoted and trimmed) as its stored value, by the column's kind; an empty cell takes the
 * default. The reference reader, the fast reader's slow path and case files all read cells through this.
 */
export function parseCell(c: ColumnDef, text: string): Parsed {
  const word = wordValue(c, text);
  if (word !== undefined) return { ok: true, value: word };
  // A 中文 word it does not know: the words it does (the message gave only full, partial or none to a file in 中文)
  if (c.words && /[\u0080-\uffff]/.test(text))
    return { ok: false, expected: `${c.expected}, or one of ${Object.keys(c.words).join('、')}` };
  const bad: Parsed = { ok: false, expected: c.expected };
  if (text === '') return c.default !== undefined ? { ok: true, value: c.default } : bad;
  const k = c.kind;
  switch (k.type) {
    case 'id': {
      const wrong = idProblem(c.expected, text);
      return wrong === null ? { ok: true, value: 0 } : { ok: false, expected: wrong };
    }
    case 'integer': {
      if (!DIGITS_RE.test(text)) return notANumber(c, text, 0);
      if (text.length > String(k.max).length) return bad;
      const v = Number(text);
      return v <= k.max ? { ok: true, value: v } : bad;
    }
    case 'code': {
      const v = k.codes.indexOf(text);
      if (v >= 0) return { ok: true, value: v };
      // Rural, URBAN: the code in lower case
      const lower = k.codes.find((code) => code === text.toLowerCase());
      return lower ? { ok: false, expected: `${c.expected} (in lower case: write ${lower})` } : bad;
    }
    case 'money': {
      const m = MONEY_RE.exec(text);
      if (m) return { ok: true, value: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
      // A number that breaks one limit is told that limit.
      const n = NUMBER_RE.exec(text);
      if (!n) return notANumber(c, text);
      if (n[1]) return { ok: false, expected: `an amount in yuan ≥ 0${numberHint(text)}` };
      if (n[2]!.length > 13) return { ok: false, expected: 'an amount in yuan of at most 13 digits before the point' };
      return notANumber(c, text, 2); // too many decimals: the message's own limit (and zeros, said)
    }
    case 'millionths': {
      const m = DECIMAL_RE.exec(text);
      if (m && m[1]!.length <= k.intDigits) {
        const v = Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
        if (v >= k.min && v <= k.max) return { ok: true, value: v };
      }
      const n = NUMBER_RE.exec(text);
      if (!n) return notANumber(c, text);
      if ((n[3]?.length ?? 0) > 6) return notANumber(c, text, 6); // (its words say six decimals: weight, take_up_draw)
      return { ok: false, expected: `${c.expected}: from ${millionthsText(k.min)} to ${millionthsText(k.max)}` };
    }
  }
}

/** Text that is not a number as a column reads one: what it expects, and what the text most likely meant (1e3, 1,000). */
const notANumber = (c: ColumnDef, text: string, dp?: number): Parsed => ({ ok: false, expected: c.expected + numberHint(text, dp) });

/** Millionths as an exact decimal (2^53 − 1 millionths is 9007199254.740991: divided as a float it read …992, refused). */
function millionthsText(v: number): string {
  const frac = String(v % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${Math.floor(v / 1_000_000)}${frac ? `.${frac}` : ''}`;
}
