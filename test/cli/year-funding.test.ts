// Who pays a budget year, exact at a half fen (cli/year.ts: each span's month at its year's rate, ÷ 12 once). A budget
// trial's one urban household in Nanning 2027 (grown by guangxi-nanning-4pct: its income 849.80 in 2027, here 809.33
// of 2026 × 1.05, the register 2026's, so that it leaves dibao in January 2027 with its prior 300.00 — of 2022's
// incomes, 2023–2026 are run first and it leaves with the 33.07 it was paid in December 2026: burn-in.test.ts): dibao 236.70, the gradual exit 900.00 (300 ×
// 3: back on dibao from April) and the premium subsidy 210.00 (280.00 a year, for 9 months: 280 ÷ 12 = 23.33… a month, which
// to 10 decimals made 209.9999999997). Nanning's shares: assistance 0.65 central, 0.15 provincial; medical 0.6, 0.15.
// Central 0.65 × 1,136.70 + 0.6 × 210 = 738.855 + 126 = 864.855 → 864.86 (it was 864.85); central and provincial
// together 0.8 × 1,136.70 + 0.75 × 210 = 1,066.86: provincial 202.00 (was 202.01), the county 1,346.70 − 1,066.86 = 279.84.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

describe('who pays a budget year', () => {
  it('is exact at a half fen: 864.855 central is 864.86', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-half-fen-')), 'a.csv');
    writeFileSync(
      file,
      'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight,take_up_draw\nA,A-1,40,urban,809.33,1,300.00,1,0.1\n',
    );
    const r = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      file,
      '--year',
      '2027',
      '--projection',
      'scenarios/projections/guangxi-nanning-4pct.yaml',
      '--incomes-year',
      '2026',
      '--format',
      'json',
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).scenarios[0];
    const cost = (id: string) => s.programs[id].annual_cost;
    expect([cost('dibao'), cost('gradual_exit'), cost('medical_premium'), s.total_annual_cost]).toEqual([
      '236.70',
      '900.00',
      '210.00',
      '1346.70',
    ]);
    expect([s.funding.central, s.funding.provincial, s.funding.local]).toEqual(['864.86', '202.00', '279.84']);
    expect(s.funding.programs.medical_premium).toEqual({ central: '126.00', provincial: '31.50', local: '52.50' });
  });
});
