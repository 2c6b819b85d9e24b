// Step 6 — 低保边缘家庭 low-income (dibao-edge) families: a caseload, no cash.
// 001（一）: 低保边缘家庭收入标准为家庭人均收入高于当地低保标准，但低于当地低保标准2倍。
// 003 §1: 对家庭人均收入在当地城镇低保标准1.5倍以下且家庭财产状况符合相关规定的，认定为低收入家庭。
// Where not dibao and assets_ok: low-income ⇔ I < multiplier × S_ref × n.
// Members included as single-person dibao are not counted among its persons.
import { fenToYuan as y, mulLess } from '../money.js';
import { check } from '../trace.js';
import type { Ctx } from './context.js';

export const CLAUSES = ['001（一）', '003 §1', '000（四）'];

export function lowIncome(c: Ctx): void {
  if (c.isDibao || !c.assetsOk) return;
  const { rules, A, n, I } = c;
  const m = rules.lowIncome;
  const SrefN = A.lowIncomeRef * n;
  const is = mulLess(I, m.den, m.num, SrefN);
  if (is) {
    c.out.lowIncome = 1;
    c.out.lowIncomePersons = n - c.out.singlePersons;
  }
  if (c.tr) trace(c, is);
}

/** What step 6 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, is: boolean): void {
  const { rules, A, n, I } = c;
  const m = rules.lowIncome;
  const SrefN = A.lowIncomeRef * n;
  c.tr!.record({
    step: '6',
    program: 'low_income',
    clauses: CLAUSES,
    rule: 'low-income ⇔ not dibao ∧ assets_ok ∧ I < multiplier × S_ref × n (S_ref per low_income.reference)',
    params: ['low_income.multiplier', 'low_income.reference', A.lowIncomeRef === A.S ? `dibao.standard.${A.area}` : 'dibao.standard.urban'],
    values: [
      ['I', y(I)],
      ['S_ref × n', y(SrefN)],
      ['multiplier', String(m.num / m.den)],
    ],
    checks: [check('I < multiplier × S_ref × n', y(I), '<', `${y(SrefN)} × ${m.num / m.den}`, is)],
    result: is ? `low-income family, ${c.out.lowIncomePersons} persons counted` : 'not low-income',
  });
}
