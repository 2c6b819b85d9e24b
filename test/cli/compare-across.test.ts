// compare with several localities: each one's baseline against the first's, household by household — who gains and
// who loses when the same households live under another locality's rules. A researcher comparing provinces had to
// join three simulate --per-household files by hand for it (trial R: "no winners and losers between localities").
// Checked here against exactly that join: each household's annual_total under Guangzhou's rules minus Nanning's,
// weighted by the sample's weights, in exact decimals.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const GUANGZHOU = 'policies/guangdong-guangzhou.yaml';
const DATE = '2025-06-30';
/** At a date, each household's annual_total (exact); over a budget year, its year_total (rounded to the fen). */
const WHEN = [
  { when: 'at a date', args: ['--date', DATE], column: 'annual_total', rounded: false },
  // (Nanning raised its standards on 1 April 2022, Guangzhou on 1 July: two periods each, cut at other months)
  { when: 'over a budget year', args: ['--year', '2022'], column: 'year_total', rounded: true },
];

/** A CSV's rows as objects (plain files: no quoted commas). */
const rows = (text: string) => {
  const [head, ...body] = text.trimEnd().split('\n');
  const names = head!.split(',');
  return body.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
};

describe.each(WHEN)('compare $when: a locality against the first, household by household', ({ args, column, rounded }) => {
  const both = ['compare', '--policy', NANNING, '--policy', GUANGZHOU, '--households', SAMPLE, ...args];
  it('gives the winners and losers, areas and deciles the per-household rows give', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-across-'));
    const annual = (policy: string) => {
      const out = join(dir, `${policy.split('/').pop()}.csv`);
      const r = jiuzhu(['simulate', '--policy', policy, '--households', SAMPLE, ...args, '--per-household', out, '-q']);
      expect(r.code, r.stderr).toBe(0);
      return new Map(rows(readFileSync(out, 'utf8')).map((x) => [x.household_id!, D(x[column]!)]));
    };
    const [n, g] = [annual(NANNING), annual(GUANGZHOU)];
    // each household's weight and persons, from the file (a person a row)
    const weight = new Map<string, string>();
    const persons = new Map<string, number>();
    for (const p of rows(readFileSync(SAMPLE, 'utf8'))) {
      weight.set(p.household_id!, p.weight!);
      persons.set(p.household_id!, (persons.get(p.household_id!) ?? 0) + 1);
    }
    let [gainers, gainerPersons, gain, losers, loss, unchanged, entrants, exits] = [D(0), D(0), D(0), D(0), D(0), D(0), D(0), D(0)];
    for (const [id, was] of n) {
      const [now, w] = [g.get(id)!, D(weight.get(id)!)];
      if (now.gt(was)) {
        [gainers, gainerPersons, gain] = [
          gainers.plus(w),
          gainerPersons.plus(w.times(persons.get(id)!)),
          gain.plus(w.times(now.minus(was))),
        ];
        if (was.isZero()) entrants = entrants.plus(w);
      } else if (now.lt(was)) {
        [losers, loss] = [losers.plus(w), loss.plus(w.times(was.minus(now)))];
        if (now.isZero()) exits = exits.plus(w);
      } else unchanged = unchanged.plus(w);
    }
    const r = jiuzhu([...both, '--format', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.localities[0].against_first).toBeUndefined();
    // (over a year, the first year's gradual exit — a stock at the file's date — said as simulate --year says it)
    if (rounded) {
      const exitNote = (notes: string[]) => notes.find((n) => n.startsWith('the gradual exit in 2022 is chiefly'));
      const alone = JSON.parse(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...args, '--format', 'json', '-q']).stdout);
      expect(exitNote(alone.notes)).toBeDefined();
      expect(exitNote(json.notes)).toBe(exitNote(alone.notes));
    }
    const a = json.localities[1].against_first;
    expect(a.locality).toBe('guangxi-nanning');
    const c = a.winners_losers;
    expect(
      [c.gainers.households, c.gainers.persons, c.losers.households, c.unchanged.households, c.entrants.households, c.exits.households].map(
        (x: string) => D(x).toFixed(1),
      ),
    ).toEqual([gainers, gainerPersons, losers, unchanged, entrants, exits].map((x) => x.toFixed(1)));
    expect(gainers.isZero() || losers.isZero()).toBe(false); // (both sides of the comparison are exercised)
    // (a year's rows are rounded to the fen, its sums exact in twelfths of a fen: within half a fen a weighted household)
    const within = rounded ? [...weight.values()].reduce((a, w) => a.plus(w), D(0)).times('0.005') : D('0.005');
    expect(D(c.gainers.amount).minus(gain).abs().lte(within)).toBe(true);
    expect(D(c.losers.amount).minus(loss).abs().lte(within)).toBe(true);
    // the net change is the difference of the two localities' totals (the side-by-side table's)
    const total = (l: number) => D(json.localities[l].scenarios[0].total_annual_cost_exact);
    expect(
      D(c.gainers.amount)
        .minus(c.losers.amount)
        .minus(total(1).minus(total(0)))
        .abs()
        .lte('0.01'),
    ).toBe(true);
    // areas and deciles add to it too
    const byArea = D(a.by_area.urban.delta_annual_cost).plus(a.by_area.rural.delta_annual_cost);
    expect(
      byArea
        .minus(total(1).minus(total(0)))
        .abs()
        .lte('0.02'),
    ).toBe(true);
    expect(a.by_decile).toHaveLength(10);
    // the table and Markdown give it under Guangzhou's, in 中文 too
    const table = jiuzhu(both).stdout;
    const at = table.indexOf("the same households under this baseline against guangxi-nanning's");
    expect(at).toBeGreaterThan(table.indexOf('Guangdong / Guangzhou'));
    expect(table.slice(at)).toMatch(/winners 受益 [\d,]+ households/);
    expect(table.slice(at, table.indexOf('who pays', at))).not.toContain('between layers');
    // (a year's losers by program: why, in the two places' terms — not a reform's step: Guangzhou pays no rigid aid)
    if (rounded) expect(table.slice(at)).toContain('between localities: what each program pays, whether it pays at all');
    expect(table.slice(at)).not.toContain('the aid begins where dibao ends');
    // (over a year, each locality's periods and changes under its heading, as simulate --year gives them: Nanning's
    // standards rose on 1 April 2022, Guangzhou's on 1 July)
    if (rounded) {
      const periods = (t: string) => t.match(/budget year 2022: 2 periods of months that pay alike[^\n]*/g) ?? [];
      expect(periods(table)).toHaveLength(2);
      const alone = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...args]).stdout;
      expect(periods(table)[0]).toBe(periods(alone)[0]);
      expect(table).toContain('2022-04-01 dibao.standard.urban 790 → 810');
    }
    const md = jiuzhu([...both, '--format', 'markdown']).stdout;
    if (rounded) expect(md).toContain('- budget year 2022: 2 periods of months that pay alike');
    expect(md).toContain("**the same households under this baseline against guangxi-nanning's");
    const zh = jiuzhu([...both, '--lang', 'zh']).stdout;
    expect(zh).toContain('同一批家庭：本地区基线较 guangxi-nanning 基线（每户所得之差）');
  });

  it('in the workbook: a row of its own in Winners and Groups, the JSON’s figures', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-across-xlsx-')), 'both.xlsx');
    const r = jiuzhu([...both, '--format', 'xlsx', '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(jiuzhu([...both, '--format', 'json', '-q']).stdout).localities[1].against_first;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const label = "较 guangxi-nanning 基线 against guangxi-nanning's baseline";
    const rowsOf = (sheet: string) =>
      wb
        .getWorksheet(sheet)!
        .getSheetValues()
        .filter((v) => Array.isArray(v) && v[2] === label) as unknown[][];
    const [winners] = rowsOf('受益受损 Winners');
    expect(winners!.slice(1, 6)).toEqual([
      '广东省·广州市 Guangdong / Guangzhou',
      label,
      Number(a.winners_losers.gainers.households),
      Number(a.winners_losers.gainers.persons),
      Number(a.winners_losers.gainers.amount),
    ]);
    const groups = rowsOf('分组 Groups');
    expect(groups).toHaveLength(12); // urban, rural, ten deciles
    expect(groups[0]![9]).toBe(Number(a.by_area.urban.delta_annual_cost));
  });

  it('each scenario against the same scenario in the first locality: the per-household rows’ join, and take-up out of it under full coverage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-across-scenario-'));
    // a generated population: take-up draws, so that the baselines differ by take-up as well as by rules
    const file = join(dir, 'nanning.csv');
    expect(jiuzhu(['generate', '--policy', NANNING, '--households', '2000', '--seed', '4', '--out', file, '-q']).code).toBe(0);
    const scenarios = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--scenario', 'scenarios/full-coverage.yaml'];
    const rowsOf = (policy: string) => {
      const out = join(dir, `${policy.split('/').pop()}.csv`);
      const r = jiuzhu(['simulate', '--policy', policy, '--households', file, ...args, ...scenarios, '--per-household', out, '-q']);
      expect(r.code, r.stderr).toBe(0);
      return rows(readFileSync(out, 'utf8'));
    };
    const [n, g] = [rowsOf(NANNING), rowsOf(GUANGZHOU)];
    const weight = new Map<string, string>(rows(readFileSync(file, 'utf8')).map((p) => [p.household_id!, p.weight!]));
    const on = (...extra: string[]) => [
      'compare',
      '--policy',
      NANNING,
      '--policy',
      GUANGZHOU,
      '--households',
      file,
      ...args,
      ...scenarios,
      ...extra,
    ];
    const r = jiuzhu(on('--format', 'json', '-q'));
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.localities[0].scenarios[1].against_first).toBeUndefined();
    for (const [i, id] of [
      [1, 'dibao-standard-plus-10pct'],
      [2, 'full-coverage'],
    ] as const) {
      const amount = (rs: Array<Record<string, string>>) =>
        new Map(rs.filter((x) => x.scenario === id).map((x) => [x.household_id!, D(x[column]!)]));
      const [was, now] = [amount(n), amount(g)];
      let [gainers, losers, gain] = [D(0), D(0), D(0)];
      for (const [h, a] of was) {
        const [b, w] = [now.get(h)!, D(weight.get(h)!)];
        if (b.gt(a)) [gainers, gain] = [gainers.plus(w), gain.plus(w.times(b.minus(a)))];
        else if (b.lt(a)) losers = losers.plus(w);
      }
      const c = json.localities[1].scenarios[i].against_first;
      expect(c.locality).toBe('guangxi-nanning');
      expect([D(c.winners_losers.gainers.households).toFixed(1), D(c.winners_losers.losers.households).toFixed(1)]).toEqual([
        gainers.toFixed(1),
        losers.toFixed(1),
      ]);
      const within = rounded ? [...weight.values()].reduce((x, w) => x.plus(w), D(0)).times('0.005') : D('0.005');
      expect(D(c.winners_losers.gainers.amount).minus(gain).abs().lte(within)).toBe(true);
    }
    // the baselines' losers are mostly take-up's (Guangzhou's take-up rates are not Nanning's); under full coverage none are
    const takeUp = (a: { winners_losers: { losers_through_take_up: { households: string } } }) =>
      Number(a.winners_losers.losers_through_take_up.households);
    expect(takeUp(json.localities[1].against_first)).toBeGreaterThan(0);
    expect(takeUp(json.localities[1].scenarios[2].against_first)).toBe(0);
    // the table names it
    const table = jiuzhu(on()).stdout;
    expect(table).toContain("the same households under full-coverage here against full-coverage under guangxi-nanning's rules");
  });

  it('is the same on worker threads as on one', () => {
    const json = [...both, '--format', 'json', '-q'];
    const one = JSON.parse(jiuzhu(json, { env: { JIUZHU_THREADS: '1' } }).stdout).localities[1].against_first;
    const two = JSON.parse(jiuzhu(json, { env: { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '1' } }).stdout).localities[1]
      .against_first;
    expect(two).toEqual(one);
  });
});
