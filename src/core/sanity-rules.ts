// The parameter sanity rules (core/sanity.ts checks them): each one's id, severity and words, in English and 中文 (the
// 中文 said where errors are: cli/errors-zh-files.ts).
import { EARLIEST } from './dates.js';

export type Severity = 'error' | 'warning';

export interface SanityRule {
  readonly id: string;
  readonly severity: Severity;
  readonly text: string;
  /** The words in 中文. */
  readonly zh: string;
  /**
   * A value in the wrong unit or scale (a percentage, a yearly amount, a sign), or shares of a whole above it: no policy
   * or reform has it, so a scenario that makes one is refused too. Relations between values (rural ≤ urban, tekun ≥ S) a
   * reform may set out to test.
   */
  readonly unit?: true;
  /**
   * A warning said of a scenario that breaks it, as a broken relation is (cli/scenario-notes.ts): a reform's line below S
   * empties its group without a word otherwise.
   */
  readonly saidOfReform?: true;
}

/** How far after every other date a value's date may lie before it is taken for a typo (2062 for 2026). */
export const AHEAD_YEARS = 10;

/** The band of a standard's change per year between consecutive values (PRD uses 0.90–1.15). */
export const YEARLY_BAND = { low: '0.95', high: '1.15' } as const;

/** Under any recent monthly minimum wage (research/parameters-cn.md §3: the lowest found is 1,300, Guangxi tier 3 of 2018). */
export const MIN_PUBLISHED_WAGE = 1000;

/** A multiple of S above this is a percentage or an amount typed for the multiple (an author's trial: 130 for 1.3). */
export const MAX_MULTIPLE = 10;

/** The minimum wage over a dibao standard above this is a wage typed ×10 or yearly (published: ~1.8 Shanghai, ~4 rural). */
export const MAX_WAGE_PER_STANDARD = 10;

export const RULES = {
  notNegative: {
    id: 'standards-not-negative',
    severity: 'error',
    text: 'money values (standards, wages, incomes) are not negative',
    zh: '金额（标准、工资、收入）不为负',
    unit: true,
  },
  ruralAtMostUrban: {
    id: 'rural-at-most-urban',
    severity: 'error',
    text: 'the rural dibao standard is at most the urban one (equal when unified)',
    zh: '农村低保标准不高于城市标准（城乡统一时相等）',
  },
  yearOnYear: {
    id: 'standard-yearly-change',
    severity: 'warning',
    text: `a standard changes by ${YEARLY_BAND.low}–${YEARLY_BAND.high} × a year between consecutive values`,
    zh: `标准每年的变化在 ${YEARLY_BAND.low}–${YEARLY_BAND.high} 倍之间（相邻两个取值之间）`,
  },
  // (a county officer's rural 68 for 680 ran, the dibao cost halved, exit 0: a warning in English its only word)
  notHalved: {
    id: 'standard-not-halved',
    severity: 'error',
    text: 'a dibao standard or the minimum wage is not cut to less than half its previous value (a digit short: 68 for 680)',
    zh: '低保标准和最低工资不会降到前一个取值的一半以下（少写了一位：680 写成 68）',
  },
  standardBelowMinWage: {
    id: 'standard-below-min-wage',
    severity: 'error',
    text: 'a dibao standard is below the minimum wage (published ones are 30–60 % of it; a standard typed ×10 or yearly is not)',
    zh: '低保标准低于最低工资（已公布的为其 30–60 %；填成年额或多写一位的不是）',
    // (a scenario too: a reform's {scale: 10} or a yearly 10680 for 890 ran, costing 14–200 × the baseline, exit 0)
    unit: true,
  },
  tekunAtLeastS: {
    id: 'tekun-basic-at-least-standard',
    severity: 'error',
    text: 'the tekun basic standard is at least 1 × S',
    zh: '特困基本生活标准至少为 1 × S',
  },
  shares: {
    id: 'shares-in-unit-interval',
    severity: 'error',
    text: 'shares (supplements, care, single-person benefit) lie in [0, 1]',
    zh: '比例（分类施保、护理、单人户施保）在 0 到 1 之间',
    unit: true,
  },
  tiersOrdered: {
    id: 'temporary-tiers-ordered',
    severity: 'error',
    text: 'temporary assistance: township_max ≤ county_max ≤ annual_cap',
    zh: '临时救助：township_max ≤ county_max ≤ annual_cap',
  },
  fundingShares: {
    id: 'funding-shares-at-most-one',
    severity: 'error',
    text: 'a budget line’s central and provincial shares add up to at most 1 (the city or county pays the rest)',
    zh: '一项支出的中央与省级分担比例之和至多为 1（其余由市县负担）',
    // (a scenario too: central 0.9 + provincial 0.9 ran, the county "paying" −1.17 billion, exit 0: a code review)
    unit: true,
  },
  fundingRanges: {
    id: 'funding-ranges-at-most-one',
    severity: 'warning',
    text: 'a budget line’s central and provincial shares add up to at most 1 at the high ends of their ranges too (sensitivity --draws draws both at once)',
    zh: '一项支出的中央与省级分担比例按各自区间上限相加也至多为 1（sensitivity --draws 会同时抽到）',
  },
  datedBefore: {
    id: 'dated-plausibly',
    severity: 'error',
    text: `a value is dated on or after ${EARLIEST}: no document in force today set one before (a year typed 0024 for 2024 is not)`,
    zh: `取值的日期不早于 ${EARLIEST}：现行文件没有更早的（0024 写成 2024 的不是）`,
    unit: true, // (a scenario's too: a typo, not a reform)
  },
  datedAhead: {
    id: 'dated-far-ahead',
    severity: 'warning',
    text: `a value dated more than ${AHEAD_YEARS} years after every other date of the policy (a typo in its year?)`,
    zh: `取值的日期比政策中其他所有日期都晚 ${AHEAD_YEARS} 年以上（年份写错了？）`,
  },
  multiplesAtMost: {
    id: 'multiples-plausible',
    severity: 'error',
    text: `a multiple of S (× S, × 12 S) is at most ${MAX_MULTIPLE} (published ones are about 1–3; 130 for 1.3 is a percentage)`,
    zh: `S 的倍数（× S、× 12 S）至多为 ${MAX_MULTIPLE}（已公布的约 1–3；1.3 写成 130 是百分数）`,
    unit: true,
  },
  wageAboveStandard: {
    id: 'min-wage-plausible',
    severity: 'error',
    text: `the minimum wage is at most ${MAX_WAGE_PER_STANDARD} × the urban dibao standard (published: about 1.5–3 ×; a wage typed ×10 or yearly is not)`,
    zh: `最低工资至多为城市低保标准的 ${MAX_WAGE_PER_STANDARD} 倍（已公布的约 1.5–3 倍；填成年额或多写一位的不是）`,
    unit: true,
  },
  amountsInTheirPeriod: {
    id: 'amounts-in-their-period',
    severity: 'error',
    text: 'a monthly subsidy is at most the urban standard, the employment deduction below the minimum wage, a yearly disposable income at least 12 × its area’s standard, and the yearly premium at least 0.1 × the urban standard (a month typed for a year, or a year for a month, is not)',
    zh: '月补贴不高于城市标准，就业成本扣减低于最低工资，年可支配收入至少为其城乡标准的 12 倍，年保费至少为城市标准的 0.1 倍（月额填成年额或年额填成月额的不是）',
    // (a scenario too: no reform makes a month's subsidy above S or a year's income below 12 S; a yearly figure does)
    unit: true,
  },
  valuesRead: {
    id: 'values-read',
    severity: 'warning',
    text: 'a value given is read by some rule while it is in force (dibao.payment.tiers only where the tiers are paid)',
    zh: '给出的值在其生效期间有规则读取（dibao.payment.tiers 只在按档发放时读取）',
  },
  valuesGiven: {
    id: 'values-given',
    severity: 'error',
    text: 'a mode in force has the value it reads (dibao.payment.tiers wherever dibao.payment.mode is tiered)',
    zh: '生效的方式有其读取的值（dibao.payment.mode 为 tiered 时要有 dibao.payment.tiers）',
  },
  premiumCapped: {
    id: 'subsidy-within-premium',
    severity: 'warning',
    text: 'a group’s premium subsidy, share × premium + fixed, is at most the premium (step 9 pays min(premium, …): above it, the rest is never paid)',
    zh: '各类对象的参保资助（比例 × 保费 + 定额）不超过保费（第 9 步按 min(保费, …) 支付：超出部分不会支付）',
    saidOfReform: true,
  },
  multiplesAboveOne: {
    id: 'lines-above-standard',
    severity: 'warning',
    text: 'the low-income and single-person lines are at least 1 × S (else they are empty)',
    zh: '低收入线和单人户线至少为 1 × S（否则为空）',
    saidOfReform: true,
  },
} as const satisfies Record<string, SanityRule>;
