// The budget year, who pays, units and the Excel workbook, end to end on the bundled sample.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { PROGRAM_IDS, PROGRAMS } from '../../src/core/programs/index.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { yearSpan } from '../../src/cli/years.js';
import { UsageError } from '../../src/errors.js';

const NANNING = 'policies/guangxi-nanning.yaml';
/** A rise in yuan as the tables show it in 万元: "+1,234.57". */
const wan = (yuan: string) =>
  `+${D(yuan)
    .dividedBy(10_000)
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',')}`;
/** A yuan amount as the tables show it: "1,234.57". */
const commas = (yuan: string) =>
  D(yuan)
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
const simulate = (...more: string[]) => jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...more]);
const json = (...more: string[]) => JSON.parse(simulate(...more, '--format', 'json').stdout);
/**
 * Stderr without the note on a window's first-year gradual exit (its own test says it: 'carries the gradual exit') and
 * the sample's few-households note (silent-defaults.test.ts says it).
 */
const FIRST_EXIT = /^note: the gradual exit in \d{4} is chiefly .*\n/m;
const withoutFirstExit = (err: string) => err.replace(FIRST_EXIT, '').replace(/^note: few households of .*\n/m, '');
/**
 * JSON notes without those two, nor the one that results rest on estimates (said at a date), nor the years run before
 * the first: a report's notes hold what the run says.
 */
const otherNotes = (notes: readonly string[]) =>
  notes.filter(
    (n) =>
      !FIRST_EXIT.test(`note: ${n}\n`) &&
      !n.startsWith('few households of') &&
      !n.startsWith('the results rest on') &&
      !n.startsWith("the file's register (on_dibao, prior_dibao)"), // (burn-in.test.ts)
  );

describe('simulate --year', () => {
  it('2022 in Nanning: two periods (standards raised on 1 April), twelve months, the change named', () => {
    const s = json('--year', '2022').scenarios[0];
    expect(s.year).toBe(2022);
    expect(s.periods).toEqual([
      { from: '2022-01', to: '2022-03', months: 3 },
      { from: '2022-04', to: '2022-12', months: 9 },
    ]);
    expect(s.months.map((m: { month: string }) => m.month)).toHaveLength(12);
    // (the new value's source beside it: the policy's source id, as the Changes sheet gives it)
    expect(s.changes).toContainEqual({
      path: 'dibao.standard.urban',
      date: '2022-04-01',
      before: '790',
      after: '810',
      source: 'nanning-2022',
    });
    // The year's dibao is its months' sum, to the fen, and so is the total: each month the running total rounded less
    // the one before (an auditor's months, each rounded on its own, came to 100,801.56 of 100,801.52)
    type M = { total_cost: string; programs: Record<string, string> };
    const sum = (get: (m: M) => string) => s.months.reduce((a: ReturnType<typeof D>, m: M) => a.plus(get(m)), D(0)).toFixed(2);
    expect(sum((m) => m.programs.dibao)).toBe(s.programs.dibao.annual_cost);
    expect(sum((m) => m.programs.medical_premium)).toBe(s.programs.medical_premium.annual_cost);
    expect(sum((m) => m.total_cost)).toBe(s.total_annual_cost);
    // 3 months at the Jan–Mar rate, 9 at the April one: within a period, months a fen apart at most
    const dibao = s.months.map((m: M) => D(m.programs.dibao));
    for (const [from, to] of [
      [0, 3],
      [3, 12],
    ])
      for (const m of dibao.slice(from, to)) expect(m.minus(dibao[from]).abs().lte('0.01')).toBe(true);
    expect(dibao[3].gt(dibao[0])).toBe(true);
  });

  // A value from a month's middle counts from the next month's first day (the year's months are whole); the change
  // says so, and its own date (found by a new-user trial: 2026-07-15 showed as 2026-08-01 with no word).
  it('a change from a month’s middle counts from the next month, and says its own date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-mid-'));
    const mid = join(dir, 'mid.yaml');
    writeFileSync(
      mid,
      'scenario: mid\ntitle: {zh: 中旬, en: mid-month}\nreason: test\nchanges:\n  dibao.standard.urban: {set: 850, from: 2022-07-15}\n',
    );
    const [, s] = json('--year', '2022', '--scenario', mid).scenarios;
    expect(s.periods.map((p: { from: string }) => p.from)).toEqual(['2022-01', '2022-04', '2022-08']);
    expect(s.changes).toContainEqual({
      path: 'dibao.standard.urban',
      date: '2022-08-01',
      before: '810',
      after: '850',
      dated: '2022-07-15',
      source: 'scenario mid',
    });
    expect(s.changes).toContainEqual({
      path: 'dibao.standard.urban',
      date: '2022-04-01',
      before: '790',
      after: '810',
      source: 'nanning-2022',
    }); // (on a 1st: no dated)
    expect(simulate('--year', '2022', '--scenario', mid).stdout).toContain(
      "2022-08-01 dibao.standard.urban 810 → 850 (dated 2022-07-15 in the scenario: the year's months are whole, so it counts from 2022-08-01)",
    );
    // and the workbook's Changes sheet, beside the date it counts from (it had no such column)
    const out = join(dir, 'mid.xlsx');
    expect(simulate('--year', '2022', '--scenario', mid, '--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const changes = wb
      .getWorksheet('参数变化 Changes')!
      .getRows(1, 20)!
      .map((row) => (row.values as unknown[]).slice(1));
    expect(changes[0]!.slice(-2)).toEqual(['所载日期 dated as given', '来源 source']);
    expect(changes).toContainEqual(['mid', '2022-08-01', 'dibao.standard.urban', 810, 850, '2022-07-15', 'scenario mid']);
    expect(changes).toContainEqual(['mid', '2022-04-01', 'dibao.standard.urban', 790, 810, '', 'nanning-2022']);
  });

  it('a year with no change inside it costs what the one-date run costs; its periods are the gradual exit’s months', () => {
    // Nanning 2025: nothing changes after 1 January (2023: the minimum wage on 1 November; 2024: the edge line on 31 October).
    // A gradual exit is paid in its months (dibao.gradual_exit.months, 3: January to March), the rest of the year apart.
    const year = json('--year', '2025').scenarios[0];
    const date = json('--date', '2025-06-30').scenarios[0];
    expect(year.changes).toEqual([]);
    expect(year.periods).toEqual([
      { from: '2025-01', to: '2025-03', months: 3 },
      { from: '2025-04', to: '2025-12', months: 9 },
    ]);
    expect(D(year.months[0].programs.gradual_exit).gt(0) && year.months[3].programs.gradual_exit).toBe('0.00');
    for (const id of Object.keys(date.programs)) expect(year.programs[id].annual_cost).toBe(date.programs[id].annual_cost);
  });

  it('its CSV is the window of that one year: the year first on every row (a downstream trial: two headers)', () => {
    const year = simulate('--year', '2022', '--format', 'csv', '--quiet');
    const lines = year.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^year,scenario,program,households,/);
    expect(lines.slice(1).every((l) => l.startsWith('2022,baseline,'))).toBe(true);
    expect(lines).toHaveLength(1 + PROGRAM_IDS.length + 1); // the programs and the total
    expect(year.stdout).toBe(simulate('--years', '2022-2022', '--format', 'csv', '--quiet').stdout);
  });

  it('--year and --date together, or --year with --stream, is a usage error', () => {
    expect(simulate('--year', '2024', '--date', '2024-06-30').code).toBe(2);
    // (--per-household goes with --year: each household's year, test/cli/year-rows.test.ts)
    expect(simulate('--year', '2024', '--stream').code).toBe(2);
    expect(simulate('--year', '24').stderr).toBe('jiuzhu: --year must be a calendar year such as 2026, got "24"\n');
    // a year written in Chinese, or full-width (a 科长's 2025年): taken, as --years takes them
    const plain = simulate('--year', '2025', '-q', '--format', 'json').stdout;
    for (const y of ['2025年', '２０２５', '2025年度']) expect(simulate('--year', y, '-q', '--format', 'json').stdout, y).toBe(plain);
    expect(simulate('--year', '2207').stderr).toBe('jiuzhu: --year must lie between 1990 and 2100, got "2207"\n');
  });
});

// A 科长's --year table named the scenario by its id alone (at a date it had its title); --years the baseline likewise
describe('each run named with its title', () => {
  const REFORM = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'];
  const named = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => /^(#### )?scenario /.test(l));
  it.each([
    ['--year', ['--year', '2025']],
    ['--years', ['--years', '2025-2026', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml']],
  ])('%s: table and Markdown', (_, more) => {
    const want = [
      'baseline — 基线（现行政策） the rules in force',
      'dibao-standard-plus-10pct — 城乡低保标准提高10% Urban and rural dibao standards raised by 10 %',
    ];
    expect(named(simulate(...more, ...REFORM, '-q'))).toEqual(want.map((w) => `scenario ${w}`));
    expect(named(simulate(...more, ...REFORM, '-q', '--format', 'markdown'))).toEqual(
      want.map((w) => `#### scenario ${w.replace(/^([^ ]+)/, '`$1`')}`),
    );
  });
});

describe('who pays, and units', () => {
  it('central + provincial + city/county = each program’s cost, exactly', () => {
    const s = json('--date', '2024-12-31').scenarios[0];
    for (const [id, split] of Object.entries(s.funding.programs) as Array<[string, Record<string, string>]>)
      expect(D(split.central!).plus(split.provincial!).plus(split.local!).toFixed(2)).toBe(s.programs[id].annual_cost);
    // The levels' totals add up to the total cost (a determinism audit: they added the programs' rounded costs, a fen
    // off the total printed beside them), for every locality and run.
    expect(D(s.funding.central).plus(s.funding.provincial).plus(s.funding.local).toFixed(2)).toBe(s.total_annual_cost);
  });

  it('a window of years: each program’s split adds up to its window cost (Nanning 2026–2028: four were a fen off)', () => {
    const w = json('--years', '2026-2028', '-q').scenarios[0];
    const adds = (split: Record<string, string>) => D(split.central!).plus(split.provincial!).plus(split.local!).toFixed(2);
    for (const [id, split] of Object.entries(w.funding.programs) as Array<[string, Record<string, string>]>)
      expect(adds(split), id).toBe(w.programs[id].annual_cost);
    expect(adds(w.funding)).toBe(w.total_annual_cost);
  });

  it('a scenario’s change at each level: in JSON (funding.delta) and as rows under its split (a reform author subtracted them)', () => {
    const args = ['--date', '2024-12-31', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'];
    const [base, raised] = json(...args).scenarios;
    expect(base.funding.delta).toBeUndefined();
    for (const level of ['central', 'provincial', 'local'])
      expect(raised.funding.delta[level]).toBe(D(raised.funding[level]).minus(base.funding[level]).toFixed(2));
    const table = simulate(...args, '--unit', 'wan').stdout;
    const row = table.split('\n').filter((l) => l.startsWith('Δ vs baseline 较基线'));
    expect(row).toHaveLength(1); // (the scenario's split only; the program table's Δ is a column)
    expect(
      row[0]!
        .trim()
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['central', 'provincial', 'local'].map((l) => wan(raised.funding.delta[l])));
    // and its range from the shares that are estimates (a county budget trial: the reform's cost to the county had none):
    // each level's change lies in it, the three ends are the changes' ends (JSON funding.range.delta, a table row)
    const dr = raised.funding.range.delta;
    expect(base.funding.range.delta).toBeUndefined();
    for (const level of ['central', 'provincial', 'local']) {
      expect(D(dr.low[level]).lte(raised.funding.delta[level]), level).toBe(true);
      expect(D(dr.high[level]).gte(raised.funding.delta[level]), level).toBe(true);
      expect(D(dr.high[level]).gt(dr.low[level]), level).toBe(true);
    }
    expect(table.split('\n').filter((l) => l.startsWith('Δ range 区间 *'))).toHaveLength(1);
  });

  // A finance trial: every share is an estimate, yet who pays had no range (sensitivity gives each a swing of 0 on the
  // total). Nanning's ranges: assistance central 0.65 (0.5–0.8), provincial 0.15 (0.05–0.2); medical 0.6 (0.5–0.8),
  // 0.15 (0.05–0.2); disability 0 (0–0.2), 0.5 (0.3–0.7). With A, M, D the three lines' costs, each share alone at an
  // end, the changes added: central −0.15A −0.1M to +0.15A +0.2M +0.2D; provincial −0.1A −0.1M −0.2D to +0.05A +0.05M
  // +0.2D; city/county (the rest) −0.2A −0.25M −0.4D to +0.25A +0.2M +0.2D.
  it('each level’s range from the funding shares that are estimates, hand-worked from the lines’ costs', () => {
    const s = json('--date', '2024-12-31').scenarios[0];
    const line = (ids: string[]) => ids.reduce((a, id) => a.plus(s.programs[id].annual_cost), D(0));
    const A = line(['tekun', 'dibao', 'dibao_supplement', 'single_person', 'rigid_aid', 'gradual_exit', 'temporary']);
    const [M, Dd] = [line(['medical_premium']), line(['disability_living', 'disability_care'])];
    const want = {
      central: [A.times(-0.15).minus(M.times(0.1)), A.times(0.15).plus(M.times(0.2)).plus(Dd.times(0.2))],
      provincial: [A.times(-0.1).minus(M.times(0.1)).minus(Dd.times(0.2)), A.times(0.05).plus(M.times(0.05)).plus(Dd.times(0.2))],
      local: [A.times(-0.2).minus(M.times(0.25)).minus(Dd.times(0.4)), A.times(0.25).plus(M.times(0.2)).plus(Dd.times(0.2))],
    };
    expect(s.funding.range.estimates).toHaveLength(6);
    for (const [level, [lo, hi]] of Object.entries(want)) {
      // (each program's central and provincial parts are rounded to the fen: a few fen apart at most)
      expect(D(s.funding.range.low[level]).minus(D(s.funding[level]).plus(lo!)).abs().lte('0.10'), level).toBe(true);
      expect(D(s.funding.range.high[level]).minus(D(s.funding[level]).plus(hi!)).abs().lte('0.10'), level).toBe(true);
    }
    expect(simulate('--date', '2024-12-31').stdout).toMatch(/^range 区间 \*\s+[\d,.]+ – [\d,.]+\s+[\d,.]+ – [\d,.]+\s+[\d,.]+ – [\d,.]+$/m);
  });

  it('--unit wan prints 万元 in the table (JSON stays in yuan)', () => {
    const total = json('--date', '2024-12-31').scenarios[0].total_annual_cost;
    const table = simulate('--date', '2024-12-31', '--unit', 'wan').stdout;
    expect(table).toContain('万元');
    const wan = D(total)
      .dividedBy(10_000)
      .toFixed(2)
      .replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');
    expect(table).toMatch(new RegExp(`total 合计\\s+${wan.replace('.', '\\.')}`));
  });
});

describe('--format xlsx', () => {
  it('writes a workbook whose cells are the JSON figures, as numbers', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-xlsx-')), 'budget.xlsx');
    expect(simulate('--year', '2022', '--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '总表 Totals',
      '资助参保类别 Premium groups',
      '特困分项 Tekun parts',
      '临时救助层级 Temporary tiers',
      '月度 Months',
      '参数变化 Changes',
      '分级负担 Funding',
      '估计值 Estimates',
      '参数 Parameters',
      '说明 About',
    ]);
    const s = json('--year', '2022').scenarios[0];
    const totals = wb.getWorksheet('总表 Totals')!;
    const dibao = totals.getRows(2, 30)!.find((r) => r.getCell(3).value === 'dibao')!;
    expect(dibao.getCell(6).value).toBe(Number(s.programs.dibao.annual_cost));
    // the total rests on an estimate where a program does (Nanning's take-up), as the CSV's total row says (1)
    const estimated = totals.getRow(1).values as unknown[];
    const col = estimated.indexOf('依据估计 rests on an estimate');
    const total = totals.getRows(2, 30)!.find((r) => r.getCell(3).value === 'total')!;
    expect([dibao.getCell(col).value, total.getCell(col).value]).toEqual(['是 yes', '是 yes']);
    expect(totals.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('月度 Months')!.rowCount).toBe(1 + 12);
    // each estimate beside its range, as the policy gives it (Nanning: take_up.dibao 0.6, range 0.45–0.73; the payment
    // mode an estimate with nothing to vary)
    const estimates = wb
      .getWorksheet('估计值 Estimates')!
      .getRows(2, 100)!
      .map((row) => (row.values as unknown[]).slice(2, 7));
    expect(estimates).toContainEqual(['take_up.dibao', 0.6, '2017-10-01', 0.45, 0.73]); // (numbers a sheet can add)
    expect(estimates).toContainEqual(['dibao.payment.mode', 'gap', '2020-11-21', '不变 exact', '']);
    // every parameter in force at the year's start, traced to its document (as jiuzhu params gives it); the year's
    // changes with their source: Nanning's urban standard 790 (its start date an estimate) → 810 from 2022-04-01
    const rows = (name: string) =>
      wb
        .getWorksheet(name)!
        .getRows(2, 100)!
        .map((row) => (row.values as unknown[]).slice(1));
    const urban = rows('参数 Parameters').find((r) => r[1] === 'dibao.standard.urban')!;
    expect(urban.slice(0, 12)).toEqual([
      'baseline',
      'dibao.standard.urban',
      790,
      'yuan/person/month',
      '2020-01-01',
      '是 yes',
      'from 2019-01-01…2021-12-31',
      'nanning-2022',
      '', // (no clause)
      expect.stringContaining('《南宁市人民政府关于提高全市城乡居民最低生活保障标准和补助水平的通知》'),
      'http://www.nanninghotline.com/ml/shenghuo/75421.html',
      'A',
    ]);
    expect(rows('参数 Parameters').map((r) => r[1])).toContain('low_income.multiplier');
    expect(rows('参数变化 Changes')).toContainEqual(['baseline', '2022-04-01', 'dibao.standard.urban', 790, 810, '', 'nanning-2022']);
  });

  it("names a scenario's own parameters, and says in About what the run says of its policy (a standard carried years)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-xlsx-')), 'plus.xlsx');
    const r = simulate('--year', '2026', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--format', 'xlsx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('参数 Parameters')!;
    const params = sheet.getRows(2, sheet.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    // the scenario's rows: only what differs from the baseline (810 × 1.1 = 891; 566.67 × 1.1 = 623.337 → 623.34)
    expect(params.filter((p) => p[0] !== 'baseline').map((p) => [p[1], p[2], p[7]])).toEqual([
      ['dibao.standard.urban', 891, 'scenario:dibao-standard-plus-10pct'],
      ['dibao.standard.rural', 623.34, 'scenario:dibao-standard-plus-10pct'],
    ]);
    // the scenario's change at each level in the Funding sheet, as the table's Δ rows and the JSON's funding.delta
    const d = json('--year', '2026', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml').scenarios[1].funding.delta;
    const funding = wb.getWorksheet('分级负担 Funding')!;
    expect(funding.getRows(2, funding.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1))).toContainEqual([
      'dibao-standard-plus-10pct',
      '合计 较基线 total, Δ vs baseline',
      ...['central', 'provincial', 'local'].map((l) => Number(d[l])),
    ]);
    const about = wb
      .getWorksheet('说明 About')!
      .getRows(2, 20)!
      .map((row) => [row.getCell(1).value, row.getCell(2).value]);
    // the file's counts, as the table's first line gives them (the Markdown had them, the workbook not: a finance trial)
    expect(about).toContainEqual(['户数 counted', '600 户 households (加权 weighted 179,341), 1,697 人 persons (加权 weighted 506,535)']);
    expect(about).toContainEqual([
      '注意 note',
      expect.stringMatching(
        /the newest dibao standards it gives \(urban 810 from 2022-04-01, rural 566\.67 from 2022-04-01\) are 4\+ years older than 2026-12-31/,
      ),
    ]);
  });

  it('--unit wan: every money cell in 万元 (the yuan ÷ 10,000) and every money header says so; --years too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-xlsx-'));
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb;
    };
    const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).filter((v): v is string => typeof v === 'string');
    const out = join(dir, 'wan.xlsx');
    expect(simulate('--year', '2022', '--unit', 'wan', '--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = await read(out);
    const s = json('--year', '2022').scenarios[0];
    const totals = wb.getWorksheet('总表 Totals')!;
    const dibao = totals.getRows(2, 30)!.find((r) => r.getCell(3).value === 'dibao')!;
    // e.g. 750,802,524.83 yuan → 75,080.252483 万元 (the cell's number, exact; shown with two decimals, as the tables)
    expect(dibao.getCell(6).value).toBe(Number(D(s.programs.dibao.annual_cost).dividedBy(10_000)));
    expect(totals.getColumn(6).numFmt).toBe('#,##0.00');
    const money = wb.worksheets.flatMap((ws) => headers(ws).filter((h) => /\((元|万元|亿元)/.test(h)));
    expect(money.length).toBeGreaterThanOrEqual(10);
    expect(money.filter((h) => !h.includes('(万元)'))).toEqual([]);
    expect(
      wb
        .getWorksheet('说明 About')!
        .getRows(2, 10)!
        .map((r) => r.getCell(1).value),
    ).toContain('金额单位 money');
    // several budget years: the same unit, and the About sheet's items named
    const years = join(dir, 'years.xlsx');
    expect(simulate('--years', '2025-2026', '--unit', 'wan', '--format', 'xlsx', '--out', years).code).toBe(0);
    const y = await read(years);
    expect(y.worksheets.map((w) => w.name)).toEqual([
      '逐年 Years',
      '分级负担 Funding',
      '资助参保类别 Premium groups',
      '特困分项 Tekun parts',
      '临时救助层级 Temporary tiers',
      '月度 Months',
      '参数变化 Changes',
      '参数 Parameters',
      '估计值 Estimates',
      '说明 About',
    ]);
    // each year's estimates beside their ranges, as the one-year workbook gives them (it had none)
    const estimates = y
      .getWorksheet('估计值 Estimates')!
      .getRows(2, 400)!
      .map((r) => (r.values as unknown[]).slice(1, 8));
    expect(estimates).toContainEqual(['baseline', 2026, 'take_up.dibao', 0.6, '2017-10-01', 0.45, 0.73]);
    expect(estimates.filter((e) => e[2] === 'take_up.dibao').map((e) => e[1])).toEqual([2025, 2026]);
    const ys = json('--years', '2025-2026').scenarios[0].years[1];
    const row = y
      .getWorksheet('逐年 Years')!
      .getRows(2, 40)!
      .find((r) => r.getCell(2).value === 2026 && r.getCell(3).value === '合计 total')!;
    expect(row.getCell(6).value).toBe(Number(D(ys.total_annual_cost).dividedBy(10_000)));
    // a program resting on an estimate is marked as the tables' `*` and JSON's uses_estimate mark it (it was not)
    const sheet = y.getWorksheet('逐年 Years')!;
    const mark = headers(sheet).indexOf('依据估计 rests on an estimate') + 1;
    expect(mark).toBeGreaterThan(0);
    const marked = (year: number | string) =>
      sheet
        .getRows(2, sheet.rowCount - 1)!
        .filter((r) => r.getCell(2).value === year && r.getCell(mark).value === '是 yes')
        .map((r) => r.getCell(3).value);
    const byJson = PROGRAMS.filter((p) => ys.programs[p.id].uses_estimate).map((p) => `${p.zh} ${p.en}`);
    expect(byJson.length).toBeGreaterThan(0);
    expect(marked(2026)).toEqual([...byJson, '合计 total']);
    expect(marked('2025–2026 合计')).toEqual(expect.arrayContaining(byJson)); // (the window: any year's)
    for (const name of ['逐年 Years', '月度 Months'])
      expect(headers(y.getWorksheet(name)!).filter((h) => h.includes('元'))).toEqual(
        headers(y.getWorksheet(name)!).filter((h) => h.includes('(万元)')),
      );
    const items = y
      .getWorksheet('说明 About')!
      .getRows(2, 20)!
      .map((r) => r.getCell(1).value);
    expect(items).toEqual(expect.arrayContaining(['地区 locality', '金额单位 money', '命令 command']));
  });

  // A finance trial: low-income-1.5x's caseload change was in the table, blank in the workbook (it has no cost)
  it('gives each program’s change in households beside the change in cost, as the JSON’s delta', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-xlsx-')), 'caseload.xlsx');
    const args = ['--date', '2025-06-30', '--scenario', 'scenarios/low-income-1.5x.yaml'];
    expect(simulate(...args, '--format', 'xlsx', '--out', out).code).toBe(0);
    const want = json(...args).scenarios[1].programs.low_income.delta.households;
    expect(D(want).isNegative()).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('总表 Totals')!;
    expect(ws.getRow(1).getCell(10).value).toBe('户数较基线 Δ households');
    const row = ws
      .getRows(2, ws.rowCount - 1)!
      .find((r) => r.getCell(1).value === 'low-income-1.5x' && r.getCell(3).value === 'low_income')!;
    expect(row.getCell(10).value).toBe(Number(want));
    // each run's id as the 方案 column gives it, beside its title (a 科长 read "baseline" and a slug alone)
    const about = wb.getWorksheet('说明 About')!;
    const runs = about.getRows(2, about.rowCount - 1)!.filter((r) => r.getCell(1).value === '方案 scenario');
    expect(runs.map((r) => r.getCell(2).value)).toEqual([
      'baseline — 基线（现行政策） the rules in force',
      'low-income-1.5x — 低保边缘家庭收入标准为低保标准的1.5倍 Low-income (dibao-edge) line at 1.5 × the dibao standard',
    ]);
  });

  it('needs --out (a workbook is not for a terminal)', () => {
    expect(simulate('--format', 'xlsx').stderr).toBe('jiuzhu: --format xlsx writes a workbook: give --out FILE.xlsx\n');
  });
});

describe('compare --year', () => {
  it('gives each locality the year simulate --year gives, with deltas and who pays, in one pass', () => {
    const args = ['--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--households', SAMPLE, '--year', '2022', '--format', 'json'];
    const cmp = JSON.parse(jiuzhu(['compare', '--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', ...args]).stdout);
    expect(cmp.localities).toHaveLength(2);
    for (const [i, policy] of [NANNING, 'policies/jiangxi-fuliang.yaml'].entries()) {
      const sim = JSON.parse(jiuzhu(['simulate', '--policy', policy, ...args]).stdout);
      const [a, b] = [cmp.localities[i].scenarios, sim.scenarios];
      expect(a.map((s: { total_annual_cost: string }) => s.total_annual_cost)).toEqual(
        b.map((s: { total_annual_cost: string }) => s.total_annual_cost),
      );
      expect(a[1].total_delta).toEqual(b[1].total_delta);
      expect(a[1].funding).toEqual(b[1].funding);
      // winners and losers over the year (test/cli/compare-year.test.ts); the flows between layers are a date's
      expect(a[1].winners_losers.gainers.households).not.toBe('0');
      expect(a[1].transitions).toBeUndefined();
    }
  });

  // (a review: 2026年 was taken as 2026, and its text put in the stale note's date — "older than 2026年-12-31", 3+ years)
  it('takes 2026年 as 2026 everywhere, its notes too', () => {
    const run = (y: string) => jiuzhu(['compare', '--policy', NANNING, '--households', SAMPLE, '--year', y]);
    const [plain, written] = [run('2026'), run('2026年')];
    expect(written.stdout).toBe(plain.stdout);
    expect(written.stderr).toBe(plain.stderr);
    expect(plain.stderr).toContain('are 4+ years older than 2026-12-31');
  });
});

describe('simulate --years: a scenario against the baseline', () => {
  // A budget officer's three-year Changes sheet left out the reform's steps on 1 January (tekun 1.3 → 1.6 on 2027-01-01,
  // the unification on 2028-01-01): only the changes inside a year were listed. A year's changes now begin with its first
  // day's against the day before. Nanning: rural 566.67 × 1.1 = 623.34 from July 2026, then urban's 810 (nanning-2022).
  it('lists the changes on a year’s first day with those inside it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-path-')), 'path.yaml');
    writeFileSync(
      file,
      'scenario: reform-path\ntitle: {zh: 改革路径, en: reform path}\nreason: a budget path\nchanges:\n  tekun.basic.multiplier: {set: 1.6, from: 2027-01-01}\n' +
        '  dibao.standard.rural:\n    - {scale: 1.1, from: 2026-07-01}\n    - {same_as: dibao.standard.urban, from: 2028-01-01}\n',
    );
    const r = json('--years', '2026-2028', '--scenario', file, '--quiet');
    const changes = (run: number) =>
      r.scenarios[run].years.map((y: { changes: Array<{ date: string; path: string; before: string; after: string }> }) =>
        y.changes.map((c) => `${c.date} ${c.path} ${c.before} → ${c.after}`),
      );
    expect(changes(1)).toEqual([
      ['2026-07-01 dibao.standard.rural 566.67 → 623.34'],
      ['2027-01-01 tekun.basic.multiplier 1.3 → 1.6'],
      ['2028-01-01 dibao.standard.rural 623.34 → 810'],
    ]);
    expect(changes(0)).toEqual([[], [], []]);
    // one budget year lists its 1 January changes too (a provincial trial: --year listed only those inside the year)
    const one = json('--year', '2027', '--scenario', file, '--quiet').scenarios[1].changes as Array<{ date: string; path: string }>;
    expect(one.map((c) => `${c.date} ${c.path}`)).toEqual(['2027-01-01 tekun.basic.multiplier']);
  });

  // A finance trial: the JSON had each year's delta, the table and the workbook none (README: deltas in every format)
  it('gives its Δ each year in the table and the workbook, the JSON’s total_delta', async () => {
    const args = ['--years', '2025-2026', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '--quiet'];
    const deltas = json(...args).scenarios[1].years.map((y: { total_delta: { annual_cost: string } }) => y.total_delta.annual_cost);
    expect(deltas.every((d: string) => D(d).gt(0))).toBe(true);
    // the window's Δ, the two years' together (a reform author summed them by hand), to the fen of their rounding
    const whole = D(json(...args).scenarios[1].total_delta.annual_cost);
    expect(whole.minus(D(deltas[0]).plus(deltas[1])).abs().lte('0.01')).toBe(true);
    const table = simulate(...args, '--unit', 'wan').stdout;
    expect(table).toMatch(
      new RegExp(
        `^Δ vs baseline 较基线\\s+${[deltas[0], deltas[1], whole.toFixed(2)].map((d) => wan(d).replace(/[.+]/g, '\\$&')).join('\\s+')}$`,
        'm',
      ),
    );
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-years-')), 'years.xlsx');
    expect(simulate(...args, '--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('逐年 Years')!;
    expect(ws.getRow(1).getCell(10).value).toBe('较基线 Δ vs baseline (元)');
    const totals = ws.getRows(2, ws.rowCount - 1)!.filter((r) => r.getCell(3).value === '合计 total');
    // each year, then the window (costs summed: a budget meeting's medium-term total; a trial asked for it)
    expect(totals.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(10).value])).toEqual([
      ['baseline', 2025, null],
      ['baseline', 2026, null],
      ['baseline', '2025–2026 合计', null],
      ['dibao-standard-plus-10pct', 2025, Number(deltas[0])],
      ['dibao-standard-plus-10pct', 2026, Number(deltas[1])],
      ['dibao-standard-plus-10pct', '2025–2026 合计', Number(whole)],
    ]);
    // who pays, each year and the window, with the scenario's change at each level (the table's Δ rows; the workbook
    // had none) — equal to the JSON's funding.delta
    const j = json(...args);
    const fundingRows = wb
      .getWorksheet('分级负担 Funding')!
      .getRows(2, 40)!
      .map((r) => (r.values as unknown[]).slice(1, 7));
    const levels = ['central', 'provincial', 'local'];
    j.scenarios[1].years.forEach((y: { funding: { delta: Record<string, string> } }, k: number) =>
      expect(fundingRows).toContainEqual([
        'dibao-standard-plus-10pct',
        2025 + k,
        '较基线 Δ vs baseline',
        ...levels.map((l) => Number(y.funding.delta[l])),
      ]),
    );
    expect(fundingRows).toContainEqual([
      'dibao-standard-plus-10pct',
      '2025–2026 合计',
      '较基线 Δ vs baseline',
      ...levels.map((l) => Number(j.scenarios[1].funding.delta[l])),
    ]);
    // the window's yearly growth, as the table's last column: (2026 / 2025) − 1 over one year
    const growthCol = (ws.getRow(1).values as unknown[]).indexOf('年均增长 growth a year'); // (values[0] is empty: 1-based)
    const [t25, t26] = j.scenarios[0].years.map((y: { total_annual_cost: string }) => y.total_annual_cost);
    expect(totals.find((r) => r.getCell(2).value === '2025–2026 合计')!.getCell(growthCol).value).toBe(
      Number(D(t26).dividedBy(t25).minus(1).toFixed(6)),
    );
    const baseWindow = json(...args).scenarios[0];
    const windowRow = totals.find((r) => r.getCell(1).value === 'baseline' && r.getCell(2).value === '2025–2026 合计')!;
    expect([6, 7, 8, 9].map((c) => windowRow.getCell(c).value)).toEqual([
      Number(baseWindow.total_annual_cost),
      ...['central', 'provincial', 'local'].map((l) => Number(baseWindow.funding[l])),
    ]);
    // what the scenario is and changes (a reform author's workbook said nowhere: no change falls inside a year)
    const about = wb.getWorksheet('说明 About')!;
    const lines = about.getRows(2, about.rowCount - 1)!.map((row) => [row.getCell(1).value, row.getCell(2).value]);
    const at = lines.findIndex(([k]) => k === '情景 scenario');
    expect(lines.slice(at, at + 3)).toEqual([
      [
        '情景 scenario',
        'dibao-standard-plus-10pct: 城乡低保标准提高10% Urban and rural dibao standards raised by 10 % — 000（一）结合财力状况合理确定低保标准……并建立动态调整机制; 003 §14 动态调整机制 (scenarios/dibao-standard-plus-10pct.yaml)',
      ],
      ['', 'dibao.standard.urban × 1.1, every date'],
      ['', 'dibao.standard.rural × 1.1, every date'],
    ]);
  });
});

describe('a scenario the baseline already has', () => {
  // A finance trial read Δ 0 for low-income-2x as a reform that costs nothing: Nanning's line is already 2 × S
  it('is said so on stderr at a date and in a budget year; a scenario that changes a parameter is not', () => {
    for (const when of [
      ['--date', '2025-06-30'],
      ['--year', '2025'],
    ]) {
      const r = simulate(...when, '--scenario', 'scenarios/low-income-2x.yaml', '--scenario', 'scenarios/low-income-1.5x.yaml');
      expect(r.code, r.stderr).toBe(0);
      const at = when[0] === '--date' ? 'at 2025-06-30' : 'in 2025';
      expect(r.stderr).toContain(
        `note: scenario low-income-2x changes no parameter ${at}: the baseline already has its values (its Δ is 0 by construction, not a finding)\n`,
      );
      expect(r.stderr).not.toContain('scenario low-income-1.5x changes no parameter');
      expect(simulate(...when, '--scenario', 'scenarios/low-income-2x.yaml', '--quiet').stderr).toBe('');
      // compare too (a second finance trial: no word there), naming the locality among several (Fuliang's is 1.5 × S)
      const c = jiuzhu([
        'compare',
        ...['--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, ...when],
        ...['--scenario', 'scenarios/low-income-2x.yaml', '--scenario', 'scenarios/low-income-1.5x.yaml'],
      ]);
      expect(c.code, c.stderr).toBe(0);
      const notes = c.stderr.split('\n').filter((l) => l.includes('changes no parameter'));
      expect(notes).toEqual([
        `note: scenario low-income-2x changes no parameter in guangxi-nanning ${at}: the baseline already has its values (its Δ is 0 by construction, not a finding)`,
        // (Fuliang's 1.5 × S is an estimate, ranged: the scenario fixes it, Nanning's 2 × S is published)
        `note: scenario low-income-1.5x changes no parameter in jiangxi-fuliang ${at}: the baseline already has its values (its Δ is 0 by construction, not a finding); but it fixes low_income.multiplier, which the baseline only estimates: where the estimate moves the two differ, so its Δ range (--ranges) is not 0`,
      ]);
      // the sample has no take_up_draw: every household takes everything up in both, so take-up makes no difference
      expect(c.stderr).not.toContain('take-up differs');
    }
  });

  // An analyst's trial: the Markdown pasted into a briefing showed low-income-2x's Δ 0 bare — the note had gone to stderr
  // alone (with --years it was in the page); and compare's columns of one household file carried each locality's name
  it('is a note of the report in every format: JSON, Markdown, the workbook, the HTML page; compare says one population', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-notes-'));
    const NOTE = 'scenario low-income-2x changes no parameter';
    for (const when of [
      ['--date', '2025-06-30'],
      ['--year', '2025'],
    ]) {
      const run = (cmd: string, format: string, ...more: string[]) => {
        const policies = cmd === 'compare' ? ['--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml'] : ['--policy', NANNING];
        const r = jiuzhu([
          cmd,
          ...policies,
          '--households',
          SAMPLE,
          ...when,
          '--scenario',
          'scenarios/low-income-2x.yaml',
          '--format',
          format,
          ...more,
        ]);
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      };
      for (const cmd of ['simulate', 'compare']) {
        const json = JSON.parse(run(cmd, 'json')) as { notes: string[] };
        expect(json.notes.filter((n) => n.startsWith(NOTE))).toHaveLength(1);
        expect(run(cmd, 'markdown')).toMatch(new RegExp(`^> Note: ${NOTE}`, 'm'));
        const out = join(dir, `${cmd}-${when[0]!.slice(2)}.xlsx`);
        run(cmd, 'xlsx', '--out', out);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        const about: string[] = [];
        wb.worksheets.at(-1)!.eachRow((row) => about.push(row.values!.toString()));
        expect(
          about.some((row) => row.includes(`注意 note,${NOTE}`)),
          about.join('\n'),
        ).toBe(true);
        const html = join(dir, `${cmd}-${when[0]!.slice(2)}.html`);
        run(cmd, 'html', '--out', html);
        expect(readFileSync(html, 'utf8')).toContain(`<p class="note est">note: ${NOTE}`);
        // compare's columns are one file's households under each locality's rules: said, in the report as on stderr
        const one = "runs under each locality's rules: the same households in every column";
        if (cmd === 'compare') {
          expect(json.notes.some((n) => n.includes(one))).toBe(true);
          expect(readFileSync(html, 'utf8')).toContain(one.replace("'", '&#39;'));
        } else expect(json.notes.some((n) => n.includes(one))).toBe(false);
      }
    }
  }, 60_000); // (some twenty runs of the CLI: 12–15 s alone, past 30 s on a loaded machine)

  // An analyst's trial: {scale: 0.1} meant +10 % made Nanning's rural standard 56.67 (the total fell 41 %), and a 50 %
  // premium share for edge members paid 350 of 400 — Nanning's fixed 150 added to it — both without a word
  it('says a scale that reads like a slip at its line, and a premium share that adds to a fixed amount in force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-odd-'));
    const file = join(dir, 'odd.yaml');
    writeFileSync(
      file,
      'scenario: odd\ntitle: {zh: 试, en: odd}\nreason: a trial\nchanges:\n  medical.subsidy.low_income: {set: 0.5}\n  dibao.standard.rural: {scale: 0.1}\n  dibao.standard.urban: {scale: 0.9}\n',
    );
    const r = simulate('--date', '2025-06-30', '--scenario', file, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${file}:6:3: scale 0.1 multiplies dibao.standard.rural by 0.1 (−90 %): a rise of 10 % is scale: 1.1, a cut of 10 % scale: 0.9\n`,
    );
    expect(r.stderr).not.toContain('dibao.standard.urban by'); // (a cut of 10 %: as meant)
    // 0.5 × 400 + 150 = 350 of the premium of 400 (DOMAIN step 9)
    const premium =
      'note: scenario odd sets medical.subsidy.low_income 0.5 beside medical.fixed.low_income 150 in force: the two add, min(premium, round(0.5 × 400) + 150) = 350.00 of 400.00 a year (DOMAIN step 9)';
    expect(r.stderr).toContain(premium);
    // the amount as step 9 pays it, in the policy's rounding: yuan_up makes 0.333 × 400 = 133.20 → 134 (a code review:
    // the note recomputed it to the fen, 283.20, where explain paid 284.00)
    const up = join(dir, 'up.yaml');
    writeFileSync(
      up,
      'scenario: up\ntitle: {zh: 试, en: up}\nreason: a trial\nchanges:\n  medical.subsidy.low_income: {set: 0.333}\n  rounding: {set: yuan_up}\n',
    );
    expect(simulate('--date', '2025-06-30', '--scenario', up).stderr).toContain(
      'min(premium, round(0.333 × 400) + 150) = 284.00 of 400.00',
    );
    expect((JSON.parse(r.stdout) as { notes: string[] }).notes.some((n) => n.startsWith(premium.slice('note: '.length)))).toBe(true);
    // the bundled 50 % scenario sets the fixed amount to 0 too: nothing to say
    expect(simulate('--date', '2025-06-30', '--scenario', 'scenarios/edge-premium-50pct.yaml').stderr).not.toContain('the two add');
    expect(simulate('--date', '2025-06-30', '--scenario', file, '--quiet').stderr).toBe('');
  });

  // A QA trial: a scenario giving tiers where the gap is paid changed nothing, Δ 0, not a word (a key silently ignored)
  it('a change no rule reads with the values in force (tiers under the gap) is said: the whole scenario, or that part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-unread-'));
    const tiers = 'dibao.payment.tiers: {set: [{below_share: 0.5, per_person: 400}, {below_share: 1, per_person: 200}]}';
    const file = (name: string, ...changes: string[]) => {
      const f = join(dir, `${name}.yaml`);
      writeFileSync(
        f,
        `scenario: ${name}\ntitle: {zh: 试, en: test}\ndescription: a test\nreason: a test\nchanges:\n${changes.map((c) => `  ${c}\n`).join('')}`,
      );
      return f;
    };
    const r = simulate(
      ...['--date', '2025-06-30', '--format', 'json'],
      ...['--scenario', file('tiers-only', tiers), '--scenario', file('tiers-and-raise', tiers, 'dibao.standard.urban: {scale: 1.1}')],
      ...['--scenario', file('tiered', tiers, 'dibao.payment.mode: {set: tiered}')],
    );
    expect(r.code, r.stderr).toBe(0);
    const notes = r.stderr.split('\n').filter((l) => l.includes('no rule reads'));
    const why = 'sets dibao.payment.tiers (read when dibao.payment.mode is tiered; it is gap), which no rule reads at 2025-06-30';
    expect(notes).toEqual([
      `note: scenario tiers-only ${why}: it changes nothing (its Δ is 0 by construction, not a finding)`,
      `note: scenario tiers-and-raise ${why}: that change does nothing; its others apply`,
    ]);
    const [, only, raise, tiered] = JSON.parse(r.stdout).scenarios;
    expect(only.total_delta.annual_cost).toBe('0.00');
    expect(raise.total_delta.annual_cost).not.toBe('0.00');
    expect(tiered.total_delta.annual_cost).not.toBe('0.00');
    // --years: said as of the last year
    const years = simulate('--years', '2025-2026', '--scenario', join(dir, 'tiers-and-raise.yaml'), '--format', 'json');
    expect(years.stderr).toContain(
      'note: scenario tiers-and-raise sets dibao.payment.tiers (read when dibao.payment.mode is tiered; it is gap), which no rule reads in 2026: that change does nothing; its others apply',
    );
  });

  it("compare says the localities' take-up differs on a population with draws, not on one without", () => {
    // A researcher read Guangzhou's 5.2 % dibao take-up as its rules: said. A reform author was told so on the sample,
    // where no household has a draw (received = eligible everywhere): not said there (above).
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-takeup-')), 'h.csv');
    expect(jiuzhu(['generate', '--policy', NANNING, '--households', '3000', '--seed', '5', '--out', file]).code).toBe(0);
    const c = jiuzhu([
      'compare',
      '--policy',
      NANNING,
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--households',
      file,
      '--date',
      '2025-06-30',
    ]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(
      /^note: take-up differs between the localities \(take_up\.dibao: guangxi-nanning 0\.6, jiangxi-fuliang 0\.7;.*\): their costs differ by who takes up as well as by their rules; to compare the rules alone, add --scenario scenarios\/full-coverage\.yaml/m,
    );
    // full coverage given: named, not asked for (an onboarding trial was asked to add what it had given)
    const given = jiuzhu([
      ...['compare', '--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', file, '--date', '2025-06-30'],
      ...['--scenario', 'scenarios/full-coverage.yaml'],
    ]);
    expect(given.stderr).toMatch(
      /their costs differ by who takes up as well as by their rules; the run full-coverage, where every eligible household takes up, compares the rules alone\n/,
    );
  });

  it('a scenario whose changes all start after the date or year says so, and one with none says that', () => {
    // A reform author's `from: 2072-07-01` (for 2027) was told "the baseline already has its values"
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-later-'));
    const later = join(dir, 'later.yaml');
    writeFileSync(
      later,
      "scenario: later\ntitle: {zh: 迟, en: later}\nreason: x\nchanges:\n  dibao.standard.urban: {add: 80, from: '2072-07-01'}\n",
    );
    const none = join(dir, 'none.yaml');
    writeFileSync(none, 'scenario: none\ntitle: {zh: 无, en: none}\nreason: x\nchanges: {}\n');
    for (const [when, at] of [
      [['--date', '2027-08-01'], 'at 2027-08-01'],
      [['--year', '2027'], 'in 2027'],
    ] as const) {
      const r = simulate(...when, '--scenario', later, '--scenario', none);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        `note: scenario later changes no parameter ${at}: its changes start after it (the first from 2072-07-01: a typo in the year?) (its Δ is 0 by construction, not a finding)\n`,
      );
      expect(r.stderr).toContain(
        `note: scenario none changes no parameter ${at}: it gives no change (its Δ is 0 by construction, not a finding)\n`,
      );
    }
    // at a date it has reached, it changes the standard: no note
    expect(simulate('--date', '2072-08-01', '--scenario', later).stderr).not.toContain('changes no parameter');
  });
});

describe('simulate --years: projected estimates in the workbook', () => {
  // A finance trial saw 27 projected rows with blank low and high, where the README promised each estimate's range
  it('a projected value says it was made by the projection (its range is the estimate it grew from, if any)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-years-')), 'projected.xlsx');
    const r = jiuzhu([
      ...['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, '--years', '2026-2027'],
      ...['--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--format', 'xlsx', '--out', out],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('估计值 Estimates')!;
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1, 8));
    expect(rows.find((x) => x[1] === 2027 && x[2] === 'dibao.standard.urban')).toEqual([
      'baseline',
      2027,
      'dibao.standard.urban',
      expect.any(Number),
      '2027-01-01',
      '派生 derived (guangdong-3.5pct)',
      '',
    ]);
    expect(rows.filter((x) => x[5] === '' && x[6] === '')).toEqual([]); // (every estimate: a range, exact, or derived)
    // with the value it grew from and that one's source (a re-trial: 99 of 156 projected rows had none)
    const full = ws.getRows(2, ws.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    const std = full.find((x) => x[1] === 2027 && x[2] === 'dibao.standard.urban')!;
    expect([String(std[7]).includes('; grown from 1309 (since 2025-01-01, gz-2025)'), String(std[8]).startsWith('gz-2025')]).toEqual([
      true,
      true,
    ]);
    // the Parameters sheet: a projected value cites the value it grew from, and that one's source (a budget trial's 2027
    // standard had its source, clause, document and URL empty; the basis named the projection alone)
    const ps = wb.getWorksheet('参数 Parameters')!;
    const header = (ps.getRow(1).values as unknown[]).slice(1);
    const cell = (row: unknown[], h: string) => row[header.findIndex((x) => String(x).startsWith(h))];
    const urban = ps
      .getRows(2, ps.rowCount - 1)!
      .map((row) => (row.values as unknown[]).slice(1))
      .find((x) => x.includes(2027) && x.includes('dibao.standard.urban'))!;
    expect([cell(urban, '来源'), cell(urban, '文件')]).toEqual(['gz-2025', 'Guangzhou 2025 dibao standard 1309']);
    // grown from a published value: no range of its own, said as the Estimates sheet says it (it read "—")
    expect(cell(urban, '区间')).toBe('派生 derived (guangdong-3.5pct)');
    expect(String(cell(urban, '依据'))).toMatch(/grown from 1309 \(since 2025-01-01, gz-2025\)/);
    // each year's months (a county budget trial found the periods in the JSON only): 24, and each year's add up to its
    // cost on the Years sheet (a month's cost is the period's, cut to the fen: within 12 fen)
    const months = wb.getWorksheet('月度 Months')!;
    const mrows = months.getRows(2, months.rowCount - 1)!.map((row) => (row.values as unknown[]).slice(1));
    expect(mrows.map((x) => x[1])).toEqual(
      ['2026', '2027'].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`)),
    );
    const years = wb.getWorksheet('逐年 Years')!;
    const total = (y: number) =>
      years
        .getRows(2, years.rowCount - 1)!
        .map((row) => (row.values as unknown[]).slice(1))
        .find((x) => x[0] === 'baseline' && String(x[1]) === String(y) && String(x[2]).startsWith('合计 total'))![5] as number;
    for (const y of [2026, 2027]) {
      const sum = mrows.filter((x) => String(x[1]).startsWith(String(y))).reduce((a, x) => a + Number(x.at(-1)), 0);
      expect(Math.abs(sum - total(y)), String(y)).toBeLessThan(0.125);
    }
    // which household columns the projection grows, and which it keeps as in the file (a trial saw temporary
    // assistance flat while the standards rose: emergency_need was not grown, and nothing said so; the projection now
    // grows it, with rigid_expenditure and financial_assets, each at its own rate)
    const about = wb.getWorksheet('说明 About')!;
    const lines = about.getRows(2, about.rowCount - 1)!.map((row) => row.getCell(2).value);
    expect(lines).toContain(
      'grown: wage_income (incomes, +5% a year), other_income (incomes, +5% a year), financial_assets (+5% a year), rigid_expenditure (+1.2% a year), emergency_need (+1% a year), weight (population, 0% a year); as in the file, every year: age, prior_dibao',
    );
    expect(lines).toContainEqual(expect.stringMatching(/^rigid_expenditure \+1\.2% \(estimate: medical spending a household pays itself/));
  });
});

describe('simulate --years with a projection', () => {
  it('Guangzhou three years ahead (standards +3.5 % a year): each year by program and level, the same from the file alone', () => {
    const args = ['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, '--years', '2026-2028'];
    const run = () => jiuzhu([...args, '--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--format', 'json']);
    const r = run();
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.years).toEqual([2026, 2027, 2028]);
    expect(out.projection.uprate[0]).toEqual({
      parameters: 'dibao.standard.',
      grows: ['dibao.standard.urban', 'dibao.standard.rural'],
      yearly: '0.035',
      month: 1,
      basis: expect.stringMatching(/^source: Guangdong/),
      range: null, // (a published rate: none)
    });
    // an estimated rate's range, as the file gives it
    expect(out.projection.uprate[3].range).toEqual({
      low: '0.02',
      high: '0.05',
      basis: expect.stringMatching(/^Guangdong's two subsidies/),
    });
    // the household columns it grows at their own rates, from the incomes' year
    expect(out.projection.households.map((g: { column: string; yearly: string; from: number }) => [g.column, g.yearly, g.from])).toEqual([
      ['rigid_expenditure', '0.012', 2025],
      ['emergency_need', '0.01', 2025],
      ['financial_assets', '0.05', 2025],
    ]);
    expect(out.projection.kept).toEqual(['age', 'prior_dibao']); // (the columns no rate grows: as in the file)
    const base = out.scenarios[0].years;
    for (const y of base) {
      expect(Object.keys(y.programs)).toContain('dibao');
      expect(D(y.funding.central).plus(y.funding.provincial).plus(y.funding.local).gt(0)).toBe(true);
    }
    // Standards rise, so dibao's cost per person rises year on year.
    const perPerson = base.map((y: { programs: { dibao: { annual_cost: string; persons: string } } }) =>
      D(y.programs.dibao.annual_cost).dividedBy(y.programs.dibao.persons),
    );
    expect(perPerson[1].gt(perPerson[0]) && perPerson[2].gt(perPerson[1])).toBe(true);
    // Each run keeps DOMAIN's shape with the window's figures (an integrator's reader was given `years` alone): every
    // program's cost and the total summed over the three years exactly, counts the average month, who pays summed.
    const w = out.scenarios[0];
    expect(out.date).toBe('2026-2028');
    // (and says so: an auditor's trial read the window's annual_cost as one year's)
    expect(out.window).toEqual({ years: 3, costs: 'summed over the years', counts: 'mean of the years' });
    type Year = { programs: Record<string, Record<string, string>>; total_annual_cost_exact: string; funding: Record<string, string> };
    const sum = (get: (y: Year) => string) => (base as Year[]).reduce((a, y) => a.plus(get(y)), D(0));
    for (const p of PROGRAM_IDS) {
      expect(w.programs[p].annual_cost_exact).toBe(
        sum((y) => y.programs[p].annual_cost_exact).toFixed(Math.max(2, sum((y) => y.programs[p].annual_cost_exact).decimalPlaces())),
      );
      expect(D(w.programs[p].persons).toFixed(6)).toBe(
        sum((y) => y.programs[p].persons)
          .dividedBy(3)
          .toFixed(6),
      );
    }
    expect(w.total_annual_cost).toBe(sum((y) => y.total_annual_cost_exact).toFixed(2));
    // who pays in the window: each program's parts and the total's add up to their window costs exactly (a determinism
    // audit: the years' rounded splits added were a fen or two off), and each level is its years' within a fen a year
    const adds = (split: Record<string, string>) => D(split.central!).plus(split.provincial!).plus(split.local!).toFixed(2);
    expect(adds(w.funding)).toBe(w.total_annual_cost);
    for (const [p, split] of Object.entries(w.funding.programs) as Array<[string, Record<string, string>]>)
      expect(adds(split), p).toBe(w.programs[p].annual_cost);
    for (const l of ['central', 'provincial', 'local'])
      expect(
        D(w.funding[l])
          .minus(sum((y) => y.funding[l]!))
          .abs()
          .lte('0.03'),
      ).toBe(true);
    expect(run().stdout).toBe(r.stdout); // reproducible
    const table = jiuzhu([...args, '--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--unit', 'wan']).stdout;
    expect(table).toMatch(/^cost 年度支出 \(万元 10k yuan\)\s+2026\s+2027\s+2028\s+2026–2028 合计\s+growth a year 年均增长$/m);
    expect(table).toMatch(/^中央 central\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+$/m); // (three years, and the window)
  });

  it('a scenario from a date applies to the projected standards: the months before it cost what the baseline costs', () => {
    // Fuliang's dibao standards (798.1 urban, 593.9 rural a month from 2025) grown 4 % a year, and raised 10 % from
    // July 2026 (mid-year) or July 2027. 2026: 798.1 × 1.04 = 830.024 → 830.02, × 1.1 = 913.022 → 913.02; rural 593.9
    // × 1.04 = 617.656 → 617.66, × 1.1 = 679.426 → 679.43. 2027: 830.02 × 1.04 = 863.2208 → 863.22, × 1.1 = 949.542 →
    // 949.54. (Projected after the scenario, January–June 2026 kept the unprojected 798.1 and July gave 877.91.)
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-years-'));
    const projection = join(dir, 'p.yaml');
    writeFileSync(
      projection,
      'projection: fl-4pct\ntitle: {zh: 低保标准每年提高4%, en: Standards up 4 %}\nbase_year: 2025\n' +
        'uprate:\n  dibao.standard.: {yearly: 0.04, estimate: "a planning assumption"}\n' +
        'incomes: {yearly: 0, estimate: "flat"}\npopulation: {yearly: 0, estimate: "flat"}\n',
    );
    const raise = (year: number) => {
      const f = join(dir, `raise-${year}.yaml`);
      writeFileSync(
        f,
        `scenario: raise-${year}\ntitle: {zh: 7月起提高10%, en: +10 % from July}\nreason: test\nchanges:\n` +
          `  dibao.standard.urban: {scale: 1.1, from: ${year}-07-01}\n  dibao.standard.rural: {scale: 1.1, from: ${year}-07-01}\n`,
      );
      return f;
    };
    const r = jiuzhu([
      ...['simulate', '--policy', 'policies/jiangxi-fuliang.yaml', '--households', SAMPLE, '--years', '2026-2027'],
      ...['--projection', projection, '--scenario', raise(2026), '--scenario', raise(2027), '--format', 'json'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [base, mid2026, mid2027] = JSON.parse(r.stdout).scenarios.map((s: { years: unknown }) => s.years);
    type Month = { total_cost: string };
    const months = (y: { months: Month[] }) => y.months.map((m) => m.total_cost);
    type Change = { date: string; path: string; source: string };
    expect(mid2026[0].changes.filter((c: Change) => c.date === '2026-07-01')).toEqual([
      { path: 'dibao.standard.urban', date: '2026-07-01', before: '830.02', after: '913.02', source: 'scenario raise-2026' },
      { path: 'dibao.standard.rural', date: '2026-07-01', before: '617.66', after: '679.43', source: 'scenario raise-2026' },
    ]);
    // (and, first, the year's first day against the day before: the projection's rise, 798.10 → 830.02)
    expect(mid2026[0].changes[0]).toEqual({
      path: 'dibao.standard.urban',
      date: '2026-01-01',
      before: '798.1',
      after: '830.02',
      source: 'projection fl-4pct',
    });
    expect(months(mid2026[0]).slice(0, 6)).toEqual(months(base[0]).slice(0, 6));
    expect(D(mid2026[0].months[6].total_cost).gt(base[0].months[6].total_cost)).toBe(true);
    expect(months(mid2027[0])).toEqual(months(base[0]));
    expect(mid2027[1].changes).toContainEqual({
      path: 'dibao.standard.urban',
      date: '2027-07-01',
      before: '863.22',
      after: '949.54',
      source: 'scenario raise-2027',
    });
    expect(months(mid2027[1]).slice(0, 6)).toEqual(months(base[1]).slice(0, 6));
    // 949.54 all year: each month as July's of the year raised in July — but the gradual exit, paid in the months after
    // a household leaves (from January, where the raise from July leaves it then; dibao.gradual_exit.months 6)
    type Programs = { programs: Record<string, string> };
    const but = (m: Programs) => Object.entries(m.programs).filter(([id]) => id !== 'gradual_exit');
    // (each month the running total rounded less the one before: months of one rate a fen apart at most)
    const near = (a: Programs, b: Programs) => but(a).every(([id, v]) => D(v).minus(b.programs[id]!).abs().lte('0.01'));
    for (const m of mid2026[1].months as Programs[]) expect(near(m, mid2027[1].months[6])).toBe(true);
    months(mid2026[1])
      .slice(6)
      .forEach((t, k) =>
        expect(
          D(t)
            .minus(months(mid2027[1])[6 + k]!)
            .abs()
            .lte('0.01'),
        ).toBe(true),
      );
  });

  it('years past the newest standard without a projection say so on stderr; with a projection, or --quiet, nothing', () => {
    const years = ['--years', '2026-2027'];
    const plain = simulate(...years);
    expect(plain.code).toBe(0);
    expect(withoutFirstExit(plain.stderr)).toBe(
      'note: policies/guangxi-nanning.yaml: the newest dibao standards it gives (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01) are 5+ years older than 2027-12-31: carried forward unchanged (add the newer value, or simulate --years with a --projection)\n' +
        // (and the rigid-expenditure line's measure: last year's income, Nanning's 2023 figure, standing from 2024)
        'note: policies/guangxi-nanning.yaml: the newest disposable incomes (the rigid-expenditure line) it gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are 3+ years older than 2027-12-31: carried forward unchanged (add the newer value, or simulate --years with a --projection)\n',
    );
    expect(simulate(...years, '--quiet').stderr).toBe('');
    // a program resting on an estimate is marked, as the footnote under the table says (it was under no row)
    expect(plain.stdout).toMatch(/^低保 dibao \* /m);
    expect(plain.stdout).toMatch(/^\* rests on estimated parameters/m);
    // with a projection from 2025 the old standards are said of its base year (the next test; a projection made for
    // Guangzhou, not Nanning: the test after)
    const projected = simulate(...years, '--projection', 'scenarios/projections/guangdong-3.5pct.yaml').stderr;
    expect(projected).not.toContain('carried forward unchanged');
    expect(projected).toContain('2023–2025 taken as unchanged, then grown');
    // (the disposable incomes too: the projection grows them from 2025, the policy's newest is 2024's)
    expect(projected).toContain(
      "but the newest disposable incomes (the rigid-expenditure line) policies/guangxi-nanning.yaml gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are older: 2025 taken as unchanged (an estimate ranged from no raise to a raise at the rate's high, +6.5%, each year: --ranges and sensitivity vary it), then grown",
    );
    // under a projection that does not grow them, the advice is to grow them there (it was to run with a projection:
    // what the run did — a trial)
    const own = join(mkdtempSync(join(tmpdir(), 'jiuzhu-grow-')), 'p.yaml');
    writeFileSync(
      own,
      readFileSync('scenarios/projections/guangxi-nanning-4pct.yaml', 'utf8').replace(/^ {2}rigid\.disposable_income\.: .*\n/m, ''),
    );
    expect(simulate(...years, '--projection', own).stderr).toContain(
      'note: policies/guangxi-nanning.yaml: the newest disposable incomes (the rigid-expenditure line) it gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are 3+ years older than 2027-12-31: carried forward unchanged (add the newer value, or grow it in projection guangxi-nanning-4pct: a line under uprate in ' +
        `${own}, e.g. rigid.disposable_income.)\n`,
    );
    // (in Chinese alike: not "用 simulate --years 加 --projection 预测", what the run did)
    expect(simulate(...years, '--projection', own, '--lang', 'zh').stderr).toContain(
      '中最新的居民人均可支配收入（刚性支出认定线）（城市 44469，2024-01-01 起；农村 20369，2024-01-01 起）距 2027-12-31 已超过 3 年，按原值沿用（请补充新的数值，或在预测 guangxi-nanning-4pct 中增长它：在 ' +
        `${own} 的 uprate 下加一行，如 rigid.disposable_income.）\n`,
    );
    // the standards of the date: nothing of them (the sample's few households of some programs are said, section 5)
    expect(
      simulate('--date', '2022-06-30')
        .stderr.split('\n')
        .filter((l) => l && !l.startsWith('note: few households of')),
    ).toEqual([]);
  });

  // An auditor's trial: the note went to stderr only, and a saved table, Markdown or JSON did not carry it
  it('a standard carried forward is said in the JSON and Markdown it qualifies; the tables say parts are rounded apart', () => {
    const stale =
      'policies/guangxi-nanning.yaml: the newest dibao standards it gives (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01) are 5+ years older than 2027-12-31: carried forward unchanged (add the newer value, or simulate --years with a --projection)';
    const staleIncome =
      'policies/guangxi-nanning.yaml: the newest disposable incomes (the rigid-expenditure line) it gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are 3+ years older than 2027-12-31: carried forward unchanged (add the newer value, or simulate --years with a --projection)';
    for (const when of [
      ['--year', '2027'],
      ['--date', '2027-12-31'],
    ]) {
      // (and, for the budget year, the note on its gradual exit: its own test, 'carries the gradual exit')
      const notes = JSON.parse(simulate(...when, '--format', 'json', '--quiet').stdout).notes as string[];
      expect(otherNotes(notes)).toEqual([stale, staleIncome]);
      const md = simulate(...when, '--format', 'markdown', '--quiet').stdout;
      expect(md).toContain(`> Note: ${stale}\n`);
      expect(md).toContain(
        '_分项数因四舍五入，与合计可能略有出入 parts are rounded each on its own and may not add to the total exactly; a Δ or a swing is of the unrounded figures; each level’s Δ in who pays is of its shares, each to the fen (the three may miss the Δ by a fen)._\n',
      );
      expect(simulate(...when, '--quiet').stdout).toMatch(/\n分项数因四舍五入，与合计可能略有出入 parts are rounded each on its own/);
    }
    expect(otherNotes(JSON.parse(simulate('--date', '2022-06-30', '--format', 'json').stdout).notes)).toEqual([]); // (no stale standard)
  });

  // A finance trial applied Guangdong's 3.5 % to Fuliang with no word; the projection now names its localities.
  it('a projection made for another locality says so, on stderr and in every output; for its own, nothing', () => {
    const P = 'scenarios/projections/guangdong-3.5pct.yaml';
    const run = (policy: string, ...more: string[]) =>
      jiuzhu(['simulate', '--policy', policy, '--households', SAMPLE, '--years', '2026-2027', '--projection', P, ...more]);
    const other = run('policies/jiangxi-fuliang.yaml');
    expect(other.code).toBe(0);
    expect(withoutFirstExit(other.stderr)).toBe(
      'note: projection guangdong-3.5pct was made for guangdong-guangzhou, not jiangxi-fuliang: its rates are applied as they are\n' +
        // (Fuliang publishes its 2026 disposable incomes: kept, not grown from 2025's)
        'note: projection guangdong-3.5pct keeps the disposable incomes (the rigid-expenditure line) policies/jiangxi-fuliang.yaml gives for 2026 (urban 56502 from 2026-01-01, rural 24456 from 2026-01-01): that year is not grown, the next grown from them (a raise within such a year: add its dated value to the policy)\n' +
        // (a population generated from Fuliang's profile has 2024's incomes: a provincial trial's were held flat to 2025)
        "warning: projection guangdong-3.5pct grows the households' incomes (and rigid_expenditure, emergency_need, financial_assets, of the same file) from its base_year 2025; a population generated from policies/profiles/jiangxi-fuliang.yaml has incomes of 2024: for it, give --incomes-year 2024 (without it, they are read as 2025's: not grown from 2024 to 2025, every income 4.8 % below its path at the projection's +5% a year, whatever the standards do in those years)\n",
    );
    expect(other.stdout).toContain('made for guangdong-guangzhou, not jiangxi-fuliang: its rates are that locality');
    expect(run('policies/jiangxi-fuliang.yaml', '--quiet').stderr).toBe('');
    expect(JSON.parse(run('policies/jiangxi-fuliang.yaml', '--format', 'json').stdout).projection.localities).toEqual([
      'guangdong-guangzhou',
    ]);
    const own = run('policies/guangdong-guangzhou.yaml');
    // (its own: only that Guangzhou's newest income, 2023's standing from 2024, is taken as 2025's before it is grown)
    expect(withoutFirstExit(own.stderr)).toBe(
      'note: projection guangdong-3.5pct grows from base_year 2025, but the newest disposable incomes (the rigid-expenditure line) policies/guangdong-guangzhou.yaml gives (urban 79923 from 2024-01-01, rural 38530 from 2024-01-01) are older: 2025 taken as unchanged, then grown (add the published values, or an earlier base_year)\n' +
        "warning: projection guangdong-3.5pct grows the households' incomes (and rigid_expenditure, emergency_need, financial_assets, of the same file) from its base_year 2025; a population generated from policies/profiles/guangdong-guangzhou.yaml has incomes of 2021: for it, give --incomes-year 2021 (without it, they are read as 2025's: not grown from 2021 to 2025, every income 17.7 % below its path at the projection's +5% a year, whatever the standards do in those years)\n",
    );
    expect(own.stdout).not.toContain('made for');
  });

  // A budget officer's trial: a one-digit typo gave a plausible flat budget, or a reform costing nothing, unsaid
  it('says when nothing is projected, when standards are older than the base year, and when a scenario changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-years-'));
    const text = readFileSync('scenarios/projections/guangdong-3.5pct.yaml', 'utf8');
    const file = (name: string, body: string) => {
      writeFileSync(join(dir, name), body);
      return join(dir, name);
    };
    const late = file('late.yaml', text.replace('base_year: 2025', 'base_year: 2030'));
    const run = (...more: string[]) => simulate('--years', '2027-2028', ...more);
    // Refused, exit 2 (a budget officer's base_year 2052 ran the year unprojected, exit 0, its warning hidden by -q):
    // in 中文 too (a finance trial's was in English beside a 中文 table)
    const flat = run('--projection', late);
    expect([flat.code, flat.stdout, flat.stderr]).toEqual([
      2,
      '',
      `jiuzhu: --projection ${late}: its base_year 2030 is after 2028, the last year run: it would project nothing (a typo in base_year?)\n` +
        'hint: base_year is the year of the newest published values it grows from (the bundled projections: 2025); or run without --projection\n',
    ]);
    expect(run('--projection', late, '--quiet').code).toBe(2);
    expect(run('--projection', late, '--lang', 'zh').stderr).toBe(
      `jiuzhu：--projection ${late}：其 base_year 2030 晚于所算的最后一年 2028：什么都不会预测（base_year 写错了吗？）\n` +
        '提示：base_year 是预测据以增长的最新公布数值的年份（随附的预测为 2025）；或不加 --projection 运行\n',
    );
    expect(simulate('--year', '2027', '--projection', late).stderr).toContain('its base_year 2030 is after 2027, the year run:');
    // Nanning's newest standards are of 2022-04-01; a projection from 2025 takes 2023–2025 as unchanged
    const stale = run('--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--format', 'json');
    expect(otherNotes(JSON.parse(stale.stdout).notes)).toEqual([
      'projection guangdong-3.5pct was made for guangdong-guangzhou, not guangxi-nanning: its rates are applied as they are',
      'projection guangdong-3.5pct grows from base_year 2025, but the newest dibao standards policies/guangxi-nanning.yaml gives (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01) are older: 2023–2025 taken as unchanged, then grown (add the published values, or an earlier base_year)',
      "projection guangdong-3.5pct grows from base_year 2025, but the newest disposable incomes (the rigid-expenditure line) policies/guangxi-nanning.yaml gives (urban 44469 from 2024-01-01, rural 20369 from 2024-01-01) are older: 2025 taken as unchanged (an estimate ranged from no raise to a raise at the rate's high, +6.5%, each year: --ranges and sensitivity vary it), then grown (add the published values, or an earlier base_year)",
      "warning: projection guangdong-3.5pct grows the households' incomes (and rigid_expenditure, emergency_need, financial_assets, of the same file) from its base_year 2025; a population generated from policies/profiles/guangxi-nanning.yaml has incomes of 2022: for it, give --incomes-year 2022 (without it, they are read as 2025's: not grown from 2022 to 2025, every income 13.6 % below its path at the projection's +5% a year, whatever the standards do in those years)",
    ]);
    expect(stale.stderr).not.toContain('carried forward unchanged');
    // a projection that does not grow the standards carries them forward, as the policy does (it said "then grown")
    const wages = file('wages.yaml', text.replace(/^ {2}dibao\.standard\.: .*\n/m, ''));
    const carried = run('--projection', wages, '--format', 'json');
    expect(carried.stderr).not.toMatch(/dibao standards .* then grown/);
    expect(carried.stderr).toMatch(/disposable incomes .* then grown/); // (which it still grows)
    expect(JSON.parse(carried.stdout).notes).toContainEqual(
      expect.stringMatching(/are 6\+ years older than 2028-12-31: carried forward unchanged/),
    );
    // made for another locality: said in the outputs' notes too (it was on stderr and in the header only)
    expect(JSON.parse(carried.stdout).notes[0]).toBe(
      'projection guangdong-3.5pct was made for guangdong-guangzhou, not guangxi-nanning: its rates are applied as they are',
    );
    const typo = file(
      'typo.yaml',
      readFileSync('scenarios/dibao-standard-plus-10pct.yaml', 'utf8').replace(/\{scale: 1\.1\}/g, '{scale: 1.1, from: 2035-07-01}'),
    );
    const none = run('--scenario', typo);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toMatch(
      /^note: scenario \S+ changes no parameter in 2027–2028: its changes start after it \(the first from 2035-07-01\)/m,
    );
    expect(run('--scenario', 'scenarios/dibao-standard-plus-10pct.yaml').stderr).not.toContain('changes no parameter');
  });

  // A county budget trial: Fuliang's low-income line at 2 × S showed a change of 0 in every year and cell, its only
  // effect — the edge families' count — out of the years' table, which shows costs.
  it('a scenario that moves caseloads and no cost says so, with the first year’s caseloads; one that costs does not', () => {
    const args = [
      'simulate',
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--households',
      SAMPLE,
      '--years',
      '2026-2027',
      '--format',
      'json',
    ];
    const r = jiuzhu([...args, '--scenario', 'scenarios/low-income-2x.yaml']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const [b, s] = out.scenarios.map(
      (x: { years: Array<{ programs: Record<string, { households: string }> }> }) => x.years[0]!.programs.low_income.households,
    );
    expect(out.scenarios[1].total_annual_cost).toBe(out.scenarios[0].total_annual_cost);
    const note = `note: scenario low-income-2x changes no cost in 2026–2027, but caseloads (in 2026: 低保边缘 low-income ${Math.round(Number(b)).toLocaleString('en')} → ${Math.round(Number(s)).toLocaleString('en')} households)`;
    expect(r.stderr).toContain(note);
    expect(out.notes).toContainEqual(expect.stringContaining(note.replace(/^note: /, '')));
    expect(jiuzhu([...args, '--scenario', 'scenarios/tekun-basic-1.6x.yaml']).stderr).not.toContain('changes no cost');
    // a budget year and a date say it too (a re-trial found the note with --years only)
    for (const [when, said] of [
      [['--year', '2026'], 'in 2026'],
      [['--date', '2026-06-30'], 'at 2026-06-30'],
    ] as const) {
      const one = jiuzhu([...args.slice(0, 5), ...when, '--scenario', 'scenarios/low-income-2x.yaml']);
      expect(one.stderr).toContain(`note: scenario low-income-2x changes no cost ${said}, but caseloads (低保边缘 low-income `);
    }
  });

  // A budget officer in Nanning had no projection of Nanning's (the bundled one was Guangzhou's): one ships, every rate an
  // estimate with its basis; its raises on 1 April cut each budget year there
  it('Nanning’s own projection: no "made for" note, each year cut on 1 April, the standards 810 × 1.04 = 842.40 in 2026', () => {
    const r = simulate('--years', '2026-2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('made for');
    const y = JSON.parse(r.stdout).scenarios[0].years;
    expect(y[0].periods).toEqual([
      { from: '2026-01', to: '2026-03', months: 3 },
      { from: '2026-04', to: '2026-12', months: 9 },
    ]);
    // 810 × 1.04 = 842.40; 842.40 × 1.04 = 876.096 → 876.10
    expect(
      y.map((x: { changes: Array<{ path: string; after: string }> }) => x.changes.find((c) => c.path === 'dibao.standard.urban')!.after),
    ).toEqual(['842.4', '876.1']);
  });

  // A provincial trial's monthly plan showed Nanning's exit in January–March of every year: each year started from the
  // file's register (on_dibao), the same households leaving dibao again each January. Each run's exits are now carried
  // from year to year (core/year-exit.ts; hand-worked in test/core/year-exit-carry.test.ts): Nanning's exit is 6 months
  // from January, so 2026's leavers are paid in 2026 only, and 2027 pays the households that joined dibao in 2026 (the
  // file does not register them) leaving in 2027 — on the sample 411,194.95, where paying 2026's leavers again gave
  // 8,705,787.00. The sample's incomes are the projection's base_year's (2025): a window from 2026 starts from its
  // register, a later one runs the years before it first (cli/burn-in.ts, test/cli/burn-in.test.ts).
  it('carries the gradual exit from one year of a window to the next: 2026’s leavers are not paid again in 2027', () => {
    const years = (span: string) =>
      json('--years', span, '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--quiet').scenarios[0].years.map(
        (y: { programs: { gradual_exit: { annual_cost: string } } }) => y.programs.gradual_exit.annual_cost,
      );
    const [y2026, y2027] = years('2026-2027');
    expect([y2026, y2027]).toEqual(['8705787.00', '411194.95']);
    const [alone] = years('2027-2027'); // a window from 2027: 2026 run first, the same year
    expect(alone).toBe(y2027);
    expect(D(y2027).gt(0) && D(y2027).lt(D(y2026).div(20))).toBe(true);
    // the first year's exit said for what it is (a budget trial's director would ask why 2027 is 5 % of 2026)
    const notes = (span: string) =>
      json('--years', span, '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--quiet').notes as string[];
    expect(notes('2026-2027').filter((n) => n.startsWith('the gradual exit in 2026 is chiefly'))).toHaveLength(1);
    // from 2027: no stock to say, but what was run first
    expect(notes('2027-2027').filter((n) => n.includes('is chiefly'))).toHaveLength(0);
    expect(
      notes('2027-2027').filter((n) => n.startsWith("the file's register (on_dibao, prior_dibao) is taken as of the end of 2025")),
    ).toHaveLength(1);
    // and its change over the window marked as no trend (a budget trial read the exit's −95 % as one), that row alone
    const table = simulate('--years', '2026-2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--quiet').stdout;
    expect(table).toMatch(/^低保渐退 gradual exit \*\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+-[\d.]+% ‡$/m);
    expect(table).toMatch(/^低保渐退 gradual exit ‡\s+-[\d.]+%/m); // (what drives each program's change)
    expect(table).toMatch(/^‡ 低保渐退 gradual exit: 2026's is chiefly the file's register leaving in January .* is no trend$/m);
    expect(table.match(/‡/g)).toHaveLength(3);
  });

  // An auditor's window: dibao 3007.266 + 3619.718064 + 4294.30551696 = 10921.2896 → 10921.29 received, and 10921.30
  // eligible (the years' rounded eligible costs added) where every household took up
  it('a window’s eligible cost is its received cost where every household takes up, to the fen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-window-'));
    const [households, projection] = [join(dir, 'h.csv'), join(dir, 'p.yaml')];
    writeFileSync(
      households,
      'household_id,person_id,age,area,wage_income,other_income,weight\nW1,a1,40,urban,700,0,1.333333\nW2,a2,40,rural,500,33.33,2.5\n',
    );
    writeFileSync(
      projection,
      'projection: wt\ntitle: {zh: 测试, en: test}\nbase_year: 2025\nuprate:\n' +
        '  dibao.standard.urban: {yearly: 0.05, month: 7, estimate: "test"}\n  dibao.standard.rural: {yearly: 0.04, estimate: "test"}\n' +
        'incomes: {yearly: 0.03, estimate: "test"}\npopulation: {yearly: 0.02, estimate: "test"}\n',
    );
    const r = jiuzhu([
      ...['simulate', '--policy', NANNING, '--households', households, '--years', '2026-2028', '--projection', projection],
      ...['--format', 'json', '--quiet'],
    ]);
    const w = JSON.parse(r.stdout).scenarios[0];
    expect([w.programs.dibao.annual_cost_exact, w.programs.dibao.annual_cost, w.programs.dibao.eligible_annual_cost]).toEqual([
      '10921.28958096',
      '10921.29',
      '10921.29',
    ]);
    expect(w.eligible_total_annual_cost).toBe(w.total_annual_cost);
    // where one takes up and one does not (W1 draws 0.99): the window's received cost and each year's part not taken
    // up (a window's eligible that dropped that part would pass the first case alone: a code review)
    writeFileSync(
      households,
      'household_id,person_id,age,area,wage_income,other_income,weight,take_up_draw\nW1,a1,40,urban,700,0,1.333333,0.99\nW2,a2,40,rural,500,33.33,2.5,0\n',
    );
    const d = JSON.parse(
      jiuzhu([
        ...['simulate', '--policy', NANNING, '--households', households, '--years', '2026-2028', '--projection', projection],
        ...['--format', 'json', '--quiet'],
      ]).stdout,
    ).scenarios[0];
    const declined = d.years.reduce(
      (a: ReturnType<typeof D>, y: { programs: { dibao: { eligible_annual_cost: string; annual_cost: string } } }) =>
        a.plus(y.programs.dibao.eligible_annual_cost).minus(y.programs.dibao.annual_cost),
      D(0),
    );
    expect(declined.gt(0)).toBe(true);
    expect(d.programs.dibao.eligible_annual_cost).toBe(D(d.programs.dibao.annual_cost).plus(declined).toFixed(2));
  });

  it('--projection without --year or --years is a usage error', () => {
    const r = jiuzhu([
      'simulate',
      '--policy',
      NANNING,
      '--households',
      SAMPLE,
      '--projection',
      'scenarios/projections/guangdong-3.5pct.yaml',
    ]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('--projection goes with --year or --years')]);
  });

  // A provincial trial: a population generated from Guangzhou's profile (2021 incomes) under the projection from 2025
  // kept its incomes flat 2021–2025 while the standards rose — 2027 at 125,203 万元 where 99,865 with 2021's incomes
  // grown — and nothing said so. --incomes-year says the incomes' year; without it, a note names it.
  it('--incomes-year grows the incomes from their year, said in JSON; without it a note names the profile’s year', () => {
    const args = ['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, '--format', 'json'];
    const grow = ['--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--year', '2027'];
    const [flat, grown] = [jiuzhu([...args, ...grow]), jiuzhu([...args, ...grow, '--incomes-year', '2021'])];
    expect([flat.code, grown.code]).toEqual([0, 0]);
    expect(flat.stderr).toContain(
      "warning: projection guangdong-3.5pct grows the households' incomes (and rigid_expenditure, emergency_need, financial_assets, of the same file) from its base_year 2025; a population generated from policies/profiles/guangdong-guangzhou.yaml has incomes of 2021: for it, give --incomes-year 2021",
    );
    expect(grown.stderr).not.toContain('--incomes-year 2021');
    const [a, b] = [JSON.parse(flat.stdout), JSON.parse(grown.stdout)];
    expect([a.projection.incomes.from, b.projection.incomes.from]).toEqual([2025, 2021]);
    // higher incomes, fewer eligible: dibao costs less
    expect(Number(b.scenarios[0].programs.dibao.annual_cost)).toBeLessThan(Number(a.scenarios[0].programs.dibao.annual_cost));
    // never ignored: without --projection, or not a year
    const lone = jiuzhu([...args, '--date', '2025-06-30', '--incomes-year', '2021']);
    expect([lone.code, lone.stderr]).toEqual([2, expect.stringContaining('--incomes-year goes with --projection')]);
    const typo = jiuzhu([...args, ...grow, '--incomes-year', '21']);
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining('--incomes-year must be a calendar year such as 2026, got "21"')]);
    // incomes of a year after the one run: refused (2030's ran as the file's, JSON saying "from 2030": a code review)
    const later = jiuzhu([...args, ...grow, '--incomes-year', '2030']);
    expect([later.code, later.stderr]).toEqual([2, expect.stringContaining('--incomes-year 2030 is after 2027, the first year run')]);
    // a year at or before base_year: the incomes alone are grown, and said so (it said "nothing is projected")
    const at2025 = jiuzhu([
      ...args,
      '--projection',
      'scenarios/projections/guangdong-3.5pct.yaml',
      '--year',
      '2025',
      '--incomes-year',
      '2021',
    ]);
    expect(at2025.code, at2025.stderr).toBe(0);
    expect(at2025.stderr).toContain("only the households' incomes are grown, from 2021 (--incomes-year); the parameters are the policy's");
    expect(JSON.parse(at2025.stdout).projection.incomes.from).toBe(2021);
  });

  // A provincial re-trial: Nanning's standards stand at 810 / 566.67 from 2022-04-01, none newer, while --incomes-year 2022
  // grew the incomes 2022–2025: its 2027 dibao caseload fell a fifth, each half noted, the two together not.
  it('says where --incomes-year grows incomes over years the policy gives no newer dibao standard for (Nanning from 2022)', () => {
    const args = ['simulate', '--policy', NANNING, '--households', SAMPLE, '--year', '2027', '--format', 'json', '-q'];
    const grow = (from: string) => [...args, '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--incomes-year', from];
    const said = (r: ReturnType<typeof jiuzhu>) => (JSON.parse(r.stdout).notes as string[]).filter((n) => n.startsWith('--incomes-year'));
    expect(said(jiuzhu(grow('2022')))).toEqual([
      "--incomes-year 2022 grows the households' incomes (and rigid_expenditure, emergency_need, financial_assets, of the same file) 2022–2025 by projection guangxi-nanning-4pct's rates, while policies/guangxi-nanning.yaml gives no dibao standard newer than 2022 (urban 810 from 2022-04-01, rural 566.67 from 2022-04-01): held there until the projection grows them after 2025, so caseloads fall as incomes pass them — add the standards the locality set since, if any",
    ]);
    // incomes of 2021: the 2022 standards are newer, nothing to say; Guangzhou, whose standards rise each year, neither
    expect(said(jiuzhu(grow('2021')))).toEqual([]);
    const gz = jiuzhu([
      'simulate',
      '--policy',
      'policies/guangdong-guangzhou.yaml',
      '--households',
      SAMPLE,
      '--year',
      '2027',
      '--format',
      'json',
      '-q',
      '--projection',
      'scenarios/projections/guangdong-3.5pct.yaml',
      '--incomes-year',
      '2021',
    ]);
    expect(said(gz)).toEqual([]);
  });

  // A Fuliang budget trial: 2027 was 7,953.97 万元 by simulate --years 2027-2029 --projection and 8,459.29 by the
  // budget-year commands, which took no projection (simulate --year refused it; sensitivity --year took it).
  it('--year 2027 --projection gives 2027 as --years 2027-2028 gives it, every program, level and period', () => {
    const args = ['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, '--format', 'json', '--quiet'];
    const grow = ['--projection', 'scenarios/projections/guangdong-3.5pct.yaml', '--scenario', 'scenarios/low-income-2x.yaml'];
    const one = jiuzhu([...args, ...grow, '--year', '2027']);
    const two = jiuzhu([...args, ...grow, '--years', '2027-2028']);
    const plain = jiuzhu([...args, '--scenario', 'scenarios/low-income-2x.yaml', '--year', '2027']);
    expect([one.code, two.code, plain.code]).toEqual([0, 0, 0]);
    type Year = { programs: unknown; funding: unknown; total_annual_cost_exact: string; periods?: unknown };
    const fromYears = JSON.parse(two.stdout).scenarios.map((s: { years: Array<Year & { year: number }> }) =>
      s.years.find((y) => y.year === 2027)!,
    );
    const fromYear = JSON.parse(one.stdout).scenarios as Year[];
    expect(Object.keys(fromYear[0]!.programs as object)).toContain('dibao');
    expect(fromYear.map((s) => [s.total_annual_cost_exact, s.programs, s.funding])).toEqual(
      fromYears.map((s: Year) => [s.total_annual_cost_exact, s.programs, s.funding]),
    );
    // and it says it was grown, as --years does (a re-trial: no word of the projection in the table, JSON or workbook)
    expect(JSON.parse(one.stdout).projection).toEqual(JSON.parse(two.stdout).projection);
    expect(JSON.parse(one.stdout).projection.id).toBe('guangdong-3.5pct');
    expect(JSON.parse(plain.stdout).projection).toBeUndefined();
    expect(jiuzhu([...args.filter((a) => a !== 'json' && a !== '--format'), ...grow, '--year', '2027']).stdout).toContain(
      'projection guangdong-3.5pct (scenarios/projections/guangdong-3.5pct.yaml): from 2025, a year —',
    );
    // grown: Guangzhou's 2025 standard 1309 × 1.035² a year later than the policy's last, so 2027 costs more unprojected
    expect(D(fromYear[0]!.total_annual_cost_exact).gt(JSON.parse(plain.stdout).scenarios[0].total_annual_cost_exact)).toBe(true);
  });
});

describe('simulate --years --ranges', () => {
  // A budget officer defends three years' numbers: how far could the estimates move each year's total? (--years
  // --ranges was refused: one year at a time only)
  it('gives each year its range (the first year’s as simulate --year gives it), the window the years’ added, in every format', async () => {
    const args = ['--years', '2025-2026', '--ranges', '--quiet'];
    const years = json(...args).scenarios[0];
    const one = (y: string) => json('--year', y, '--ranges', '--quiet').scenarios[0];
    // The window's first year is the year alone. Its second carries 2025's leavers (a year alone starts from the file's
    // register): its gradual exit is less by d, and so its total; its range's runs each start from the central run's
    // 2025 (an estimate that moved who leaves in January 2026 alone moves no one who has already left).
    const first = one('2025');
    expect(years.years[0].total_annual_cost).toBe(first.total_annual_cost);
    expect(years.years[0].total_annual_cost_range).toEqual(first.total_annual_cost_range);
    const alone = one('2026');
    const d = D(alone.programs.gradual_exit.annual_cost).minus(years.years[1].programs.gradual_exit.annual_cost);
    expect(d.gt(0)).toBe(true);
    expect(years.years[1].total_annual_cost).toBe(D(alone.total_annual_cost).minus(d).toFixed(2));
    const second = years.years[1].total_annual_cost_range;
    expect(D(second.low).lt(years.years[1].total_annual_cost) && D(second.high).gt(years.years[1].total_annual_cost)).toBe(true);
    const [a, b] = years.years.map((y: { total_annual_cost_range: { low: string; high: string } }) => y.total_annual_cost_range);
    expect(D(a.low).lt(years.years[0].total_annual_cost) && D(a.high).gt(years.years[0].total_annual_cost)).toBe(true);
    expect([years.total_annual_cost_range.low, years.total_annual_cost_range.high]).toEqual([
      D(a.low).plus(b.low).toFixed(2),
      D(a.high).plus(b.high).toFixed(2),
    ]);
    expect(simulate(...args).stdout).toMatch(
      new RegExp(
        `^range 区间 †\\s+${[a, b, years.total_annual_cost_range].map((r) => `${commas(r.low)} – ${commas(r.high)}`).join('\\s+')}$`,
        'm',
      ),
    );
    // where each year's total lies in its range, as under a year's table (a budget trial's central sat near the low end)
    const way = (r: { low: string; high: string }, total: string) =>
      D(total).minus(r.low).dividedBy(D(r.high).minus(r.low)).times(100).toFixed(0);
    const places = [way(a, years.years[0].total_annual_cost), way(b, years.years[1].total_annual_cost)];
    expect(simulate(...args).stdout).toContain(`  Each total in its range: 2025 ${places[0]} %, 2026 ${places[1]} % of the way up.\n`);
    // (of the estimates in force, as the star list counts them, exact ones too: "with a range" was said of them)
    expect(simulate(...args).stdout).toMatch(
      /^† estimates that move the total: 2025 \d+ of the \d+ in force, 2026 \d+ of the \d+ in force;/m,
    );
    expect(simulate(...args, '--lang', 'zh').stdout).toContain(
      `合计在区间中的位置（自低端起）：2025 年 ${places[0]}%，2026 年 ${places[1]}%。`,
    );
    const out = join(mkdtempSync(join(tmpdir(), 'jiuzhu-years-')), 'ranges.xlsx');
    expect(simulate(...args, '--format', 'xlsx', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('逐年 Years')!;
    expect([11, 12, 13, 14].map((c) => ws.getRow(1).getCell(c).value)).toEqual([
      '区间低 range, low (元)',
      '区间高 range, high (元)',
      // a scenario's Δ, its range (the table gave it, the workbook did not): empty on the baseline's rows
      '较基线区间低 Δ range, low (元)',
      '较基线区间高 Δ range, high (元)',
    ]);
    const totals = ws.getRows(2, ws.rowCount - 1)!.filter((r) => r.getCell(3).value === '合计 total');
    expect(totals.map((r) => [r.getCell(2).value, r.getCell(11).value, r.getCell(12).value, r.getCell(13).value])).toEqual([
      [2025, Number(a.low), Number(a.high), null],
      [2026, Number(b.low), Number(b.high), null],
      ['2025–2026 合计', Number(years.total_annual_cost_range.low), Number(years.total_annual_cost_range.high), null],
    ]);
    // who pays: each level's range where the shares are estimates, each year and the window's (added), as in JSON
    const f = years.years.map(
      (y: { funding: { range: { low: Record<string, string>; high: Record<string, string> } } }) => y.funding.range,
    );
    const w = years.funding.range;
    expect(w.low.central).toBe(D(f[0].low.central).plus(f[1].low.central).toFixed(2));
    expect(simulate(...args).stdout).toMatch(
      new RegExp(
        `^中央 central range 区间 \\*\\s+${[f[0], f[1], w].map((r) => `${commas(r.low.central)} – ${commas(r.high.central)}`).join('\\s+')}$`,
        'm',
      ),
    );
    // CSV has no place for it (as for one date: jiuzhu sensitivity --format csv)
    expect(simulate(...args, '--format', 'csv').code).toBe(2);
  }, 60_000); // (the years and their ranges in four formats: 12–15 s alone, past 30 s on a loaded machine)
});

describe('--years A-B as people write it', () => {
  // A budget officer's trial: "2027–2029", as the tables head the window, was refused with the generic message
  it('takes any dash, 至 or ~, full-width digits; says what to write for one year, a short year, a reversed or long span', () => {
    // (and with 年 or 年度 after a year: a 科长's)
    for (const t of [
      '2027-2029',
      '2027–2029',
      '2027 — 2029',
      '2027~2029',
      '２０２７－２０２９',
      '2027至2029',
      '2027年-2029年',
      '2027年度至2029年度',
    ])
      expect(yearSpan(t), t).toEqual([2027, 2029]);
    const told = (t: string) => {
      try {
        yearSpan(t);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return [(e as UsageError).message, (e as UsageError).hint];
      }
      throw new Error(`${t} was taken`);
    };
    expect(told('2027')).toEqual([
      '--years is a span of years such as 2026-2028, got "2027"',
      'for one budget year, month by month: --year 2027 (grown by a --projection: --years 2027-2027)',
    ]);
    expect(told('2027-29')[0]).toBe('--years needs both years in full: write 2027-2029, got "2027-29"');
    expect(told('27-29')[0]).toBe('--years needs both years in full: write 2027-2029, got "27-29"');
    expect(told('2029-2027')[0]).toBe('--years runs backwards: write 2027-2029, got "2029-2027"');
    expect(told('2020-2035')[0]).toBe('--years is at most ten years (16 asked), got "2020-2035"');
    expect(told('next three')[0]).toBe('--years must be a span of at most ten years such as 2026-2028, got "next three"');
  });
});

describe('sensitivity --year --projection', () => {
  // An auditor's trial: the --years range pointed to `sensitivity --year`, which knew nothing of the projection and
  // gave the unprojected year. Projected, it is the year simulate --years gives: the same total, the same range.
  it('gives the projected year’s total and range, as simulate --years --ranges gives a window from that year', () => {
    const PRJ = ['--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'];
    // (a window from 2028: the years before it run first, as for the year alone — cli/burn-in.ts)
    const years = json('--years', '2028-2028', ...PRJ, '--ranges', '--quiet').scenarios[0].years[0];
    const r = jiuzhu(['sensitivity', '--policy', NANNING, '--households', SAMPLE, '--year', '2028', ...PRJ, '--format', 'json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.projection).toEqual({
      id: 'guangxi-nanning-4pct',
      file: 'scenarios/projections/guangxi-nanning-4pct.yaml',
      base_year: 2025,
      incomes: { from: 2025 },
    });
    // what the run says, in the JSON as simulate's are (a provincial re-trial found them on stderr only)
    // (but the note on the year's gradual exit, a program sensitivity does not break its totals into)
    // (the window's with --ranges: its notes as sensitivity's)
    const yearsNotes = json('--years', '2028-2028', ...PRJ, '--ranges', '--quiet').notes as string[];
    expect(otherNotes(s.notes)).toEqual(otherNotes(yearsNotes));
    // (2026–2027 run first, as the window runs them: the same note)
    const ranFirst = (ns: readonly string[]) => ns.filter((n) => n.startsWith("the file's register"));
    expect(ranFirst(s.notes)).toEqual(ranFirst(yearsNotes));
    expect(ranFirst(s.notes)).toHaveLength(1);
    expect(s.notes).toContainEqual(
      expect.stringContaining(
        "grows the households' incomes (and rigid_expenditure, emergency_need, financial_assets, of the same file) from its base_year 2025",
      ),
    );
    expect(s.central[0].total).toBe(years.total_annual_cost);
    expect([s.central[0].range.low, s.central[0].range.high]).toEqual([
      years.total_annual_cost_range.low,
      years.total_annual_cost_range.high,
    ]);
    // unprojected, the year is another (the policy as written: its standards carried forward from 2022)
    const plain = JSON.parse(
      jiuzhu(['sensitivity', '--policy', NANNING, '--households', SAMPLE, '--year', '2028', '--format', 'json', '--quiet']).stdout,
    );
    expect(plain.central[0].total).not.toBe(years.total_annual_cost);
    // each estimate as in force: the disability subsidy 122 grown 2 % a year to the fen (124.44, 126.93, 129.47), its
    // ends grown so (135: 137.70, 140.45, 143.26) — a budget trial's tornado read "122; 122 → 135" for a projected year
    const living = (x: { estimates: Array<{ path: string; central: string; low: string; high: string }> }) => {
      const e = x.estimates.find((v) => v.path === 'disability.living.monthly')!;
      return [e.central, e.low, e.high];
    };
    expect(living(s)).toEqual(['129.47', '129.47', '143.26']);
    expect(living(plain)).toEqual(['122', '122', '135']);
    expect(jiuzhu(['sensitivity', '--policy', NANNING, '--households', SAMPLE, '--date', '2028-06-30', ...PRJ]).code).toBe(2);
  });
});
