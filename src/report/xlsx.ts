// The totals as an Excel workbook (exceljs): one sheet per view — totals by program, the months of a budget year, who
// pays, the parameter changes and the estimates — numbers as numbers with number formats, headers in 中文 and English,
// frozen header rows. Built here; io/ writes it (report/ never opens a file). compare's workbook (compare-xlsx.ts) has
// the same sheets with each row's locality before it (runSheets), and its own after them.
import type { MadeBy } from './made.js';
import type ExcelJS from 'exceljs';
import { noteText } from '../core/policy-notes.js';
import { loadExcel, moneyUnit, type MoneyUnit } from './excel.js';
import { projectionLines } from './projection-view.js';
import { fundingDeltaRange, fundingRangeEnds, LEVEL_LABELS, LEVELS, type FundingReport } from '../core/funding.js';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import {
  aboutSheet,
  CHANGE_COLUMNS,
  type Cell,
  type Col,
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
import { groupCount, groupDigits, ROUNDING_NOTE } from './text-table.js';
import { delta, fundingDelta, titled, type ScenarioReport, type SimulationReport } from './totals.js';
import { PART_LINES, partName, partsOf, rangeMethodCell } from './totals-words.js';
import type { Lang } from './lang.js';
import type { Policy } from '../core/parameters/tree.js';

export const COUNT = '#,##0';

/** A decimal string as a spreadsheet number (two decimals are exact enough for a cell; the JSON keeps the exact figure). */
const n = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** A locality's runs, and the cells that lead each of their rows (compare's: the locality; simulate's: none). */
export interface RunGroup {
  readonly lead: readonly Cell[];
  readonly policy: Policy;
  readonly scenarios: readonly ScenarioReport[];
}

/** The workbook (exceljs is loaded here, when a workbook is asked for: it takes a third of a second). */
export async function totalsWorkbook(r: SimulationReport, made: MadeBy): Promise<ExcelJS.Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = `jiuzhu ${made.version}`;
  const money = moneyUnit(r.unit);
  runSheets(wb, [{ lead: [], policy: r.policy, scenarios: r.scenarios }], [], money, r.date, r.lang);
  aboutSheet(
    wb,
    [
      ['地区 locality', `${r.policy.name.zh} ${r.policy.name.en}`],
      // (each run's id, as the sheets' 方案 column gives it, beside its title: a 科长 read "baseline" and a slug)
      ...r.scenarios.map((s): Cell[] => ['方案 scenario', `${s.id}${titled(s)}`]),
      ...datedRows(r.scenarios, r.date, r.householdsFile, money, r.unit),
      ...(r.projection ? projectionLines(r.projection, r.policy.id, r.lang).map((l, i) => [i ? '' : '预测 projection', l.trim()]) : []),
      ...(r.notes ?? []).map((note) => ['注意 note', noteText(note)]),
      ['四舍五入 rounding', ROUNDING_NOTE],
    ],
    made,
  );
  return wb;
}

/**
 * A scenario's change at each level, its low and high from the funding shares that are estimates (core/funding.ts
 * fundingDeltaRange; under --ranges the runs made for the total's range too), as rows after `lead`; none where there
 * is no range.
 */
export function deltaRangeRows(
  base: FundingReport,
  f: FundingReport,
  lead: readonly Cell[],
  m: MoneyUnit['cell'],
  label = '合计 较基线 total, Δ vs baseline',
): Cell[][] {
  const r = fundingDeltaRange(base, f);
  // (under --ranges the costs' estimates are in it too: a budget trial read "(the shares' ends)" of a Δ they moved)
  const ends = fundingRangeEnds({ costs: !!f.delta });
  return r
    ? [
        [...lead, `${label}: 区间低 low (${ends})`, ...LEVELS.map((l) => m(r.low[l]))],
        [...lead, `${label}: 区间高 high (${ends})`, ...LEVELS.map((l) => m(r.high[l]))],
      ]
    : [];
}

/** The About sheet's date, households file and money unit. */
export function datedRows(
  scenarios: readonly ScenarioReport[],
  date: string,
  householdsFile: string,
  money: MoneyUnit,
  unit?: string,
): Cell[][] {
  const base = scenarios[0]?.figures;
  return [
    ['日期 date', scenarios[0]?.year ? `预算年度 budget year ${date} (参数 parameters: at its start; 参数变化 Changes: within it)` : date],
    ['住户文件 households', householdsFile],
    // (the file's counts, as the table and Markdown give them: a finance trial found them in the Markdown alone)
    ...(base
      ? [
          [
            '户数 counted',
            `${groupDigits(String(base.household_rows))} 户 households (加权 weighted ${groupCount(base.households)}), ${groupDigits(String(base.person_rows))} 人 persons (加权 weighted ${groupCount(base.persons)})`,
          ],
        ]
      : []),
    ['金额单位 money', `${money.label} (${unit ?? 'yuan'})`],
  ];
}

/**
 * The runs' sheets — totals by program, ranges, the months of a budget year and its parameter changes, who pays, the
 * estimates and the parameters — each row led by its group's `lead` cells (under the `lead` columns).
 */
export function runSheets(
  wb: ExcelJS.Workbook,
  groups: readonly RunGroup[],
  lead: readonly Col[],
  money: MoneyUnit,
  date: string,
  lang?: Lang,
): void {
  // money in the unit asked for (--unit), said in every money column's header
  const { label: U, format: MONEY, cell: m } = money;
  const runs = groups.flatMap((g) => g.scenarios.map((s) => ({ g, s, at: [...g.lead, s.id] as Cell[] })));
  const scenarioCols: Col[] = [...lead, SCENARIO_COLUMN];
  sheet(
    wb,
    '总表 Totals',
    [
      ...scenarioCols,
      { header: '项目 program', width: 30 },
      { header: '代码 id', width: 18 },
      { header: '户数 households', width: 16, format: COUNT },
      { header: '人数 persons', width: 16, format: COUNT },
      { header: `年度支出 cost (${U})${runs[0]?.s.year ? `, ${date}` : ''}`, width: 22, format: MONEY },
      { header: `应保尽保 if all eligible took up (${U})`, width: 24, format: MONEY },
      { header: `较基线 Δ vs baseline (${U})`, width: 20, format: MONEY },
      { header: '依据估计 rests on an estimate', width: 14 },
      { header: '户数较基线 Δ households', width: 16, format: COUNT },
    ],
    runs.flatMap(({ s, at }) => [
      ...PROGRAMS.map((p) => {
        const f = s.figures.programs[p.id];
        const d = s.baseline && isCash(p) ? delta(s.baseline.programs[p.id].annual_cost_exact, f.annual_cost_exact, 2).value : null;
        return [
          ...at,
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
        ...at,
        '合计 total',
        'total',
        null,
        null,
        m(s.figures.total_annual_cost),
        m(s.figures.eligible_total_annual_cost),
        s.baseline ? m(delta(s.baseline.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2).value) : null,
        // (the total rests on an estimate where any of its programs does: the CSV's total row said 1, this cell nothing)
        s.onEstimates.size ? '是 yes' : '',
      ],
    ]),
  );
  partsSheets(wb, scenarioCols, runs, money);
  // --ranges: how far each run's total could move with the estimates it rests on
  if (runs.some(({ s }) => s.range))
    sheet(
      wb,
      '区间 Ranges',
      [
        ...scenarioCols,
        { header: `年度支出 cost (${U})`, width: 22, format: MONEY },
        { header: `区间低 low (${U})`, width: 22, format: MONEY },
        { header: `区间高 high (${U})`, width: 22, format: MONEY },
        // a scenario's Δ against the baseline, its range (as the table and JSON give it: it was missing here)
        { header: `较基线区间低 Δ low (${U})`, width: 22, format: MONEY },
        { header: `较基线区间高 Δ high (${U})`, width: 22, format: MONEY },
        { header: '影响合计的估计 estimates moving it', width: 16 },
        { header: '方法 method', width: 100 },
      ],
      runs.map(({ s, at }) => [
        ...at,
        m(s.figures.total_annual_cost),
        m(s.range?.low),
        m(s.range?.high),
        m(s.range?.delta?.low),
        m(s.range?.delta?.high),
        s.range ? `${s.range.moving} / ${s.range.estimates}` : '',
        s.range ? rangeMethodCell(lang) : '',
      ]),
    );
  if (runs.some(({ s }) => s.year)) {
    sheet(
      wb,
      '月度 Months',
      [...scenarioCols, ...monthColumns(money)],
      runs.flatMap(({ s, at }) => monthRows(at, s, money)),
    );
    sheet(
      wb,
      '参数变化 Changes',
      [...scenarioCols, ...CHANGE_COLUMNS],
      runs.flatMap(({ s, at }) => (s.year?.changes ?? []).map((c) => [...at, ...changeCells(c)])),
    );
  }
  if (runs.some(({ s }) => s.funding)) {
    sheet(
      wb,
      '分级负担 Funding',
      [
        ...scenarioCols,
        { header: '项目 program', width: 30 },
        ...LEVELS.map((l) => ({ header: `${LEVEL_LABELS[l]} (${U})`, width: 18, format: MONEY })),
      ],
      runs.flatMap(({ g, s, at }) =>
        s.funding
          ? [
              ...PROGRAMS.flatMap((p) => {
                const x = s.funding!.programs[p.id];
                return x ? [[...at, `${p.zh} ${p.en}`, ...LEVELS.map((l) => m(x[l]))]] : [];
              }),
              [...at, '合计 total', ...LEVELS.map((l) => m(s.funding!.total[l]))],
              // (a scenario's change at each level, as the table's Δ rows: a trial found it in the table only)
              ...(s !== g.scenarios[0] && g.scenarios[0]?.funding
                ? [
                    [
                      ...at,
                      '合计 较基线 total, Δ vs baseline',
                      ...LEVELS.map((l) => m(fundingDelta(g.scenarios[0]!.funding!, s.funding!)[l])),
                    ],
                    // (its range from the shares that are estimates: a reform's cost to the county, a budget trial)
                    ...deltaRangeRows(g.scenarios[0]!.funding!, s.funding!, at, m),
                  ]
                : []),
              // (the shares are estimates: each level's range, each share alone at either end, the changes added)
              ...(s.funding.range
                ? [
                    [
                      ...at,
                      `合计 区间低 total, low (${fundingRangeEnds(s.funding.range)})`,
                      ...LEVELS.map((l) => m(s.funding!.range!.low[l])),
                    ],
                    [
                      ...at,
                      `合计 区间高 total, high (${fundingRangeEnds(s.funding.range)})`,
                      ...LEVELS.map((l) => m(s.funding!.range!.high[l])),
                    ],
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
    [...scenarioCols, ...ESTIMATE_COLUMNS],
    runs.flatMap(({ g, s, at }) => s.estimates.map((e) => [...at, ...estimateCells(g.policy, e)])),
  );
  // Every parameter the baseline uses, where it comes from; a scenario's rows only where it differs from the baseline.
  if (runs.some(({ s }) => s.parameters))
    sheet(
      wb,
      '参数 Parameters',
      [...scenarioCols, ...PARAMETER_COLUMNS],
      runs.flatMap(({ g, s, at }) => {
        const base = g.scenarios[0]?.parameters;
        return s.parameters && base
          ? parameterRows(s.parameters, s === g.scenarios[0] ? undefined : base).map((row) => [...at, ...row])
          : [];
      }),
    );
}

/**
 * The parts of programs (the premium subsidy by the persons' group, tekun's basic living and care, temporary
 * assistance by who approves it), a sheet a program
 * and a row per part of each run (`at`: the cells that lead its rows, under `lead`'s headers): they add up to the
 * program's row. No sheet where no run has them.
 */
export function partsSheets(
  wb: ExcelJS.Workbook,
  lead: readonly Col[],
  runs: ReadonlyArray<{ readonly s: ScenarioReport; readonly at: readonly Cell[] }>,
  { label: U, format: MONEY, cell: m }: MoneyUnit,
): void {
  for (const line of PART_LINES) {
    if (!runs.some(({ s }) => partsOf(s.figures, line))) continue;
    sheet(
      wb,
      line.sheet.name,
      [
        ...lead,
        { header: line.sheet.part, width: 16 },
        { header: '代码 id', width: 14 },
        // (a household with members in two groups is in both: the column does not add up to the program's households)
        { header: '户数 households (各类别分别计 each group its own)', width: 22, format: COUNT },
        { header: `${line.persons.zh} ${line.persons.en}`, width: 16, format: COUNT },
        { header: `${line.sheet.cost} (${U})`, width: 24, format: MONEY },
      ],
      runs.flatMap(({ s, at }) => {
        const g = partsOf(s.figures, line);
        return g
          ? Object.keys(line.names).map((k) => [
              ...at,
              partName(line, k).join(' '),
              k,
              n(g[k]!.households),
              n(g[k]!.persons),
              m(g[k]!.annual_cost),
            ])
          : [];
      }),
    );
  }
}
