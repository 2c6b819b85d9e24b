// An optional parameter is needed only at the dates its gate calls for it (DOMAIN: dibao.payment.tiers when the mode
// is tiered, single_person.benefit_share when the benefit is a share of S). The budget year evaluates month by month
// across such a change, so a policy or scenario that switches mode on a date must work on both sides of it.
import { describe, expect, it } from 'vitest';
import { resolve } from '../../src/core/parameters/tree.js';
import { compileRules, stepRules } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import type { DibaoRules } from '../../src/core/programs/dibao.js';
import { evaluate, fen } from '../helpers/rules.js';
import { problemsOfSync } from '../helpers/problems.js';

const TIERED_FROM_2026 = parseScenario(
  `scenario: tiered-2026
title: {zh: 分档发放, en: Tiered payment from 2026}
reason: 000（四）分档
changes:
  dibao.payment.mode: {set: tiered, from: 2026-01-01}
  dibao.payment.tiers:
    values:
      - from: 2026-01-01
        value: [{below_share: 0.5, per_person: 500}, {below_share: 1, per_person: 200}]
`,
  'tiered-2026.yaml',
);

describe('optional parameters, per date', () => {
  it('Nanning with tiered payment from 2026: at 2025-06-30 the gap mode needs no tiers; at 2026-06-30 the tiers apply', async () => {
    const derived = applyScenario(await loadPolicy('policies/guangxi-nanning.yaml'), TIERED_FROM_2026);
    const before = resolve(derived, '2025-06-30');
    expect(before.values.get('dibao.payment.mode')!.value).toBe('gap');
    expect(before.values.get('dibao.payment.tiers')!.value).toBeNull();
    const after = compileRules(resolve(derived, '2026-06-30'));
    expect(stepRules<DibaoRules>(after, 'dibao').tiered).toBe(true);
    // Nanning's urban S is 810 (2022-04-01 on): a couple with I = 300 (per capita 150 < 0.5 × 810) gets 2 × 500.
    const couple = { household: { area: 'urban' as const }, persons: [{ age: 40, other: fen('300.00') }, { age: 40 }] };
    expect(evaluate(couple, after).dibao.amount).toBe(fen('1000.00'));
    expect(evaluate(couple, compileRules(before)).dibao.amount).toBe(fen('1320.00')); // gap: 1620 − 300
  });

  it('a mode that calls for its companion at a date where the companion has no value yet is named, with the companion’s first date', async () => {
    const early = parseScenario(
      `scenario: tiered-early
title: {zh: 分档, en: tiered}
reason: test
changes:
  dibao.payment.mode: {set: tiered, from: 2025-01-01}
  dibao.payment.tiers:
    values:
      - from: 2026-01-01
        value: [{below_share: 1, per_person: 200}]
`,
      'tiered-early.yaml',
    );
    const derived = applyScenario(await loadPolicy('policies/guangxi-nanning.yaml'), early);
    expect(problemsOfSync(() => resolve(derived, '2025-06-30'))).toEqual([
      expect.stringContaining(
        'parameter dibao.payment.tiers: dibao.payment.mode is "tiered" at 2025-06-30, so dibao.payment.tiers needs a value then (its first value starts 2026-01-01)',
      ),
    ]);
  });
});
