// The parameters' units (core/parameters/schema.ts `unit`) in 中文: the params table's, and errors' (cli/errors-zh-files.ts).

/** A parameter's unit (core/parameters: its `unit`) in 中文; the symbols (× S, × 12 S_urban) as they are. */
const UNITS_ZH: Readonly<Record<string, string>> = {
  'yuan/person/month': '元/人/月',
  'yuan/person/year': '元/人/年',
  'yuan/month': '元/月',
  'yuan/month per wage earner': '元/月/每位就业人员',
  years: '岁',
  months: '个月',
  'months of S': '个月的 S',
  'share of S': 'S 的比例',
  'share of W': '最低工资 W 的比例',
  'share of S → yuan/person/month': 'S 的比例 → 元/人/月',
  'share of eligible households': '符合条件家庭中的比例',
  'share of the cost': '费用中的比例',
  'share of the premium': '保费中的比例',
};
/** A unit in 中文 (a symbol or one not listed as it is). */
export const unitZh = (unit: string): string => UNITS_ZH[unit] ?? unit;
