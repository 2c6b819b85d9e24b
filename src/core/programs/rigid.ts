// Step 4 — 刚性支出困难家庭 (families in hardship from rigid expenditure), and its gap aid.
// 001（一）: 刚性支出困难家庭收入标准为家庭人均年收入低于上年度当地居民人均可支配收入，家庭刚性支出较大导致收不抵支，
//   或收支相抵后收入低于当地低保标准2倍。
// 002 一/三: ……扣除同期发生的因病、因残、因学等刚性支出费用后，人均收入低于当地低保标准……给予差额或分档救助。
// Only where not dibao and assets_ok. A = 12 × I, E = rigid_expenditure:
//   identified ⇔ A < disposable_income × n ∧ (E ≥ A ∨ A − E < identify_multiplier × 12 × S × n)
//   aid (rigid.aid, identified, A − E < 12 × S × n) = round(min(S × n, (12 × S × n − (A − E)) / 12)).
import { fenToYuan as y, mulLess, roundFen } from '../money.js';
import { check, type Check } from '../trace.js';
import type { Ctx } from './context.js';

export const CLAUSES = ['001（一）', '002 一', '002 三'];

export function rigid(c: Ctx): void {
  if (c.isDibao || !c.assetsOk) return;
  const { pop, rules, A: area, n, I } = c;
  const A = 12 * I;
  const E = pop.rigid[c.h]!;
  const annualSn = 12 * area.S * n;
  const belowIncome = mulLess(A, 1, area.disposableIncome, n);
  const post = A - E; // may be negative: spending exceeds income (收不抵支)
  const overspent = E >= A;
  const postBelow = !overspent && mulLess(post, rules.identify.den, rules.identify.num, annualSn);
  const identified = belowIncome && (overspent || postBelow);
  let aid = 0;
  if (identified) {
    c.out.rigidFamily = 1;
    if (rules.rigidAid && post < annualSn) {
      // min(S × n, (12 S n − (A − E)) / 12), both as twelfths of a fen, then rounded once.
      aid = roundFen(Math.min(annualSn, annualSn - post), 12, rules.rounding);
      c.out.rigidAid = aid;
    }
  }
  if (c.tr) trace(c, { A, E, post, annualSn, belowIncome, overspent, postBelow, identified, aid });
}

interface Decided {
  A: number;
  E: number;
  post: number;
  annualSn: number;
  belowIncome: boolean;
  overspent: boolean;
  postBelow: boolean;
  identified: boolean;
  aid: number;
}

/** What step 4 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, d: Decided): void {
  const { rules, A: area } = c;
  const disposable = area.disposableIncome * c.n;
  const { A, E, post, annualSn, belowIncome, overspent, postBelow, identified, aid } = d;
  const checks: Check[] = [
    check('A < disposable_income × n', y(A), '<', y(disposable), belowIncome),
    check('E ≥ A (spending exceeds income)', y(E), '≥', y(A), overspent),
  ];
  if (!overspent) {
    checks.push(
      check(
        'A − E < identify_multiplier × 12 × S × n',
        y(post),
        '<',
        `${y(annualSn)} × ${rules.identify.num / rules.identify.den}`,
        postBelow,
      ),
    );
  }
  if (identified && rules.rigidAid) checks.push(check('aid: A − E < 12 × S × n', y(post), '<', y(annualSn), post < annualSn));
  c.tr!.record({
    step: '4',
    program: 'rigid_aid',
    clauses: CLAUSES,
    rule: 'identified ⇔ A < disposable_income × n ∧ (E ≥ A ∨ A − E < identify_multiplier × 12 × S × n); aid = round(min(S × n, (12 × S × n − (A − E)) / 12)) where rigid.aid',
    params: [`rigid.disposable_income.${area.area}`, 'rigid.identify_multiplier', 'rigid.aid', `dibao.standard.${area.area}`, 'rounding'],
    values: [
      ['A = 12 × I', y(A)],
      ['E', y(E)],
      ['A − E', y(post)],
      ['12 × S × n', y(annualSn)],
      ['disposable_income × n', y(disposable)],
    ],
    checks,
    result: identified
      ? `rigid-expenditure family${aid ? `; aid ${y(aid)} per month` : rules.rigidAid ? '; no aid (A − E ≥ 12 × S × n)' : '; no cash aid (rigid.aid is false)'}`
      : 'not a rigid-expenditure family',
  });
}
