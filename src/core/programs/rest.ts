// Step 2 — the rest of the household R = the members who are not tekun; n = |R|; I = Σ inc over R.
// The household's assets are the rest's: assets_ok ⇔ financial_assets ≤ limit_months × S × n.
// 000（一）: 且符合当地最低生活保障家庭财产状况规定 (dibao); 000（四）: 且财产状况符合规定 (a member included alone);
// 003 §7.
import { fenToYuan as y } from '../money.js';
import { check } from '../trace.js';
import { countedIncome, type Ctx } from './context.js';
import type { Population } from '../population.js';
import { traceParams, type Params, type Step } from './step.js';

// (000（一）first: the dibao asset test is its sentence — a reform author's trial found only 000（四）cited)
export const CLAUSES = ['000（一）', '000（四）', '003 §7', '004 §1'];

export interface RestRules {
  readonly deduction: number;
  /** S, fen (explain shows it). */
  readonly S: number;
  /** limit_months × S: per-capita financial assets allowed, fen. */
  readonly assetLimit: number;
}

export const STEP: Step<RestRules> = {
  id: 'rest',
  number: '2',
  reads: ['dibao.employment_deduction', 'dibao.assets.limit_months', 'dibao.standard.'],
  uses: ['tekun'],
  scope: 'engine',
  compile: (p: Params) => {
    const S = p.fen(p.here('dibao.standard.'));
    return { deduction: p.fen('dibao.employment_deduction'), S, assetLimit: p.int('dibao.assets.limit_months') * S };
  },
};

/** Step 2 for c.h, from the tekun flags of step 1. */
export function restOfHousehold(c: Ctx, r: RestRules): void {
  const { pop } = c;
  let n = 0;
  let I = 0;
  for (let k = c.start; k < c.end; k++) {
    if (c.tekun[k - c.start]) continue;
    n++;
    I += countedIncome(pop, pop.members[k]!, r.deduction);
  }
  c.n = n;
  c.I = I;
  c.assetsOk = assetsWithin(pop, c.h, r, n);
  c.out.restPersons = n;
  if (c.tr) trace(c, r);
}

/** assets_ok for household h with n members in R: financial_assets ≤ limit_months × S × n (and R not empty). */
export function assetsWithin(pop: Population, h: number, r: RestRules, n: number): boolean {
  return n > 0 && pop.assets[h]! <= r.assetLimit * n;
}

/** What step 2 found, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, r: RestRules): void {
  const { pop, n, I } = c;
  const assets = pop.assets[c.h]!;
  const limit = r.assetLimit * n;
  c.tr!.record({
    step: '2',
    program: 'rest',
    clauses: CLAUSES,
    rule: 'R = members who are not tekun; n = |R|; I = Σ inc(p) over R; assets_ok ⇔ financial_assets ≤ limit_months × S × n',
    params: traceParams(STEP, c.area),
    values: [
      ['n', String(n)],
      ['I', y(I)],
      ['S', y(r.S)],
      ['financial_assets', y(assets)],
      ['limit_months × S × n', y(limit)],
    ],
    checks:
      n > 0
        ? [
            check(
              'assets_ok: financial_assets ≤ limit_months × S × n',
              y(assets),
              '≤',
              y(limit),
              c.assetsOk,
              '家庭财产符合规定（financial_assets ≤ limit_months × S × n）',
            ),
          ]
        : [],
    result:
      n === 0
        ? 'R is empty: every member is tekun-eligible (taken up or not); steps 3–7 do not apply'
        : `n = ${n}, I = ${y(I)}, assets ${c.assetsOk ? 'within' : 'over'} the limit`,
    zh: {
      rule: 'R = 不属特困的成员；n = |R|；I = R 的 inc(p) 之和；财产符合 ⇔ financial_assets ≤ limit_months × S × n',
      result:
        n === 0
          ? 'R 为空：全体成员符合特困条件（无论是否申请），第 3–7 步不适用'
          : `n = ${n}，I = ${y(I)}，家庭财产${c.assetsOk ? '未超过' : '超过'}规定`,
    },
  });
}
