// Compact numbers for an 80-column screen; exact decimals in, rounded text out.
import { D } from '../core/money.js';
import { groupDigits } from '../report/text-table.js';

/** "447930605.80" (yuan) → "447.9" (million yuan). */
export const millions = (yuan: string) => D(yuan).dividedBy(1e6).toFixed(1);

export function signedPct(base: string, now: string): string {
  if (D(base).isZero()) return D(now).isZero() ? '0' : 'new';
  const p = D(now).minus(base).dividedBy(base).times(100);
  return `${p.isNegative() ? '−' : '+'}${p.abs().toFixed(1)}%`;
}

export function signedMillions(base: string, now: string): string {
  const d = D(now).minus(base).dividedBy(1e6);
  return d.isZero() ? '0' : `${d.isNegative() ? '−' : '+'}${d.abs().toFixed(1)}`;
}

/** A change in whole households (weighted counts rounded), signed and grouped: "+3,586", "−12", "0". */
export function signedCount(base: string, now: string): string {
  const d = Math.round(Number(now)) - Math.round(Number(base));
  return d === 0 ? '0' : `${d < 0 ? '−' : '+'}${groupDigits(String(Math.abs(d)))}`;
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
