// Temporary assistance by who approves it (step 8; 000（六）): a township's grants come from its reserve (乡镇临时救助
// 备用金), budgeted apart from the county's — JSON temporary.by_tier, the table's line and the workbook's sheet,
// hand-worked at the tiers' edges; the tiers add up to the program.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetRows } from '../helpers/parts.js';
import { jiuzhu } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-tiers-'));

describe('temporary assistance by approval tier', () => {
  it('hand-worked at the edges of 0.5 × and 2 × 12 S_urban, and the cap of 6 ×', async () => {
    // Nanning at 2025-06-30: S_urban 810, 12 S = 9,720: the township approves up to 0.5 × = 4,860.00 (inclusive), the
    // county up to 2 × = 19,440.00, beyond it 一事一议; the year's cap 6 × = 58,320.00. Incomes of 5,000 a person: no
    // other program. P (1 person) 4,860.00 → township; Q (2) 4,860.01 → county; R (1) 19,440.01 and S (1) 70,000 →
    // capped 58,320.00 → coordination: 1 household 1 person 4,860.00; 1 · 2 · 4,860.01; 2 · 2 · 77,760.01.
    const file = join(dir, 'h.csv');
    writeFileSync(
      file,
      'household_id,person_id,age,area,wage_income,emergency_need,weight\n' +
        'P,P-1,40,urban,5000,4860.00,1\nQ,Q-1,40,urban,5000,4860.01,1\nQ,Q-2,38,urban,5000,4860.01,1\n' +
        'R,R-1,40,urban,5000,19440.01,1\nS,S-1,40,urban,5000,70000.00,1\n',
    );
    const at = ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', file, '--date', '2025-06-30', '-q'];
    const r = jiuzhu([...at, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout).scenarios[0].programs.temporary;
    expect(t.annual_cost).toBe('87480.02');
    expect(t.by_tier).toEqual({
      township: { households: '1', persons: '1', annual_cost: '4860.00', annual_cost_exact: '4860.00' },
      county: { households: '1', persons: '2', annual_cost: '4860.01', annual_cost_exact: '4860.01' },
      coordination: { households: '2', persons: '2', annual_cost: '77760.01', annual_cost_exact: '77760.01' },
    });
    expect(jiuzhu(at).stdout).toContain(
      '临时救助 temporary assistance by who approves 按审批层级 (persons · yuan 元): 乡镇（街道） township 1 · 4,860.00; 县级民政部门 county 2 · 4,860.01; 县级协调机制（一事一议） coordination 2 · 77,760.01',
    );
    const out = join(dir, 'h.xlsx');
    expect(jiuzhu([...at, '--format', 'xlsx', '--out', out]).code).toBe(0);
    expect(await sheetRows(out, '临时救助层级 Temporary tiers', 2, 3)).toEqual([
      ['baseline', '乡镇（街道） township', 'township', 1, 1, 4860],
      ['baseline', '县级民政部门 county', 'county', 1, 2, 4860.01],
      ['baseline', '县级协调机制（一事一议） coordination', 'coordination', 2, 2, 77760.01],
    ]);
  });

  // The cap said where it binds, and the need it leaves (a caseworker supervisor read "58,320.00 once" for a need of
  // 80,000 and could not tell it was capped): 80,000.00 − 58,320.00 = 21,680.00; at the cap itself nothing is said.
  it('explain says a grant is at the cap of 6 × 12 S_urban, and how much of the need is over it', () => {
    const explain = (need: string, ...more: string[]) =>
      jiuzhu([
        'explain',
        '--policy',
        'policies/guangxi-nanning.yaml',
        '--date',
        '2025-06-30',
        '-q',
        ...more,
        '--describe',
        `{area: urban, emergency_need: ${need}, persons: [{age: 40, wage_income: 5000}]}`,
      ]).stdout;
    const brief = explain('80000', '--brief');
    expect(brief).toContain(
      '临时救助 temporary assistance: 58,320.00 once, approved by coordination (the cap: 21,680.00 of the need of 80,000.00 over it)',
    );
    expect(explain('80000', '--brief', '--lang', 'zh')).toContain(
      '临时救助：一次性 58,320.00 元，由县级协调机制（一事一议）审批（达救助上限；需求中 21,680.00 元未获救助）',
    );
    const full = explain('80000', '--lang', 'zh');
    expect(full).toContain('救助上限 = 58,320.00'); // (its value's name in 中文: it read "cap = 58,320.00")
    expect(full).toContain('救助金 58,320.00 元（达上限；需求中 21,680.00 元超出上限），由县级协调机制（一事一议）审批');
    expect(explain('58320', '--brief')).toMatch(/58,320\.00 once, approved by coordination\n/);
  });
});
