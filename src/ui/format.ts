// Compact numbers for an 80-column screen; exact decimals in, rounded text out.
import { D } from '../core/money.js';
import { groupDigits, wrapLine, type Unit } from '../report/text-table.js';
import { delta } from '../report/totals.js';

/**
 * The screen's money unit: --unit's (yuan 元, wan 万元, yi 亿元), else its language's — 万元 in 中文, as bureaus budget (a
 * TUI trial found zh in 百万元), million yuan in English.
 */
export type ScreenUnit = Unit | 'million';
export const screenUnit = (lang: 'zh' | 'en', unit?: Unit): ScreenUnit => unit ?? (lang === 'zh' ? 'wan' : 'million');

/** Each unit's yuan and the decimals the screen shows: its last digit 1 yuan, 1 万元, 0.1 M yuan, 0.01 亿元. */
const SCALE: Readonly<Record<ScreenUnit, readonly [number, number]>> = { yuan: [1, 0], wan: [1e4, 0], million: [1e6, 1], yi: [1e8, 2] };

/** A heading with the unit's words for its {unit}: "（万元）" / "(10k yuan)". */
const UNIT_WORDS: Readonly<Record<ScreenUnit, readonly [string, string]>> = {
  yuan: ['元', 'yuan'],
  wan: ['万元', '10k yuan'],
  million: ['百万元', 'M yuan'],
  yi: ['亿元', '100M yuan'],
};
export const withUnit = (text: string, unit: ScreenUnit, lang: 'zh' | 'en') =>
  text.replace('{unit}', UNIT_WORDS[unit][lang === 'zh' ? 0 : 1]);

/** Money for the screen, in its unit: "447930605.80" (yuan) → "44,793" (万元), "447.9" (M yuan), "4.48" (亿元). */
export const money = (yuan: string, unit: ScreenUnit = 'million') => shownIn(D(yuan), unit);

// (digits grouped, but not in million yuan, which the screen has always shown as "1642.2": a city's are four digits)
const shownIn = (d: InstanceType<typeof D>, unit: ScreenUnit) => {
  const [per, decimals] = SCALE[unit];
  const shown = d.dividedBy(per).toFixed(decimals);
  return unit === 'million' ? shown : groupDigits(shown);
};

/**
 * A change too small for the screen's last digit is "+<0.1" / "−<1", not "−0.0": a TUI trial read "−0.0 −0.0%" (a
 * subsidy 300 yuan lower) as a sign error.
 */
const below = (d: InstanceType<typeof D>, shown: string, least: string) =>
  `${d.isNegative() ? '−' : '+'}${/^[0.,]+$/.test(shown) ? `<${least}` : shown}`;

export function signedPct(base: string, now: string): string {
  if (D(base).isZero()) return D(now).isZero() ? '0' : 'new';
  const p = D(now).minus(base).dividedBy(base).times(100);
  if (p.isZero()) return '+0.0%'; // (as the table's unchanged rows: "+0.0%")
  return `${below(p, p.abs().toFixed(1), '0.1')}%`;
}

export function signedMoney(base: string, now: string, unit: ScreenUnit = 'million'): string {
  const d = D(now).minus(base);
  if (d.isZero()) return '0';
  const decimals = SCALE[unit][1];
  return below(d, shownIn(d.abs(), unit), decimals ? `0.${'0'.repeat(decimals - 1)}1` : '1');
}

/**
 * A change in whole households, signed and grouped: "+3,586", "−12", "0" — the exact change rounded, as compare gives
 * it (the two counts rounded, then subtracted, gave +1,243 where compare said +1,242: a TUI trial).
 */
export function signedCount(base: string, now: string): string {
  return signedWhole(delta(base, now, 0).value);
}

/** A number rounded to a whole one, signed with a minus sign (−, as every other figure) and grouped: "+1,204", "−12", "0". */
export function signedWhole(x: string | number): string {
  const d = D(D(x).toFixed(0));
  return d.isZero() ? '0' : `${d.isNegative() ? '−' : '+'}${groupDigits(d.abs().toFixed(0))}`;
}

/** Whole households, grouped, with the unit: "28,275户" / "28,275 hh". */
export const households = (n: string, lang: 'zh' | 'en') => `${groupDigits(String(Math.round(Number(n))))}${lang === 'zh' ? '户' : ' hh'}`;

/** A bar of `width` cells for value / max (eighth blocks for precision). */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.round((value / max) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return '█'.repeat(full) + (part ? ' ▏▎▍▌▋▊▉'[part]! : '');
}

/** A space a line is never broken at: between a word and its figure ("city/county 362,922,705"). */
export const TIE = '\u00a0';

/** A line in lines of at most `width` columns (text-table.ts wrapLine), never broken at a TIE, which shows as a space. */
export const wrapTied = (line: string, width: number): string[] => wrapLine(line, width).map((l) => l.replaceAll(TIE, ' '));
