// The household file's columns (DOMAIN "The household data"), declared once: name, level, kind and range, default,
// codes, what a message says was expected, the 中文 headers a bureau's file would use. The readers (io/households-csv.ts,
// io/fast-*.ts), the parts, the population, `generate`, case files and messages all derive what they need from it;
// how one cell's text is read by a column's kind is core/cells.ts.
import { typed } from './grow.js';
import { fenToYuan } from './money.js';

/** labor_capacity and self_care codes; index = the stored code. */
export const CAPACITY = ['full', 'partial', 'none'] as const;
export type Capacity = (typeof CAPACITY)[number];
export const AREAS = ['urban', 'rural'] as const; // (area codes: 0 urban, 1 rural)
export type Area = (typeof AREAS)[number];
export const NONE = 2; // (the code of "none" in CAPACITY)

/**
 * How a cell is read and stored. Every value is stored as a number: an id as bytes (elsewhere), a whole number as
 * itself, a code as its index, money in fen, a decimal in millionths.
 */
export type ColumnKind =
  | { readonly type: 'id' }
  | { readonly type: 'integer'; readonly max: number }
  | { readonly type: 'code'; readonly codes: readonly string[] }
  | { readonly type: 'money' }
  | { readonly type: 'millionths'; readonly intDigits: number; readonly min: number; readonly max: number };

export interface ColumnDef {
  /** The header, as DOMAIN names it. */
  readonly name: string;
  /** The Population property (and the key of a household written inline). */
  readonly key: string;
  /** id: the two ids; person: one value per person; household: one value per household, the same on every row. */
  readonly level: 'id' | 'person' | 'household';
  readonly kind: ColumnKind;
  /** The stored value of an empty cell or a missing column; absent: required. */
  readonly default?: number;
  /** What a valid value is, for messages: "… is not valid: expected <expected>". */
  readonly expected: string;
  /** Headers a bureau's file may use for it (中文): read as the column (README "Households": the table of them). */
  readonly zh: readonly string[];
  /** Its name in a 中文 sentence where the first header is narrower (zhColumn; default: zh[0]). */
  readonly said?: string;
  /** Values a bureau's file may write (中文 words) → the stored value, read as the canonical value would be. */
  readonly words?: Readonly<Record<string, number>>;
}

/**
 * 是/否 for a 0/1 flag, TRUE/FALSE (a spreadsheet's yes/no cell, as Excel saves it in a CSV), and yes/no as English
 * writes them (has_capable_supporter: no was refused where 否 and FALSE were taken: a tekun officer's trial).
 */
const YES_NO = {
  ...{ 是: 1, 否: 0, TRUE: 1, FALSE: 0, True: 1, False: 0, true: 1, false: 0 },
  ...{ yes: 1, no: 0, Yes: 1, No: 0, YES: 1, NO: 0 },
} as const;
/** A disability grade's words: 一级, 1级, 一级残疾 … 四级残疾. */
const GRADE_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  ['一', '二', '三', '四'].flatMap((n, i) => [`${n}级`, `${i + 1}级`, `${n}级残疾`].map((w) => [w, i + 1])),
);
/** …and 有/无 where the column asks whether the person has one (有赡养人: 有; 重病: 无 — a caseworker's words). */
const HAS_NOT = { ...YES_NO, 有: 1, 无: 0 } as const;

const money = { type: 'money' } as const;
const flag = { type: 'integer', max: 1 } as const;
const capacity = { type: 'code', codes: CAPACITY } as const;
const MONEY = 'an amount in yuan ≥ 0 with at most two decimals';

/** In DOMAIN's order (the order `generate` writes). */
export const COLUMNS = [
  {
    name: 'household_id',
    key: 'householdId',
    level: 'id',
    kind: { type: 'id' },
    expected: 'a household id',
    zh: ['户编号', '家庭编号', '户号'],
  },
  {
    name: 'person_id',
    key: 'personId',
    level: 'id',
    kind: { type: 'id' },
    expected: 'a person id',
    zh: ['个人编号', '人员编号', '成员编号'],
  },
  {
    name: 'age',
    key: 'age',
    level: 'person',
    kind: { type: 'integer', max: 130 },
    expected: 'a whole number of years from 0 to 130',
    zh: ['年龄'],
  },
  {
    name: 'area',
    key: 'area',
    level: 'household',
    kind: { type: 'code', codes: AREAS },
    expected: 'urban or rural',
    zh: ['城乡', '户籍类型', '城乡类别'],
    words: { 城镇: 0, 城市: 0, 城区: 0, 非农业: 0, 农村: 1, 乡村: 1, 农业: 1 },
  },
  {
    name: 'wage_income',
    key: 'wage',
    level: 'person',
    kind: money,
    default: 0,
    expected: MONEY,
    zh: ['工资收入', '劳动收入', '工资性收入'],
  },
  { name: 'other_income', key: 'other', level: 'person', kind: money, default: 0, expected: MONEY, zh: ['其他收入'] },
  {
    name: 'disability_grade',
    key: 'disability',
    level: 'person',
    kind: { type: 'integer', max: 4 },
    default: 0,
    expected: 'a disability grade 0–4 (0 none; 1, 2 severe)',
    zh: ['残疾等级'],
    words: { 无: 0, 无残疾: 0, ...GRADE_WORDS },
  },
  {
    name: 'serious_illness',
    key: 'ill',
    level: 'person',
    kind: flag,
    default: 0,
    expected: '0 or 1',
    zh: ['重病', '是否重病'],
    words: HAS_NOT,
  },
  {
    name: 'labor_capacity',
    key: 'labor',
    level: 'person',
    kind: capacity,
    default: 0,
    expected: 'full, partial or none',
    zh: ['劳动能力'],
    words: {
      有劳动能力: 0,
      完全劳动能力: 0,
      有: 0,
      部分: 1,
      部分劳动能力: 1,
      部分丧失劳动能力: 1,
      无劳动能力: 2,
      完全丧失劳动能力: 2,
      丧失劳动能力: 2,
      无: 2,
    },
  },
  {
    name: 'self_care',
    key: 'selfCare',
    level: 'person',
    kind: capacity,
    default: 0,
    expected: 'full, partial or none',
    zh: ['自理能力', '生活自理能力'],
    // (the words of the tekun care grades too, as `init` and the parameters name them: 部分不能自理（半护理）)
    words: {
      全自理: 0,
      完全自理: 0,
      能自理: 0,
      生活能自理: 0,
      半自理: 1,
      部分: 1,
      部分自理: 1,
      部分不能自理: 1,
      半护理: 1,
      完全不能自理: 2,
      不能自理: 2,
      生活不能自理: 2,
      全护理: 2,
    },
  },
  {
    name: 'has_capable_supporter',
    key: 'supporter',
    level: 'person',
    kind: flag,
    default: 1,
    expected: '0 or 1',
    zh: ['有赡养人', '有法定赡养人'],
    said: '有赡养、抚养、扶养人', // (a child's supporter is 抚养, a spouse's 扶养: 有赡养人 is an elder's — a clerk's catch)
    words: HAS_NOT,
  },
  {
    name: 'financial_assets',
    key: 'assets',
    level: 'household',
    kind: money,
    default: 0,
    expected: MONEY,
    zh: ['金融资产', '家庭金融资产'],
  },
  { name: 'rigid_expenditure', key: 'rigid', level: 'household', kind: money, default: 0, expected: MONEY, zh: ['刚性支出'] },
  {
    name: 'on_dibao',
    key: 'onDibao',
    level: 'household',
    kind: flag,
    default: 0,
    expected: '0 or 1',
    zh: ['在保', '是否低保'],
    words: YES_NO,
  },
  { name: 'prior_dibao', key: 'prior', level: 'household', kind: money, default: 0, expected: MONEY, zh: ['低保金', '现领低保金'] },
  {
    name: 'emergency_need',
    key: 'emergency',
    level: 'household',
    kind: money,
    default: 0,
    expected: MONEY,
    zh: ['急难需求', '临时救助需求'],
  },
  {
    name: 'weight',
    key: 'weight',
    level: 'household',
    kind: { type: 'millionths', intDigits: 10, min: 1, max: Number.MAX_SAFE_INTEGER },
    default: 1_000_000,
    expected: 'a number > 0 with at most six decimals',
    zh: ['权重'],
  },
  {
    name: 'take_up_draw',
    key: 'takeUpDraw',
    level: 'household',
    kind: { type: 'millionths', intDigits: 1, min: 0, max: 999_999 },
    default: 0,
    expected: 'a number ≥ 0 and < 1 with at most six decimals',
    zh: ['申请抽样值'],
  },
] as const satisfies readonly ColumnDef[];

type Def = (typeof COLUMNS)[number];
export type Column = Def['name'];
type Stored<D> = D extends { kind: { type: 'money' | 'millionths' } } ? Float64Array : Uint8Array;
type OfLevel<L extends Def['level']> = Extract<Def, { level: L }>;

/** One value per person (index = person). */
export type PersonColumns = { readonly [D in OfLevel<'person'> as D['key']]: Stored<D> };
/** One value per household (index = household). */
export type HouseholdColumns = { readonly [D in OfLevel<'household'> as D['key']]: Stored<D> };
export type PersonKey = keyof PersonColumns;
export type HouseholdKey = keyof HouseholdColumns;

/** A value as a household written inline gives it: a code by name, anything else as stored (fen, millionths). */
type Given<D> = D extends { kind: { type: 'code'; codes: readonly (infer C)[] } } ? C | number : number;
export type PersonInput = { readonly [D in OfLevel<'person'> as D['key']]: Given<D> };
export type HouseholdInput = { readonly [D in OfLevel<'household'> as D['key']]: Given<D> };

/**
 * What each column is, with its period where it is money (DOMAIN "The household data"; README's table of columns is
 * held to this by test/cli/readme.test.ts): a researcher whose incomes were yearly had no way to tell they are monthly.
 */
export const MEANING: Readonly<Record<Column, string>> = {
  household_id: 'rows with the same id form one household (co-resident family, 共同生活的家庭成员)',
  person_id: 'unique in the file',
  age: 'whole years',
  area: 'which standard applies: urban or rural',
  wage_income: "the person's average wage or labour earnings, **yuan a month**",
  other_income: "the person's other counted income, **yuan a month**",
  disability_grade: '0 none; 1–4, of which 1 and 2 are severe (重度残疾)',
  serious_illness: '1: 重病患者, seriously ill',
  labor_capacity: 'full, partial or none',
  self_care: '生活自理能力: full, partial or none (none = 完全不能自理)',
  has_capable_supporter: '1: a legal supporter (法定赡养抚养扶养义务人) able to support exists',
  financial_assets: "the household's total financial assets, yuan",
  rigid_expenditure: "the last 12 months' medical, disability and schooling outlays, **yuan over the 12 months**",
  on_dibao: '1: the household receives dibao now',
  prior_dibao: 'its dibao now, **yuan a month** (the base of the gradual exit)',
  emergency_need: 'an assessed emergency need (临时救助), **yuan, once**',
  weight: 'how many real households this household stands for',
  take_up_draw: 'its draw for take-up: it takes a program up when `take_up_draw` < `take_up.<program>`',
};

/** The money columns of a month (MEANING): a survey's yearly amounts are a twelfth of them (--columns per_year). */
export const MONTHLY: readonly Column[] = ['wage_income', 'other_income', 'prior_dibao'];

export const COLUMN_NAMES: readonly Column[] = COLUMNS.map((c) => c.name);
/** Column number by name (the index in COLUMNS). */
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.name, i])) as Readonly<Record<Column, number>>;
export const COLUMN_BY_NAME: ReadonlyMap<string, ColumnDef> = new Map(COLUMNS.map((c) => [c.name, c]));
/** A 中文 header → its column. */
export const COLUMN_BY_ALIAS: ReadonlyMap<string, ColumnDef> = new Map(COLUMNS.flatMap((c: ColumnDef) => c.zh.map((z) => [z, c] as const)));

/** How a problem names a column: as the file's header wrote it, and jiuzhu's name where that differs (残疾等级 (disability_grade)). */
export const columnLabel = (c: ColumnDef, written: string | undefined): string =>
  written !== undefined && written.trim() !== c.name ? `column ${written.trim()} (${c.name})` : `column ${c.name}`;

/** The stored value of a 中文 word in a column (是 → 1, 城镇 → urban's code, 一级 → 1), or undefined. */
export function wordValue(c: ColumnDef, text: string): number | undefined {
  return c.words && Object.hasOwn(c.words, text) ? c.words[text] : undefined;
}

/** The column numbers of each level, in table order. */
const numbersOf = (level: ColumnDef['level']) => COLUMNS.flatMap((c, i) => (c.level === level ? [i] : []));
export const PERSON_COLS: readonly number[] = numbersOf('person');
export const HOUSEHOLD_COLS: readonly number[] = numbersOf('household');
export const REQUIRED: readonly Column[] = COLUMNS.filter((c: ColumnDef) => c.default === undefined).map((c) => c.name);
export const PERSON_KEYS = PERSON_COLS.map((i) => COLUMNS[i]!.key) as readonly PersonKey[];
export const HOUSEHOLD_KEYS = HOUSEHOLD_COLS.map((i) => COLUMNS[i]!.key) as readonly HouseholdKey[];

/** Whether a column's values are stored in a Float64Array (money, millionths) rather than a Uint8Array. */
export function isWide(c: ColumnDef): boolean {
  return c.kind.type === 'money' || c.kind.type === 'millionths';
}

/** The typed array a column's values are stored in: n zeroed values, in shared memory when `shared`. */
export function columnArray(c: ColumnDef, n: number, shared = false): Uint8Array | Float64Array {
  return isWide(c) ? typed(Float64Array, n, shared) : typed(Uint8Array, n, shared);
}

/** A stored value as a file would write it (codes by name, money in yuan, millionths as a decimal). */
export function showValue(c: ColumnDef, v: number): string {
  switch (c.kind.type) {
    case 'code':
      return c.kind.codes[v] ?? String(v);
    case 'money':
      return fenToYuan(v);
    case 'millionths':
      return (v / 1_000_000).toString();
    default:
      return String(v);
  }
}

/** A value given inline (a code by name, or a number as stored) as the stored number. */
export function storedValue(c: ColumnDef, v: number | string): number {
  return c.kind.type === 'code' && typeof v === 'string' ? c.kind.codes.indexOf(v) : (v as number);
}
