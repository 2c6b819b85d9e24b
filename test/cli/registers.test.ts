// Each varied run's own register (cli/registers.ts): a sensitivity or --ranges run of a year after years run before it
// runs those years itself where its values there make another register, hand-worked on one household.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const PRJ = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];
const run = (args: readonly string[], env?: Record<string, string>) => {
  const r = jiuzhu([...args, '--format', 'json', '--quiet'], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
interface Range {
  readonly low: string;
  readonly high: string;
}

// An urban adult with no income, not on the file's (2025) register, its take-up draw 0.55. Nanning's take_up.dibao is
// 0.6 (range 0.45–0.73); a household takes a program up when its draw is below the rate (DOMAIN "Take-up"), and one on the
// register keeps dibao (DOMAIN step 7: on_dibao). Its dibao is S each month: S 810 grown 4 % a year from 1 April,
// 842.40 from April 2026, 876.10 from April 2027, 911.14 from April 2028 (876.10 × 1.04 = 911.144).
const household = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-registers-')), 'a.csv');
  writeFileSync(
    file,
    'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight,take_up_draw\nA,A-1,40,urban,0,0,0,1,0.55\n',
  );
  return file;
};

describe("each varied run's own register, from the years run before its year", () => {
  it("sensitivity 2027: take_up.dibao's low end leaves the household off dibao in 2026, so off it in 2027 (it was kept on)", () => {
    // central 0.6: in 2026 (run first) 0.55 < 0.6, it takes dibao up and is on the register in January 2027, keeping it:
    // 3 × 842.40 + 9 × 876.10 = 10,412.10, and its medical premium subsidy, 280.00. At the low end 0.45 it declines in 2026
    // (0.55 ≥ 0.45), is on no register in 2027 and declines again: 0 — run from the central run's register, it was kept
    // on dibao at 10,412.10. At the high end, 0.73: 10,412.10.
    const r = run(['sensitivity', ...NANNING, ...PRJ, '--households', household(), '--year', '2027']);
    expect(r.central[0].programs.dibao).toBe('10412.10');
    const takeUp = (r.estimates as Array<{ path: string; programs: Record<string, Range> }>).find((e) => e.path === 'take_up.dibao')!;
    expect(takeUp.programs.dibao).toEqual({ low: '0.00', high: '10412.10' });
    expect(takeUp.programs.medical_premium).toEqual({ low: '0.00', high: '280.00' });
  });

  it("--years --ranges: 2028's low end is off dibao too, its years before being 2026 and the window's 2027", () => {
    // 2028 central: 3 × 876.10 + 9 × 911.14 = 10,828.56; the range's low, every estimate at the end that lowers the total
    // (take-up among them: off dibao since 2026), 0.00 in either year
    const s = run(['simulate', ...NANNING, ...PRJ, '--households', household(), '--years', '2027-2028', '--ranges']).scenarios[0];
    const years = s.years as Array<{ programs: Record<string, { annual_cost: string }>; total_annual_cost_range: Range }>;
    expect(years.map((y) => y.programs.dibao!.annual_cost)).toEqual(['10412.10', '10828.56']);
    expect(years.map((y) => y.total_annual_cost_range.low)).toEqual(['0.00', '0.00']);
    // the window's range: the years' added, and said so (it said a year's runs' words)
    expect(s.total_annual_cost_range.low).toBe('0.00');
    expect(s.total_annual_cost_range.method).toBe("the years' ranges added (each year's: the lowest and highest of its runs)");
  });

  it('a year alone and in a window have one range: the same years run before each varied run (the sample)', () => {
    // (2028 alone runs 2026–2027 first; in a window from 2027, 2026 first and the window's 2027: the projection's rate
    // ends make other registers in both)
    const alone = run(['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--year', '2028', '--ranges']).scenarios[0];
    const window = run(['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--years', '2027-2028', '--ranges']).scenarios[0];
    expect(window.years[1].total_annual_cost).toBe(alone.total_annual_cost);
    expect(window.years[1].total_annual_cost_range).toEqual(alone.total_annual_cost_range);
    // the sample has no take_up_draw: take-up cannot move anything, said (an analyst read its range as if it could)
    const said = `every eligible household in the households file takes its programs up (no take_up_draw, or none at or above a rate): take-up (take_up.*, 4 estimates with a range) cannot move the totals or their ranges here`;
    const notes = run(['simulate', ...NANNING, ...PRJ, '--households', SAMPLE, '--years', '2027-2028', '--ranges']).notes as string[];
    expect(notes).toContainEqual(expect.stringContaining(said));
  });

  it('the same figures whatever the groups the varied runs go in, and on one thread or two (a generated population)', () => {
    // (JIUZHU_REGISTERS_BYTES 0: each varied run's register alone, a group each; the default: all in one group. Threads
    // from 0 households: the passes on two workers)
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-registers-'));
    const file = join(dir, 'g.csv');
    expect(jiuzhu(['generate', ...NANNING, '--households', '400', '--seed', '5', '--out', file, '--quiet']).code).toBe(0);
    const args = ['sensitivity', ...NANNING, ...PRJ, '--incomes-year', '2022', '--households', file, '--year', '2027'];
    const threads = { JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0', JIUZHU_PARALLEL_FROM_BYTES: '0' };
    const one = run(args, { JIUZHU_THREADS: '1' });
    const apart = run(args, { JIUZHU_THREADS: '2', JIUZHU_REGISTERS_BYTES: '0', ...threads });
    const together = run(args, { JIUZHU_THREADS: '2', ...threads });
    expect(apart).toEqual(one);
    expect(together).toEqual(one);
    // a window likewise, each varied run followed through it once, and its second year as that year alone
    const window = ['simulate', ...NANNING, ...PRJ, '--incomes-year', '2022', '--households', file, '--ranges'];
    const years = run([...window, '--years', '2027-2028'], { JIUZHU_THREADS: '1' });
    expect(run([...window, '--years', '2027-2028'], { JIUZHU_THREADS: '2', JIUZHU_REGISTERS_BYTES: '0', ...threads })).toEqual(years);
    const alone = run([...window, '--year', '2028'], { JIUZHU_THREADS: '1' }).scenarios[0];
    expect(years.scenarios[0].years[1].total_annual_cost_range).toEqual(alone.total_annual_cost_range);
    // (and take-up moves 2027 as its own years before make it: its low end below the central by more than at a date's swing of 0)
    const takeUp = (one.estimates as Array<{ path: string; low: string; programs: Record<string, Range> }>).find(
      (e) => e.path === 'take_up.dibao',
    )!;
    expect(Number(takeUp.programs.dibao!.low)).toBeLessThan(Number(one.central[0].programs.dibao));
    expect((one.notes as string[]).join('\n')).not.toContain('cannot move the totals'); // (a generated file has draws)
    // at a date, its incomes of 2022 said, and how to run them grown (sensitivity --date refuses --projection)
    const atDate = run(['sensitivity', ...NANNING, '--households', file, '--date', '2025-06-30']).notes as string[];
    expect(atDate).toContainEqual(
      expect.stringContaining(
        'incomes are taken as they are at 2025-06-30; a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022',
      ),
    );
    expect(atDate.join('\n')).toContain('for it, run the year: --year 2025 --projection P --incomes-year 2022');
  });
});
