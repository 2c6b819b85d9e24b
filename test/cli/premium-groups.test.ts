// The premium subsidy (step 9) by the persons' group: in the JSON (programs.medical_premium.by_group), under the table
// and in Markdown — hand-worked on four households, and its parts adding up to the program whatever the path (a
// budget year's periods, threads, the Arrow file's batches). A special-assistance officer's first question.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { sheetRows, type Part } from '../helpers/parts.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
interface Premium {
  readonly persons: string;
  readonly annual_cost: string;
  readonly annual_cost_exact: string;
  readonly by_group: Record<'tekun' | 'dibao' | 'low_income' | 'rigid', Part>;
}
const premium = (args: readonly string[], env?: Record<string, string>): Premium => {
  const r = jiuzhu(['simulate', ...NANNING, ...args, '--format', 'json', '-q'], env ? { env } : {});
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).scenarios[0].programs.medical_premium as Premium;
};
/** The groups' persons, or exact costs, added (exactly): the program's own. */
const added = (p: Premium, key: 'persons' | 'annual_cost_exact') =>
  Object.values(p.by_group)
    .reduce((a, g) => a.plus(g[key]), D(0))
    .toFixed();
const own = (p: Premium, key: 'persons' | 'annual_cost_exact') => D(p[key]).toFixed();

// Four persons: T-1 (70, tekun), D-1 (40, dibao), the couple E (low-income): hand-worked in the tests below.
const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-premium-')), 'h.csv');
writeFileSync(
  file,
  'household_id,person_id,age,area,other_income,has_capable_supporter,weight\n' +
    'T,T-1,70,urban,0,0,1\nD,D-1,40,urban,0,1,1\nE,E-1,40,urban,1000,1,1\nE,E-2,38,urban,1000,1,1\n',
);

describe('the premium subsidy by group', () => {
  it('Nanning at 2025-06-30, hand-worked: tekun 400, dibao 280, two low-income 150 each, no rigid', async () => {
    // 000（七）/001（七）, step 9: min(premium 400, round(share × 400) + fixed). T-1, 70, no income, no supporter: tekun
    // (step 1), share 1 → 400. D-1, 40, no income: dibao (I 0 < S 810), fixed 280 → 280. The couple E: I = 2,000, not
    // below 1,620 but below 1.5 × 1,620 = 2,430 → low-income (step 6), fixed 150 each → 300 (also a rigid-expenditure
    // family at step 4, but low_income is the first group). 400 + 280 + 300 = 980.
    const p = premium(['--households', file, '--date', '2025-06-30']);
    expect(p.annual_cost).toBe('980.00');
    expect(p.by_group).toEqual({
      tekun: { households: '1', persons: '1', annual_cost: '400.00', annual_cost_exact: '400.00' },
      dibao: { households: '1', persons: '1', annual_cost: '280.00', annual_cost_exact: '280.00' },
      low_income: { households: '1', persons: '2', annual_cost: '300.00', annual_cost_exact: '300.00' },
      rigid: { households: '0', persons: '0', annual_cost: '0.00', annual_cost_exact: '0.00' },
    });
    const table = jiuzhu(['simulate', ...NANNING, '--households', file, '--date', '2025-06-30', '-q']).stdout;
    expect(table).toContain(
      '资助参保 premium subsidy by group 按类别 (persons paid · yuan 元): 特困 tekun 1 · 400.00; 低保 dibao 1 · 280.00; 低保边缘 low-income 2 · 300.00; 刚性支出困难 rigid-expenditure 0 · 0.00',
    );
    const md = jiuzhu(['simulate', ...NANNING, '--households', file, '--date', '2025-06-30', '-q', '--format', 'markdown', '--lang', 'zh']);
    expect(md.stdout).toContain(
      '资助参保按类别（受资助人数 · 元）：特困 1 · 400.00；低保 1 · 280.00；低保边缘 2 · 300.00；刚性支出困难 0 · 0.00',
    );
    // the workbook's sheet of them, in the unit asked for
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-premium-')), 'h.xlsx');
    const x = jiuzhu(['simulate', ...NANNING, '--households', file, '--date', '2025-06-30', '-q', '--format', 'xlsx', '--out', out]);
    expect(x.code, x.stderr).toBe(0);
    expect(await sheetRows(out, '资助参保类别 Premium groups', 2, 4)).toEqual([
      ['baseline', '特困 tekun', 'tekun', 1, 1, 400],
      ['baseline', '低保 dibao', 'dibao', 1, 1, 280],
      ['baseline', '低保边缘 low-income', 'low_income', 1, 2, 300],
      ['baseline', '刚性支出困难 rigid-expenditure', 'rigid', 0, 0, 0],
    ]);
  });

  it("a scenario's groups against the baseline's; a window's years added (hand-worked)", async () => {
    // The four persons above. edge-premium-50pct (001（七）): a low-income member's premium at half, no fixed amount —
    // 0.5 × 400 = 200 each, 400 for the couple against 300: Δ +100 in that group alone.
    const args = ['simulate', ...NANNING, '--households', file, '-q'];
    const edge = [...args, '--date', '2025-06-30', '--scenario', 'scenarios/edge-premium-50pct.yaml'];
    const json = JSON.parse(jiuzhu([...edge, '--format', 'json']).stdout);
    const groups = json.scenarios[1].programs.medical_premium.by_group;
    expect(groups.low_income).toEqual({
      households: '1',
      persons: '2',
      annual_cost: '400.00',
      annual_cost_exact: '400.00',
      delta: { households: '0', persons: '0', annual_cost: '100.00', annual_cost_pct: '33.33' },
    });
    expect(groups.tekun.delta).toEqual({ households: '0', persons: '0', annual_cost: '0.00', annual_cost_pct: '0.00' });
    expect(json.scenarios[0].programs.medical_premium.by_group.low_income.delta).toBeUndefined(); // (the baseline has none)
    const table = jiuzhu(edge).stdout;
    expect(table).toContain('低保边缘 low-income 2 · 400.00 (Δ +100.00); 刚性支出困难 rigid-expenditure 0 · 0.00');
    expect(jiuzhu([...edge, '--lang', 'zh', '--format', 'markdown']).stdout).toContain(
      '低保边缘 2 · 400.00（较基线 +100.00）；刚性支出困难 0 · 0.00',
    );
    // 2024–2025: in 2024 the low-income fixed 150 from 2024-10-31 (gx-2024-34) pays November and December alone: 2/12 ×
    // 2 × 150 = 50.00, persons paid the average month 2 × 2/12 (< 1); 2025 all year, 300.00 for 2. The window: tekun
    // 400 + 400, dibao 280 + 280, low-income 50 + 300 = 350, its persons (1/3 + 2) / 2 ≈ 1.17 → 1; growth 50 → 300 +500 %.
    const years = [...args, '--years', '2024-2025'];
    const w = JSON.parse(jiuzhu([...years, '--format', 'json']).stdout).scenarios[0].programs.medical_premium.by_group; // (the window's)
    expect([w.tekun.annual_cost, w.dibao.annual_cost, w.low_income.annual_cost, w.rigid.annual_cost]).toEqual([
      '800.00',
      '560.00',
      '350.00',
      '0.00',
    ]);
    expect(D(w.low_income.persons).toDecimalPlaces(4).toFixed()).toBe('1.1667');
    const text = jiuzhu(years).stdout;
    expect(text).toMatch(/低保边缘 low-income\s+50\.00\s+300\.00\s+350\.00\s+500\.0%/);
    expect(text).toMatch(/低保边缘 low-income persons paid 受资助人数\s+<1\s+2\s+1\s+500\.0%/);
    expect(text).toContain("2024–2025 合计: persons paid, the years' average month");
    // the workbook's sheet: each year's rows and the window's
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-premium-')), 'y.xlsx');
    expect(jiuzhu([...years, '--format', 'xlsx', '--out', out]).code).toBe(0);
    const rows = await sheetRows(out, '资助参保类别 Premium groups', 2, 12);
    expect(rows.filter((r) => r[3] === 'low_income')).toEqual([
      ['baseline', 2024, '低保边缘 low-income', 'low_income', 0.166667, 0.333333, 50], // (a year's averages to six decimals)
      ['baseline', 2025, '低保边缘 low-income', 'low_income', 1, 2, 300],
      ['baseline', '2024–2025 合计', '低保边缘 low-income', 'low_income', expect.closeTo(7 / 12, 6), expect.closeTo(7 / 6, 6), 350],
    ]);
  });

  it('its parts add up to the program: a budget year with a change inside it, two threads, the Arrow file', () => {
    // 2024: the low-income and rigid fixed 150 from 2024-10-31 (gx-2024-34), two periods
    const year = premium(['--households', SAMPLE, '--year', '2024'], { JIUZHU_THREADS: '1' });
    expect(added(year, 'annual_cost_exact')).toBe(own(year, 'annual_cost_exact'));
    expect(added(year, 'persons')).toBe(own(year, 'persons'));
    expect(Number(year.by_group.rigid.annual_cost)).toBeGreaterThan(0);
    expect(premium(['--households', SAMPLE, '--year', '2024'], { JIUZHU_THREADS: '2', JIUZHU_HUGE_PAGES: '0' })).toEqual(year);
    // a generated population's fractional weights: the exact parts add up (rounded, each may be a fen off: a trial's
    // 83,922,982.88 of parts beside the program's 83,922,982.89, whose exact sum is 83,922,982.88948)
    const generated = join(mkdtempSync(join(tmpdir(), 'jiuzhu-premium-')), 'g.csv');
    expect(jiuzhu(['generate', ...NANNING, '--households', '20000', '--seed', '7', '--out', generated, '-q']).code).toBe(0);
    const g = premium(['--households', generated, '--year', '2024']);
    expect(added(g, 'annual_cost_exact')).toBe(own(g, 'annual_cost_exact'));
    // (a year's persons are months' averages, each given to 6 decimals where it does not end: within a millionth a group)
    expect(D(added(g, 'persons')).minus(own(g, 'persons')).abs().toNumber()).toBeLessThanOrEqual(4e-6);
    const arrow = join(mkdtempSync(join(tmpdir(), 'jiuzhu-premium-')), 's.arrow');
    expect(jiuzhu(['import', SAMPLE, '--out', arrow, '-q']).code).toBe(0);
    const date = premium(['--households', SAMPLE, '--date', '2025-06-30']);
    expect(added(date, 'annual_cost_exact')).toBe(own(date, 'annual_cost_exact'));
    expect(premium(['--households', arrow, '--date', '2025-06-30'])).toEqual(date);
    // a scenario whose rules decide alike for urban households takes the baseline's result over (engine.ts): its parts too
    const unify = [
      '--households',
      SAMPLE,
      '--date',
      '2025-06-30',
      '--scenario',
      'scenarios/unify-rural-urban.yaml',
      '--format',
      'json',
      '-q',
    ];
    const r = jiuzhu(['simulate', ...NANNING, ...unify]);
    const unified = (JSON.parse(r.stdout).scenarios as Array<{ programs: { medical_premium: Premium } }>)[1]!.programs.medical_premium;
    expect(added(unified, 'annual_cost_exact')).toBe(own(unified, 'annual_cost_exact'));
    expect(unified.annual_cost).not.toBe(date.annual_cost);
    // compare evaluates each run into its own result, taking an alike one's over (engine.ts takeOverAll): the same parts
    const c = jiuzhu(['compare', ...NANNING, ...unify]);
    const compared = (JSON.parse(c.stdout).localities[0].scenarios as Array<{ programs: { medical_premium: Premium } }>).map(
      (x) => x.programs.medical_premium,
    );
    expect(compared).toEqual([date, unified]);
  });
});
