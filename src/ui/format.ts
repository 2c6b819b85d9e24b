// Compact numbers for an 80-column screen; exact decimals in, rounded text out.
import { D } from '../core/money.js';
import { groupDigits } from '../report/text-table.js';
import { delta } from '../report/totals.js';

/**
 * Money for the screen, in the unit of its language: "447930605.80" (yuan) → "44,793" (万元, as bureaus budget: a TUI
 * trial found zh in 百万元) or "447.9" (million yuan).
 */
export const money = (yuan: string, lang: 'zh' | 'en' = 'en') =>
  lang === 'zh' ? groupDigits(D(yuan).dividedBy(1e4).toFixed(0)) : D(yuan).dividedBy(1e6).toFixed(1);

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

export function signedMoney(base: string, now: string, lang: 'zh' | 'en' = 'en'): string {
  const d = D(now).minus(base);
  if (d.isZero()) return '0';
  const shown = lang === 'zh' ? groupDigits(d.abs().dividedBy(1e4).toFixed(0)) : d.abs().dividedBy(1e6).toFixed(1);
  return below(d, shown, lang === 'zh' ? '1' : '0.1');
}

/**
 * A change in whole households, signed and grouped: "+3,586", "−12", "0" — the exact change rounded, as compare gives
 * it (the two counts rounded, then subtracted, gave +1,243 where compare said +1,242: a TUI trial).
 */
export function signedCount(base: string, now: string): string {
  const d = D(delta(base, now, 0).value);
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
