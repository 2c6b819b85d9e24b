// What a number written as text most likely meant, when it is not one jiuzhu reads (trials typing on a Chinese
// keyboard, copying from a document or a spreadsheet): full-width digits, a percentage, a thousands separator, a unit
// or currency sign beside the number, exponent notation. Said the same way for a policy's values (io/param-values.ts)
// and a households file's cells (columns.ts parseCell). Exact: decimal text, never a float.
import { D } from './money.js';

/** " (…: write X)" for text that is a number written another way; '' for anything else. */
export function numberHint(text: string): string {
  const t = text.trim();
  if (!t) return '';
  const half = t.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (half !== t && /^\d+(\.\d+)?$/.test(half)) return ` (full-width digits: write ${half})`;
  const pct = /^(\d+(?:\.\d+)?)\s*[%％]$/.exec(half);
  if (pct) return ` (a percentage: write ${D(pct[1]!).dividedBy(100).toFixed()})`;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(half)) return ` (no thousands separator: write ${half.replace(/,/g, '')})`;
  // 1e3, 2.5E+4: what a spreadsheet or a float printer writes; the exact decimal it stands for
  if (/^\d+(\.\d+)?[eE][+-]?\d{1,3}$/.test(half)) return ` (exponent notation: write ${D(half).toFixed()})`;
  const unit = /^(?:[¥￥]\s*)?(\d+(?:\.\d+)?)\s*(元|万元|万|yuan|RMB|CNY)?(\/.*)?$/i.exec(half);
  if (unit && (unit[2] || half !== unit[1]))
    return unit[2] === '万元' || unit[2] === '万'
      ? ` (in yuan, the number alone: ${unit[1]}万 is ${D(unit[1]!).times(10000).toFixed()})`
      : ` (the number alone: write ${unit[1]})`;
  return '';
}
