// simulate --years as a workbook: each run's cost and who pays, per program and year, with the window's sum; the
// parameters that change inside a year; the estimates each year rests on; how it was made.
import type ExcelJS from 'exceljs';
import { loadExcel, moneyUnit } from './excel.js';
import { aboutSheet, CHANGE_COLUMNS, changeCells, ESTIMATE_COLUMNS, estimateCells, sheet, SCENARIO_COLUMN } from './sheets.js';
import { LEVEL_LABELS, LEVELS } from '../core/funding.js';
import { changeText } from '../core/scenario.js';
import { noteText } from '../core/policy-notes.js';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { delta, RANGE_METHOD, type ScenarioReport } from './totals.js';
import { projectionLines, totalDelta, window, type YearsReport } from './years.js';

/** The workbook (exceljs is loaded here, when a workbook is asked for: it takes a third of a second). */
export async function yearsWorkbook(r: YearsReport, made: { command: string; version: string }): Promise<ExcelJS.Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = `jiuzhu ${made.version}`;
  const { label: U, format: MONEY, cell: m } = moneyUnit(r.unit); // (--unit, said in every money column's header)
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
        ]
      : []),
  ];
  ws.getRow(1).font = { bold: true };
  // Each run's years, then the window (the medium-term total a budget meeting asks for: costs and who pays summed over
  // the years, counts the mean of the years), each against the baseline's
  const windowLabel = `${r.years[0]}–${r.years.at(-1)} 合计`;
  for (const run of r.runs) {
    const base = run === r.runs[0] ? null : r.runs[0]!;
    const entries: Array<{ at: number | string; s: ScenarioReport; b: ScenarioReport | null }> = run.years.map((s, k) => ({
      at: s.year!.year,
      s,
      b: base ? base.years[k]! : null,
    }));
    if (r.years.length > 1) entries.push({ at: windowLabel, s: window(run.years), b: base ? window(base.years) : null });
    for (const { at, s, b } of entries) {
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
        ...(ranged ? [m(s.range?.low), m(s.range?.high)] : []),
      ]).font = { bold: true };
    }
  }
  // The parameters that change inside a year (a standard raised in July: the year in two periods)
  sheet(
    wb,
    '参数变化 Changes',
    [SCENARIO_COLUMN, ...CHANGE_COLUMNS],
    r.runs.flatMap((run) => run.years.flatMap((s) => (s.year?.changes ?? []).map((c) => [run.id, ...changeCells(c)]))),
  );
  // The estimates each year rests on, with how far each could be off (as simulate's workbook gives them)
  sheet(
    wb,
    '估计值 Estimates',
    [SCENARIO_COLUMN, { header: '年度 year', width: 8 }, ...ESTIMATE_COLUMNS],
    r.runs.flatMap((run) =>
      run.years.flatMap((s) => s.estimates.map((e) => [run.id, s.year!.year, ...estimateCells(r.projected ?? r.policy, e)])),
    ),
  );
  aboutSheet(
    wb,
    [
      ['地区 locality', `${r.policy.name.zh} ${r.policy.name.en}`],
      ['年度 years', `${r.years[0]}–${r.years.at(-1)}`],
      ['住户文件 households', r.householdsFile],
      ['金额单位 money', `${U} (${r.unit ?? 'yuan'})`],
      ...(r.notes ?? []).map((note) => ['注意 note', noteText(note)]),
      ...(r.years.length > 1
        ? [['合计行 window rows', `${windowLabel}: costs and who pays summed over the years; households and persons the mean of the years`]]
        : []),
      ...(ranged
        ? [
            [
              '区间 range',
              `${RANGE_METHOD}; a projected value keeps its estimate's range, grown with it; the projection's own rates are not varied; the window's: the years' added`,
            ],
          ]
        : []),
      ...projectionLines(r.projection, r.policy.id).map((l, i) => [i ? '' : '预测 projection', l.trim()]),
      // each scenario and what it changes (a reform author's workbook did not say: a change on a year's first day is
      // no change inside a year, and the years have no parameter sheet)
      ...(r.scenarios ?? []).flatMap((sc) => [
        ['情景 scenario', `${sc.id}: ${sc.title.zh} ${sc.title.en} — ${sc.reason} (${sc.file})`],
        ...sc.changes.map((ch) => ['', changeText(ch)]),
      ]),
    ],
    made,
  );
  return wb;
}
