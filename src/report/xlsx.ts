// The totals as an Excel workbook (exceljs): one sheet per view — totals by program, the months of a budget year, who
// pays, the parameter changes and the estimates — numbers as numbers with number formats, headers in 中文 and English,
// frozen header rows. Built here; io/ writes it (report/ never opens a file).
import type ExcelJS from 'exceljs';
import { loadExcel, moneyUnit } from './excel.js';
import { LEVEL_LABELS, LEVELS } from '../core/funding.js';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import {
  aboutSheet,
  CHANGE_COLUMNS,
  changeCells,
  ESTIMATE_COLUMNS,
  estimateCells,
  PARAMETER_COLUMNS,
  parameterRows,
  sheet,
} from './sheets.js';
import { delta, RANGE_METHOD, type SimulationReport } from './totals.js';

const COUNT = '#,##0';

/** A decimal string as a spreadsheet number (two decimals are exact enough for a cell; the JSON keeps the exact figure). */
const n = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** The workbook (exceljs is loaded here, when a workbook is asked for: it takes a third of a second). */
export async function totalsWorkbook(r: SimulationReport, made: { command: string; version: string }): Promise<ExcelJS.Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = `jiuzhu ${made.version}`;
  const title = `${r.policy.name.zh} ${r.policy.name.en}`;
  // money in the unit asked for (--unit), said in every money column's header
  const { label: U, format: MONEY, cell: m } = moneyUnit(r.unit);
  sheet(
    wb,
    '总表 Totals',
    [
      { header: '方案 scenario', width: 22 },
      { header: '项目 program', width: 30 },
      { header: '代码 id', width: 18 },
      { header: '户数 households', width: 16, format: COUNT },
      { header: '人数 persons', width: 16, format: COUNT },
      { header: `年度支出 cost (${U})${r.scenarios[0]?.year ? `, ${r.date}` : ''}`, width: 22, format: MONEY },
      { header: `应保尽保 if all eligible took up (${U})`, width: 24, format: MONEY },
      { header: `较基线 Δ vs baseline (${U})`, width: 20, format: MONEY },
      { header: '依据估计 rests on an estimate', width: 14 },
      { header: '户数差额 Δ households', width: 16, format: COUNT },
    ],
    r.scenarios.flatMap((s) => [
      ...PROGRAMS.map((p) => {
        const f = s.figures.programs[p.id];
        const d = s.baseline && isCash(p) ? delta(s.baseline.programs[p.id].annual_cost_exact, f.annual_cost_exact, 2).value : null;
        return [
          s.id,
          `${p.zh} ${p.en}`,
          p.id,
          n(f.households),
          n(f.persons),
          isCash(p) ? m(f.annual_cost) : null,
          isCash(p) ? m(f.eligible_annual_cost) : null,
          m(d ?? undefined),
          s.onEstimates.has(p.id) ? '是 yes' : '',
          // (a caseload change: the low-income register has no cost, only households)
          s.baseline ? Number(delta(s.baseline.programs[p.id].households, f.households).value) : null,
        ];
      }),
      [
        s.id,
        '合计 total',
        'total',
        null,
        null,
        m(s.figures.total_annual_cost),
        m(s.figures.eligible_total_annual_cost),
        s.baseline ? m(delta(s.baseline.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2).value) : null,
        '',
      ],
    ]),
  );
  // --ranges: how far each run's total could move with the estimates it rests on
  if (r.scenarios.some((s) => s.range))
    sheet(
      wb,
      '区间 Ranges',
      [
        { header: '方案 scenario', width: 22 },
        { header: `年度支出 cost (${U})`, width: 22, format: MONEY },
        { header: `区间低 low (${U})`, width: 22, format: MONEY },
        { header: `区间高 high (${U})`, width: 22, format: MONEY },
        { header: '移动合计的估计 estimates moving it', width: 16 },
        { header: '方法 method', width: 100 },
      ],
      r.scenarios.map((s) => [
        s.id,
        m(s.figures.total_annual_cost),
        m(s.range?.low),
        m(s.range?.high),
        s.range ? `${s.range.moving} / ${s.range.estimates}` : '',
        s.range ? `${RANGE_METHOD}; which: jiuzhu sensitivity` : '',
      ]),
    );
  const year = r.scenarios.find((s) => s.year);
  if (year?.year) {
    const cash = PROGRAMS.filter(isCash);
    sheet(
      wb,
      '月度 Months',
      [
        { header: '方案 scenario', width: 22 },
        { header: '月份 month', width: 10 },
        ...cash.map((p) => ({ header: `${p.zh} ${p.id} (${U})`, width: 18, format: MONEY })),
        { header: `合计 total (${U})`, width: 18, format: MONEY },
      ],
      r.scenarios.flatMap((s) =>
        (s.year?.periods ?? []).flatMap((p) =>
          p.months.map((month) => [
            s.id,
            `${s.year!.year}-${String(month).padStart(2, '0')}`,
            ...cash.map((q) => m(p.month.programs[q.id].annual_cost)),
            m(p.month.total_annual_cost),
          ]),
        ),
      ),
    );
    sheet(
      wb,
      '参数变化 Changes',
      [{ header: '方案 scenario', width: 22 }, ...CHANGE_COLUMNS],
      r.scenarios.flatMap((s) => (s.year?.changes ?? []).map((c) => [s.id, ...changeCells(c)])),
    );
  }
  if (r.scenarios.some((s) => s.funding)) {
    sheet(
      wb,
      '分级负担 Funding',
      [
        { header: '方案 scenario', width: 22 },
        { header: '项目 program', width: 30 },
        ...LEVELS.map((l) => ({ header: `${LEVEL_LABELS[l]} (${U})`, width: 18, format: MONEY })),
      ],
      r.scenarios.flatMap((s) =>
        s.funding
          ? [
              ...PROGRAMS.flatMap((p) => {
                const x = s.funding!.programs[p.id];
                return x ? [[s.id, `${p.zh} ${p.en}`, ...LEVELS.map((l) => m(x[l]))]] : [];
              }),
              [s.id, '合计 total', ...LEVELS.map((l) => m(s.funding!.total[l]))],
              // (the shares are estimates: each level's range, each share alone at either end, the changes added)
              ...(s.funding.range
                ? [
                    [s.id, '合计 区间低 total, low', ...LEVELS.map((l) => m(s.funding!.range!.low[l]))],
                    [s.id, '合计 区间高 total, high', ...LEVELS.map((l) => m(s.funding!.range!.high[l]))],
                  ]
                : []),
            ]
          : [],
      ),
    );
  }
  // Each estimate with how far it could be off (the policy's `range:`): what `sensitivity` varies, beside the value.
  sheet(
    wb,
    '估计值 Estimates',
    [{ header: '方案 scenario', width: 22 }, ...ESTIMATE_COLUMNS],
    r.scenarios.flatMap((s) => s.estimates.map((e) => [s.id, ...estimateCells(r.policy, e)])),
  );
  // Every parameter the baseline uses, where it comes from; a scenario's rows only where it differs from the baseline.
  const base = r.scenarios[0]?.parameters;
  if (base)
    sheet(
      wb,
      '参数 Parameters',
      [{ header: '方案 scenario', width: 22 }, ...PARAMETER_COLUMNS],
      r.scenarios.flatMap((s, i) => (s.parameters ? parameterRows(s.parameters, i ? base : undefined).map((row) => [s.id, ...row]) : [])),
    );
  aboutSheet(
    wb,
    [
      ['地区 locality', title],
      [
        '日期 date',
        r.scenarios[0]?.year ? `预算年度 budget year ${r.date} (参数 parameters: at its start; 参数变化 Changes: within it)` : r.date,
      ],
      ['住户文件 households', r.householdsFile],
      ['金额单位 money', `${U} (${r.unit ?? 'yuan'})`],
      ...(r.notes ?? []).map((note) => ['注意 note', note.replace(/^note: /, '')]),
    ],
    made,
  );
  return wb;
}
