// Step 8 — 临时救助 temporary assistance, any household with an assessed emergency need.
// 000（六）: 救助金额在当地城市低保标准年度总额0.5倍以下（含）的，委托乡镇（街道）负责审核认定；0.5倍以上至2倍（含）的，
//   由县级民政部门负责审核认定；2倍以上的……按照“一事一议”的方式审核认定……年度救助总额最高不得超过当地城市低保标准年度总额的6倍。
// grant = min(emergency_need, annual_cap × 12 × S_urban) (the cap floored to the fen: never above it);
// tier = township (≤ township_max × 12 S_urban), county (≤ county_max × 12 S_urban), else coordination.
import { fenToYuan as y, mulLessEq } from '../money.js';
import { check } from '../trace.js';
import { TIERS, type Ctx } from './context.js';

export const CLAUSES = ['000（六）'];

export function temporary(c: Ctx): void {
  const { pop, rules } = c;
  const need = pop.emergency[c.h]!;
  if (need <= 0) return;
  const grant = Math.min(need, rules.temporaryCap);
  const { township, county, urbanAnnual } = rules;
  const tier = mulLessEq(grant, township.den, township.num, urbanAnnual)
    ? 1
    : mulLessEq(grant, county.den, county.num, urbanAnnual)
      ? 2
      : 3;
  c.out.temporary = grant;
  c.out.temporaryTier = tier;
  if (c.tr) trace(c);
}

/** What step 8 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx): void {
  const { pop, rules } = c;
  const { township, county, urbanAnnual } = rules;
  const need = pop.emergency[c.h]!;
  const grant = c.out.temporary;
  const tier = c.out.temporaryTier;
  c.tr!.record({
    step: '8',
    program: 'temporary',
    clauses: CLAUSES,
    rule: 'grant = min(emergency_need, annual_cap × 12 × S_urban); approval by township ≤ township_max × 12 S_urban < county ≤ county_max × 12 S_urban < coordination',
    params: ['temporary.annual_cap', 'temporary.township_max', 'temporary.county_max', 'dibao.standard.urban'],
    values: [
      ['emergency_need', y(need)],
      ['12 × S_urban', y(urbanAnnual)],
      ['cap', y(rules.temporaryCap)],
    ],
    checks: [
      check('grant ≤ township_max × 12 × S_urban', y(grant), '≤', `${y(urbanAnnual)} × ${township.num / township.den}`, tier === 1),
      check('grant ≤ county_max × 12 × S_urban', y(grant), '≤', `${y(urbanAnnual)} × ${county.num / county.den}`, tier <= 2),
    ],
    result: `grant ${y(grant)}, approved by ${TIERS[tier]}`,
  });
}
