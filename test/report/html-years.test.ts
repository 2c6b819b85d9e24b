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
    expect(r.stderr).toContain('2023–2025 taken as unchanged, then grown');
    expect(html).toContain('2023–2025 taken as unchanged, then grown');
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

  it("gives each run's total each year and over the window, the scenario's Δ, to the fen of simulate --years' JSON", () => {
    const table = /<table id="totals">[\s\S]*?<\/table>/.exec(html)![0];
    const rows = yuanRows(table).filter((row) => row.length);
    // baseline: three years and the window; the scenario: the same and its Δ over the window
    expect(rows[0]).toEqual([...base.years.map((y: { total_annual_cost: string }) => y.total_annual_cost), base.total_annual_cost]);
    expect(rows[1]).toEqual([
      ...sc.years.map((y: { total_annual_cost: string }) => y.total_annual_cost),
      sc.total_annual_cost,
      D(sc.total_annual_cost_exact).minus(base.total_annual_cost_exact).toFixed(2),
    ]);
    expect(D(rows[1]![4]!).gt(0)).toBe(true); // (1.6 × S for tekun costs more)
    // each total's range, in 万元 as the page's unit, the window's the years' added
    for (const s of [base, sc]) {
      const [lo, hi] = [s.total_annual_cost_range.low, s.total_annual_cost_range.high];
      expect(table).toContain(`${grouped(wan(lo))} – ${grouped(wan(hi))}`);
      const y = s.years[1].total_annual_cost_range;
      expect(table).toContain(`${grouped(wan(y.low))} – ${grouped(wan(y.high))}`);
    }
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

  it('gives simulate --years --format html the same page (but the command that made it)', () => {
    const s = jiuzhu(['simulate', ...ARGS, '--format', 'html', '--unit', 'wan', '--quiet']);
    expect(s.code, s.stderr).toBe(0);
    const cut = (h: string) => h.slice(0, h.indexOf('<h2 id="made">'));
    expect(cut(s.stdout)).toBe(cut(html));
  });
});

describe('report --years: what it cannot do', () => {
  it('takes one locality, and --projection only with --years', () => {
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
    expect(lone.stderr).toContain('--projection goes with --years');
    expect(existsSync(join(dir, 'two.html')) || existsSync(join(dir, 'p.html'))).toBe(false);
  });
});
