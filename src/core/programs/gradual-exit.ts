// Step 7 — 渐退 gradual exit.
// 003 §11: 对已就业的低保对象，在核算其家庭收入时扣减必要的就业成本，并在其家庭成员人均收入超过当地低保标准后给予6个月渐退期。
// 000（四）: 落实低保渐退期政策. 004 §9: 给予一定时间的渐退期.
// A household with on_dibao = 1 that is not dibao now (neither as a household nor through a single-person
// member), has no rigid aid, and has some wage_income > 0 in R keeps prior_dibao for gradual_exit.months months.
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';
import { FEATURE } from './screen.js';

export const CLAUSES = ['003 §11', '000（四）', '004 §9'];

export interface GradualRules {
  readonly months: number;
  readonly slot: number;
}

export const STEP: Step<GradualRules> = {
  id: 'gradual_exit',
  number: '7',
  reads: ['dibao.gradual_exit.months'],
  uses: ['single_person'],
  scope: 'rest',
  compile: (p: Params) => ({ months: p.int('dibao.gradual_exit.months'), slot: p.slot('gradual_exit') }),
  run: gradualExit,
  // on_dibao only
  reach: () => ({ needs: FEATURE.onDibao }),
};

export function gradualExit(c: Ctx, r: GradualRules): void {
  const { pop } = c;
  if (!pop.onDibao[c.h] || c.isDibao) return;
  let working = false;
  for (let k = c.start; k < c.end && !working; k++) {
    if (!c.tekun[k - c.start] && pop.wage[pop.members[k]!]! > 0) working = true;
  }
  const stillDibao = c.singles > 0;
  const applies = working && !stillDibao && !c.rigidAid && r.months > 0;
  // A household that would keep nothing (prior_dibao 0) gets no gradual exit.
  const prior = pop.prior[c.h]!;
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
  const { pop } = c;
  const stillDibao = c.singles > 0;
  const noAid = !c.rigidAid;
  c.tr!.record({
    step: '7',
    program: 'gradual_exit',
    clauses: CLAUSES,
    rule: 'on_dibao ∧ not dibao now ∧ no rigid aid ∧ some wage_income > 0 ⇒ keeps prior_dibao for gradual_exit.months months',
    params: traceParams(STEP, c.area),
    values: [
      ['prior_dibao', y(pop.prior[c.h]!)],
      ['months', String(r.months)],
    ],
    checks: [
      check('some member of R has wage_income > 0', String(working), '=', 'true', working),
      check('no single-person member and no rigid aid', String(!stillDibao && noAid), '=', 'true', !stillDibao && noAid),
    ],
    result: applies ? `keeps ${y(pop.prior[c.h]!)} a month for ${r.months} months` : 'no gradual exit',
  });
}
