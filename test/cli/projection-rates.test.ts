// A projection's rates with a range, in sensitivity and --ranges (core/sensitivity.ts rateAxes): hand-worked on one
// household, and said where a projection's estimated rate has none.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const PRJ_FILE = 'scenarios/projections/guangxi-nanning-4pct.yaml';
interface Estimate {
  readonly path: string;
  readonly kind: string;
  readonly from?: string;
  readonly projection?: string;
  readonly paths?: readonly string[];
  readonly central: string;
  readonly low: string;
  readonly high: string;
  readonly programs: Record<string, { readonly low: string; readonly high: string }>;
}
/** simulate --years on the sample under a projection. */
const sampleYears = (years: string, projection: string, ...more: string[]) =>
  jiuzhu(['simulate', ...NANNING, '--households', SAMPLE, '--years', years, '--projection', projection, ...more]);
const sensitivity = (args: readonly string[]) => {
  const r = jiuzhu(['sensitivity', ...NANNING, ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as { central: Array<{ programs: Record<string, string> }>; estimates: Estimate[] }), stderr: r.stderr };
};

describe("a projection's rate with a range", () => {
  it('one household on dibao, 2027: the standards at 2 % and 6 % a year give 10,063.08 and 10,766.88 (10,412.10 at 4 %)', () => {
    // An urban adult with no income on dibao (the 2025 register): dibao is S each month. Nanning's S 810 (2022, carried
    // to 2025) grows from 1 April: at 4 %, 842.40 (2026) and 876.10 (2027) — 3 × 842.40 + 9 × 876.10 = 10,412.10; at
    // 2 %, 826.20 and 842.72 — 2,478.60 + 7,584.48 = 10,063.08; at 6 %, 858.60 and 910.12 — 2,575.80 + 8,191.08 = 10,766.88.
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-rates-')), 'a.csv');
    writeFileSync(
      file,
      'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao,weight,take_up_draw\nA,A-1,40,urban,0,1,810.00,1,0.1\n',
    );
    const r = sensitivity(['--households', file, '--year', '2027', '--projection', PRJ_FILE]);
    expect(r.central[0]!.programs.dibao).toBe('10412.10');
    const rate = r.estimates.find((e) => e.kind === 'rate' && e.path === 'dibao.standard.')!;
    expect([rate.projection, rate.paths, rate.central, rate.low, rate.high]).toEqual([
      'guangxi-nanning-4pct',
      ['dibao.standard.urban', 'dibao.standard.rural'],
      '0.04',
      '0.02',
      '0.06',
    ]);
    expect(rate.programs.dibao).toEqual({ low: '10063.08', high: '10766.88' });
    // the rate's from: the first value it grew, 2026-04-01, in 2028 too (it said 2027-04-01, the first in force that year)
    const y2028 = sensitivity(['--households', file, '--year', '2028', '--projection', PRJ_FILE]);
    expect(y2028.estimates.find((e) => e.kind === 'rate' && e.path === 'dibao.standard.')!.from).toBe('2026-04-01');
    expect(r.stderr).not.toContain('has no range');
  });

  it('--years --ranges widens with it, the later years more; a rate without a range is said, not varied', () => {
    const years = (projection: string) => {
      const r = sampleYears('2027-2028', projection, '--ranges', '--format', 'json');
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout).scenarios[0] as { years: Array<{ total_annual_cost_range: { low: string; high: string } }> };
      return {
        widths: s.years.map((y) => Number(y.total_annual_cost_range.high) - Number(y.total_annual_cost_range.low)),
        stderr: r.stderr,
      };
    };
    // the same projection with the standards' range taken out
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-rates-')), 'p.yaml');
    writeFileSync(file, readFileSync(PRJ_FILE, 'utf8').replace(/(dibao\.standard\.: \{.*), range: \{low: 0\.02.*\}\}$/m, '$1}'));
    const [ranged, without] = [years(PRJ_FILE), years(file)];
    expect(ranged.widths[0]!).toBeGreaterThan(without.widths[0]!);
    expect(ranged.widths[1]! - without.widths[1]!).toBeGreaterThan(ranged.widths[0]! - without.widths[0]!);
    expect(without.stderr).toContain(
      `note: projection guangxi-nanning-4pct's estimated rate for dibao.standard. has no range: the ranges and sensitivity do not vary it (add range: {low, high, basis} beside each in ${file})`,
    );
    expect(ranged.stderr).not.toContain('has no range');
  });

  it('the range counts the rates apart: the star list names the parameters alone (a county clerk read 54 beside 50)', () => {
    const r = jiuzhu(['simulate', ...NANNING, '--households', SAMPLE, '--year', '2027', '--projection', PRJ_FILE, '--ranges']);
    expect(r.code, r.stderr).toBe(0);
    // the projection's five lines have a range each: dibao.standard., min_wage.monthly, rigid.disposable_income.,
    // disability., medical.premium; every other estimate counted is a parameter, the star list's
    const [, all, params, rates] = /of the (\d+) estimates in force \((\d+) parameters, (\d+) projection rates\) move it/.exec(r.stdout)!;
    const starred = /rests on estimated parameters \((\d+) in force\)/.exec(r.stdout)![1];
    expect([Number(rates), Number(params), Number(all) - Number(rates)]).toEqual([5, Number(starred), Number(params)]);
    const zh = jiuzhu([
      'simulate',
      ...NANNING,
      '--households',
      SAMPLE,
      '--year',
      '2027',
      '--projection',
      PRJ_FILE,
      '--ranges',
      '--lang',
      'zh',
    ]);
    expect(zh.stdout).toContain(`现行 ${all} 项估计（参数 ${params} 项、预测增速 5 项）中有`);
    expect(zh.stdout).toContain(`（共 ${starred} 项）`);
    // without a projection, no rates: the words as before
    const plain = jiuzhu(['simulate', ...NANNING, '--households', SAMPLE, '--year', '2025', '--ranges', '--format', 'json']);
    const range = JSON.parse(plain.stdout).scenarios[0].total_annual_cost_range as { rates: number; estimates: number };
    expect(range.rates).toBe(0);
    expect(jiuzhu(['simulate', ...NANNING, '--households', SAMPLE, '--year', '2025', '--ranges']).stdout).toMatch(
      /\d+ of the \d+ estimates in force move it/,
    );
  });

  it("the workbook's Estimates sheet: a grown standard's low and high at its rate's ends", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-rates-')), 'y.xlsx');
    const r = sampleYears('2027-2027', PRJ_FILE, '--format', 'xlsx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('估计值 Estimates')!;
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    // (2027's two values: 842.40 from January, 876.10 from April — each at the rate's ends: the low grown from 810 at 2 %,
    // the high from the high of 810 held 2023–2025, 964.73, at 6 %: 1022.61, 1083.97)
    const urban = rows.filter((x) => x[2] === 'dibao.standard.urban').map((x) => x.slice(3, 7));
    expect(urban).toEqual([
      [842.4, '2026-04-01', 826.2, 1022.61],
      [876.1, '2027-04-01', 842.72, 1083.97],
    ]);
    expect(String(rows.find((x) => x[2] === 'dibao.standard.urban')![7])).toContain(
      "its range at the rate's ends, its own range's ends grown at +2%…+6% a year",
    );
    // the projection's rates with a range, each a row of its own (for every run and year)
    const rate = rows.find((x) => x[2] === 'dibao.standard. 年增长率 yearly rate')!;
    expect(rate.slice(0, 7)).toEqual([
      '预测 projection guangxi-nanning-4pct',
      '2027–2027',
      'dibao.standard. 年增长率 yearly rate',
      0.04,
      '2026-04-01',
      0.02,
      0.06,
    ]);
  });
});
