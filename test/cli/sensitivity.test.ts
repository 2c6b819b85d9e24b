// jiuzhu sensitivity end to end (issue 18): on each locality's generated population every estimate in force is listed,
// sorted by swing; an end's total equals what simulate gives with that one value set (a scenario that sets it); the
// draws are the same on one thread and two; simulate and compare --ranges carry the same range; every shipped estimate
// has its range (the loader insists; this test says so by name).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { takeUpDibaoWords } from '../../src/report/sensitivity-words.js';
import { D } from '../../src/core/money.js';
import { parsePolicy } from '../../src/io/policy-file.js';
import { displayWidth } from '../../src/report/text-table.js';
import { jiuzhu, POLICIES } from '../helpers/cli.js';

const DATE = ['--date', '2025-06-30'];
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-sensitivity-'));
type Estimate = {
  path: string;
  paths?: string[];
  kind: string;
  low: string;
  high: string;
  total_low: string;
  total_high: string;
  swing: string;
};

describe('every shipped estimate has a range with its basis, or says why it is exact', () => {
  for (const policy of POLICIES)
    it(policy, () => {
      const p = parsePolicy(readFileSync(`policies/${policy}.yaml`, 'utf8'), policy);
      let estimates = 0;
      for (const [path, history] of p.params)
        for (const e of history) {
          if (!e.estimate) continue;
          estimates++;
          expect(e.range?.basis ?? e.exact, `${path} from ${e.from}`).toMatch(/\S{3,}/);
        }
      expect(estimates).toBeGreaterThan(40);
    });
});

describe.each(POLICIES)('%s: sensitivity on its generated population', (policy) => {
  const P = ['--policy', `policies/${policy}.yaml`];
  const file = join(dir, `${policy}.csv`);
  it(
    'lists every estimate in force by swing; the top value estimate’s ends equal simulate with that value set',
    { timeout: 120_000 },
    () => {
      expect(jiuzhu(['generate', ...P, '--households', '4000', '--seed', '2', '--out', file]).code).toBe(0);
      const r = jiuzhu(['sensitivity', ...P, ...DATE, '--households', file, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { central: Array<{ total: string }>; estimates: Estimate[] };
      const swings = out.estimates.map((e) => D(e.swing));
      expect(swings.every((s, i) => i === 0 || s.lessThanOrEqualTo(swings[i - 1]!))).toBe(true);
      expect(swings[0]!.greaterThan(0)).toBe(true);
      // each swing is the exact difference rounded once: within a fen of the figures printed beside it (each rounded
      // apart), as simulate's Δ is of its totals
      const central = D(out.central[0]!.total);
      for (const e of out.estimates) {
        const ends = [central, D(e.total_low), D(e.total_high)];
        expect(
          D(e.swing)
            .minus(D.max(...ends).minus(D.min(...ends)))
            .abs()
            .lessThanOrEqualTo('0.01'),
          e.path,
        ).toBe(true);
      }
      // every estimate params shows in force is there (by its parameter, or among those it sets as one value)
      const inForce = (
        JSON.parse(jiuzhu(['simulate', ...P, ...DATE, '--households', file, '--format', 'json']).stdout) as {
          scenarios: Array<{ estimates: Array<{ path: string }> }>;
        }
      ).scenarios[0]!.estimates.map((e) => e.path);
      const listed = new Set(out.estimates.flatMap((e) => e.paths ?? [e.path]));
      for (const path of inForce) expect(listed.has(path), path).toBe(true);
      // the largest-swing estimate with a value range, at each end, against simulate with that value set
      const top = out.estimates.find((e) => e.kind === 'value')!;
      for (const [end, total] of [
        [top.low, top.total_low],
        [top.high, top.total_high],
      ] as const) {
        const sc = join(dir, `${policy}-${top.path}-${end}.yaml`);
        const changes = (top.paths ?? [top.path]).map((p) => `  ${p}: {set: ${end}}`).join('\n');
        writeFileSync(sc, `scenario: one-value\ntitle: {zh: 一个值, en: one value}\nreason: test\nchanges:\n${changes}\n`);
        const sim = jiuzhu(['simulate', ...P, ...DATE, '--households', file, '--scenario', sc, '--format', 'json']);
        expect(sim.code, sim.stderr).toBe(0);
        expect(JSON.parse(sim.stdout).scenarios[1].total_annual_cost, `${top.path} = ${end}`).toBe(total);
      }
      // simulate --ranges shows the same central total and range as sensitivity
      const ranged = JSON.parse(jiuzhu(['simulate', ...P, ...DATE, '--households', file, '--ranges', '--format', 'json']).stdout);
      expect(ranged.scenarios[0].total_annual_cost).toBe(out.central[0]!.total);
      expect(ranged.scenarios[0].total_annual_cost_range).toMatchObject((out.central[0] as unknown as { range: object }).range);
    },
  );
});

// A finance trial: under a scenario, a choice's total_low came from another value than the "low" it is labelled with
// (the scenario's own smallest), so its delta_low set rounding fen against yuan_nearest. Every run is now at the values
// named: each choice estimate's scenario totals are simulate's with the scenario and that value set.
describe('a choice estimate under a scenario', () => {
  it(
    'gives every run at the values it names low and high, and the Δ its range as simulate --ranges does (Nanning, the standards +10 %)',
    { timeout: 120_000 },
    () => {
      const P = ['--policy', 'policies/guangxi-nanning.yaml', '--households', 'policies/samples/households.csv', ...DATE];
      const scenario = 'scenarios/dibao-standard-plus-10pct.yaml';
      const out = JSON.parse(jiuzhu(['sensitivity', ...P, '--scenario', scenario, '--format', 'json', '-q']).stdout) as {
        estimates: Array<Estimate & { scenarios: Array<{ total_low: string; total_high: string }> }>;
      };
      // the Δ's range, as simulate --ranges gives it (a finance trial held the one-estimate line against that one)
      const ranged = JSON.parse(jiuzhu(['simulate', ...P, '--scenario', scenario, '--ranges', '--format', 'json', '-q']).stdout);
      const delta = (out as unknown as { central: Array<{ range: { delta?: object } }> }).central[1]!.range.delta;
      expect(delta).toEqual(ranged.scenarios[1].total_annual_cost_range.delta);
      const choices = out.estimates.filter((e) => e.kind === 'choice');
      expect(choices.map((e) => e.path)).toContain('rounding');
      for (const e of choices)
        for (const [end, total] of [
          [e.low, e.scenarios[0]!.total_low],
          [e.high, e.scenarios[0]!.total_high],
        ] as const) {
          const sc = join(dir, `choice-${e.path}-${end}.yaml`);
          const set = (e.paths ?? [e.path]).map((p) => `  ${p}: {set: ${end}}`).join('\n');
          writeFileSync(sc, readFileSync(scenario, 'utf8').replace(/^scenario: .*$/m, 'scenario: at-end') + `${set}\n`);
          const sim = jiuzhu(['simulate', ...P, '--scenario', sc, '--format', 'json', '-q']);
          expect(sim.code, sim.stderr).toBe(0);
          expect(JSON.parse(sim.stdout).scenarios[1].total_annual_cost, `${e.path} = ${end}`).toBe(total);
        }
    },
  );
});

// A finance bureau budgets a year in a workbook: the range of each run's total travels there too (it was refused).
// 002 四: the full-care standard 不低于 70 % of the minimum wage, a floor (scenario at_least). Written {set: 0.7}, its Δ
// reached below 0 where Guangzhou's estimated share (0.6–0.8) was above 0.7: −1,160,400.00 on the sample, a cut no
// floor makes (a provincial trial's −165.97 万元)
describe("Nanning's premium subsidy for low-income members: one estimate varies it, not two", () => {
  it('from 2024-10-31 the fixed 150 (70–190) alone: a dibao-edge couple’s 300 a year moves to 140 and 380, no further', () => {
    // 001（七） (gx-2024-34): low-income members' premiums subsidised, modelled as a fixed amount. An urban couple with
    // other income 1,000 each: I = 2,000, not below S × n = 810 × 2 = 1,620, below 1.5 × 1,620 = 2,430 → low-income
    // (step 6); each person min(400, round(0 × 400) + 150) = 150 → 300 a year (step 9); at the fixed amount's ends
    // 2 × 70 = 140 and 2 × 190 = 380. The share varied beside it (0.5) gave min(400, 200 + 150) × 2 = 700: 87 % of the
    // premium, beyond what other provinces pay (fiscal-and-provinces.md §5b) — a special-assistance officer's trial.
    const file = join(dir, 'edge.csv');
    writeFileSync(file, 'household_id,person_id,age,area,other_income,weight\nE,E-1,40,urban,1000,1\nE,E-2,38,urban,1000,1\n');
    const r = jiuzhu(['sensitivity', '--policy', 'policies/guangxi-nanning.yaml', '--households', file, ...DATE, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      central: Array<{ programs: Record<string, string> }>;
      estimates: Array<{ path: string; kind: string; programs?: Record<string, { low: string; high: string }> }>;
    };
    expect(j.central[0]!.programs.medical_premium).toBe('300.00');
    const of = (path: string) => j.estimates.find((e) => e.path === path)!;
    expect(of('medical.fixed.low_income').programs!.medical_premium).toEqual({ low: '140.00', high: '380.00' });
    expect(of('medical.subsidy.low_income').kind).toBe('exact');
    const highest = Math.max(...j.estimates.map((e) => Number(e.programs?.medical_premium?.high ?? 0)));
    expect(highest).toBe(380);
  });
});

describe('a floor (at_least) under estimates', () => {
  it('the tekun care reform’s Δ range begins at 0 in Guangzhou, where {set: 0.7} reached below it', () => {
    const run = (scenario: string) =>
      JSON.parse(
        jiuzhu([
          'simulate',
          '--policy',
          'policies/guangdong-guangzhou.yaml',
          '--households',
          'policies/samples/households.csv',
          ...DATE,
          '--scenario',
          scenario,
          '--ranges',
          '--format',
          'json',
          '--quiet',
        ]).stdout,
      ).scenarios[1].total_annual_cost_range.delta;
    expect(run('scenarios/tekun-care-70pct-min-wage.yaml').low).toBe('0.00');
    const set = join(dir, 'care-set.yaml');
    writeFileSync(set, readFileSync('scenarios/tekun-care-70pct-min-wage.yaml', 'utf8').replace('{at_least: 0.7}', '{set: 0.7}'));
    expect(D(run(set).low).isNegative()).toBe(true);
  });
});

describe('simulate --year --ranges', () => {
  it('gives the budget year’s range that sensitivity --year gives, in JSON, the table and the workbook', async () => {
    const P = ['--policy', 'policies/guangxi-nanning.yaml', '--households', 'policies/samples/households.csv', '--year', '2022'];
    const sens = JSON.parse(jiuzhu(['sensitivity', ...P, '--format', 'json', '--quiet']).stdout);
    const r = jiuzhu(['simulate', ...P, '--ranges', '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--format', 'json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const [base, sc] = JSON.parse(r.stdout).scenarios;
    expect(base.total_annual_cost).toBe(sens.central[0].total);
    expect(base.total_annual_cost_range).toMatchObject(sens.central[0].range);
    expect(D(sc.total_annual_cost_range.low).lessThan(sc.total_annual_cost)).toBe(true);
    expect(D(sc.total_annual_cost_range.high).greaterThan(sc.total_annual_cost)).toBe(true);
    expect(jiuzhu(['simulate', ...P, '--ranges', '--unit', 'wan']).stdout).toMatch(
      /range of the total 区间 \(万元 10k yuan\): [\d,.]+ – [\d,.]+/,
    );
    // the reform's Δ, its range: Nanning's tekun multiplier is an estimate, 1.3 in 1.3–1.6; at 1.6 the baseline pays as the
    // reform does, so the Δ runs down to 0 — in JSON and under the table (a budget trial's Δ stood bare)
    expect(D(sc.total_annual_cost_range.delta.low).isZero()).toBe(true);
    expect(D(sc.total_annual_cost_range.delta.high).gte(sc.total_delta.annual_cost)).toBe(true); // (the rounding estimate at its other end raises it a little)
    const table = jiuzhu(['simulate', ...P, '--ranges', '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--unit', 'yuan', '-q']).stdout;
    const hi = D(sc.total_annual_cost_range.delta.high)
      .toFixed(2)
      .replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
    expect(table).toContain(`range of the Δ vs baseline 较基线区间 (yuan 元): 0 – +${hi}`);
    // in Markdown and in compare's table too (they gave the total's range alone: a cross-format audit)
    const SC = ['--ranges', '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--unit', 'yuan', '-q'];
    expect(jiuzhu(['simulate', ...P, ...SC, '--format', 'markdown']).stdout).toContain(`Range of the Δ vs baseline (yuan 元): 0 – +${hi}.`);
    expect(jiuzhu(['compare', ...P, ...SC]).stdout).toContain(`; its Δ vs baseline 较基线 0 – +${hi}`);
    expect(jiuzhu(['compare', ...P, ...SC, '--format', 'markdown']).stdout).toContain(`; its Δ vs baseline 较基线 0 – +${hi}`);
    const out = join(dir, 'year-ranges.xlsx');
    expect(jiuzhu(['simulate', ...P, '--ranges', '--format', 'xlsx', '--out', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const row = (wb.getWorksheet('区间 Ranges')!.getRow(2).values as unknown[]).slice(1, 5);
    expect(row).toEqual([
      'baseline',
      Number(base.total_annual_cost),
      Number(base.total_annual_cost_range.low),
      Number(base.total_annual_cost_range.high),
    ]);
    // a scenario's row has its Δ's range beside the total's (it was missing from the workbook)
    const scOut = join(dir, 'year-ranges-sc.xlsx');
    expect(
      jiuzhu(['simulate', ...P, '--ranges', '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--format', 'xlsx', '--out', scOut]).code,
    ).toBe(0);
    const scWb = new ExcelJS.Workbook();
    await scWb.xlsx.readFile(scOut);
    const ranges = scWb.getWorksheet('区间 Ranges')!;
    expect((ranges.getRow(3).values as unknown[]).slice(1, 7)).toEqual([
      'tekun-basic-1.6x',
      Number(sc.total_annual_cost),
      Number(sc.total_annual_cost_range.low),
      Number(sc.total_annual_cost_range.high),
      Number(sc.total_annual_cost_range.delta.low),
      Number(sc.total_annual_cost_range.delta.high),
    ]);
    // without --ranges, no such sheet
    expect(jiuzhu(['simulate', ...P, '--format', 'xlsx', '--out', out]).code).toBe(0);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.readFile(out);
    expect(plain.worksheets.map((w) => w.name)).not.toContain('区间 Ranges');
    expect(plain.worksheets.map((w) => w.name)).toContain('总表 Totals');
  });

  // A provincial department compares localities' budget years with their ranges (compare --year --ranges was refused)
  it('compare --year --ranges gives each locality the range simulate --year --ranges gives it, whatever their order', () => {
    const H = ['--households', 'policies/samples/households.csv', '--year', '2022', '--ranges', '--format', 'json', '--quiet'];
    const SC = ['--scenario', 'scenarios/tekun-basic-1.6x.yaml'];
    const [NN, GZ] = ['policies/guangxi-nanning.yaml', 'policies/guangdong-guangzhou.yaml'];
    const alone = (policy: string) =>
      JSON.parse(jiuzhu(['simulate', '--policy', policy, ...H, ...SC]).stdout).scenarios.map((s: { total_annual_cost_range: object }) => ({
        total: (s as { total_annual_cost?: string }).total_annual_cost,
        range: s.total_annual_cost_range,
      }));
    for (const order of [
      [NN, GZ],
      [GZ, NN],
    ]) {
      const r = jiuzhu(['compare', ...order.flatMap((p) => ['--policy', p]), ...H, ...SC]);
      expect(r.code, r.stderr).toBe(0);
      for (const l of JSON.parse(r.stdout).localities as Array<{ policy: string; scenarios: Array<Record<string, unknown>> }>)
        expect(l.scenarios.map((s) => ({ total: s.total_annual_cost, range: s.total_annual_cost_range }))).toEqual(alone(l.policy));
    }
    expect(jiuzhu(['compare', '--policy', NN, '--policy', GZ, ...H.slice(0, -4), '--ranges']).stdout).toMatch(
      /range of the total 区间 \(yuan 元\), baseline: [\d,.]+ – [\d,.]+/,
    );
    expect(jiuzhu(['compare', '--policy', NN, '--policy', GZ, ...H.slice(0, -4), '--ranges', '--format', 'csv']).code).toBe(2);
  });
});

// A budget officer's trial: --ranges left out Fuliang's joint corner of urban 700 beside rural 770 (both estimates, a
// pair validate refuses) as sensitivity does, but said nothing of it: now a note of the report, in every mode.
describe('--ranges says the joint corners it leaves out, as sensitivity does', () => {
  const F = ['--policy', 'policies/jiangxi-fuliang.yaml', '--households', 'policies/samples/households.csv'];
  const SC = ['--scenario', 'scenarios/unify-rural-urban.yaml', '--ranges'];
  const LEFT = /the ranges( in [\w-]+)?: 1 joint corner left out: their estimates' ends together break rural-at-most-urban/;
  it('simulate at a date, for a year and for years (each year its own), in the JSON notes and on stderr', () => {
    for (const [when, many] of [
      [DATE, 1],
      [['--year', '2026'], 1],
      [['--years', '2026-2027'], 2],
    ] as const) {
      const r = jiuzhu(['simulate', ...F, ...when, ...SC, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const notes = (JSON.parse(r.stdout).notes as string[]).filter((n) => LEFT.test(n));
      expect(notes, when.join(' ')).toHaveLength(many);
      if (many > 1) expect(notes.map((n) => n.match(/in (\d{4})/)![1])).toEqual(['2026', '2027']);
      expect(r.stderr).toMatch(LEFT);
    }
    // Nanning's estimates keep its relations at every corner: nothing to say
    const nn = jiuzhu(['simulate', '--policy', 'policies/guangxi-nanning.yaml', ...F.slice(2), ...DATE, ...SC, '--format', 'json']);
    expect(nn.stderr).not.toMatch(/left out/);
  });
  it('compare names the locality; report says it in the page', () => {
    const r = jiuzhu(['compare', ...F, '--policy', 'policies/guangxi-nanning.yaml', ...DATE, ...SC, '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/> Note: the ranges in jiangxi-fuliang: 1 joint corner left out/);
    const out = join(dir, 'left-out.html');
    expect(jiuzhu(['report', ...F, ...DATE, ...SC.slice(0, 2), '--out', out, '--quiet']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(
      /the ranges: 1 joint corner left out: their estimates(’|&#39;|') ends together break rural-at-most-urban/,
    );
  });
});

// The figures a finance bureau forwards beside its budget, in a workbook (sensitivity had none).
describe('sensitivity --format xlsx', () => {
  it('writes the JSON’s figures as numbers in the unit asked for; needs --out; never over an input', async () => {
    const P = ['--policy', 'policies/jiangxi-fuliang.yaml', '--households', 'policies/samples/households.csv', ...DATE];
    const SC = ['--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--draws', '6'];
    const j = JSON.parse(jiuzhu(['sensitivity', ...P, ...SC, '--format', 'json', '--quiet']).stdout);
    const out = join(dir, 'sens.xlsx');
    const r = jiuzhu(['sensitivity', ...P, ...SC, '--unit', 'wan', '--format', 'xlsx', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '总额 Totals',
      '估计值 Estimates',
      '方案较基线 Scenario deltas',
      '抽样 Draws',
      '说明 About',
    ]);
    const wan = (yuan: string) => D(yuan).dividedBy(10_000).toNumber();
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      return ws.getRows(2, ws.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    };
    expect(rows('总额 Totals')[0]!.slice(0, 4)).toEqual([
      'baseline',
      wan(j.central[0].total),
      wan(j.central[0].range.low),
      wan(j.central[0].range.high),
    ]);
    // a scenario's Δ and the Δ's range beside its total (a finance trial: JSON, table and Markdown had them, not this)
    expect(rows('总额 Totals')[1]!.slice(0, 7)).toEqual([
      'tekun-basic-1.6x',
      wan(j.central[1].total),
      wan(j.central[1].range.low),
      wan(j.central[1].range.high),
      wan(D(j.central[1].total).minus(j.central[0].total).toFixed(2)),
      wan(j.central[1].range.delta.low),
      wan(j.central[1].range.delta.high),
    ]);
    // the first estimate is the largest swing, its changes at each end against the central total
    const [top] = j.estimates;
    expect(rows('估计值 Estimates')[0]!.slice(0, 9)).toEqual([
      1,
      top.path,
      top.kind,
      // values as numbers (a finance trial: Excel flagged each as a number stored as text)
      Number(top.central),
      Number(top.low),
      Number(top.high),
      wan(D(top.total_low).minus(j.central[0].total).toFixed(2)),
      wan(D(top.total_high).minus(j.central[0].total).toFixed(2)),
      wan(top.swing),
    ]);
    expect(rows('估计值 Estimates')).toHaveLength(j.estimates.length);
    for (const row of rows('估计值 Estimates'))
      for (const v of row.slice(3, 6)) expect(typeof v === 'number' || !/^-?\d+(\.\d+)?$/.test(String(v)), String(v)).toBe(true);
    // the central total beside the percentiles, and the share of the draws that cost more (a finance trial: the
    // workbook gave p5 above the central total with no word of why)
    const d = j.draws.runs[1];
    expect(rows('抽样 Draws')[1]!.slice(0, 6)).toEqual([
      'tekun-basic-1.6x',
      wan(d.central),
      d.draws_above_central / j.draws.n,
      ...['p5', 'p50', 'p95'].map((p) => wan(d.total[p])),
    ]);
    expect(d.central).toBe(j.central[1].total);
    const text = jiuzhu(['sensitivity', ...P, ...SC]).stdout; // (the CLI's own line says the same share)
    expect(text).toContain(`${Math.round((100 * d.draws_above_central) / j.draws.n)} % of the draws cost more`);
    expect(wb.getWorksheet('估计值 Estimates')!.getColumn(7).numFmt).toBe('#,##0.00');
    expect(jiuzhu(['sensitivity', ...P, '--format', 'xlsx']).stderr).toContain('give --out FILE.xlsx');
    const over = jiuzhu(['sensitivity', ...P, '--format', 'xlsx', '--out', 'policies/jiangxi-fuliang.yaml']);
    expect(over.code).toBe(2);
    // --out with a text format writes the text there
    const csv = join(dir, 'sens.csv');
    expect(jiuzhu(['sensitivity', ...P, '--format', 'csv', '--out', csv]).stdout).toBe('');
    expect(readFileSync(csv, 'utf8')).toBe(jiuzhu(['sensitivity', ...P, '--format', 'csv']).stdout);
  });
});

describe('draws', () => {
  it('--draws with the same seed gives identical results on one thread and two; another seed differs', { timeout: 120_000 }, () => {
    const P = ['--policy', 'policies/jiangxi-fuliang.yaml'];
    const file = join(dir, 'draws.csv');
    expect(jiuzhu(['generate', ...P, '--households', '3000', '--seed', '5', '--out', file]).code).toBe(0);
    const args = ['sensitivity', ...P, ...DATE, '--households', file, '--draws', '12', '--seed', '9', '--format', 'json'];
    const env = { JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' };
    const one = jiuzhu(args, { env: { ...env, JIUZHU_THREADS: '1' } });
    const two = jiuzhu(args, { env: { ...env, JIUZHU_THREADS: '2' } });
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const d = JSON.parse(one.stdout).draws;
    expect(d).toMatchObject({ n: 12, seed: 9 });
    const total = d.runs[0].total;
    expect(D(total.p5).lessThanOrEqualTo(total.p50) && D(total.p50).lessThanOrEqualTo(total.p95)).toBe(true);
    expect(D(total.p5).lessThan(total.p95)).toBe(true);
    const other = jiuzhu(args.map((a) => (a === '9' ? '10' : a)));
    expect(JSON.parse(other.stdout).draws.runs[0].total).not.toEqual(total);
  });
});

describe('the table, Markdown, CSV and bad input', () => {
  it('reads at 80 columns, with a tornado; CSV has the figures; a bad --draws and --seed alone are usage errors', () => {
    const P = ['--policy', 'policies/guangxi-nanning.yaml', '--households', 'policies/samples/households.csv', ...DATE];
    const t = jiuzhu(['sensitivity', ...P, '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--unit', 'wan']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^ 1\. \S+/m);
    expect(t.stdout).toContain('┃');
    expect(t.stdout).toContain('tekun-basic-1.6x: Δ against the baseline');
    // Markdown has each scenario's Δ too, with the unit (it left the scenarios out: a cross-format audit); the sample's
    // Δ, simulate's +5,596.08 万元, rests on the tekun multiplier alone: 0 at its high end (1.6, the reform's value)
    const md = jiuzhu(['sensitivity', ...P, '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--unit', 'wan', '--format', 'markdown']);
    expect(md.stdout).toContain('#### tekun-basic-1.6x: Δ against the baseline +5,596.08 under the central values (万元 10k yuan)');
    expect(md.stdout).toContain('- `tekun.basic.multiplier`: 0 … +5,596.08');
    expect(md.stdout).toContain('Total under the central values (万元 10k yuan): **');
    // why take-up's low end moves little: on_dibao households always take it up (found by a new-user trial)
    expect(t.stdout).toContain(takeUpDibaoWords().join('\n'));
    for (const line of t.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    const csv = jiuzhu(['sensitivity', ...P, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe('path,kind,end,value,scenario,program,annual_cost');
    expect(csv.some((l) => /^dibao\.supplement\.elderly,value,high,0\.3,baseline,dibao_supplement,\d+\.\d\d$/.test(l))).toBe(true);
    expect(jiuzhu(['sensitivity', ...P, '--format', 'markdown']).stdout).toMatch(/\| `dibao\.\S+` \|/);
    expect(jiuzhu(['sensitivity', ...P, '--draws', '0']).code).toBe(2);
    expect(jiuzhu(['sensitivity', ...P, '--seed', '3']).stderr).toContain('--seed goes with --draws');
    expect(jiuzhu(['simulate', ...P, '--ranges', '--format', 'csv']).code).toBe(2);
    // the draws' percentiles are in the CSV too
    const drawn = jiuzhu(['sensitivity', ...P, '--draws', '5', '--format', 'csv']).stdout;
    expect(drawn).toMatch(/^,draws,p50,,baseline,total,\d+\.\d\d$/m);
  });

  it('runs at a date where a first value’s start date is unknown (Nanning 2021: the rural standard from 2020, window 2019–2021)', () => {
    const r = jiuzhu([
      'sensitivity',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      'policies/samples/households.csv',
      '--date',
      '2021-06-30',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const est = JSON.parse(r.stdout).estimates as Estimate[];
    // the first rural value cannot start later (no value would be in force): listed with nothing to vary
    const rural = est.find((e) => e.path === 'dibao.standard.rural' && e.kind === 'start_date')!;
    expect(rural.swing).toBe('0.00');
    // the urban standard's 790 (from 2020, window 2019–2021) can: at its latest, the earlier 600 holds
    expect(D(est.find((e) => e.path === 'dibao.standard.urban' && e.kind === 'start_date')!.swing).greaterThan(0)).toBe(true);
    expect(
      jiuzhu([
        'sensitivity',
        '--policy',
        'policies/jiangxi-fuliang.yaml',
        '--households',
        'policies/samples/households.csv',
        '--date',
        '2021-06-30',
        '--draws',
        '5',
      ]).code,
    ).toBe(0);
  });
});

describe('where the total lies in its range', () => {
  // A Guangzhou trial: the central total sat near the bottom of its range (most estimates could only raise it), unsaid
  it('is said under the table: (total − low) / (high − low), in whole percent', () => {
    const P = ['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', 'policies/samples/households.csv'];
    const j = JSON.parse(jiuzhu([...P, ...DATE, '--ranges', '--format', 'json', '--quiet']).stdout).scenarios[0];
    const { low, high } = j.total_annual_cost_range;
    const at = D(j.total_annual_cost).minus(low).dividedBy(D(high).minus(low)).times(100).toFixed(0);
    expect(jiuzhu([...P, ...DATE, '--ranges', '--quiet']).stdout).toContain(`(the total ${at} % of the way up)`);
  });
});

// A finance trial: "23 of 33 estimates with a range move it" stood beside "32 in force" under a scenario that sets one (the count
// took every estimate of the policy), and in 2022 a scenario that scaled Nanning's 790 (an estimate only of its start
// date, whose window had passed) starred it where the baseline did not.
describe('a range counts the estimates in force in its run, as starred under its table', () => {
  it('under the baseline and scenarios that set or scale an estimate, in a budget year', () => {
    const r = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      'policies/samples/households.csv',
      '--year',
      '2022',
      '--ranges',
      '--scenario',
      'scenarios/tekun-basic-1.6x.yaml',
      '--scenario',
      'scenarios/dibao-standard-plus-10pct.yaml',
      '--format',
      'json',
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const runs = (
      JSON.parse(r.stdout) as {
        scenarios: Array<{
          id: string;
          estimates: Array<{ path: string }>;
          total_annual_cost_range: { estimates: number; moving: number };
        }>;
      }
    ).scenarios;
    const starred = runs.map((s) => new Set(s.estimates.map((e) => e.path)));
    // the scenario that sets tekun.basic.multiplier has one estimate fewer; the one that scales the standards none
    expect(starred.map((s) => s.size)).toEqual([34, 33, 34]);
    expect(starred[1]!.has('tekun.basic.multiplier')).toBe(false);
    expect([...starred[2]!]).toEqual([...starred[0]!]);
    for (const [i, s] of runs.entries()) {
      expect(s.total_annual_cost_range.estimates, s.id).toBe(starred[i]!.size);
      expect(s.total_annual_cost_range.moving).toBeLessThanOrEqual(s.total_annual_cost_range.estimates);
    }
  });
});

// "k of the n estimates in force move it" counts parameters as the starred list under the table does: Guangzhou's
// four supplement rates, written once under a YAML anchor, move as one axis and are four estimates; a parameter with two
// estimated values about the date is one (a researcher read "16 of the 38" beside "40 in force").
describe.each(POLICIES)('%s: --ranges counts its estimates as the starred list does', (policy) => {
  it('at 2025-06-30 on the sample', () => {
    const r = jiuzhu([
      'simulate',
      '--policy',
      `policies/${policy}.yaml`,
      '--households',
      'policies/samples/households.csv',
      '--date',
      '2025-06-30',
      '--ranges',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ranged = /\((\d+) of the (\d+) estimates in force move it/.exec(r.stdout);
    const starred = /rests on estimated parameters \((\d+) in force\)/.exec(r.stdout);
    expect(ranged && starred).toBeTruthy();
    expect(ranged![2]).toBe(starred![1]);
    expect(Number(ranged![1])).toBeLessThanOrEqual(Number(ranged![2]));
  });
});
