// What a number written as text most likely meant, when it is not one jiuzhu reads (trials typing on a Chinese
// keyboard, copying from a document or a spreadsheet): full-width digits, a percentage, a thousands separator, a unit
// or currency sign beside the number, exponent notation. Said the same way for a policy's values (io/param-values.ts)
// and a households file's cells (cells.ts parseCell). Exact: decimal text, never a float.
import { D } from './money.js';

/** The most digits before the point of any value read (money.ts: an amount in yuan). */
const MAX_DIGITS = 13;

/**
 * " (…: write X)" for text that is a number written another way; '' for anything else. `decimals`: the most a column
 * takes, where its text may have more that are zeros; `yuan`: whether the value is money (45万 of persons is no yuan).
 */
export function numberHint(text: string, decimals?: number, yuan = true): string {
  const t = text.trim();
  if (!t) return '';
  // (a full-width comma is a thousands separator as a comma is: a 科长's 2，500)
  const half = t.replace(/[０-９．，]/g, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (half !== t && /^\d+(\.\d+)?$/.test(half)) return ` (full-width digits: write ${half})`;
  const pct = /^(\d+(?:\.\d+)?)\s*[%％]$/.exec(half);
  if (pct) return ` (a percentage: write ${D(pct[1]!).dividedBy(100).toFixed()})`;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(half)) return ` (no thousands separator: write ${half.replace(/,/g, '')})`;
  // 0，6 or 0。6: a decimal point typed as a Chinese comma or full stop (not a thousands separator: not three digits after)
  const point = /^(\d+)[,。](\d+)$/.exec(half.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (point && (point[2]!.length !== 3 || t.includes('。'))) return ` (a decimal point is ".": write ${point[1]}.${point[2]})`;
  // +100.00 (a sign a spreadsheet's format adds), −0 (a rounding's sign): the number without it (a determinism audit
  // read "expected an amount ≥ 0 with at most two decimals" of +100.00, which is one)
  const signed = /^([+-])(\d+(?:\.\d+)?)$/.exec(half);
  if (signed && (signed[1] === '+' || D(signed[2]!).isZero())) return ` (no sign: write ${signed[2]})`;
  // 100.500, a weight of 1.0000000: more decimals than the column takes, but zeros
  const zeros = /^(\d+)\.(\d*?)0+$/.exec(half);
  if (zeros && decimals !== undefined && zeros[2]!.length <= decimals)
    return ` (its last decimals are zeros: write ${zeros[2] ? `${zeros[1]}.${zeros[2]}` : zeros[1]})`;
  // 195.98000000000002, 0.30000000000000004, 2.6999999999999997: a float's rounding, as a spreadsheet or a script prints it
  const float = /^(\d+\.\d*?)(?:0{6,}|9{6,})\d{0,2}[1-9]$/.exec(half);
  if (float) {
    const places = float[1]!.length - float[1]!.indexOf('.') - 1;
    return ` (a float's rounding: write ${D(half).toDecimalPlaces(places).toFixed()})`;
  }
  // 1e3, 2.5E+4: what a spreadsheet or a float printer writes; the exact decimal it stands for
  // (never one of more digits than any value takes: 1e15 was told to be written 1000000000000000, then refused)
  if (/^\d+(\.\d+)?[eE][+-]?\d{1,3}$/.test(half)) {
    const full = D(half).toFixed();
    const digits = full.split('.')[0]!.length;
    return digits > MAX_DIGITS
      ? ` (exponent notation: a number of ${digits} digits before the point, more than the ${MAX_DIGITS} any value may have)`
      : ` (exponent notation: write ${full})`;
  }
  // 1949/3/5, 2025-06-30, 2025年6月30日: a date, as a spreadsheet formats a cell it took for one (a clerk's ages were
  // told "the number alone: write 1949")
  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/.test(half))
    return ' (a date, not a number: a spreadsheet may have formatted the cell as one)';
  // (76岁, 3人: a count's unit beside it, as a 中文 form writes it; 1.3倍, a multiple's: a county officer's trial)
  const unit = /^(?:[¥￥]\s*)?(\d+(?:\.\d+)?)\s*(元|万元|万|yuan|RMB|CNY|周岁|岁|人|口|户|个月|倍)?(\/.*)?$/i.exec(half);
  if (unit && (unit[2] || half !== unit[1]))
    return unit[2] === '万元' || unit[2] === '万'
      ? ` (${yuan ? 'in yuan, ' : ''}the number alone: ${unit[1]}万 is ${D(unit[1]!).times(10000).toFixed()})`
      : ` (the number alone: write ${unit[1]})`;
  return '';
}
