// jiuzhu report (issue 19): one self-contained HTML file from the bundled sample — its sections, one SVG per chart,
// the headline's numbers equal to compare's (and simulate --year's) JSON, nothing fetched from a network, written
// atomically and never over an input; simulate and compare --format html give the same report.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCash, PROGRAMS, programLabel } from '../../src/core/programs/index.js';
import { D } from '../../src/core/money.js';
import { groupCount, groupDigits } from '../../src/report/text-table.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-report-'));
const POLICIES = ['--policy', 'policies/guangxi-nanning.yaml', '--policy', 'policies/jiangxi-fuliang.yaml'];
const SCENARIOS = ['--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--scenario', 'scenarios/low-income-2x.yaml'];
/** The cash programs, in the program table's order (the headline's rows). */
const CASH = PROGRAMS.filter(isCash).map((p) => p.id);

/** The data-yuan values of a headline table, row by row. */
function headline(html: string, n: number): string[][] {
  const t = new RegExp(`<table id="headline-${n}"[\\s\\S]*?</table>`).exec(html);
  expect(t, `headline table ${n}`).not.toBeNull();
  return [...t![0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) => [...row[1]!.matchAll(/data-yuan="([^"]*)"/g)].map((m) => m[1]!));
}

/** Each chart's figure and its SVG count. */
const figures = (html: string) =>
  [...html.matchAll(/<figure class="chart" id="([^"]+)">([\s\S]*?)<\/figure>/g)].map((m) => ({
    id: m[1]!,
    svgs: (m[2]!.match(/<svg /g) ?? []).length,
  }));

describe('jiuzhu report at a date: 2 localities × (baseline + 2 scenarios)', () => {
  const out = join(dir, 'report.html');
  const r = jiuzhu(['report', ...POLICIES, ...SCENARIOS, '--households', SAMPLE, '--date', '2025-06-30', '--unit', 'yuan', '--out', out]);
  const html = existsSync(out) ? readFileSync(out, 'utf8') : '';

  it('writes one HTML file with the six sections, bilingual headings', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${out} (`); // (a finance trial: report --out wrote without a word)
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect([...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map((m) => m[2])).toEqual([
      '1 结果摘要 Headline',
      '2 图表 Charts',
      '3 参数差异 Parameters that differ',
      '4 估计参数 Estimates and how far each moves the cost',
      '5 参数与来源 Every parameter in force and where it comes from',
      '6 如何生成 How this report was made',
    ]);
    // under each locality's headline, as under every table: its parts need not add to its 合计 (a reader found a fen)
    expect(html.match(/<p class="note">分项数因四舍五入，与合计可能略有出入 parts are rounded each on its own/g)).toHaveLength(2);
  });

  // An author's trial grepped a report for the sources of its own standards: none was named (only in the workbook)
  it('lists every parameter in force with its source, per locality, as jiuzhu params traces it', () => {
    expect(html).toContain('<details><summary>广西壮族自治区·南宁市 Guangxi / Nanning: ');
    const row = /<tr><th scope="row">dibao\.standard\.urban<\/th>(.*?)<\/tr>/.exec(html.slice(html.indexOf('id="sources"')))![1]!;
    expect(row).toContain('<td class="num">810</td>');
    expect(row).toContain('<td class="num">2022-04-01</td><td class="txt">nanning-2022</td>');
    expect(row).toContain('《南宁市人民政府关于提高全市城乡居民最低生活保障标准和补助水平的通知》');
    expect(row).toContain('http://www.nanninghotline.com/ml/shenghuo/75421.html');
    // an estimate is marked, and points to its basis in section 4
    expect(html).toMatch(/<th scope="row">dibao\.assets\.limit_months<\/th><td class="num">24 \*<\/td>/);
    expect((html.match(/<details><summary>[^<]*: \d+ parameters, each with its source<\/summary>/g) ?? []).length).toBe(2);
  });

  // A budget trial found the standards' age said only on stderr (and not with --quiet): the report says it too
  it('says under the headline what the run says of a policy: Nanning’s standards carried forward three years', () => {
    expect(html).toMatch(
      /<p class="note est">note: policies\/guangxi-nanning\.yaml: the newest dibao standards it gives \(urban 810 from 2022-04-01, rural 566\.67 from 2022-04-01\) are 3\+ years older than 2025-06-30: carried forward unchanged/,
    );
  });

  // A finance trial's page under --lang zh (its headings bilingual) had its notes in English, where its workbook had them
  // in 中文: the notes follow --lang (or the locale) as in a table, Markdown and workbook
  it('says them in 中文 under --lang zh', () => {
    const zh = join(dir, 'zh.html');
    const z = jiuzhu(
      ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', '2025-06-30'].concat([
        '--format',
        'html',
        '--lang',
        'zh',
        '--out',
        zh,
        '-q',
      ]),
    );
    expect(z.code, z.stderr).toBe(0);
    const page = readFileSync(zh, 'utf8');
    expect(page).toMatch(/<p class="note est">注：policies\/guangxi-nanning\.yaml 中最新的低保标准/);
    expect(page).not.toContain('the newest dibao standards it gives');
  });

  // A researcher saw `single_person.income_ceiling 1.5 | 1.5 *` listed as differing: the same value, estimated in one.
  it('lists between the localities only parameters whose values differ (not ones that differ only in being estimates)', () => {
    const t = /<h3>Between the localities[\s\S]*?<\/table>/.exec(html);
    expect(t).not.toBeNull();
    const rows = [...t![0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((row) => [...row[1]!.matchAll(/<t([hd])( scope="row")?[^>]*>([\s\S]*?)<\/t[hd]>/g)].filter((c) => c[1] === 'd' || c[2]))
      .map((cells) => cells.map((c) => c[3]!.replace(/ \*$/, '')))
      .filter((cells) => cells.length);
    expect(rows.length).toBeGreaterThan(5);
    for (const [path, a, b] of rows) expect(a, path).not.toBe(b);
    expect(rows.map((r) => r[0])).toContain('dibao.standard.urban');
  });

  it('has one SVG per chart, every chart each locality should have', () => {
    const f = figures(html);
    expect(f.every((x) => x.svgs === 1)).toBe(true);
    // every tag of every chart well formed, each attribute's value quoted whole (a chart's style="font-family:"PingFang
    // SC", …" ended at the family's quote: saved as .svg it did not parse)
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(10);
    for (const svg of svgs)
      for (const [tag, attrs] of svg.matchAll(/<[a-zA-Z][\w:-]*((?:[^>"]|"[^"]*")*)>/g))
        expect(attrs!, tag!.slice(0, 160)).toMatch(/^(\s+[\w:.-]+="[^"<]*")*\s*\/?$/);
    for (const l of [1, 2])
      for (const kind of [
        'cost',
        'winners',
        'flows-tekun-basic-1.6x',
        'flows-low-income-2x',
        'deciles',
        'area',
        'funding',
        'cliff',
        'rates',
        'tornado',
      ])
        expect(f.map((x) => x.id)).toContain(`c${l}-${kind}`);
    expect((html.match(/<svg /g) ?? []).length).toBe(f.length);
  });

  // A journalist's trial: a county's report drew an urban family's cliff, on an axis from 2,000 with its label in English
  it('draws the reference family of the area where most of the population’s weight lives, from 0, labelled in both languages', () => {
    const rows = readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const weight = new Map(rows.map((r) => [r[0], [r[3], Number(r[16])] as const]));
    const rural = [...weight.values()].reduce((x, [area, w]) => x + (area === 'rural' ? w : 0), 0);
    const all = [...weight.values()].reduce((x, [, w]) => x + w, 0);
    const area = rural * 2 > all ? '农村 rural' : '城镇 urban';
    expect(html).toContain(`悬崖效应 — 参考家庭 reference family (two adults of 40 and 38, a child of 10, ${area})`);
    const cliff = /<figure class="chart" id="c1-cliff">([\s\S]*?)<\/figure>/.exec(html)![1]!;
    expect(cliff).toContain('月收入与救助 resources a month (yuan)');
    // the y axis's labels begin at 0
    expect(cliff).toMatch(/>0<\/text>/);
    // each cliff named on its line by its drop a month (a researcher's −37.50 was a notch no one saw): Nanning urban,
    // S × 3 = 2,430.00, where dibao ends with the minor supplement (81.00) and the dibao group's premium subsidy
    // falls to the low-income group's (−113.50 in all, as cliff says); the low-income line 2 × 2,430.00 = 4,860.00
    // (001（一）), where the low-income group's subsidy ends (−37.49)
    expect(area).toBe('城镇 urban');
    // (once: neither scenario moves them for this family, and a run's cliff the baseline has is the baseline's mark)
    expect([...cliff.matchAll(/>(−[\d,.]+)<\/text>/g)].map((m) => m[1])).toEqual(['−113.50', '−37.49']);
    // a county's population, mostly rural: a rural family
    const county = join(dir, 'county.csv');
    writeFileSync(county, 'household_id,person_id,age,area,weight\nR1,R1-1,40,rural,3\nU1,U1-1,40,urban,2\n');
    const out = join(dir, 'county.html');
    const fuliang = ['--policy', 'policies/jiangxi-fuliang.yaml', '--date', '2025-06-30'];
    const r = jiuzhu(['report', ...fuliang, '--households', county, '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('a child of 10, 农村 rural)');
  });

  // A finance trial's reform (Nanning's low-income line 2 → 1.5 × S: 62 % fewer dibao-edge households) showed nothing
  // in the report: its headline is money, and 低保边缘 pays none.
  it('gives each program’s caseload in every run, as compare’s JSON counts it, and its change', () => {
    const json = JSON.parse(
      jiuzhu(['compare', ...POLICIES, ...SCENARIOS, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json']).stdout,
    );
    json.localities.forEach((l: { scenarios: Array<{ programs: Record<string, { households: string }> }> }, i: number) => {
      const t = new RegExp(`<table id="caseloads-${i + 1}"[\\s\\S]*?</table>`).exec(html);
      expect(t, `caseloads ${i + 1}`).not.toBeNull();
      const rows = [...t![0].matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)].map((m) => [
        m[1],
        ...[...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]).slice(0, l.scenarios.length),
      ]);
      expect(rows).toEqual(PROGRAMS.map((p) => [programLabel(p), ...l.scenarios.map((s) => groupCount(s.programs[p.id]!.households))]));
    });
    // Fuliang's line is 1.5 × S: low-income-2x (the third run) adds households, told with its share
    const fuliang = /<table id="caseloads-2"[\s\S]*?<\/table>/.exec(html)![0];
    expect(fuliang).toMatch(
      /<th scope="row">低保边缘 low-income<\/th>(<td[^>]*>[^<]*<\/td>){4}<td class="num up">\+[\d,]+ \(\+\d+\.\d\d%\)<\/td>/,
    );
  });

  // A Guangzhou trial's pack: who pays was a stacked chart without labels; the director could not read the province's
  // share of a reform
  it('gives who pays at each level in every run, and a scenario’s change at each level, as compare’s JSON', () => {
    const json = JSON.parse(
      jiuzhu(['compare', ...POLICIES, ...SCENARIOS, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json']).stdout,
    );
    type Run = { funding: Record<string, string> & { delta?: Record<string, string> } };
    json.localities.forEach((l: { scenarios: Run[] }, i: number) => {
      const t = new RegExp(`<table id="funding-${i + 1}"[\\s\\S]*?</table>`).exec(html);
      expect(t, `funding ${i + 1}`).not.toBeNull();
      const rows = [...t![0].matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)]
        .filter((m) => !m[1]!.includes('区间'))
        .map((m) => [...m[2]!.matchAll(/data-yuan="([^"]*)"/g)].map((c) => c[1]));
      expect(rows).toEqual(
        ['central', 'provincial', 'local'].map((lv) => [
          ...l.scenarios.map((s) => s.funding[lv]),
          ...l.scenarios.slice(1).map((s) => s.funding.delta![lv]),
        ]),
      );
      // where the shares are estimates, each level's range row gives the scenarios' Δ ranges too (JSON range.delta)
      const ranged = [...t![0].matchAll(/<tr><th scope="row">([^<]*区间[^<]*)<\/th>(.*?)<\/tr>/g)].map((m) =>
        [...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]),
      );
      const deltas = l.scenarios.slice(1).map((s) => (s.funding as unknown as { range?: { delta?: unknown } }).range?.delta);
      expect(deltas.every((d) => d)).toBe(true); // (every share of both localities is an estimate)
      expect(ranged).toHaveLength(3);
      for (const row of ranged) expect(row.slice(l.scenarios.length).map((c) => c!.includes('–'))).toEqual(deltas.map(() => true));
    });
  });

  it('its headline numbers are compare’s JSON, exactly: every cash program, the total, and the deltas', () => {
    const json = JSON.parse(
      jiuzhu(['compare', ...POLICIES, ...SCENARIOS, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json']).stdout,
    );
    json.localities.forEach(
      (
        l: {
          scenarios: Array<{
            programs: Record<string, { annual_cost: string; delta?: { annual_cost: string } }>;
            total_annual_cost: string;
            total_delta?: { annual_cost: string };
          }>;
        },
        i: number,
      ) => {
        const rows = headline(html, i + 1);
        const expected = [
          ...CASH.map((p) => [
            ...l.scenarios.map((s) => s.programs[p]!.annual_cost),
            ...l.scenarios.slice(1).map((s) => s.programs[p]!.delta!.annual_cost),
          ]),
          [...l.scenarios.map((s) => s.total_annual_cost), ...l.scenarios.slice(1).map((s) => s.total_delta!.annual_cost)],
        ];
        expect(rows.slice(0, expected.length)).toEqual(expected);
      },
    );
  });

  // A finance trial: the report at a date gave the baseline's range alone; compare --ranges gives every run's
  it('its range row is every run’s range and each scenario’s Δ range, as compare --ranges’ JSON', () => {
    const json = JSON.parse(
      jiuzhu(['compare', ...POLICIES, ...SCENARIOS, '--households', SAMPLE, '--date', '2025-06-30', '--ranges', '--format', 'json']).stdout,
    );
    const yuan = (x: string) => groupDigits(D(x).toFixed(2));
    const signedYuan = (x: string) => (D(x).isZero() ? '0' : `${D(x).isNegative() ? '−' : '+'}${yuan(x.replace(/^-/, ''))}`);
    json.localities.forEach(
      (
        l: { scenarios: Array<{ total_annual_cost_range: { low: string; high: string; delta?: { low: string; high: string } } }> },
        i: number,
      ) => {
        const t = new RegExp(`<table id="headline-${i + 1}"[\\s\\S]*?</table>`).exec(html)![0];
        const row = /<tr><th scope="row">区间 range<\/th>(.*?)<\/tr>/.exec(t);
        expect(row, `range row ${i + 1}`).not.toBeNull();
        const cells = [...row![1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
        const r = l.scenarios.map((s) => s.total_annual_cost_range);
        expect(cells).toEqual([
          ...r.map((x) => `${yuan(x.low)} – ${yuan(x.high)}`),
          ...r.slice(1).map((x) => `${signedYuan(x.delta!.low)} – ${signedYuan(x.delta!.high)}`),
        ]);
        // each end's exact yuan beside it, as every figure's (an auditor could check the ranges only by their text)
        const ends = [...row![1]!.matchAll(/<td data-yuan-low="([^"]*)" data-yuan-high="([^"]*)"/g)].map((m) => [m[1], m[2]]);
        expect(ends).toEqual([...r.map((x) => [x.low, x.high]), ...r.slice(1).map((x) => [x.delta!.low, x.delta!.high])]);
      },
    );
  });

  it('opens offline: no script, no link, no external source; the inputs’ SHA-256 and the command are there', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|src=/i);
    // no address outside the sources table, where a document's URL is text to cite (no href: nothing is fetched)
    const sources = /<table class="sources">[\s\S]*?<\/table>/g;
    expect(html.replace(sources, '').replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/href=/i);
    expect(html).toMatch(/<td class="mono">[0-9a-f]{64}<\/td>/);
    expect(html).toContain('jiuzhu report --policy policies/guangxi-nanning.yaml');
    expect(html).toContain('@page { size: A4');
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
  });

  it('never writes over an input, and --out is required', () => {
    const same = jiuzhu(['report', ...POLICIES, '--households', SAMPLE, '--date', '2025-06-30', '--out', SAMPLE]);
    expect([same.code, same.stderr]).toEqual([2, expect.stringContaining('jiuzhu never writes over a file it reads')]);
    expect(jiuzhu(['report', ...POLICIES, '--households', SAMPLE]).code).toBe(2);
  });
});

describe('the budget year and the shorthands', () => {
  it('report --year: the months chart, and the headline equal to simulate --year’s JSON', () => {
    const out = join(dir, 'year.html');
    const P = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--year', '2022'];
    const r = jiuzhu(['report', ...P, '--unit', 'yuan', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(figures(html).map((f) => f.id)).toContain('c1-months');
    const json = JSON.parse(jiuzhu(['simulate', ...P, '--format', 'json']).stdout);
    const rows = headline(html, 1);
    expect(rows.slice(0, CASH.length + 1).map((row) => row[0])).toEqual([
      ...CASH.map((p) => json.scenarios[0].programs[p].annual_cost),
      json.scenarios[0].total_annual_cost,
    ]);
  });

  // A raise from 1 July is not in force in January: the parameters section showed the year's first month, and said
  // "No scenario: the baseline only" beside a headline with the scenario's cost (found by a new-user trial).
  it('report --year: a scenario from July shows its parameters as in force in December', () => {
    const raise = join(dir, 'raise-july.yaml');
    writeFileSync(
      raise,
      'scenario: raise-july\ntitle: {zh: 7月起提高10%, en: +10 % from July}\nreason: test\nchanges:\n' +
        '  dibao.standard.urban: {scale: 1.1, from: 2022-07-01}\n',
    );
    const out = join(dir, 'year-raise.html');
    const r = jiuzhu([
      'report',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--year',
      '2022',
      '--scenario',
      raise,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('scenarios against the baseline (in force in December 2022)');
    expect(html).not.toContain('No scenario: the baseline only');
    // Nanning's urban standard from 2022-04-01 is 810; × 1.1 = 891 from July
    expect(html).toMatch(/<th scope="row">dibao\.standard\.urban<\/th><td class="num">810<\/td><td class="num">891<\/td>/);
  });

  it('simulate and compare --format html are the report', () => {
    const sim = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--date',
      '2025-06-30',
      '--format',
      'html',
    ]);
    expect(sim.code, sim.stderr).toBe(0);
    expect(sim.stdout).toContain('<h2 id="headline">1 结果摘要 Headline</h2>');
    const out = join(dir, 'compare.html');
    const cmp = jiuzhu(['compare', ...POLICIES, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'html', '--out', out]);
    expect(cmp.code, cmp.stderr).toBe(0);
    expect(headline(readFileSync(out, 'utf8'), 2).length).toBeGreaterThan(10);
    // --ranges asks what the page holds: taken (it was refused); --marginal-rates' value has no place on it: refused
    const ranged = jiuzhu(['compare', ...POLICIES, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'html', '--ranges']);
    expect(ranged.code, ranged.stderr).toBe(0);
    const rates = jiuzhu(['compare', ...POLICIES, '--households', SAMPLE, '--format', 'html', '--marginal-rates', '50']);
    expect([rates.code, rates.stderr]).toEqual([2, expect.stringContaining('it has the marginal rates already')]);
  });
});
