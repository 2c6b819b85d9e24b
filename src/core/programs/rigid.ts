// Step 4 — 刚性支出困难家庭 (families in hardship from rigid expenditure), and its gap aid.
// 001（一）: 刚性支出困难家庭收入标准为家庭人均年收入低于上年度当地居民人均可支配收入，家庭刚性支出较大导致收不抵支，
//   或收支相抵后收入低于当地低保标准2倍。
// 002 三: ……扣除同期发生的因病、因残、因学等刚性支出费用后，人均收入低于当地低保标准……给予差额或分档救助。
// 003 §1: 制定……支出型贫困家庭认定办法……实施必要专项社会救助. 004 §1: 综合考虑家庭收入、财产和刚性支出等因素.
// Only where not dibao and assets_ok. A = 12 × I, E = rigid_expenditure:
//   identified ⇔ E > 0 ∧ A < disposable_income × n ∧ (E ≥ A ∨ A − E < identify_multiplier × 12 × S × n)
// E > 0: the seed asks for 家庭刚性支出较大 (large rigid expenditure) behind either branch; DOMAIN's formula, read
// alone, identified a family with none at all whose income is under 2 × S (a dibao-edge family), so that with the
// 2× multiplier of 001 every edge family was also a rigid-expenditure family. The seed wins. "较大" has no published
// threshold: any rigid expenditure counts.
//   aid (rigid.aid, identified, A − E < 12 × S × n) = round(min(S × n, (12 × S × n − (A − E)) / 12)).
import { fenToYuan as y, mulLess, roundFen, type Ratio, type Rounding } from '../money.js';
import { check, type Check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';
import { FEATURE } from './screen.js';

// (not 002 一, which is the dibao's and says nothing of rigid spending: a reform author's trial)
export const CLAUSES = ['001（一）', '002 三', '003 §1', '004 §1'];

export interface RigidRules {
  /** Last year's per-capita disposable income, fen a year. */
  readonly disposable: number;
  readonly identify: Ratio;
  readonly aid: boolean;
  /** S, fen a month. */
  readonly S: number;
  readonly rounding: Rounding;
  /** Slots of rigid_family (the caseload) and rigid_aid (the cash). */
  readonly family: number;
  readonly cash: number;
}

export const STEP: Step<RigidRules> = {
  id: 'rigid_aid',
  number: '4',
  reads: ['rigid.disposable_income.', 'rigid.identify_multiplier', 'rigid.aid', 'dibao.standard.', 'rounding'],
  uses: ['dibao'],
  scope: 'rest',
  compile: (p: Params) => ({
    disposable: p.fen(p.here('rigid.disposable_income.')),
    identify: p.ratio('rigid.identify_multiplier'),
    aid: p.bool('rigid.aid'),
    S: p.fen(p.here('dibao.standard.')),
    rounding: p.rounding(),
    family: p.slot('rigid_family'),
    cash: p.slot('rigid_aid'),
  }),
  run: rigid,
  // E > 0 and A = 12 × I < disposable_income × n
  reach: (r) => ({ needs: FEATURE.rigid, line: { num: r.disposable, den: 12 } }),
  notWhere: {
    program: 'dibao',
    why: 'step 4 deducts rigid expenditure only for a household not on dibao (002 三; DOMAIN step 4) — on dibao its outlays are not counted, so the aid begins where dibao ends',
    zh: '第 4 步只对不在低保的家庭扣除刚性支出（002 三；DOMAIN 第 4 步）——在保时不计其支出，所以这项救助从低保结束处开始',
  },
};

export function rigid(c: Ctx, r: RigidRules): void {
  if (c.isDibao || !c.assetsOk) return;
  const { pop, n, I } = c;
  const A = 12 * I;
  const E = pop.rigid[c.h]!;
  const annualSn = 12 * r.S * n;
  const belowIncome = mulLess(A, 1, r.disposable, n);
  const post = A - E; // may be negative: spending exceeds income (收不抵支)
  const overspent = E >= A;
  const postBelow = !overspent && mulLess(post, r.identify.den, r.identify.num, annualSn);
  const identified = E > 0 && belowIncome && (overspent || postBelow);
  let aid = 0;
  if (identified) {
    const { out } = c;
    enter(out, r.family);
    out.count[r.family] = n;
    if (r.aid && post < annualSn) {
      // min(S × n, (12 S n − (A − E)) / 12), both as twelfths of a fen, then rounded once.
      aid = roundFen(Math.min(annualSn, annualSn - post), 12, r.rounding);
      if (aid > 0) {
        enter(out, r.cash);
        out.amount[r.cash] = aid;
        out.count[r.cash] = n;
        c.rigidAid = true;
      }
    }
  }
  if (c.tr) trace(c, r, { A, E, post, annualSn, belowIncome, overspent, postBelow, identified, aid });
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
function trace(c: Ctx, r: RigidRules, d: Decided): void {
  const disposable = r.disposable * c.n;
  const { A, E, post, annualSn, belowIncome, overspent, postBelow, identified, aid } = d;
  const checks: Check[] = [
    check('E > 0 (has rigid expenditure)', y(E), '>', '0.00', E > 0, '有刚性支出（E > 0）'),
    check(
      'A < disposable_income × n',
      y(A),
      '<',
      y(disposable),
      belowIncome,
      '家庭年收入低于当地居民人均可支配收入（A < disposable_income × n）',
    ),
    check('E ≥ A (spending exceeds income)', y(E), '≥', y(A), overspent, '刚性支出超过家庭收入（E ≥ A；与下一项满足其一即可）'),
  ];
  if (!overspent) {
    checks.push(
      check(
        'A − E < identify_multiplier × 12 × S × n',
        y(post),
        '<',
        `${y(annualSn)} × ${r.identify.num / r.identify.den}`,
        postBelow,
        '扣除刚性支出后收入低于认定线（A − E < identify_multiplier × 12 × S × n；与上一项满足其一即可）',
      ),
    );
  }
  if (identified && r.aid)
    checks.push(
      check(
        'aid: A − E < 12 × S × n',
        y(post),
        '<',
        y(annualSn),
        post < annualSn,
        '扣除刚性支出后收入低于低保标准，给予救助（A − E < 12 × S × n）',
      ),
    );
  c.tr!.record({
    step: '4',
    program: 'rigid_aid',
    clauses: CLAUSES,
    rule: 'identified ⇔ E > 0 ∧ A < disposable_income × n ∧ (E ≥ A ∨ A − E < identify_multiplier × 12 × S × n); aid = round(min(S × n, (12 × S × n − (A − E)) / 12)) where rigid.aid',
    params: traceParams(STEP, c.area),
    values: [
      ['A = 12 × I', y(A)],
      ['E', y(E)],
      ['A − E', y(post)],
      ['12 × S × n', y(annualSn)],
      ['disposable_income × n', y(disposable)],
    ],
    checks,
    result: identified
      ? `rigid-expenditure family${aid ? `; aid ${y(aid)} per month` : r.aid ? '; no aid (A − E ≥ 12 × S × n)' : '; no cash aid (rigid.aid is false)'}`
      : 'not a rigid-expenditure family',
    zh: {
      rule: '认定 ⇔ E > 0 ∧ A < 居民人均可支配收入 × n ∧ (E ≥ A ∨ A − E < identify_multiplier × 12 × S × n)；rigid.aid 时救助 = round(min(S × n, (12 × S × n − (A − E)) / 12))',
      result: identified
        ? `刚性支出困难家庭${aid ? `；每月救助 ${y(aid)} 元` : r.aid ? '；不予救助（A − E ≥ 12 × S × n）' : '；无现金救助（rigid.aid 为 false）'}`
        : '不属刚性支出困难家庭',
    },
  });
}
