// The parts two workbooks share (simulate's, report/xlsx.ts, and --years', report/years.ts): a sheet of columns with
// headers in 中文 and English and a frozen header row; the parameter changes inside a budget year; the estimates in
// force with how far each could be off (the policy's `range:`, what `sensitivity` varies) and their basis.
import { monthCosts } from './month-costs.js';
import type ExcelJS from 'exceljs';
import type { Change } from '../core/budget-year.js';
import { inputLine, type MadeBy } from './made.js';
import { PARAM_BY_PATH, PARAMS, type ParamSpec } from '../core/parameters/schema.js';
import {
  inUse,
  madeBy,
  originIndex,
  valueToJson,
  valueToText,
  type DatedValue,
  type Policy,
  type Snapshot,
} from '../core/parameters/tree.js';
import { rangeText, rateEndsText } from './params.js';
import { atRateEnds } from '../core/sensitivity.js';
import { isCash, PROGRAMS as PROGRAMS_ALL } from '../core/programs/index.js';
import type { MoneyUnit } from './excel.js';
import type { ScenarioReport } from './totals.js';
import type { EstimateUsed } from './estimates.js';

export interface Col {
  readonly header: string;
  readonly width: number;
  readonly format?: string;
}

export type Cell = string | number | null;

/** The column naming each row's run, in every workbook. */
export const SCENARIO_COLUMN: Col = { header: '方案 scenario', width: 22 };

const CASH = PROGRAMS_ALL.filter(isCash);

/** A budget year's months by program (simulate --year's and --years' 月度 Months sheet): its columns after `lead`. */
export const monthColumns = (money: MoneyUnit): Col[] => [
  { header: '月份 month', width: 10 },
  ...CASH.map((p) => ({ header: `${p.zh} ${p.id} (${money.label})`, width: 18, format: money.format })),
  { header: `合计 total (${money.label})`, width: 18, format: money.format },
];

/** …and its rows, each month of the year after the cells `lead` (the months add up to the year: month-costs.ts). */
export const monthRows = (lead: readonly Cell[], s: Pick<ScenarioReport, 'figures' | 'year'>, money: MoneyUnit): Cell[][] =>
  monthCosts(s).map((m) => [
    ...lead,
    `${s.year!.year}-${String(m.month).padStart(2, '0')}`,
    ...CASH.map((q) => money.cell(m.programs[q.id]!)),
    money.cell(m.total),
  ]);

export function sheet(wb: ExcelJS.Workbook, name: string, cols: readonly Col[], rows: ReadonlyArray<readonly Cell[]>): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
}

/** The sheet of how the workbook was made: item and value, then each input with its SHA-256, the command and version last. */
export function aboutSheet(wb: ExcelJS.Workbook, rows: ReadonlyArray<readonly Cell[]>, made: MadeBy): void {
  sheet(
    wb,
    '说明 About',
    [
      { header: '项 item', width: 18 },
      { header: '内容 value', width: 100 },
    ],
    [
      ...rows,
      ...(made.files ?? []).map((f): Cell[] => [`输入 ${f.role}`, inputLine(f)]),
      ['命令 command', made.command],
      ['版本 version', `jiuzhu ${made.version}`],
    ],
  );
}

export const CHANGE_COLUMNS: readonly Col[] = [
  { header: '日期 date', width: 12 },
  { header: '参数 parameter', width: 34 },
  { header: '原值 before', width: 14 },
  { header: '新值 after', width: 14 },
  { header: '所载日期 dated as given', width: 18 },
  { header: '来源 source', width: 40 },
];

/**
 * A change inside the year; its own date in the policy beside it when that is a month's middle (the year's months are
 * whole: it counts from the next month's first day).
 */
export const changeCells = (c: Change): Cell[] => [c.date, c.path, num(c.before), num(c.after), c.dated ?? '', c.source ?? ''];

/** A value a spreadsheet can calculate with: a plain decimal as a number, anything else (tiers, codes) as text. */
export const num = (v: string): Cell => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

export const ESTIMATE_COLUMNS: readonly Col[] = [
  { header: '参数 parameter', width: 34 },
  { header: '取值 value', width: 12 },
  { header: '起始 since', width: 12 },
  { header: '区间低 low (or the values)', width: 18 },
  { header: '区间高 high', width: 14 },
  { header: '依据 basis', width: 100 },
  { header: '来源 source', width: 30 },
];

/** What a projected value grew from: the policy's own entry, its estimate's basis or its source. */
const grownFrom = (origin: DatedValue, spec: ParamSpec): string =>
  `grown from ${valueToText(origin.value, spec)} (since ${origin.from}${origin.estimate ? `, an estimate: ${origin.estimate}` : origin.source ? `, ${origin.source}` : ''})`;

/** An estimate in force: its value, since when, its range's ends (or plausible values, or start-date window), its basis. */
export function estimateCells(policy: Policy, e: EstimateUsed): Cell[] {
  // A projected value: the value it grew from, and that one's basis or source (a re-trial found 99 of 156 rows of a
  // projected year with no source, the basis the projection's rate alone)
  const spec = PARAM_BY_PATH.get(e.path);
  const history = policy.params.get(e.path) ?? [];
  const entry = history.find((x) => x.from === e.from);
  const origin = entry && spec ? history[originIndex(history, entry)] : undefined;
  const atEnds = entry?.grown?.rate.range
    ? `; its range at the rate's ends, ${entry.range ? "its own range's ends grown at " : ''}${rateEndsText(entry.grown.rate)}`
    : '';
  const from = origin ? `; ${grownFrom(origin, spec!)}${atEnds}` : '';
  const source = e.source ?? (origin?.source ? `${origin.source}${origin.clause ? ` ${origin.clause}` : ''}` : '');
  return [e.path, num(String(e.value)), e.from, ...rangeOf(policy, e).map((v) => num(v)), `${e.basis}${from}`, source];
}

function rangeOf(policy: Policy, e: EstimateUsed): [string, string] {
  const spec = PARAM_BY_PATH.get(e.path);
  const entry = policy.params.get(e.path)?.find((x) => x.from === e.from);
  // (a scenario's value derived from the estimate is not the one the range is about)
  const range = spec && entry && JSON.stringify(valueToJson(entry.value, spec)) === JSON.stringify(e.value) ? entry.range : undefined;
  if (spec && entry?.exact !== undefined) return ['不变 exact', '']; // an estimate with nothing to vary (its basis says why)
  // a value a projection grew at a rate with a range: at the rate's ends (a finance officer read `派生 derived`, no range)
  const ends = spec && entry && atRateEnds(entry, policy.params.get(e.path) ?? []);
  if (ends) return [valueToText(ends[0], spec!), valueToText(ends[1], spec!)];
  // a value a projection or scenario made (from an estimate, or at a rate of its own): no range of its own
  if (!range && e.by) return [`派生 derived (${e.by})`, ''];
  if (!spec || !range) return ['', ''];
  if (range.low !== undefined && range.high !== undefined) return [valueToText(range.low, spec), valueToText(range.high, spec)];
  if (range.values) return [range.values.map((v) => valueToText(v, spec)).join(' / '), ''];
  return range.from ? [`起始 from ${range.from[0]}`, `至 to ${range.from[1]}`] : ['', ''];
}

export const PARAMETER_COLUMNS: readonly Col[] = [
  { header: '参数 parameter', width: 34 },
  { header: '取值 value', width: 12 },
  { header: '单位 unit', width: 18 },
  { header: '起始 since', width: 12 },
  { header: '估计 estimate', width: 10 },
  { header: '区间 range', width: 18 },
  { header: '来源 source', width: 22 },
  { header: '条款 clause', width: 16 },
  { header: '文件 document', width: 60 },
  { header: '网址或文件 where', width: 50 },
  { header: '等级 grade', width: 8 },
  { header: '依据或说明 basis or note', width: 80 },
];

/**
 * Every parameter in force in a snapshot, with where it comes from (as `jiuzhu params` shows it); given a baseline,
 * only those whose value differs from it (a scenario's own).
 */
export function parameterRows(s: Snapshot, baseline?: Snapshot): Cell[][] {
  return PARAMS.flatMap((spec) => {
    const r = s.values.get(spec.path)!;
    if (!inUse(s, spec.path) || r.value === null) return [];
    const value = valueToText(r.value, spec);
    const before = baseline?.values.get(spec.path)?.value;
    if (before !== undefined && before !== null && valueToText(before, spec) === value) return [];
    const e = r.entry;
    // A projected value: the value it grew from, and that one's source (a budget trial's 2027 standard had its cells
    // empty, the basis naming the projection alone)
    const history = s.policy.params.get(spec.path) ?? [];
    const origin = e ? history[originIndex(history, e)] : undefined;
    const source = r.source ?? (origin?.source ? (s.policy.sources.get(origin.source) ?? null) : null);
    const basis = [
      e?.scenario ? madeBy(e) : '',
      e?.estimate ?? '',
      origin ? grownFrom(origin, spec) : '',
      r.defaulted ? `default: ${spec.default!.basis}` : '',
      e?.note ?? '',
    ]
      .filter(Boolean)
      .join('; ');
    return [
      [
        spec.path,
        num(value),
        spec.unit,
        e?.from ?? '',
        e?.estimate ? '是 yes' : '',
        rangeText(r, s.policy),
        source?.id ?? '',
        e?.clause ?? origin?.clause ?? '',
        source?.title ?? '',
        source?.url ?? source?.file ?? '',
        source?.grade ?? '',
        basis,
      ],
    ];
  });
}
