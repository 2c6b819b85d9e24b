// What both household readers say, in the same words: the header's checks, a bad value, a repeated person, a
// household that disagrees with itself. The fast reader (fast-csv.ts) is tested to word every problem as the
// reference reader (households-csv.ts) does, so both build their messages here.
import { COLUMN_BY_ALIAS, COLUMN_BY_NAME, MONTHLY, REQUIRED, type Column } from '../core/columns.js';
import { editDistance } from '../core/edit-distance.js';
import { showText } from './text-checks.js';
import type { Conflict } from '../core/population.js';
import { InputError, type Problem } from '../errors.js';

export const EMPTY_FILE = `the file is empty: expected a header row naming at least ${REQUIRED.join(', ')}`;

/** Stop after this many problems: enough to fix a file in one go without flooding the terminal. */
export const MAX_PROBLEMS = 20;

/** A value that is not valid, and whose it is: the household and the person (the ids the row gives). */
export function invalidMessage(raw: string, expected: string, personId: string | undefined, householdId?: string): string {
  const whose = [householdId ? `household ${quotedId(householdId)}` : '', personId ? `person ${quotedId(personId)}` : ''].filter(Boolean);
  return `${raw === '' ? 'empty' : quoted(raw)} is not valid: expected ${expected}${whose.length ? ` (${whose.join(', ')})` : ''}`;
}

/** A header that names a year's amount (年工资收入, 工资收入(元/年), annual_wage): not 年龄 (age) or 年级 (a school year). */
export const YEARLY_HEADER = /年(?![龄级])|annual|yearly|per[\s_-]*year|\/\s*(year|yr|a)\b/i;

/** A value as messages show it: in JSON quotes (control characters escaped), cut after 40 characters. */
export function quoted(raw: string, max = 40): string {
  return raw.length > max ? `${JSON.stringify(raw.slice(0, max))}… (${raw.length} characters)` : JSON.stringify(raw);
}

/** An id as messages show it: as it is, unless it is long or holds control characters. */
const quotedId = (id: string) => showText(id, 40);

export function duplicateMessage(pid: string, firstLine: number): string {
  return `person ${quoted(pid)} appears again (first on line ${firstLine}); person_id must be unique in the file`;
}

/** A household-level value that differs from the household's first row, in both readers' words. */
export function conflictMessage(c: Conflict, line: number): string {
  // (the value may have been written or left empty: a review found "give it on each of its rows" told to a file that had;
  // "also": a QA trial read "1 (what an empty cell is read as)" as saying its written 1 was an empty cell)
  const empty = (is: boolean | undefined) => (is ? ' (also what an empty cell reads as)' : '');
  const either = c.valueIsDefault || c.firstIsDefault ? ', an empty cell included' : '';
  return `${c.column} is ${c.value}${empty(c.valueIsDefault)} on line ${line} but ${c.firstValue}${empty(c.firstIsDefault)} on line ${c.firstRow}; a household-level value must be the same on every row of the household${either}`;
}

/** The problems of a reading, the first MAX_PROBLEMS, as the error to throw. */
export function householdsError(problems: readonly Problem[]): InputError {
  const more = problems.length >= MAX_PROBLEMS ? ` (stopped after ${MAX_PROBLEMS} problems)` : '';
  return new InputError(problems.slice(0, MAX_PROBLEMS), `fix the households file and run again${more}${spreadsheetCauses(problems)}`);
}

/**
 * What a spreadsheet likely did, where the problems show it (a Chinese-only clerk's trial: a register's merged id cells
 * were told as 17 empty ids, its 合计 row as an empty person id, neither by its cause).
 */
function spreadsheetCauses(problems: readonly Problem[]): string {
  const causes = [
    problems.filter((p) => /\bhousehold_id\)?: empty is not valid/.test(`${p.subject ?? ''}: ${p.message}`)).length >= 2 &&
      "household_id empty on several rows: merged cells? (a merged cell keeps its value in its first row only: unmerge them and fill each household's id into every one of its rows)",
    problems.some((p) => TOTAL_ROW.test(p.message)) && 'a total row (合计)? a households file holds households only: delete it',
  ];
  return causes
    .filter(Boolean)
    .map((c) => `; ${c}`)
    .join('');
}

/** A row of totals, as a spreadsheet's register ends: its id cell says so. */
const TOTAL_ROW = /(?:\(household |: )"?(?:合计|总计|小计|共计|合 计|total|sum)"?(?:[,)]| is not valid)/i;

/**
 * The header's known columns → their field index (0-based); throws every problem with the header (at most
 * MAX_PROBLEMS): a name given twice, a required column missing, and a name that resembles a column the file does not
 * have — the same but for case, spacing or stray characters, or one or two letters off (`Weight`, `wage_incom`) — whose
 * values would otherwise be ignored and the column's default silently used (DOMAIN "The household data").
 */
export function readHeader(header: readonly string[], file: string, line: number): Map<Column, number> {
  // (a name with spaces about it is the name: the readers trim an unquoted value's ASCII spaces before it, as csv-parse
  // does, and the Unicode ones after; a full-width space before 年龄 (U+3000) was refused as "looks like age" — an import trial)
  const record = header.map((n) => n.trim());
  const problems: Problem[] = [];
  const index = new Map<Column, number>();
  const seen = new Map<string, number>();
  const problem = (col: number | undefined, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ where: { file, line, col }, message });
  };
  record.forEach((name, i) => {
    // (columns without a name — a spreadsheet's empty columns saved with it — are not one column twice: unread, noted)
    if (seen.has(name) && name.trim() !== '')
      problem(i + 1, `column "${showText(name)}" appears twice (columns ${seen.get(name)! + 1} and ${i + 1})`);
    seen.set(name, i);
    // A column's name, or one of its 中文 headers (户编号, 城乡 …: core/columns.ts).
    const column = (COLUMN_BY_NAME.get(name) ?? COLUMN_BY_ALIAS.get(name))?.name as Column | undefined;
    if (column === undefined) return;
    const first = index.get(column);
    if (first === undefined) index.set(column, i);
    else if (record[first] !== name)
      problem(i + 1, `column "${showText(name)}" is ${column} again (columns ${first + 1} and ${i + 1}): give it once`);
  });
  record.forEach((name, i) => {
    if (COLUMN_BY_NAME.has(name) || COLUMN_BY_ALIAS.has(name)) return;
    const like = resembles(name, (c) => index.has(c));
    // beside the column it is but for case or spacing: two columns for one thing, one of them read (a hardening trial's
    // `area` and `Area`, urban and rural, ran on area's values with a note only). (A name a letter or two from one the
    // file has, `wgt` beside age, may be a column of its own: noted as unread.)
    if (like && index.has(like) && squeezed(name) === squeezed(like))
      problem(
        i + 1,
        `column "${showText(name)}" looks like ${like}, which the file has too (column ${index.get(like)! + 1}): jiuzhu would read ${like} and not this one. Remove one, or give this one a name that does not resemble a column jiuzhu reads (${like}_old)`,
      );
    else if (like && !index.has(like)) {
      const lost = REQUIRED.includes(like)
        ? 'a column the file must have'
        : `its values would be ignored and every row take ${like}'s default`;
      // (a year's amount for a month's column: renamed as told, a researcher's yearly wages ran as monthly, 12 × too much)
      const yearly = MONTHLY.includes(like) && YEARLY_HEADER.test(name);
      problem(
        i + 1,
        yearly
          ? `column "${showText(name)}" looks like ${like}, a month's amount (yuan a month), but its name says a year's: divide its values by 12 (to the fen) and name it "${namedAs(like, name)}", or map it with --columns and per_year: [${like}] (divided by 12 as it is read); to keep it as an extra column, give it a name that does not resemble one jiuzhu reads`
          : `column "${showText(name)}" looks like ${like} but is not named so (${lost}). Name it exactly "${namedAs(like, name)}"${MONTHLY.includes(like) ? ` (${like} is yuan a month)` : ''}, or, to keep it as an extra column, give it a name that does not resemble one jiuzhu reads`,
      );
    }
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  // A file cut by another character (Excel's "Text (Tab delimited)", a European locale's semicolons): its header is one
  // field holding every column's name, and the message says how to save it.
  const other = record.length === 1 ? OTHER_DELIMITERS.find(([c]) => record[0]!.split(c).length >= 4) : undefined;
  if (missing.length && other)
    problem(
      undefined,
      `the header is one field of names separated by ${other[1]}: jiuzhu reads comma-separated CSV — save the file as "CSV UTF-8 (Comma delimited)" (逗号分隔), or replace the ${other[1]} with commas`,
    );
  else if (missing.length === REQUIRED.length && record.length >= REQUIRED.length && record.filter((n) => n !== '').length === 1)
    // (a title above the header, as a register printed from Excel has: 南宁市低保名册,,,, — one cell of a row as wide as
    // a header; a clerk's trial)
    problem(undefined, titleAbove(record.find((n) => n !== '')!));
  else if (missing.length && !problems.some((p) => p.message.includes(' looks like '))) {
    const header = showText(record.join(','), 200);
    // (each missing column with its 中文 headers where the file's are 中文: a clerk's file was told "area", not 城乡)
    const zh = /\p{Script=Han}/u.test(header);
    const named = missing.map((c) => (zh ? `${c} (${COLUMN_BY_NAME.get(c)!.zh.join('/')})` : c));
    problem(undefined, `missing required column${missing.length > 1 ? 's' : ''} ${named.join(', ')}; the header is: ${header}`);
  }
  if (problems.length) throw new InputError(problems);
  return index;
}

/** Separators another export may use, and their names. */
const OTHER_DELIMITERS: ReadonlyArray<readonly [string, string]> = [
  ['\t', 'tabs'],
  [';', 'semicolons'],
  ['|', 'vertical bars'],
  ['，', 'full-width commas (，)'],
];

/**
 * Lower case, its full-width letters as ASCII (NFKC: a QA trial's ｗａｇｅ＿ｉｎｃｏｍｅ was an unread column, the wages 0),
 * without spaces, underscores, dashes or control characters: how a name is compared for "resembles".
 */
const squeeze = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]/g, '')
    .replace(/\p{Cc}/gu, '');

/** A first row of one cell: a title above the header (its words: the CSV reader's, a workbook's, a mapped file's). */
export const titleAbove = (cell: string) =>
  `the first row holds one cell, "${showText(cell, 60)}": a title above the header? The header must be the file's first row: delete the rows above it`;

/** A name without case, spaces, underscores or hyphens. */
export const squeezed = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** The known column a header name resembles (the same squeezed, or one or two edits away), or undefined. */
export function resembles(name: string, has: (c: Column) => boolean = () => false): Column | undefined {
  const s = squeeze(name);
  if (!s) return undefined;
  if (/\p{Script=Han}/u.test(name)) return resemblesZh(name, has);
  let best: Column | undefined;
  let score = 3;
  for (const c of COLUMN_BY_NAME.keys()) {
    const d = s === squeeze(c) ? 0 : editDistance(name.normalize('NFKC').toLowerCase().trim(), c);
    if (d < score) [best, score] = [c as Column, d];
  }
  return best;
}

/**
 * The column a 中文 header resembles: one of its headers with a unit in brackets (年龄（岁）), or a part of one or one with
 * more around it (工资 for 工资收入, 城乡类型 for 城乡), two characters at least — of those, the first the file lacks, else
 * the first (收入: wage_income, or other_income beside 工资收入). A caseworker's 工资 was an unread column, the family
 * paid as if it earned nothing.
 */
function resemblesZh(name: string, has: (c: Column) => boolean): Column | undefined {
  const bare = name.replace(/[（(【[][^）)】\]]*[）)】\]]/gu, '').replace(/[\s\p{P}]/gu, '');
  if (bare.length < 2) return undefined;
  const aliases = [...COLUMN_BY_ALIAS];
  let like = aliases.filter(([alias]) => alias.includes(bare) || bare.includes(alias)).map(([, def]) => def.name as Column);
  // Else a word of one in it (月工资, 残疾级别, 家庭年收入: unread, the family paid as if it earned nothing — a clerk's
  // trial), of two characters, not one many columns' names hold (家庭, 低保, 编号: 家庭人口, 低保证号 are other things)
  if (!like.length) {
    const words = new Set<string>();
    for (let i = 0; i + 2 <= bare.length; i++) if (!SHARED_WORDS.has(bare.slice(i, i + 2))) words.add(bare.slice(i, i + 2));
    like = aliases.filter(([alias]) => [...words].some((w) => alias.includes(w))).map(([, def]) => def.name as Column);
  }
  return like.find((c) => !has(c)) ?? like[0]; // (收入 beside 工资收入: other_income, which the file lacks)
}

/** Words that name no one column: in registers' own columns (户籍地址, 申请日期, 其他补贴, 生活费) as much as in jiuzhu's. */
const SHARED_WORDS = new Set([
  '家庭',
  '是否',
  '编号',
  '能力',
  '类型',
  '类别',
  '人员',
  '成员',
  '个人',
  '生活',
  '现领',
  '法定',
  '需求',
  '户籍',
  '低保',
  '申请',
  '其他',
]);

/** How a column is named in the words of the header that resembles it: its 中文 header for a 中文 one. */
export const namedAs = (column: Column, header: string): string =>
  /\p{Script=Han}/u.test(header) ? `${COLUMN_BY_NAME.get(column)!.zh[0]}" or "${column}` : column;

/** A 0-based field index (or none) as a 1-based column number. */
export const colNumber = (i: number | undefined) => (i === undefined || i < 0 ? undefined : i + 1);
