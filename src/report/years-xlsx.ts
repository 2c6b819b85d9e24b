// simulate --years as a workbook: each run's cost and who pays, per program and year, with the window's sum (and each
// total's range with --ranges); who pays by level; the parameters that change inside a year; each year's parameters
// and the estimates they rest on; how it was made.
import type { MadeBy } from './made.js';
import type ExcelJS from 'exceljs';
import { loadExcel, moneyUnit } from './excel.js';
import { ROUNDING_NOTE } from './text-table.js';
import {
  aboutSheet,
  CHANGE_COLUMNS,
  changeCells,
  ESTIMATE_COLUMNS,
  estimateCells,
  PARAMETER_COLUMNS,
  parameterRows,
  sheet,
  SCENARIO_COLUMN,
  monthColumns,
  monthRows,
} from './sheets.js';
import { fundingRangeEnds, LEVEL_LABELS, LEVELS, type Level } from '../core/funding.js';
import { bothTitles, changeText } from '../core/scenario.js';
import { noteText } from '../core/policy-notes.js';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { delta, fundingDelta, type ScenarioReport } from './totals.js';
import { rangeMethodCell } from './totals-words.js';
import { projectionLines, totalDelta, window, yearlyRate, type YearsReport } from './years-view.js';
import { deltaRangeRows, partsSheets } from './xlsx.js';

/** The workbook (exceljs is loaded here, when a workbook is asked for: it takes a third of a second). */
export async function yearsWorkbook(r: YearsReport, made: MadeBy): Promise<ExcelJS.Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = `jiuzhu ${made.version}`;
  const money = moneyUnit(r.unit); // (--unit, said in every money column's header)
  const { label: U, format: MONEY, cell: m } = money;
  // --ranges: each total's range beside it (as simulate's 区间 sheet gives one date's)
  const ranged = r.runs.every((run) => run.years.every((s) => s.range));
  const ws = wb.addWorksheet('逐年 Years', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    SCENARIO_COLUMN,
    { header: '年度 year', width: 16 },
    { header: '项目 program', width: 30 },
    { header: '户数 households', width: 14, style: { numFmt: '#,##0' } },
    { header: '人数 persons', width: 14, style: { numFmt: '#,##0' } },
    { header: `年度支出 cost (${U})`, width: 20, style: { numFmt: MONEY } },
    ...LEVELS.map((l) => ({ header: `${LEVEL_LABELS[l]} (${U})`, width: 18, style: { numFmt: MONEY } })),
    { header: `较基线 Δ vs baseline (${U})`, width: 20, style: { numFmt: MONEY } },
    ...(ranged
      ? [
          { header: `区间低 range, low (${U})`, width: 20, style: { numFmt: MONEY } },
          { header: `区间高 range, high (${U})`, width: 20, style: { numFmt: MONEY } },
          // (a scenario's Δ, its range, as the table gives it: it was missing here)
          { header: `较基线区间低 Δ range, low (${U})`, width: 20, style: { numFmt: MONEY } },
          { header: `较基线区间高 Δ range, high (${U})`, width: 20, style: { numFmt: MONEY } },
        ]
      : []),
    // (on the window's rows: the yearly rate from the first year's cost to the last's, as the table's last column)
    { header: '年均增长 growth a year', width: 14, style: { numFmt: '0.0%' } },
    // (a program resting on an estimated parameter that year, or in any year of the window (window()): the tables' `*`)
    { header: '依据估计 rests on an estimate', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  // Each run's years, then the window (the medium-term total a budget meeting asks for: costs and who pays summed over
  // the years, counts the mean of the years), each against the baseline's
  const windowLabel = `${r.years[0]}–${r.years.at(-1)} 合计`;
  const n = r.years.length - 1;
  const entriesOf = (run: YearsReport['runs'][number]) => {
    const base = run === r.runs[0] ? null : r.runs[0]!;
    const out: Array<{ at: number | string; s: ScenarioReport; b: ScenarioReport | null }> = run.years.map((s, k) => ({
      at: s.year!.year,
      s,
      b: base ? base.years[k]! : null,
    }));
    if (n > 0) out.push({ at: windowLabel, s: window(run.years), b: base ? window(base.years) : null });
    return out;
  };
  const entries = new Map(r.runs.map((run) => [run, entriesOf(run)]));
  for (const run of r.runs) {
    const [first, last] = [run.years[0]!.figures, run.years.at(-1)!.figures];
    const rate = (a: string, z: string) => {
      const g = yearlyRate(a, z, n);
      return g === null ? null : Number(g.toFixed(6));
    };
    for (const { at, s, b } of entries.get(run)!) {
      const grows = n > 0 && at === windowLabel;
      const pad = ranged ? [null, null, null, null] : [];
      for (const p of PROGRAMS) {
        const f = s.figures.programs[p.id];
        const d = b && isCash(p) ? delta(b.figures.programs[p.id].annual_cost_exact, f.annual_cost_exact, 2).value : undefined;
        ws.addRow([
          run.id,
          at,
          `${p.zh} ${p.en}`,
          Number(f.households),
          Number(f.persons),
          isCash(p) ? m(f.annual_cost) : null,
          ...LEVELS.map((l) => (s.funding?.programs[p.id] ? m(s.funding.programs[p.id]![l]) : null)),
          m(d),
          ...pad,
          grows && isCash(p) ? rate(first.programs[p.id].annual_cost, last.programs[p.id].annual_cost) : null,
          s.onEstimates.has(p.id) ? '是 yes' : '',
        ]);
      }
      ws.addRow([
        run.id,
        at,
        '合计 total',
        null,
        null,
        m(s.figures.total_annual_cost),
        ...LEVELS.map((l) => (s.funding ? m(s.funding.total[l]) : null)),
        b ? m(totalDelta(b, s)) : null,
        ...(ranged ? [m(s.range?.low), m(s.range?.high), m(s.range?.delta?.low), m(s.range?.delta?.high)] : []),
        grows ? rate(first.total_annual_cost, last.total_annual_cost) : null,
        s.onEstimates.size ? '是 yes' : '',
      ]).font = { bold: true };
    }
  }
  // Who pays, each year and over the window: each level's total, a scenario's change at each level (the table's Δ
  // rows), and where the shares are estimates each level's range (a budget officer's trial found them in JSON only)
  sheet(
    wb,
    '分级负担 Funding',
    [
      SCENARIO_COLUMN,
      { header: '年度 year', width: 16 },
      { header: '项 item', width: 28 },
      ...LEVELS.map((l) => ({ header: `${LEVEL_LABELS[l]} (${U})`, width: 18, format: MONEY })),
    ],
    r.runs.flatMap((run) =>
      entries.get(run)!.flatMap(({ at: y, s, b }) => {
        const f = s.funding;
        if (!f) return [];
        const row = (item: string, split: Readonly<Record<Level, string>>) => [run.id, y, item, ...LEVELS.map((l) => m(split[l]))];
        return [
          row('合计 total', f.total),
          ...(b?.funding
            ? [
                row('较基线 Δ vs baseline', fundingDelta(b.funding, f)),
                ...deltaRangeRows(b.funding, f, [run.id, y], m, '较基线 Δ vs baseline'),
              ]
            : []),
          ...(f.range
            ? [
                row(`区间低 range, low (${fundingRangeEnds(f.range)})`, f.range.low),
                row(`区间高 range, high (${fundingRangeEnds(f.range)})`, f.range.high),
              ]
            : []),
        ];
      }),
    ),
  );
  // The parts of programs, each year and over the window (as simulate's workbook gives one date's)
  partsSheets(
    wb,
    [SCENARIO_COLUMN, { header: '年度 year', width: 16 }],
    r.runs.flatMap((run) => entries.get(run)!.map(({ at, s }) => ({ s, at: [run.id, at] }))),
    money,
  );
  // Each year's months, by program (as simulate --year's workbook gives one year's): a standard raised in July shows
  // as the months' costs (a county budget trial found the periods in the JSON only)
  sheet(
    wb,
    '月度 Months',
    [SCENARIO_COLUMN, ...monthColumns(money)],
    r.runs.flatMap((run) => run.years.flatMap((s) => monthRows([run.id], s, money))),
  );
  // The parameters that change inside a year (a standard raised in July: the year in two periods)
  sheet(
    wb,
    '参数变化 Changes',
    [SCENARIO_COLUMN, ...CHANGE_COLUMNS],
    r.runs.flatMap((run) => run.years.flatMap((s) => (s.year?.changes ?? []).map((c) => [run.id, ...changeCells(c)]))),
  );
  // Every parameter each year's baseline uses (projected, where a projection grows it), where it comes from; a
  // scenario's rows only where it differs from the baseline's that year (as simulate's workbook gives one date's)
  sheet(
    wb,
    '参数 Parameters',
    [SCENARIO_COLUMN, { header: '年度 year', width: 8 }, ...PARAMETER_COLUMNS],
    r.runs.flatMap((run) =>
      run.years.flatMap((s, k) => {
        const base = r.runs[0]!.years[k]!.parameters;
        return s.parameters && base
          ? parameterRows(s.parameters, run === r.runs[0] ? undefined : base).map((row) => [run.id, s.year!.year, ...row])
          : [];
      }),
    ),
  );
  // The estimates each year rests on, with how far each could be off (as simulate's workbook gives them)
  sheet(
    wb,
    '估计值 Estimates',
    [SCENARIO_COLUMN, { header: '年度 year', width: 8 }, ...ESTIMATE_COLUMNS],
    [
      ...r.runs.flatMap((run) =>
        run.years.flatMap((s) => s.estimates.map((e) => [run.id, s.year!.year, ...estimateCells(r.projected ?? r.policy, e)])),
      ),
      // the projection's estimated rates with a range, each an estimate of its own for every run and year (sensitivity's
      // workbook listed them; this one did not — a budget-uncertainty trial)
      ...(r.projection?.uprate ?? [])
        .filter((g) => g.range)
        .map((g) => [
          `预测 projection ${r.projection!.id}`,
          `${r.years[0]}–${r.years.at(-1)}`,
          `${g.read} 年增长率 yearly rate`,
          Number(g.yearly.toString()),
          `${r.projection!.baseYear + 1}-${String(g.month ?? 1).padStart(2, '0')}-01`,
          Number(g.range!.low.toString()),
          Number(g.range!.high.toString()),
          `${g.range!.basis}; the rate: ${g.basis}`,
          r.projection!.file,
        ]),
    ],
  );
  aboutSheet(
    wb,
    [
      ['地区 locality', `${r.policy.name.zh} ${r.policy.name.en}`],
      ['年度 years', `${r.years[0]}–${r.years.at(-1)}`],
      ['住户文件 households', r.householdsFile],
      ['金额单位 money', `${U} (${r.unit ?? 'yuan'})`],
      ...(r.notes ?? []).map((note) => ['注意 note', noteText(note)]),
      // (a window's cell is its exact sum rounded, not the sum of the rounded year cells: a fen apart at most per year)
      ['四舍五入 rounding', ROUNDING_NOTE],
      ...(r.years.length > 1
        ? [['合计行 window rows', `${windowLabel}: costs and who pays summed over the years; households and persons the mean of the years`]]
        : []),
      ...(ranged ? [['区间 range', rangeMethodCell(r.lang, true)]] : []),
      ...projectionLines(r.projection, r.policy.id, r.lang).map((l, i) => [i ? '' : '预测 projection', l.trim()]),
      // each scenario and what it changes (a reform author's workbook did not say: a change on a year's first day is
      // no change inside a year)
      ...(r.scenarios ?? []).flatMap((sc) => [
        ['情景 scenario', `${sc.id}: ${bothTitles(sc.title)} — ${sc.reason} (${sc.file})`],
        ...sc.changes.map((ch) => ['', changeText(ch)]),
      ]),
    ],
    made,
  );
  return wb;
}
