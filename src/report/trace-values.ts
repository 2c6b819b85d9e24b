// A trace step's values in the reader's language: in Chinese a column by its 中文 header and a code by its 中文 word
// (年龄 = 81 · 残疾等级 = 一级 · 劳动能力 = 无劳动能力), a category and a group by their names — a caseworker's trial read
// "age = 81 · labor_capacity = none · has_capable_supporter = 1" on a 中文 screen. The symbols of the rule (S, n, I,
// inc(p), limit_months × S × n …) stay as the rule writes them; JSON keeps the codes.
import { AREAS, CAPACITY, COLUMN_BY_NAME } from '../core/columns.js';
import { PARAM_BY_PATH } from '../core/parameters/schema.js';
import { PROGRAM_BY_ID, type ProgramId } from '../core/programs/index.js';
import { zhCode, zhColumn } from '../core/trace.js';
import type { Lang } from './lang.js';

/** Names of the trace's own values that are not columns. */
const OWN: Readonly<Record<string, string>> = {
  basic: '基本生活',
  care: '照料护理',
  cap: '救助上限',
  categories: '分类施保类别',
  'limit_months × S × persons': 'limit_months × S × 人数',
  months: '渐退月数',
  'rigid aid': '刚性支出救助',
  group: '资助参保类别',
  premium: '个人缴费',
  scope: '护理补贴范围',
};

/** The trace's own words for a value that is not a column's (disability.care.scope's). */
const OWN_VALUES: Readonly<Record<string, string>> = { all: '所有一、二级残疾人', assisted: '仅救助对象' };

/** A column's value as its 中文 word, where the column has words (a code, a capacity, an area, a yes or no). */
function zhValue(column: string, v: string): string {
  const words = COLUMN_BY_NAME.get(column)?.words;
  if (!words) return v;
  const code =
    column === 'area'
      ? AREAS.indexOf(v as (typeof AREAS)[number])
      : (CAPACITY as readonly string[]).includes(v)
        ? CAPACITY.indexOf(v as (typeof CAPACITY)[number])
        : Number(v);
  return Number.isInteger(code) && code >= 0 ? zhCode(column, code) : v;
}

/** A supplement category's 中文 name: dibao.supplement.elderly's (分类施保：老年人 → 老年人). */
const zhCategory = (c: string) => PARAM_BY_PATH.get(`dibao.supplement.${c}`)?.zh.split('：').at(-1) ?? c;

/** "k = v", in the reader's language. */
export function valueText(k: string, v: string, lang: Lang): string {
  if (lang !== 'zh') return `${k} = ${v}`;
  if (COLUMN_BY_NAME.has(k)) return `${zhColumn(k)} = ${zhValue(k, v)}`;
  if (k === 'categories') return `${OWN[k]} = ${v.split(' + ').map(zhCategory).join(' + ')}`;
  if (k === 'group') return `${OWN[k]} = ${PROGRAM_BY_ID.get(v as ProgramId)?.zh ?? v}`;
  if (k === 'scope') return `${OWN[k]} = ${OWN_VALUES[v] ?? v}`;
  return `${OWN[k] ?? k} = ${v}`;
}
