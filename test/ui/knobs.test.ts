// Knobs → scenario YAML → the scenario applied: what the TUI shows, applies and saves is one text.
import { describe, expect, it } from 'vitest';
import { resolve, valueToJson } from '../../src/core/parameters/tree.js';
import { applyScenario } from '../../src/core/scenario.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { KNOBS, knobScenarioYaml, knobText } from '../../src/ui/knob-levers.js';

describe('knobs', () => {
  it('start at the baseline’s values and make no scenario until one moves', async () => {
    const s = resolve(await loadPolicy('policies/guangxi-nanning.yaml'), '2025-06-30');
    const initial = KNOBS.map((k) => k.initial(s));
    expect(KNOBS.map((k, i) => knobText(k, initial[i]!))).toEqual(['1.3 × S', '0.7 × W', '2 × S', '0%', '1.5 × S', '18', '0.6']);
    expect(
      knobScenarioYaml(
        KNOBS.map(() => null),
        'x',
        { date: '2025-06-30', today: '2026-12-02' },
      ),
    ).toBeNull();
  });

  it('write the moved knobs as a valid scenario that sets exactly those parameters', async () => {
    const policy = await loadPolicy('policies/guangxi-nanning.yaml');
    const s = resolve(policy, '2025-06-30');
    const initial = KNOBS.map((k) => k.initial(s));
    const values = initial.map((_, i) => (KNOBS[i]!.id === 'tekun-basic' ? 160 : KNOBS[i]!.id === 'standard' ? 10 : null));
    const yaml = knobScenarioYaml(values, 'tui-test', { date: '2025-06-30', today: '2026-12-02' })!;
    expect(yaml).toContain('  tekun.basic.multiplier: {set: 1.6}');
    expect(yaml).toContain('  dibao.standard.urban: {scale: 1.1}');
    const sc = parseScenario(yaml, 'tui-test.yaml');
    // its title says what changed, in 中文 as in English
    expect(sc.title).toEqual({
      zh: '交互调整：特困基本生活标准 1.6 × S，低保标准 +10%',
      en: 'Adjusted in jiuzhu tui: tekun basic standard 1.6 × S, dibao standard +10%',
    });
    expect(sc.changes.map((c) => c.path)).toEqual(['tekun.basic.multiplier', 'dibao.standard.urban', 'dibao.standard.rural']);
    const after = resolve(applyScenario(policy, sc), '2025-06-30');
    const v = (p: string) => valueToJson(after.values.get(p)!.value, after.values.get(p)!.spec);
    expect([v('tekun.basic.multiplier'), v('dibao.standard.urban'), v('low_income.multiplier')]).toEqual(['1.6', '891', '2']);
  });
});
