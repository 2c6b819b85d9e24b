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
