// explain's steps in the order the rules run them: a member included alone (step 5) draws the dibao supplement after
// step 5, and its trace says step 5 — an analyst read "step 3 · 分类施保" printed after step 5 and took the order for a bug.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { explainHousehold } from '../../src/core/explain.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { compileRules } from '../../src/core/rules.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';

const HEAD = 'household_id,person_id,age,area,wage_income,other_income,serious_illness,weight\n';
// Nanning 2025-06-30: S 810 urban (nanning-2022); an ill member with 300.00 of her own beside a wage of `wage`
const household = (wage: number) => `${HEAD}H,H-1,46,urban,0,300,1,1\nH,H-2,46,urban,${wage},0,0,1\n`;
const stepsOf = async (wage: number) => {
  const rules = compileRules(resolve(await loadPolicy('policies/guangxi-nanning.yaml'), '2025-06-30'));
  const pop = await parseHouseholdsFast(Readable.from([household(wage)]), 'h.csv');
  return explainHousehold(pop, 0, rules).steps.map((s) => [s.step, s.program, s.person ?? ''] as const);
};

describe('the supplement traced where it is drawn', () => {
  it('a member included alone: I = 2,000.00, S × n 1,620 ≤ I < 1.5 × 1,620 (000（四）, 002 一): her supplement after step 5, as step 5', async () => {
    const steps = await stepsOf(1700);
    const single = steps.findIndex(([, program, person]) => program === 'single_person' && person === 'H-1');
    const supplement = steps.findIndex(([, program]) => program === 'dibao_supplement');
    expect(single).toBeGreaterThan(0);
    expect(supplement).toBeGreaterThan(single);
    expect(steps[supplement]).toEqual(['5', 'dibao_supplement', 'H-1']);
  });

  it('a dibao household: I = 800.00 < 1,620 (000（一）): the supplement is step 3’s', async () => {
    const steps = await stepsOf(500);
    expect(steps.find(([, program]) => program === 'dibao_supplement')).toEqual(['3', 'dibao_supplement', 'H-1']);
  });
});
