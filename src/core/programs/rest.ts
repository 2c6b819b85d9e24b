// Step 2 — the rest of the household R = the members who are not tekun; n = |R|; I = Σ inc over R.
// The household's assets are the rest's: assets_ok ⇔ financial_assets ≤ limit_months × S × n.
// 000（四）/ 003 §7: 且符合当地最低生活保障家庭财产状况规定.
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import { countedIncome, type Ctx } from './context.js';

/** Step 2 for c.h. A rule read here must also be compared by sameFirstSteps (tekun.ts). */
export function restOfHousehold(c: Ctx): void {
  const { pop, rules, A } = c;
  let n = 0;
  let I = 0;
  for (let k = c.start; k < c.end; k++) {
    if (c.tekun[k - c.start]) continue;
    n++;
    I += countedIncome(pop, pop.members[k]!, rules.deduction);
  }
  c.n = n;
  c.I = I;
  const assets = pop.assets[c.h]!;
  const limit = A.assetLimitPerPerson * n;
  c.assetsOk = n > 0 && assets <= limit;
  c.out.restPersons = n;
  if (c.tr) trace(c);
}

/** What step 2 found, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx): void {
  const { pop, A, n, I } = c;
  const assets = pop.assets[c.h]!;
  const limit = A.assetLimitPerPerson * n;
  c.tr!.record({
    step: '2',
    program: 'rest',
    clauses: ['000（四）', '003 §7'],
    rule: 'R = members who are not tekun; n = |R|; I = Σ inc(p) over R; assets_ok ⇔ financial_assets ≤ limit_months × S × n',
    params: ['dibao.employment_deduction', 'dibao.assets.limit_months', `dibao.standard.${A.area}`],
    values: [
      ['n', String(n)],
      ['I', y(I)],
      ['S', y(A.S)],
      ['financial_assets', y(assets)],
      ['limit_months × S × n', y(limit)],
    ],
    checks: n > 0 ? [check('assets_ok: financial_assets ≤ limit_months × S × n', y(assets), '≤', y(limit), c.assetsOk)] : [],
    result:
      n === 0
        ? 'R is empty: every member is tekun; steps 3–7 do not apply'
        : `n = ${n}, I = ${y(I)}, assets ${c.assetsOk ? 'within' : 'over'} the limit`,
  });
}
