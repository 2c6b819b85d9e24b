// Special assistance end to end: the three programs in compare under the scenarios a bureau asks about, on every
// locality — a delta where the scenario changes the locality's rule, none where the locality already does so.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu, POLICIES } from '../helpers/cli.js';

describe('special-assistance scenarios in compare', () => {
  it('each shows its delta in every locality (0 where the locality already pays so)', () => {
    const households = join(mkdtempSync(join(tmpdir(), 'jiuzhu-special-')), 'g.csv');
    expect(
      jiuzhu(['generate', '--policy', 'policies/guangxi-nanning.yaml', '--households', '4000', '--seed', '5', '--out', households]).code,
    ).toBe(0);
    const scenarios = ['edge-premium-50pct', 'living-subsidy-to-edge', 'care-subsidy-all', 'care-subsidy-assisted'];
    const r = jiuzhu([
      'compare',
      ...POLICIES.flatMap((p) => ['--policy', `policies/${p}.yaml`]),
      ...scenarios.flatMap((s) => ['--scenario', `scenarios/${s}.yaml`]),
      '--households',
      households,
      '--date',
      '2024-12-31',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const sign = (policy: string, scenario: string, program: string) => {
      const l = JSON.parse(r.stdout).localities.find((x: { policy: string }) => x.policy === `policies/${policy}.yaml`);
      const s = l.scenarios.find((x: { id: string }) => x.id === scenario);
      return D(s.programs[program].delta.annual_cost).comparedTo(0);
    };
    // Nanning and Fuliang pay edge members no premium and no living subsidy; Guangzhou already pays both.
    for (const p of ['guangxi-nanning', 'jiangxi-fuliang']) {
      expect(sign(p, 'edge-premium-50pct', 'medical_premium')).toBe(1);
      expect(sign(p, 'living-subsidy-to-edge', 'disability_living')).toBe(1);
    }
    expect(sign('guangdong-guangzhou', 'edge-premium-50pct', 'medical_premium')).toBe(0);
    expect(sign('guangdong-guangzhou', 'living-subsidy-to-edge', 'disability_living')).toBe(0);
    // All three pay the care subsidy to every grade 1–2 person: limiting it saves, extending it changes nothing.
    for (const p of POLICIES) {
      expect(sign(p, 'care-subsidy-all', 'disability_care')).toBe(0);
      expect(sign(p, 'care-subsidy-assisted', 'disability_care')).toBe(-1);
    }
  });
});

// A Guangzhou budget trial: a household that did not take the disability subsidies up read "not taken up = taken up →
// no", and English inside the Chinese; explain gives its draw beside the rate, in either language.
describe('explain: the disability subsidies not taken up', () => {
  it('says the draw and the rate at step 11, in English and Chinese', () => {
    const args = [
      'explain',
      ...['--policy', 'policies/guangdong-guangzhou.yaml', '--date', '2024-12-31'],
      ...['--describe', '{area: urban, take_up_draw: 0.6, persons: [{person_id: p, age: 35, wage_income: 9000, disability_grade: 1}]}'],
    ];
    expect(jiuzhu(args).stdout).toMatch(
      /check {3}its household takes the disability subsidies up: take_up_draw < take_up\.disability: 0\.600000 < 0\.\d+ → no\n/,
    );
    expect(jiuzhu([...args, '--lang', 'zh']).stdout).toMatch(
      /检验 {4}家庭申请（认定）残疾人两项补贴：take_up_draw < take_up\.disability：0\.600000 < 0\.\d+ → 否\n/,
    );
  });
});

describe('explain --lang zh: a person’s group in its own words', () => {
  // A clerk's explain said 不满足“属低保对象”（low_income ∈ {dibao}）: the groups' code names inside the 中文
  it('says the groups in 中文 at the living subsidy’s check (step 10)', () => {
    const explain = (policy: string, wage: number) =>
      jiuzhu([
        ...['explain', '--policy', policy, '--date', '2024-12-31', '--lang', 'zh', '--describe'],
        `{area: urban, persons: [{age: 40, wage_income: ${wage}, disability_grade: 1}, {age: 40, wage_income: ${wage}}]}`,
      ]).stdout;
    // Nanning, urban S = 810: I = 2,000 ≥ S × 2 = 1,620, not dibao; low-income (001（一）); the subsidy asks the dibao
    // group alone (disability.living.low_income false, 000（十二）)
    const nanning = explain('policies/guangxi-nanning.yaml', 1000);
    expect(nanning).toContain('检验    属低保对象：低保边缘 ∈ {低保} → 否\n');
    expect(nanning).toContain('不满足“属低保对象”（低保边缘 ∈ {低保}）\n');
    // Guangzhou (S 1,282 in 2024): I = 3,000 − 2 × 230 (its employment deduction) = 2,540 < 2,564: dibao; it asks dibao or low-income
    expect(explain('policies/guangdong-guangzhou.yaml', 1500)).toContain('检验    属低保或低保边缘对象：低保 ∈ {低保、低保边缘} → 是\n');
    expect(nanning).not.toMatch(/low_income ∈|∈ \{dibao/);
  });
});
