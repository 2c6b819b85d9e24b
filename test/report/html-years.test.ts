// jiuzhu report --years (and simulate --years --format html): the three-year budget as one HTML file, its figures the
// same as simulate --years --ranges' JSON (each run's total each year and over the window, a scenario's Δ, each
// total's range, who pays at each level), every program in the stacked chart's legend, refused where it cannot be.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/core/funding.js';
import { D } from '../../src/core/money.js';
import { isCash, PROGRAMS, programLabel } from '../../src/core/programs/index.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-report-years-'));
const ARGS = [
  '--policy',
  'policies/guangxi-nanning.yaml',
  '--households',
  SAMPLE,
  '--years',
  '2027-2029',
  '--projection',
  'scenarios/projections/guangxi-nanning-4pct.yaml',
  '--scenario',
  'scenarios/tekun-basic-1.6x.yaml',
];
/** A table's rows, each row's data-yuan values (the exact yuan a money cell carries). */
const yuanRows = (table: string) =>
  [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((row) => [...row[1]!.matchAll(/data-yuan="([^"]*)"/g)].map((m) => m[1]!));
const wan = (yuan: string) => D(yuan).dividedBy(10_000).toFixed(2);
const grouped = (x: string) => x.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('jiuzhu report --years 2027-2029 --projection (Nanning, baseline + tekun 1.6×)', () => {
  const out = join(dir, 'budget.html');
  const r = jiuzhu(['report', ...ARGS, '--unit', '万元', '--out', out]); // (as the outputs print the unit: it was refused)
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const json = JSON.parse(jiuzhu(['simulate', ...ARGS, '--ranges', '--format', 'json', '--quiet']).stdout);
  const [base, sc] = json.scenarios;

  it('writes one HTML file with the seven sections, and says what the run says of its policy on stderr', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out} (`);
    // (Nanning's newest standards are 2022's: older than the projection's base year)
    expect(r.stderr).toContain(
      "2023–2025 taken as unchanged (an estimate ranged from no raise to a raise at the rate's high, +6%, each year: --ranges and sensitivity vary it), then grown",
    );
    expect(html).toContain('2023–2025 taken as unchanged (an estimate ranged from no raise to a raise at the rate&#39;s high, +6%');
    expect([...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map((m) => m[2])).toEqual([
      '1 结果摘要 Headline',
      '2 图表 Charts',
      '3 各年度 Year by year',
      '4 预测假设 How the years are projected',
      '5 估计参数 The estimates each year rests on',
      '6 参数与来源 Every parameter each year and where it comes from',
      '7 如何生成 How this report was made',
    ]);
    expect(html).toContain('Social assistance: budget years 2027–2029');
  });

  it("gives each run's total each year and over the window, the scenario's Δ each year, to the fen of simulate --years' JSON", () => {
    const table = /<table id="totals">[\s\S]*?<\/table>/.exec(html)![0];
    const rows = yuanRows(table).filter((row) => row.length);
    type Year = { total_annual_cost: string; total_annual_cost_exact: string };
    // baseline: three years and the window; the scenario: the same; its Δ each year and over the window (a trial read a
    // lone window Δ as a year's)
    expect(rows[0]).toEqual([...base.years.map((y: Year) => y.total_annual_cost), base.total_annual_cost]);
    expect(rows[1]).toEqual([...sc.years.map((y: Year) => y.total_annual_cost), sc.total_annual_cost]);
    const exact = (a: Year, b: Year) => D(b.total_annual_cost_exact).minus(a.total_annual_cost_exact).toFixed(2);
    expect(rows[2]).toEqual([...sc.years.map((y: Year, k: number) => exact(base.years[k], y)), exact(base, sc)]);
    expect(rows[2]!.every((d) => D(d).gt(0))).toBe(true); // (1.6 × S for tekun costs more)
    // each total's range, in 万元 as the page's unit, the window's the years' added
    for (const s of [base, sc]) {
      const [lo, hi] = [s.total_annual_cost_range.low, s.total_annual_cost_range.high];
      expect(table).toContain(`${grouped(wan(lo))} – ${grouped(wan(hi))}`);
      const y = s.years[1].total_annual_cost_range;
      expect(table).toContain(`${grouped(wan(y.low))} – ${grouped(wan(y.high))}`);
    }
  });

  it("gives the Δ's range: the lowest and highest Δ of the runs made, around every estimate's ends as sensitivity gives them", () => {
    const d = sc.years[0].total_annual_cost_range.delta;
    const central = D(sc.years[0].total_delta.annual_cost);
    // Nanning's tekun multiplier is an estimate, 1.3 (range 1.3–1.6): at its high end the baseline pays 1.6 × S too and
    // the reform costs nothing; under no values does it take money away, so its low end is 0 exactly (the changes
    // added, it had been a few 万元 below)
    expect(d.low).toBe('0.00');
    expect(D(d.high).gte(central)).toBe(true);
    // every estimate's Δ at each end, from sensitivity --year 2027, lies within it (the corners may reach further)
    const sens = JSON.parse(
      jiuzhu(['sensitivity', ...ARGS.filter((a) => a !== '--years' && a !== '2027-2029'), '--year', '2027', '--format', 'json', '-q'])
        .stdout,
    );
    const ends = sens.estimates.flatMap((e: { scenarios: Array<{ delta_low: string; delta_high: string }> }) => [
      D(e.scenarios[0]!.delta_low),
      D(e.scenarios[0]!.delta_high),
    ]);
    expect(D(d.low).eq(D.min(...ends))).toBe(true);
    expect(D(d.high).gte(D.max(...ends))).toBe(true);
    const table = /<table id="totals">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toContain('Δ range 区间 †');
    expect(html).toContain('不是置信区间');
    // the projection's rates with a range are in the band, in Chinese as in English (the Chinese had said they were not:
    // a finance officer's trial)
    expect(html).toContain('预测中有区间的增长率本身是一项估计');
    expect(html).toContain('rate with a range is an estimate of its own');
    expect(html).not.toContain('预测增长率本身不在其中');
  });

  it('gives who pays at each level each year, as the JSON', () => {
    const section = html.slice(html.indexOf('id="years"'), html.indexOf('id="projection"'));
    const funding = [...section.matchAll(/<table>\s*<thead><tr><th scope="col">who pays[\s\S]*?<\/table>/g)].map((m) => yuanRows(m[0]));
    expect(funding).toHaveLength(2);
    for (const [i, s] of [base, sc].entries())
      LEVELS.forEach((l, k) =>
        expect(funding[i]![k]!.slice(0, 3)).toEqual(s.years.map((y: { funding: Record<string, string> }) => y.funding[l])),
      );
  });

  it("draws three charts; the stacked chart's legend names every program with a cost (a paged legend hid most)", () => {
    expect([...html.matchAll(/<figure class="chart" id="([^"]+)">/g)].map((m) => m[1])).toEqual([
      'chart-totals',
      'chart-programs',
      'chart-funding',
    ]);
    const svg = /<figure class="chart" id="chart-programs">([\s\S]*?)<\/figure>/.exec(html)![1]!;
    const costly = PROGRAMS.filter(isCash).filter((p) => D(base.years[0].programs[p.id].annual_cost).gt(0));
    expect(costly.length).toBeGreaterThan(8);
    for (const p of costly) expect(svg, programLabel(p)).toContain(`>${programLabel(p)}<`);
    expect(svg).not.toMatch(/>\d+\/\d+</); // (a paged legend's "1/4": its other pages cannot be turned in a static SVG)
  });

  it('lists each estimate once with the years it is in force, a basis set to wrap (not as a figure)', () => {
    const table = /<h2 id="estimates">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toMatch(/<th scope="row">dibao\.assets\.limit_months<\/th><td class="num">2027–2029<\/td><td class="num">24<\/td>/);
    // a projected standard raised on 1 April each year (+4 %): January's and April's values in each year, each once
    // with the years it is in force — 810 × 1.04 = 842.40; × 1.04 = 876.10 (876.096); 911.14 (911.144); 947.59 (947.5856)
    const urban = [
      ...table.matchAll(/<th scope="row">dibao\.standard\.urban<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td>/g),
    ];
    expect(urban.map((m) => [m[1], m[2]])).toEqual([
      ['2027', '842.4'],
      ['2027–2028', '876.1'],
      ['2028–2029', '911.14'],
      ['2029', '947.59'],
    ]);
    expect(table).not.toMatch(/<td class="num">[^<]*[a-z]{4,}[^<]*<\/td>/);
  });

  it('gives simulate --years --format html the same page, in 万元 as report is (but the command that made it)', () => {
    const s = jiuzhu(['simulate', ...ARGS, '--format', 'html', '--quiet']);
    expect(s.code, s.stderr).toBe(0);
    const cut = (h: string) => h.slice(0, h.indexOf('<h2 id="made">'));
    expect(cut(s.stdout)).toBe(cut(html));
  });
});

describe('one budget year, a scenario the baseline already has (Nanning: low-income at 2 × S)', () => {
  const one = [
    '--policy',
    'policies/guangxi-nanning.yaml',
    '--households',
    SAMPLE,
    '--years',
    '2027-2027',
    '--scenario',
    'scenarios/low-income-2x.yaml',
  ];
  const out = join(dir, 'one.html');
  const r = jiuzhu(['report', ...one, '--out', out, '--quiet']);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const NOTE = 'scenario low-income-2x changes no parameter in 2027: the baseline already has its values';

  it('is titled a budget year, says on the page why its Δ is 0, and gives the caseloads', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(html).toContain('<h1>社会救助 2027 预算年度<br>Social assistance: budget year 2027</h1>');
    expect(html).toContain(NOTE); // (a trial's page showed Δ 0 bare: the note was on stderr only)
    expect(html).toMatch(/<th scope="col">caseload 户 \/ 人 households \/ persons<\/th><th scope="col">2027<\/th>/);
    expect(html).toContain('600 households in the file, standing for 179,341 households and 506,535 persons');
  });

  it('gives the note in JSON, and on stderr with the workbook too', () => {
    const json = JSON.parse(jiuzhu(['simulate', ...one, '--format', 'json', '--quiet']).stdout);
    expect(json.notes.some((n: string) => n.startsWith(NOTE))).toBe(true);
    const x = jiuzhu(['simulate', ...one, '--format', 'xlsx', '--out', join(dir, 'one.xlsx')]);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stderr).toContain(`note: ${NOTE}`);
  });
});

describe('report --year 2028 --projection: the budget year grown, as simulate --year --projection gives it', () => {
  it("is the budget years' report of that one year, its total the JSON's (a trial's report --year refused it)", () => {
    const one = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--year', '2028', '--projection', ARGS[7]!];
    const out = join(dir, 'one.html');
    const r = jiuzhu(['report', ...one, '--unit', 'yuan', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const total = JSON.parse(jiuzhu(['simulate', ...one, '--format', 'json', '--quiet']).stdout).scenarios[0].total_annual_cost;
    expect(html).toContain('budget year 2028');
    expect(html).toContain(`data-yuan="${total}"`);
    // simulate --format html is the same page (it routed --year to the date page and dropped the projection: a review)
    const page = jiuzhu(['simulate', ...one, '--format', 'html', '--unit', 'yuan', '--quiet']).stdout;
    expect(page).toContain(`data-yuan="${total}"`);
    // --ranges asks what the page holds: taken (a re-trial was told to leave it out), the same page
    const ranged = jiuzhu(['simulate', ...one, '--format', 'html', '--unit', 'yuan', '--ranges', '--quiet']);
    expect(ranged.code, ranged.stderr).toBe(0);
    expect(ranged.stdout.replace(/ --ranges(?= --quiet<)/, '').replace(/<td class="mono">20\d\d-\d\d-\d\dT[^<]*</, '')).toBe(
      page.replace(/<td class="mono">20\d\d-\d\d-\d\dT[^<]*</, ''),
    );
    // (a grown year: 2028's total is not the unprojected year's)
    const plain = JSON.parse(jiuzhu(['simulate', ...one.slice(0, 6), '--format', 'json', '--quiet']).stdout).scenarios[0];
    expect(plain.total_annual_cost).not.toBe(total);
  });
});

describe('report --years: what it cannot do', () => {
  it('takes one locality, and --projection only with --year or --years', () => {
    const two = jiuzhu(['report', ...ARGS, '--policy', 'policies/jiangxi-fuliang.yaml', '--out', join(dir, 'two.html')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--years reports one locality');
    const lone = jiuzhu([
      'report',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--projection',
      ARGS[7]!,
      '--out',
      join(dir, 'p.html'),
    ]);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('--projection goes with --years or --year');
    const twoYear = jiuzhu([
      'report',
      ...ARGS.slice(0, 4),
      '--year',
      '2028',
      ...ARGS.slice(6, 8),
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--out',
      join(dir, 'y.html'),
    ]);
    expect([twoYear.code, twoYear.stderr]).toEqual([2, expect.stringContaining('--year with --projection reports one locality')]);
    expect(['two.html', 'p.html', 'y.html'].some((f) => existsSync(join(dir, f)))).toBe(false);
  });
});
