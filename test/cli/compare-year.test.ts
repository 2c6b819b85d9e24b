// compare --year: who gains and who loses over a budget year (core/year-changes.ts) — each household's year under a
// scenario against its year under the baseline, as simulate --year --per-household gives both; with --projection, the
// projected year (a reform analyst's briefing had its costs from simulate --year --projection and its gainers from
// compare at an unprojected date, and diffed the rows with a script of their own).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const PRJ = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];
const dir = () => mkdtempSync(join(tmpdir(), 'jiuzhu-compare-year-'));

// A: an urban adult with no income, off the register. B: an urban adult on dibao at 300.00 (on_dibao 1), earning 950 a
// month. Nanning 2025: S urban 810 (nanning-2022), the gradual exit 3 months, take-up 0.6 with no draw column (draw 0).
const households = (d: string) => {
  const file = join(d, 'ab.csv');
  writeFileSync(
    file,
    'household_id,person_id,age,area,wage_income,other_income,on_dibao,prior_dibao,weight\n' +
      'A,A-1,40,urban,0,0,0,0,1\nB,B-1,40,urban,950,0,1,300,1\n',
  );
  return file;
};
const scenario = (d: string, id: string, change: string) => {
  const file = join(d, `${id}.yaml`);
  writeFileSync(file, `scenario: ${id}\ntitle: {zh: 方案${id}, en: ${id}}\nreason: a test\nchanges:\n  ${change}\n`);
  return ['--scenario', file];
};
type Count = { households: string; persons?: string; amount?: string };
interface Run {
  total_annual_cost: string;
  winners_losers: Record<'gainers' | 'losers' | 'unchanged' | 'exits', Count>;
  by_area: Record<'urban' | 'rural', Record<string, string>>;
  transitions?: unknown;
  losers_by_program?: Record<string, string>;
}
const json = (args: readonly string[]) => {
  const r = jiuzhu(['compare', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { localities: Array<{ scenarios: Run[] }> };
};

describe('compare --year: winners and losers over the budget year', () => {
  it('by hand: a raise from July counts its six months; a cut from July loses them (DOMAIN steps 3, 7, 10)', async () => {
    const d = dir();
    const args = [
      ...NANNING,
      '--households',
      households(d),
      '--year',
      '2025',
      ...scenario(d, 'raise', 'dibao.standard.urban: {set: 1000, from: 2025-07-01}'),
      ...scenario(d, 'cut', 'dibao.standard.urban: {set: 700, from: 2025-07-01}'),
    ];
    const [, raise, cut] = json(args).localities[0]!.scenarios;
    // Baseline. A: dibao 12 × 810.00 + the dibao premium subsidy 280.00 = 10,000.00. B: I 950 ≥ 810, a wage: off dibao
    // in January with its exit, 3 × 300.00 = 900.00 (000（四）); a dibao-edge family (950 < 2 × 810), premium 150.00:
    // 1,050.00.
    // raise (S 1000 from July). A: 6 × 810.00 + 6 × 1000.00 + 280.00 = 11,140.00, +1,140.00. B: 950 < 1000 from July,
    // on dibao again (draw 0 < 0.6): 6 × 50.00 = 300.00; its premium 150 × 6/12 (edge) + 280 × 6/12 (dibao) = 215.00;
    // the exit 900.00: 1,415.00, +365.00. Two winners, +1,505.00; at one date before July, none.
    expect(raise!.winners_losers.gainers).toEqual({ households: '2', persons: '2', amount: '1505.00' });
    expect(raise!.winners_losers.losers).toEqual({ households: '0', persons: '0', amount: '0.00' });
    expect(raise!.winners_losers.unchanged).toEqual({ households: '0' });
    expect(raise!.by_area.urban).toMatchObject({ baseline_annual_cost: '11050.00', annual_cost: '12555.00', delta_annual_cost: '1505.00' });
    // cut (S 700 from July). A: 6 × 810.00 + 6 × 700.00 + 280.00 = 9,340.00, −660.00. B: 950 ≥ 700, edge still
    // (950 < 1400): 1,050.00, unchanged.
    expect(cut!.winners_losers.gainers).toEqual({ households: '0', persons: '0', amount: '0.00' });
    expect(cut!.winners_losers.losers).toEqual({ households: '1', persons: '1', amount: '660.00' });
    expect([cut!.winners_losers.unchanged, cut!.winners_losers.exits]).toEqual([{ households: '1' }, { households: '0' }]);
    // by the program it loses most in: A's dibao (a year has no flows to say where a loser went)
    expect([raise!.losers_by_program, cut!.losers_by_program]).toEqual([{}, { dibao: '1' }]);
    // a layer changes inside a year: the flows are a date's, and absent here
    expect(raise!.transitions).toBeUndefined();
    const text = jiuzhu(['compare', ...args, '--lang', 'en']);
    expect(text.stdout).toContain('winners 受益 2 households, 2 persons (+1,505.00 yuan 元/year)');
    expect(text.stdout).toContain("winners and losers and the splits compare each household's year");
    expect(text.stdout).toContain('  the losers by the program they lose most in: 低保 dibao 1 (households)\n');
    const md = jiuzhu(['compare', ...args, '--lang', 'en', '--format', 'markdown']).stdout;
    expect(md).toContain('- winners 受益 2 households, 2 persons (+1,505.00 yuan 元/year)');
    // who pays, in the Markdown as in the table (a briefing pasted the Markdown: its funding lines were missing)
    expect(md).toMatch(/- who pays 分级负担 \(yuan 元\), raise: .*\(Δ \+/);
    // the briefing's table: a row per scenario — Δ of the baseline's 11,050.00 (1,505 ÷ 11,050 = 13.62 %; 660 ÷ 11,050 =
    // 5.97 %), winners and losers as households · persons, and the three levels' Δ, which add up to the Δ; each scenario
    // named by its id and 中文 title
    const row = (id: string) =>
      md
        .split('\n')
        .find((l) => l.startsWith(`| ${id} 方案${id} |`))!
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim());
    expect(row('raise').slice(0, 3)).toEqual(['+1,505.00 (+13.62%)', '2 · 2', '0 · 0']);
    expect(row('cut').slice(0, 3)).toEqual(['−660.00 (−5.97%)', '0 · 0', '1 · 1']);
    const fen = (c: string) => Math.round(Number(c.replace(/[+,]/g, '').replace('−', '-')) * 100);
    expect(
      row('raise')
        .slice(3)
        .map(fen)
        .reduce((a, b) => a + b),
    ).toBe(150_500);
    expect(
      row('cut')
        .slice(3)
        .map(fen)
        .reduce((a, b) => a + b),
    ).toBe(-66_000);
    // the CSV: each row begins with the year, as simulate --year's (a year's CSV told from a date's)
    const csv = jiuzhu(['compare', ...args, '--format', 'csv'])
      .stdout.trimEnd()
      .split('\n');
    expect(csv[0]).toMatch(/^year,policy,scenario,program,households,/);
    expect(csv.slice(1).every((row) => row.startsWith('2025,policies/guangxi-nanning.yaml,'))).toBe(true);
    expect(csv.find((row) => row.startsWith('2025,policies/guangxi-nanning.yaml,raise,total,'))).toContain(',1505.00,');
    // the workbook: the losers by the program they lose most in, a row each (cut: A, on dibao)
    const out = join(d, 'c.xlsx');
    expect(jiuzhu(['compare', ...args, '--format', 'xlsx', '--out', out, '-q']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('受损项目 Losers by program')!;
    expect(ws.getRows(2, ws.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(2))).toEqual([['cut', '低保 dibao', 'dibao', 1]]);
  });

  it('--projection: the projected year, its gainers the rows of simulate --year --projection --per-household', () => {
    const d = dir();
    const rowsFile = join(d, 'rows.csv');
    const run = ['--households', SAMPLE, '--year', '2027', ...PRJ, '--scenario', 'scenarios/tekun-basic-1.6x.yaml'];
    const made = json([...NANNING, ...run]) as ReturnType<typeof json> & { projection?: { id: string; base_year: number } };
    const [, tekun] = made.localities[0]!.scenarios;
    // what the year was grown by, as simulate gives it (JSON `projection`; the Markdown's and table's lines)
    expect(made.projection).toMatchObject({ id: 'guangxi-nanning-4pct', base_year: 2025 });
    const md = jiuzhu(['compare', ...NANNING, ...run, '--format', 'markdown', '--lang', 'en', '-q']).stdout;
    expect(md).toMatch(/^> projection guangxi-nanning-4pct \(scenarios\/projections\/guangxi-nanning-4pct\.yaml\): from 2025/m);
    expect(md).toMatch(/^> {3}dibao\.standard\. \+4% from 1 April each year/m);
    const zh = jiuzhu(['compare', ...NANNING, ...run, '--format', 'markdown', '--lang', 'zh', '-q']).stdout;
    expect(zh).toContain('- 分级负担（元），基线：中央 ');
    const sim = jiuzhu(['simulate', ...NANNING, ...run, '--per-household', rowsFile, '--format', 'json']);
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stderr).not.toContain('rounded to the fen'); // (every row exact: the sums below are the rows')
    // the same year's totals
    const simTotals = (JSON.parse(sim.stdout) as { scenarios: Array<{ total_annual_cost: string }> }).scenarios;
    expect(tekun!.total_annual_cost).toBe(simTotals[1]!.total_annual_cost);
    // each household's change, from the rows: the gainers, their persons and gain, weighted
    const [head, ...lines] = readFileSync(rowsFile, 'utf8').trimEnd().split('\n');
    const col = (name: string) => head!.split(',').indexOf(name);
    const weights = new Map(
      readFileSync(SAMPLE, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((f) => [f[0]!, f]),
    );
    const weightCol = readFileSync(SAMPLE, 'utf8').split('\n')[0]!.split(',').indexOf('weight');
    const year = new Map<string, { base: number; now: number; persons: number }>();
    for (const l of lines) {
      const f = l.split(',');
      const id = f[col('household_id')]!;
      const fen = Math.round(Number(f[col('year_total')]) * 100);
      const y = year.get(id) ?? { base: 0, now: 0, persons: Number(f[col('persons')]) };
      if (f[col('scenario')] === 'baseline') y.base = fen;
      else y.now = fen;
      year.set(id, y);
    }
    // (exactly: the weights have one decimal, so in tenths they are whole; Σ tenths × fen in thousandths of a yuan)
    let [households, persons, gain, unchanged] = [0n, 0n, 0n, 0n];
    for (const [id, y] of year) {
      const w = BigInt(Math.round(Number(weights.get(id)![weightCol]) * 10));
      // (the rows are every household's, evaluated; compare skips those no run gives anything: unchanged, still counted)
      if (y.now === y.base) unchanged += w;
      if (y.now <= y.base) continue;
      [households, persons, gain] = [households + w, persons + w * BigInt(y.persons), gain + w * BigInt(y.now - y.base)];
    }
    const tenths = (v: bigint) => (v % 10n ? `${v / 10n}.${v % 10n}` : `${v / 10n}`);
    const cents = (gain + 5n) / 10n; // (half up, to the fen)
    expect(households).toBeGreaterThan(0n);
    expect(tekun!.winners_losers.gainers).toEqual({
      households: tenths(households),
      persons: tenths(persons),
      amount: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`,
    });
    expect(tekun!.winners_losers.unchanged).toEqual({ households: tenths(unchanged) });
  });

  it('--projection --ranges: each run’s range and who pays’s as simulate --year --projection --ranges gives them; the winners beside them; a Ranges sheet', async () => {
    // (a finance officer's compare workbook had no Ranges sheet: compare refused --ranges with --projection)
    const run = ['--households', SAMPLE, '--year', '2027', ...PRJ, '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--ranges'];
    type Ranged = Run & {
      id: string;
      total_annual_cost_range: { low: string; high: string; delta?: unknown };
      funding: { range: unknown };
    };
    const scenarios = json([...NANNING, ...run]).localities[0]!.scenarios as Ranged[];
    const sim = jiuzhu(['simulate', ...NANNING, ...run, '--format', 'json', '-q']);
    expect(sim.code, sim.stderr).toBe(0);
    const simulated = (JSON.parse(sim.stdout) as { scenarios: Ranged[] }).scenarios;
    expect(scenarios.map((s) => [s.total_annual_cost, s.total_annual_cost_range, s.funding.range])).toEqual(
      simulated.map((s) => [s.total_annual_cost, s.total_annual_cost_range, s.funding.range]),
    );
    expect(Number(scenarios[0]!.total_annual_cost_range.high)).toBeGreaterThan(Number(scenarios[0]!.total_annual_cost));
    expect(scenarios[1]!.total_annual_cost_range.delta).toBeDefined();
    expect(Number(scenarios[1]!.winners_losers.gainers.households)).toBeGreaterThan(0);
    const out = join(dir(), 'r.xlsx');
    const x = jiuzhu(['compare', ...NANNING, ...run, '--format', 'xlsx', '--out', out, '-q']);
    expect(x.code, x.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('区间 Ranges')!;
    // (in yuan, the unit asked for by default: the JSON's low and high)
    const cells = ws.getRows(2, ws.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(2, 6));
    expect(cells).toEqual(
      scenarios.map((s) => [
        s.id,
        Number(s.total_annual_cost),
        Number(s.total_annual_cost_range.low),
        Number(s.total_annual_cost_range.high),
      ]),
    );
  });

  it('the same figures on one thread or three (every household range on a worker), two localities at once', () => {
    const args = ['compare', ...NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, '--year', '2025'];
    const more = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--format', 'json'];
    const on = (threads: string) =>
      jiuzhu([...args, ...more], {
        env: { JIUZHU_THREADS: threads, JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0', JIUZHU_PARALLEL_FROM_BYTES: '0' },
      });
    const [one, three] = [on('1'), on('3')];
    expect(one.code, one.stderr).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    // each locality's scenario against its own baseline: Fuliang's winners are Fuliang's (the runs' years in one pass)
    const [nanning, fuliang] = (JSON.parse(one.stdout) as { localities: Array<{ scenarios: Run[] }> }).localities;
    expect(nanning!.scenarios[1]!.winners_losers.gainers).not.toEqual(fuliang!.scenarios[1]!.winners_losers.gainers);
    // every loser counted once, by the program it loses most in
    for (const l of [nanning!, fuliang!]) {
      const s = l.scenarios[1]!;
      const by = Object.values(s.losers_by_program!).reduce((a, b) => a + Number(b), 0);
      expect(by).toBeCloseTo(Number(s.winners_losers.losers.households), 6);
    }
    expect(Object.keys(nanning!.scenarios[1]!.losers_by_program!).length).toBeGreaterThan(0);
    // Fuliang's years against Nanning's, household by household: every household counted — those no run gives anything
    // (unchanged at 0, not evaluated) too, as in each locality's own changes
    const all = (r: Run) => Number(r.by_area.urban.households) + Number(r.by_area.rural.households);
    const everyone = all(fuliang!.scenarios[1]!);
    const against = (JSON.parse(one.stdout) as { localities: Array<{ against_first: Run }> }).localities[1]!.against_first;
    const wl = against.winners_losers;
    expect(all(against)).toBeCloseTo(everyone, 6);
    expect(Number(wl.gainers.households) + Number(wl.losers.households) + Number(wl.unchanged.households)).toBeCloseTo(everyone, 6);
    expect(all(nanning!.scenarios[1]!)).toBeCloseTo(everyone, 6);
    // the table names the three programs most lost in, and how many more there are (an auditor took three for all)
    const lost = Object.keys(against.losers_by_program!).length;
    expect(lost).toBeGreaterThan(3);
    const text = jiuzhu([...args, '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--lang', 'en']).stdout;
    expect(text).toContain(` · ${lost - 3} more (JSON, workbook) (households) — between localities`);
    const fl = jiuzhu(['compare', '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, '--year', '2025', ...more]);
    expect((JSON.parse(fl.stdout) as { localities: Array<{ scenarios: Run[] }> }).localities[0]!.scenarios[1]!.winners_losers).toEqual(
      fuliang!.scenarios[1]!.winners_losers,
    );
  });

  it('refuses what it cannot give, before reading anything: two localities or html with --projection; --projection without --year', () => {
    const base = ['compare', ...NANNING, '--households', SAMPLE];
    const two = jiuzhu([...base, '--policy', 'policies/jiangxi-fuliang.yaml', '--year', '2027', ...PRJ]);
    expect([two.code, two.stderr]).toEqual([2, expect.stringContaining('--projection grows one locality')]);
    const html = jiuzhu([...base, '--year', '2027', ...PRJ, '--format', 'html', '--out', join(dir(), 'r.html')]);
    expect([html.code, html.stderr]).toEqual([2, expect.stringContaining('jiuzhu report --year Y --projection P')]);
    const noYear = jiuzhu([...base, '--date', '2025-06-30', ...PRJ]);
    expect([noYear.code, noYear.stderr]).toEqual([2, expect.stringContaining('--projection goes with --year')]);
  });
});
