// Step 7 — 渐退 gradual exit.
// 003 §11: 对已就业的低保对象，在核算其家庭收入时扣减必要的就业成本，并在其家庭成员人均收入超过当地低保标准后给予6个月渐退期。
// 000（四）: 落实低保渐退期政策. 004 §9: 给予一定时间的渐退期.
// A household with on_dibao = 1 that is not dibao now (neither as a household nor through a single-person
// member), has no rigid aid, has some wage_income > 0 in R, and whose income is no longer under the standard (I ≥ S × n:
// 人均收入超过当地低保标准; DOMAIN step 7 leaves this out, and the seed wins: a household that leaves dibao through its
// assets, its income still under S, has no gradual exit) keeps prior_dibao for gradual_exit.months months. (超过 read as
// "no longer under": at I = S × n the household is out of dibao, 000（一） 低于; a literal "above" would leave it
// neither dibao nor the exit, a one-fen hole no clause intends.) And its assets within the limit (assets_ok): the exit
// is for a household that leaves 因就业 through its income; one whose assets are over the limit is out of dibao
// whatever its income (000（一）: 家庭财产状况符合规定), and kept 900 a month with 100,000 of assets against a 19,440 limit
// (a rules auditor's trial; DOMAIN step 7 leaves this out too).
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';
import { FEATURE } from './screen.js';

export const CLAUSES = ['003 §11', '000（四）', '004 §9'];

export interface GradualRules {
  /** S, fen a month. */
  readonly S: number;
  readonly months: number;
  readonly slot: number;
}

export const STEP: Step<GradualRules> = {
  id: 'gradual_exit',
  number: '7',
  reads: ['dibao.gradual_exit.months', 'dibao.standard.'],
  uses: ['single_person'],
  scope: 'rest',
  compile: (p: Params) => ({
    S: p.fen(p.here('dibao.standard.')),
    months: p.int('dibao.gradual_exit.months'),
    slot: p.slot('gradual_exit'),
  }),
  run: gradualExit,
  // on_dibao only
  reach: () => ({ needs: FEATURE.onDibao }),
};

export function gradualExit(c: Ctx, r: GradualRules): void {
  const { pop } = c;
  if (!c.registered || c.isDibao) return;
  let working = false;
  for (let k = c.start; k < c.end && !working; k++) {
    if (!c.tekun[k - c.start] && pop.wage[pop.members[k]!]! > 0) working = true;
  }
  const stillDibao = c.singles > 0;
  const above = c.I >= r.S * c.n;
  const applies = working && above && c.assetsOk && !stillDibao && !c.rigidAid && r.months > 0;
  // A household that would keep nothing (prior_dibao 0) gets no gradual exit.
  const prior = c.prior;
  if (applies && prior > 0) {
    const { out } = c;
    enter(out, r.slot);
    out.months[r.slot] = r.months;
    out.amount[r.slot] = prior;
    out.count[r.slot] = c.n;
  }
  if (c.tr) trace(c, r, working, applies);
}

/** What step 7 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, r: GradualRules, working: boolean, applies: boolean): void {
  const stillDibao = c.singles > 0;
  const noAid = !c.rigidAid;
  c.tr!.record({
    step: '7',
    program: 'gradual_exit',
    clauses: CLAUSES,
    rule: 'on_dibao ∧ not dibao now ∧ no rigid aid ∧ some wage_income > 0 ∧ I ≥ S × n ∧ assets_ok ⇒ keeps prior_dibao for gradual_exit.months months',
    params: traceParams(STEP, c.area),
    values: [
      ['prior_dibao', y(c.prior)],
      ['months', String(r.months)],
      ['I', y(c.I)],
      ['S × n', y(r.S * c.n)],
    ],
    checks: [
      check('some member of R has wage_income > 0', String(working), '=', 'true', working, '其余成员中有人有工资收入（wage_income > 0）'),
      check(
        'I ≥ S × n (income no longer under the standard)',
        y(c.I),
        '≥',
        y(r.S * c.n),
        c.I >= r.S * c.n,
        '家庭收入已不低于低保标准（I ≥ S × n）',
      ),
      check(
        'assets_ok (out through its income, not its assets)',
        String(c.assetsOk),
        '=',
        'true',
        c.assetsOk,
        '家庭财产符合规定（因收入而非财产退出）',
      ),
      // (DOMAIN step 7's, not 003 §11's: a member in dibao alone, or rigid aid, is paid already — an appeal officer
      // read the exclusion as the clause's)
      check(
        'no single-person member and no rigid aid (either pays already: not twice)',
        String(!stillDibao && noAid),
        '=',
        'true',
        !stillDibao && noAid,
        '无单人户施保成员，无刚性支出救助（二者已另行发放，不重复）',
      ),
    ],
    // (prior_dibao 0 keeps nothing: no gradual exit, as the rows and cases give it — explain had said "keeps 0.00 a month
    // for 3 months" where the row's months were 0: a hand-calculation audit)
    result: !applies
      ? 'no gradual exit'
      : c.prior > 0
        ? `keeps ${y(c.prior)} a month for ${r.months} months`
        : 'no gradual exit: prior_dibao is 0, nothing to keep (give the household its monthly dibao now)',
    zh: {
      rule: '现领低保 ∧ 不再符合低保 ∧ 无刚性支出救助 ∧ 有成员工资收入 > 0 ∧ I ≥ S × n ∧ 财产符合 ⇒ 按 prior_dibao 继续发放 gradual_exit.months 个月（渐退）',
      result: !applies
        ? '不适用渐退'
        : c.prior > 0
          ? `渐退：每月 ${y(c.prior)} 元，共 ${r.months} 个月`
          : '不适用渐退：prior_dibao 为 0，无可延续的低保金（请填写家庭现领的每月低保金）',
    },
  });
}
