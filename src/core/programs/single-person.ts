// Step 5 — 单人户: single-person inclusion of severely disabled or seriously ill members.
// 000（四）: 对家庭人均收入高于当地低保标准但低于当地低保标准２倍，且财产状况符合规定的低收入家庭中的重度残疾人、
//   重病患者等特殊困难人员，依申请按“单人户”纳入低保范围。 002 一/二: 1.5倍. 003 §7: 单独纳入低保. 004 §3.
// Where not dibao, no rigid aid, assets_ok and I < income_ceiling × S × n: each member of R who is severe or ill
// enters dibao alone with round(max(0, S − inc(p))) or round(benefit_share × S), plus the dibao supplement.
import { fenToYuan as y, mulLess, roundFen } from '../money.js';
import { check } from '../trace.js';
import { countedIncome, isSevere, type Ctx } from './context.js';
import { supplementFor } from './dibao-supplement.js';

export const CLAUSES = ['000（四）', '002 一', '002 二', '003 §7', '004 §3'];

export function singlePerson(c: Ctx): void {
  if (c.isDibao || c.out.rigidAid > 0 || !c.assetsOk) return;
  const { pop, rules, A, n, I } = c;
  const ceiling = rules.singleCeiling;
  const Sn = A.S * n;
  const below = mulLess(I, ceiling.den, ceiling.num, Sn);
  if (c.tr) traceHousehold(c, below);
  if (!below) return;
  for (let k = c.start; k < c.end; k++) {
    if (c.tekun[k - c.start]) continue;
    const p = pop.members[k]!;
    if (!isSevere(pop, p) && !pop.ill[p]) continue;
    const inc = countedIncome(pop, p, rules.deduction);
    const benefit = rules.singleByShare ? A.singleShareAmount : roundFen(A.S - inc, 1, rules.rounding);
    c.out.singlePersons++;
    c.out.single += benefit;
    c.single[k - c.start] = 1;
    if (c.tr) tracePerson(c, p, inc, benefit);
    supplementFor(c, p);
  }
}

/** Step 5's household test, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function traceHousehold(c: Ctx, below: boolean): void {
  const { rules, A, n, I } = c;
  const ceiling = rules.singleCeiling;
  const Sn = A.S * n;
  c.tr!.record({
    step: '5',
    program: 'single_person',
    clauses: CLAUSES,
    rule: 'where not dibao, no rigid aid, assets_ok and I < income_ceiling × S × n, severe or ill members enter dibao alone',
    params: ['single_person.income_ceiling', `dibao.standard.${A.area}`],
    values: [
      ['I', y(I)],
      ['S × n', y(Sn)],
      ['income_ceiling', String(ceiling.num / ceiling.den)],
    ],
    checks: [check('I < income_ceiling × S × n', y(I), '<', `${y(Sn)} × ${ceiling.num / ceiling.den}`, below)],
    result: below ? 'household within the ceiling' : 'household above the ceiling: no single-person inclusion',
  });
}

/** A member entering dibao alone (step 5), with the values used (explain). */
function tracePerson(c: Ctx, p: number, inc: number, benefit: number): void {
  const { pop, rules, A } = c;
  c.tr!.record({
    step: '5',
    program: 'single_person',
    person: pop.personIds.at(p),
    clauses: CLAUSES,
    rule: rules.singleByShare ? 'benefit = round(benefit_share × S)' : 'benefit = round(max(0, S − inc(p)))',
    params: [rules.singleByShare ? 'single_person.benefit_share' : 'single_person.benefit', `dibao.standard.${A.area}`, 'rounding'],
    values: [
      ['inc(p)', y(inc)],
      ['S', y(A.S)],
    ],
    checks: [],
    result: `enters dibao alone: ${y(benefit)} per month`,
  });
}
