// Step 7 — 渐退 gradual exit.
// 003 §11: 对已就业的低保对象，在核算其家庭收入时扣减必要的就业成本，并在其家庭成员人均收入超过当地低保标准后给予6个月渐退期。
// 000（四）: 落实低保渐退期政策. 004 §9: 给予一定时间的渐退期.
// A household with on_dibao = 1 that is not dibao now (neither as a household nor through a single-person
// member), has no rigid aid, and has some wage_income > 0 in R keeps prior_dibao for gradual_exit.months months.
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import type { Ctx } from './context.js';

export const CLAUSES = ['003 §11', '000（四）', '004 §9'];

export function gradualExit(c: Ctx): void {
  const { pop, rules } = c;
  if (!pop.onDibao[c.h] || c.isDibao) return;
  let working = false;
  for (let k = c.start; k < c.end && !working; k++) {
    if (!c.tekun[k - c.start] && pop.wage[pop.members[k]!]! > 0) working = true;
  }
  const stillDibao = c.out.singlePersons > 0;
  const applies = working && !stillDibao && c.out.rigidAid === 0 && rules.gradualMonths > 0;
  if (applies) {
    c.out.gradualMonths = rules.gradualMonths;
    c.out.gradual = pop.prior[c.h]!;
  }
  if (c.tr) trace(c, working, applies);
}

/** What step 7 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, working: boolean, applies: boolean): void {
  const { pop, rules } = c;
  const stillDibao = c.out.singlePersons > 0;
  c.tr!.record({
    step: '7',
    program: 'gradual_exit',
    clauses: CLAUSES,
    rule: 'on_dibao ∧ not dibao now ∧ no rigid aid ∧ some wage_income > 0 ⇒ keeps prior_dibao for gradual_exit.months months',
    params: ['dibao.gradual_exit.months'],
    values: [
      ['prior_dibao', y(pop.prior[c.h]!)],
      ['months', String(rules.gradualMonths)],
    ],
    checks: [
      check('some member of R has wage_income > 0', String(working), '=', 'true', working),
      check(
        'no single-person member and no rigid aid',
        String(!stillDibao && c.out.rigidAid === 0),
        '=',
        'true',
        !stillDibao && c.out.rigidAid === 0,
      ),
    ],
    result: applies ? `keeps ${y(pop.prior[c.h]!)} a month for ${rules.gradualMonths} months` : 'no gradual exit',
  });
}
