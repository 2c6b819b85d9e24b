// The years between a projected population's register and the first budget year, run first and not shown
// (cli/burn-in.ts): a budget year is the same alone and in any window that holds it, and its gradual exit is of the
// households leaving then, each with the dibao it was last paid — not the register's stock leaving in its January.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const PRJ = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];
/** A year's figures as the JSON gives them (the fields read here). */
interface Year {
  readonly total_annual_cost: string;
  readonly programs: Record<string, { readonly annual_cost: string }>;
  readonly months: ReadonlyArray<{ readonly programs: Record<string, string> }>;
  readonly years: readonly Year[];
}
const json = (args: readonly string[]) => {
  const r = jiuzhu(['simulate', ...NANNING, ...PRJ, ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as { scenarios: Year[] }), stderr: r.stderr };
};
const figures = (s: Year) => [s.total_annual_cost, s.programs.gradual_exit!.annual_cost, s.programs.dibao!.annual_cost];

describe('the years before the first budget year, run first', () => {
  it('one household, hand-worked: it leaves in January 2027 with the dibao it was paid in December 2026', () => {
    // An urban earner on the 2022 register at 300.00 a month, income 665.84 grown 5 % a year: 809.33 in 2026 (× 1.05⁴
    // to nine decimals, to the fen) and 849.80 in 2027; Nanning's S 810 (carried to 2025), 842.40 from April 2026,
    // 876.10 from April 2027. December 2026: dibao 842.40 − 809.33 = 33.07. January 2027: 849.80 ≥ 842.40, it leaves
    // with its exit (6 months of 33.07, step 7); April: 876.10 − 849.80 = 26.30, back on dibao, the exit ends —
    // 3 × 33.07 = 99.21 and 9 × 26.30 = 236.70. Its register read as 2027's (the stock), it was 3 × 300.00 = 900.00.
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-burn-in-')), 'a.csv');
    writeFileSync(
      file,
      'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight,take_up_draw\nA,A-1,40,urban,665.84,1,300.00,1,0.1\n',
    );
    const args = ['--households', file, '--incomes-year', '2022'];
    const year = json([...args, '--year', '2027']);
    const s = year.scenarios[0]!;
    expect([s.programs.gradual_exit!.annual_cost, s.programs.dibao!.annual_cost]).toEqual(['99.21', '236.70']);
    expect(s.months.slice(0, 4).map((m) => m.programs.gradual_exit)).toEqual(['33.07', '33.07', '33.07', '0.00']);
    expect(year.stderr).toContain(
      "note: the file's register (on_dibao, prior_dibao) is taken as of the end of 2022, the year its incomes are of; 2023–2026 were run first and not shown",
    );
    // the window's 2027 is the year alone (and 2026's own figures, run from 2023, are what the burn-in ran)
    expect(figures(json([...args, '--years', '2027-2028']).scenarios[0]!.years[0]!)).toEqual(figures(s));
    expect(json([...args, '--years', '2026-2027']).scenarios[0]!.years[0]!.programs.dibao!.annual_cost).toBe('299.64');
    // incomes of a year before the policy has every value (Nanning's from 2020-11-21): run from its first whole year
    const early = json(['--households', file, '--incomes-year', '2005', '--year', '2027']);
    expect(early.stderr).toContain(
      "note: the file's register (on_dibao, prior_dibao) is taken as of the end of 2020 (its incomes are of 2005, before the policy's first whole year); 2021–2026 were run first",
    );
  });

  it('the sample: 2028 alone, in a window from 2027 and in one from 2028 is one year (a budget trial had two totals)', () => {
    // (its incomes the projection's base_year's, 2025: 2026 run first for a window from 2027, 2026–2027 for 2028)
    const alone = json(['--households', SAMPLE, '--year', '2028', '--quiet']).scenarios[0]!;
    const from2027 = json(['--households', SAMPLE, '--years', '2027-2029', '--quiet']).scenarios[0]!.years[1]!;
    const from2028 = json(['--households', SAMPLE, '--years', '2028-2029', '--quiet']).scenarios[0]!.years[0]!;
    expect(figures(from2027)).toEqual(figures(alone));
    expect(figures(from2028)).toEqual(figures(alone));
    const sensitivity = jiuzhu(['sensitivity', ...NANNING, ...PRJ, '--households', SAMPLE, '--year', '2028', '--format', 'json', '-q']);
    expect(JSON.parse(sensitivity.stdout).central[0].total).toBe(alone.total_annual_cost);
    // (its runs that vary the years before run them themselves: nothing to say of the central run's register — registers.test.ts)
    expect(JSON.parse(sensitivity.stdout).notes.join('\n')).not.toContain("central run's register");
    // no ‡ on the first year's exit: it is a flow now, not the register's stock
    const table = jiuzhu(['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--years', '2027-2029', '-q']).stdout;
    expect(table).not.toContain('‡');
    // a window from the year after the register's runs nothing first, and says the stock as before
    expect(jiuzhu(['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--years', '2026-2027', '-q']).stdout).toContain('‡');
  });
});
