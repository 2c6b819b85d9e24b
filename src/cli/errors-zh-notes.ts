// The notes a households file's reading says, in 中文 (cli/errors-zh.ts): the columns it lacks or jiuzhu does not read
// (io/unread-columns.ts), its empty cells (io/empty-cells.ts). A clerk's --lang zh run had them in English beside the
// 中文 errors: what every row of the file was then read as, which a Chinese-only reader most needs to know.
import { FORECLOSED, FORECLOSED_ZH } from '../core/absent-columns.js';
import type { Rule } from './errors-zh-files.js';

/** "; so no one is tekun (…), …" in 中文. */
function soZh(so: string | undefined): string {
  if (!so) return '';
  const zh = Object.entries(FORECLOSED).reduce(
    (t, [c, en]) => t.replace(en, FORECLOSED_ZH[c as keyof typeof FORECLOSED_ZH] ?? en),
    so.replace(/^; so /, ''),
  );
  return `；因此${zh.replace(/）, /g, '）、')}`;
}

/** "wage_income 0, weight 1" → "wage_income 取 0、weight 取 1". */
const takesZh = (takes: string) => takes.replace(/(\w+) (\S+?)(?=, |$)/g, '$1 取 $2').replace(/, /g, '、');

export const NOTE_RULES: readonly Rule[] = [
  [
    /^(.+?): the file has no (.+?): every row takes (.+?)(?:; nor (.+?), which takes? (?:their defaults|its default))?(; so .+)? \(give the column, or map one to it with --columns\)$/,
    (_, file, columns: string, takes: string, nor?: string, so?: string) =>
      `${file}：文件没有 ${columns.replace(/, /g, '、')}：每行 ${takesZh(takes)}${nor ? `；也没有 ${nor.replace(/, /g, '、')}，各取默认值` : ''}${soZh(so)}（请补上该列，或用 --columns 把某列映射过来）`,
  ],
  [
    /^(.+?): jiuzhu reads (?:no column named (.+?))?(?:(?:, nor the columns?|no column) without a name \(columns? ([\d, ]+)\))?: left out of every figure(?:; the file has no (.+?): every row takes their defaults)?(; so .+)? \(to read a column under another name, map it with --columns\)$/,
    (_, file, named?: string, unnamed?: string, absent?: string, so?: string) =>
      `${file}：jiuzhu 不读${named ? `名为 ${named.replace(/, /g, '、')} 的列` : ''}${unnamed ? `${named ? '，也不读' : ''}没有列名的列（第 ${unnamed.replace(/, /g, '、')} 列）` : ''}：不计入任何数字${absent ? `；文件没有 ${absent.replace(/, /g, '、')}：每行各取默认值` : ''}${soZh(so)}（要按另一个列名读某列，请用 --columns 映射）`,
  ],
  [
    /^(.+?): ([\d,]+) empty cells? read as the column's default: (.+) — an empty cell is read as none, not unknown \(fill in what is known, or leave the household out\)$/,
    (_, file, n, said: string) =>
      `${file}：${n} 个空单元格按该列默认值读取：${said.replace(/(\w+) ([\d,]+) \(as ([^)]*)\)/g, '$1 $2 个（按 $3）').replace(/, /g, '、')}——空单元格读作“无”，不是“未知”（请填上已知的，或不计入该户）`,
  ],
];
