// The groups and budget lines that parameters are declared for, one list each: the parameter table (schema.ts), the
// steps that read them (take-up, the premium's groups), the program table and the sanity rules all take them from
// here. (A leaf: it imports nothing, so the parameter table can load before any step.)

/** DOMAIN "Take-up": the groups a household takes up, each with its rate take_up.<group>. */
// `disability`: the two disability subsidies (steps 10–11), beyond DOMAIN's five groups — under care scope `all` no
// other group's take-up reaches them, and a locality's residents without its hukou cannot apply (Guangzhou: about half).
export const TAKE_UP_GROUPS = ['tekun', 'dibao', 'rigid', 'low_income', 'temporary', 'disability'] as const;

/** The groups' names in Chinese (explain --lang zh): every take-up and premium group, and none. */
export const GROUP_ZH: Readonly<Record<(typeof TAKE_UP_GROUPS)[number] | 'none', string>> = {
  tekun: '特困',
  dibao: '低保',
  rigid: '刚性支出困难',
  low_income: '低保边缘',
  temporary: '临时救助',
  disability: '残疾人两项补贴',
  none: '无',
};

/** …and in English, as the programs' names have them (the outputs' labels beside the 中文). */
export const GROUP_EN: Readonly<Record<(typeof TAKE_UP_GROUPS)[number] | 'none', string>> = {
  tekun: 'tekun',
  dibao: 'dibao',
  rigid: 'rigid-expenditure',
  low_income: 'low-income',
  temporary: 'temporary assistance',
  disability: 'disability subsidies',
  none: 'none',
};

/** DOMAIN step 9: the groups a person may be in for the premium subsidy, in order (medical.subsidy.<group>, .fixed.). */
export const PREMIUM_GROUPS = ['tekun', 'dibao', 'low_income', 'rigid'] as const;
export type PremiumGroup = (typeof PREMIUM_GROUPS)[number];

/** The budget lines a program's cost is split on (funding.<line>.central / .provincial). */
export const FUNDING_LINES = ['assistance', 'medical', 'disability'] as const;
