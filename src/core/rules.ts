// A Snapshot compiled for the hot path: every amount in integer fen, every multiple as an exact ratio.
// Whatever depends only on parameters and area (round(k × S), round(share × W), the 16 supplement
// combinations) is computed here once, not once per household.
import { D, floorDiv, roundTimes, toRatio, type Ratio, type Rounding } from './money.js';
import { bool, dec, optionalDec, resolve, str, tiers, type Policy, type Snapshot } from './parameters/tree.js';
import type { Area } from './columns.js';

/** Supplement categories (002 一) as bits of a mask. */
export const CAT_SEVERE = 1;
export const CAT_ILL = 2;
export const CAT_ELDERLY = 4;
export const CAT_MINOR = 8;

export interface AreaRules {
  readonly area: Area;
  /** S, fen per person per month. */
  readonly S: number;
  /** limit_months × S: per-capita financial assets allowed, fen. */
  readonly assetLimitPerPerson: number;
  /** round(tekun.basic.multiplier × S), fen per month. */
  readonly tekunBasic: number;
  /** round(rate × S) by supplement category mask (0..15), fen per month. */
  readonly supplementByMask: readonly number[];
  /** round(single_person.benefit_share × S), fen, when the benefit is a share of S. */
  readonly singleShareAmount: number;
  /** S_ref for the low-income test, fen. */
  readonly lowIncomeRef: number;
  /** Last year's per-capita disposable income, fen per person per year. */
  readonly disposableIncome: number;
}

export interface Tiered {
  readonly belowShare: Ratio;
  readonly perPerson: number;
}

export interface Rules {
  readonly snapshot: Snapshot;
  readonly rounding: Rounding;
  readonly areas: readonly [AreaRules, AreaRules];
  readonly minWage: number;
  /** round(min_wage_share[self_care] × W), fen, indexed by self_care code. */
  readonly tekunCare: readonly [number, number, number];
  readonly tekunElderlyAge: number;
  readonly minorAge: number;
  readonly supplementElderlyAge: number;
  readonly deduction: number;
  readonly tiered: boolean;
  readonly tiers: readonly Tiered[];
  readonly gradualMonths: number;
  readonly singleCeiling: Ratio;
  readonly singleByShare: boolean;
  readonly lowIncome: Ratio;
  readonly identify: Ratio;
  readonly rigidAid: boolean;
  /** 12 × S_urban, fen: the base of the temporary-assistance tiers. */
  readonly urbanAnnual: number;
  readonly township: Ratio;
  readonly county: Ratio;
  /** floor(annual_cap × 12 × S_urban), fen: never pay above the cap. */
  readonly temporaryCap: number;
}

const fen = (s: Snapshot, path: string): number => dec(s, path).times(100).toNumber();
const ratio = (s: Snapshot, path: string): Ratio => toRatio(dec(s, path));

/** A policy's values at a date, and the rules compiled from them. */
export function rulesAt(policy: Policy, date: string): { readonly snapshot: Snapshot; readonly rules: Rules } {
  const snapshot = resolve(policy, date);
  return { snapshot, rules: compileRules(snapshot) };
}

export function compileRules(s: Snapshot): Rules {
  const rounding = str(s, 'rounding') as Rounding;
  const limitMonths = dec(s, 'dibao.assets.limit_months').toNumber();
  const basic = ratio(s, 'tekun.basic.multiplier');
  const singleByShare = str(s, 'single_person.benefit') === 'share_of_standard';
  const singleShare = optionalDec(s, 'single_person.benefit_share');
  const rates = {
    [CAT_SEVERE]: dec(s, 'dibao.supplement.severe_disability'),
    [CAT_ILL]: dec(s, 'dibao.supplement.serious_illness'),
    [CAT_ELDERLY]: dec(s, 'dibao.supplement.elderly'),
    [CAT_MINOR]: dec(s, 'dibao.supplement.minor'),
  };
  const stackSum = str(s, 'dibao.supplement.stacking') === 'sum';
  const urbanS = fen(s, 'dibao.standard.urban');
  const refUrban = str(s, 'low_income.reference') === 'urban';

  const area = (a: Area): AreaRules => {
    const S = fen(s, `dibao.standard.${a}`);
    // 002 一: each category's rate as a share of S; combined by `stacking` (max or sum), then rounded once.
    const supplementByMask = Array.from({ length: 16 }, (_, mask) => {
      let rate = D(0);
      for (const bit of [CAT_SEVERE, CAT_ILL, CAT_ELDERLY, CAT_MINOR] as const) {
        if (mask & bit) rate = stackSum ? rate.plus(rates[bit]) : D.max(rate, rates[bit]);
      }
      return roundTimes(toRatio(rate), S, rounding);
    });
    return {
      area: a,
      S,
      assetLimitPerPerson: limitMonths * S,
      tekunBasic: roundTimes(basic, S, rounding),
      supplementByMask,
      singleShareAmount: singleByShare && singleShare ? roundTimes(toRatio(singleShare), S, rounding) : 0,
      lowIncomeRef: refUrban ? urbanS : S,
      disposableIncome: fen(s, `rigid.disposable_income.${a}`),
    };
  };

  const W = fen(s, 'min_wage.monthly');
  const care = (k: string) => roundTimes(ratio(s, `tekun.care.min_wage_share.${k}`), W, rounding);
  const cap = ratio(s, 'temporary.annual_cap');
  const urbanAnnual = 12 * urbanS;
  return {
    snapshot: s,
    rounding,
    areas: [area('urban'), area('rural')],
    minWage: W,
    tekunCare: [care('full'), care('partial'), care('none')],
    tekunElderlyAge: dec(s, 'tekun.elderly_age').toNumber(),
    minorAge: dec(s, 'tekun.minor_age').toNumber(),
    supplementElderlyAge: dec(s, 'dibao.supplement.elderly_age').toNumber(),
    deduction: fen(s, 'dibao.employment_deduction'),
    tiered: str(s, 'dibao.payment.mode') === 'tiered',
    tiers: tiers(s, 'dibao.payment.tiers').map((t) => ({
      belowShare: toRatio(t.below_share),
      perPerson: t.per_person.times(100).toNumber(),
    })),
    gradualMonths: dec(s, 'dibao.gradual_exit.months').toNumber(),
    singleCeiling: ratio(s, 'single_person.income_ceiling'),
    singleByShare,
    lowIncome: ratio(s, 'low_income.multiplier'),
    identify: ratio(s, 'rigid.identify_multiplier'),
    rigidAid: bool(s, 'rigid.aid'),
    urbanAnnual,
    township: ratio(s, 'temporary.township_max'),
    county: ratio(s, 'temporary.county_max'),
    temporaryCap:
      cap.num <= Number.MAX_SAFE_INTEGER / urbanAnnual
        ? floorDiv(cap.num * urbanAnnual, cap.den)
        : Number((BigInt(cap.num) * BigInt(urbanAnnual)) / BigInt(cap.den)),
  };
}
