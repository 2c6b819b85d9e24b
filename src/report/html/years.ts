// jiuzhu report --years A-B [--projection F]: the three-year budget (三年滚动预算) as one HTML file to forward, with
// the same figures as simulate --years' JSON and workbook, from the same view (report/years-view.ts): each run's total
// each year and over the window with its range, the charts, each run's tables (costs by program, what drives them,
// who pays), how the years are projected, the estimates each year rests on, the parameters each year, how it was made.
import { counted } from '../lang.js';
import { LEVEL_LABELS, LEVELS } from '../../core/funding.js';
import { D } from '../../core/money.js';
import { noteText } from '../../core/policy-notes.js';
import { isCash, PROGRAMS, programLabel } from '../../core/programs/index.js';
import { estimatePaths } from '../estimates.js';
import { estimateCells, parameterRows, type Cell as SheetCell } from '../sheets.js';
import { groupCount, inUnit, ROUNDING_NOTE, UNIT_LABEL, type Unit } from '../text-table.js';
import { RANGE_METHOD, signedIn } from '../totals.js';
import { PROJECTED_RANGES, PROJECTED_RANGES_ZH } from '../totals-words.js';
import { projectionLines, runName, totalDelta, window, yearsBlocks, yearsTitle, type YearsBlock, type YearsReport } from '../years-view.js';
import { barChart, inU } from './charts.js';
import type { Made } from '../made.js';
import { madeSection } from './made.js';
import { SOURCE_HEADER, sourceRow } from './report.js';
import { esc, figure, page, rangeCell, table, type Cell } from './page.js';

export interface HtmlYearsInput {
  /** The years, in the unit the report is in (`unit`). */
  readonly years: YearsReport;
  readonly made: Made;
}

const CASH = PROGRAMS.filter(isCash);
/** A sheet's cell in a table: a number or a date set as a figure (a date wrapped as "202 6- 04- 01"), text to wrap. */
const cell = (c: SheetCell): Cell =>
  typeof c === 'number' || /^\d{4}-\d\d-\d\d$/.test(c ?? '') ? String(c) : { text: c ?? '', cls: 'txt' };
/** Years as a span where they run on (2027–2029), else listed. */
const spanOf = (ys: readonly number[]) =>
  ys.length > 1 && ys.at(-1)! - ys[0]! === ys.length - 1 ? `${ys[0]}–${ys.at(-1)}` : ys.join(', ');

export function htmlYearsReport({ years: r, made }: HtmlYearsInput): string {
  const unit: Unit = r.unit ?? 'wan';
  const place = `${r.policy.name.zh} ${r.policy.name.en}`;
  // (one year is a budget year, not a medium-term plan)
  const zh = r.years.length > 1 ? '社会救助中期财政规划' : `社会救助 ${r.years[0]} 预算年度`;
  const title = `${zh} ${place} — ${yearsTitle(r.years)}`;
  const body = [
    `<h1>${esc(zh)}<br>Social assistance: ${esc(yearsTitle(r.years))}</h1>`,
    `<p class="sub">${esc(place)} — policy ${esc(r.policy.file)}; money in ${esc(UNIT_LABEL[unit])} a year${r.projection ? `; projection ${esc(r.projection.id)}` : ''}<br>${esc(population(r))}</p>`,
    `<h2 id="headline">1 结果摘要 Headline</h2>`,
    headline(r, unit),
    // what the run says of its policy and projection (a standard carried forward, a base year): before anyone budgets
    ...(r.notes ?? []).map((n) => `<p class="note est">${esc(noteText(n))}</p>`),
    `<h2 id="charts">2 图表 Charts</h2>`,
    ...charts(r, unit).map(figure),
    `<h2 id="years">3 各年度 Year by year</h2>`,
    ...r.runs.flatMap((run, i) => [
      `<h3 id="run-${i + 1}">${esc(runName(r, run.id))}</h3>`,
      ...yearsBlocks(r, run).flatMap((b) => [blockTable(b), ...b.notes.map((n) => `<p class="note">${esc(n)}</p>`)]),
      caseloads(r, run),
    ]),
    `<h2 id="projection">4 预测假设 How the years are projected</h2>`,
    `<ul class="note">${projectionLines(r.projection, r.policy.id)
      .map((l) => `<li>${esc(l.trim())}</li>`)
      .join('')}</ul>`,
    `<h2 id="estimates">5 估计参数 The estimates each year rests on</h2>`,
    ...estimates(r),
    `<h2 id="sources">6 参数与来源 Every parameter each year and where it comes from</h2>`,
    ...sources(r),
    `<h2 id="made">7 如何生成 How this report was made</h2>`,
    `<p class="note">${esc(ROUNDING_NOTE)}.</p>`,
    ...madeSection(made),
  ];
  return page(title, body);
}

/**
 * Each run's total each year and over the window with its range; a scenario's Δ against the baseline each year and over
 * the window (a trial read a lone window Δ as a year's), with the Δ's range (a reform priced against an estimated
 * baseline may cost nothing).
 */
function headline(r: YearsReport, unit: Unit): string {
  const several = r.years.length > 1;
  const base = r.runs[0]!;
  const baseWin = window(base.years);
  const money = (yuan: string): Cell => ({ text: inUnit(yuan, unit), yuan });
  const d = (v: string): Cell => ({
    text: signedIn(v, unit),
    yuan: v,
    cls: `num ${D(v).isNegative() ? 'down' : D(v).isZero() ? '' : 'up'}`,
  });
  const span = (x: { low: string; high: string }, f: (v: string, u: Unit) => string) => rangeCell(x, (v) => f(v, unit), 'num');
  const rows: Cell[][] = r.runs.flatMap((run, i) => {
    const win = window(run.years);
    const ranged = run.years.every((s) => s.range);
    const note = (text: string): Cell => ({ text, cls: 'note' });
    return [
      [
        `${run.id}${run.years.some((s) => s.onEstimates.size) ? ' *' : ''}`,
        ...run.years.map((s) => money(s.figures.total_annual_cost)),
        ...(several ? [money(win.figures.total_annual_cost)] : []),
      ],
      ...(ranged
        ? [[note('range 区间 †'), ...run.years.map((s) => span(s.range!, inUnit)), ...(several ? [span(win.range!, inUnit)] : [])]]
        : []),
      ...(i
        ? [
            [
              note('Δ vs baseline 较基线'),
              ...run.years.map((s, k) => d(totalDelta(base.years[k]!, s))),
              ...(several ? [d(totalDelta(baseWin, win))] : []),
            ],
          ]
        : []),
      ...(i && run.years.every((s) => s.range?.delta)
        ? [
            [
              note('Δ range 区间 †'),
              ...run.years.map((s) => span(s.range!.delta!, signedIn)),
              ...(several ? [span(win.range!.delta!, signedIn)] : []),
            ],
          ]
        : []),
    ];
  });
  const ranged = r.runs.every((run) => run.years.every((s) => s.range));
  return [
    table(['方案 run', ...r.years.map(String), ...(several ? [`${r.years[0]}–${r.years.at(-1)} 合计`] : [])], rows, {
      id: 'totals',
      caption: `each run's total cost in each year 各年度支出合计 (${UNIT_LABEL[unit]})${several ? ", and the years' total" : ''}; * rests on estimates (section 5)`,
    }),
    ...(ranged
      ? [
          `<p class="note">† 区间：所算各次运行中的最低与最高——每个估计参数单独取其区间的一端，以及全部估计参数同时取使合计（或差额）降低、升高的一端（方案与基线同取）；是估计值所允许的范围，不是置信区间；${esc(PROJECTED_RANGES_ZH)}。` +
            ` ${esc(RANGE_METHOD)} (a scenario's Δ: the baseline and the scenario under the same values each run)${several ? "; the years' total's, the years' added" : ''}. A band the estimates allow, not a confidence interval; ${esc(PROJECTED_RANGES)}.</p>`,
        ]
      : []),
  ].join('\n');
}

/** The households the figures stand for: the file's, and what they weigh (a trial could not tell a sample from a census). */
function population(r: YearsReport): string {
  const f = r.runs[0]!.years[0]!.figures;
  return (
    `${r.householdsFile}: ${counted(groupCount(String(f.household_rows)), 'household')} in the file, standing for ${counted(groupCount(D(f.households).toFixed(0)), 'household')} and ` +
    `${counted(groupCount(D(f.persons).toFixed(0)), 'person')} (weighted, ${r.years[0]}${r.projection ? ', grown by the projection each year' : ''})`
  );
}

function charts(r: YearsReport, unit: Unit) {
  const years = r.years.map(String);
  const u = UNIT_LABEL[unit];
  const base = r.runs[0]!;
  return [
    barChart(
      'chart-totals',
      `每年支出合计 Each run's total cost, each year (${u})`,
      years,
      r.runs.map((run) => ({ name: run.id, values: run.years.map((s) => inU(s.figures.total_annual_cost, unit)) })),
      { unit: u },
    ),
    barChart(
      'chart-programs',
      `分项目支出 The baseline's cost by program, each year (${u})`,
      years,
      CASH.map((p) => ({ name: programLabel(p), values: base.years.map((s) => inU(s.figures.programs[p.id].annual_cost, unit)) })).filter(
        (x) => x.values.some((v) => Number(v) !== 0),
      ),
      { unit: u, stack: true, height: 380 },
    ),
    ...(base.years.every((s) => s.funding)
      ? [
          barChart(
            'chart-funding',
            `分级负担 Who pays the baseline, each year (${u})`,
            years,
            LEVELS.map((l) => ({ name: LEVEL_LABELS[l], values: base.years.map((s) => inU(s.funding!.total[l], unit)) })),
            { unit: u, stack: true },
          ),
        ]
      : []),
  ];
}

/** Each program's caseload each year: households and persons, weighted, the year's average month (the workbook's). */
function caseloads(r: YearsReport, run: YearsReport['runs'][number]): string {
  const rows = PROGRAMS.filter((p) => run.years.some((s) => !D(s.figures.programs[p.id].persons).isZero())).map((p) => [
    programLabel(p),
    ...run.years.map((s) => `${groupCount(s.figures.programs[p.id].households)} / ${groupCount(s.figures.programs[p.id].persons)}`),
  ]);
  return table(['caseload 户 / 人 households / persons', ...r.years.map(String)], rows, {
    caption: 'weighted, the average month of each year; a household in several programs is counted in each',
  });
}

/** A block of years-view as an HTML table: its first column the row's heading, each money cell with its exact yuan. */
const blockTable = (b: YearsBlock) => table(b.header, b.rows as ReadonlyArray<readonly Cell[]>);

/** The estimates each year's baseline rests on, each with its value, range and basis (the workbook's sheet). */
function estimates(r: YearsReport): string[] {
  const base = r.runs[0]!;
  // each estimate once, with the years it is in force (a projected value is its own row each year)
  const byValue = new Map<string, { cells: SheetCell[]; years: number[] }>();
  for (const s of base.years)
    for (const e of s.estimates) {
      const cells = estimateCells(r.projected ?? r.policy, e);
      const key = JSON.stringify(cells);
      const at = byValue.get(key) ?? { cells, years: [] };
      at.years.push(s.year!.year);
      byValue.set(key, at);
    }
  // (the workbook's columns, the range's ends in one, the source after the basis: eight columns ran off the page)
  const order = [...new Set([...byValue.values()].map((x) => x.cells[0]))];
  const rows = [...byValue.values()]
    .sort((a, b) => order.indexOf(a.cells[0]!) - order.indexOf(b.cells[0]!) || a.years[0]! - b.years[0]!)
    .map(({ cells: [path, value, from, low, high, basis, source], years }) => [
      String(path),
      spanOf(years),
      cell(value ?? null),
      cell(from ?? null),
      cell(high === '' || high === null || high === undefined ? (low ?? null) : `${low}–${high}`),
      cell([basis, source].filter(Boolean).join(' — ')),
    ]);
  const scenarioOnly = r.runs
    .slice(1)
    .flatMap((run) => estimatePaths(run.years.flatMap((s) => s.estimates)))
    .filter((p) => !estimatePaths(base.years.flatMap((s) => s.estimates)).includes(p));
  return [
    table(['参数 parameter', '年度 years', '取值 value', '起始 since', '区间 range', '依据 basis — 来源 source'], rows, {
      cls: 'sources',
      caption: `the estimates in force in the baseline's years (values no published source gave), each with its range and basis; a projected value, the projection's`,
    }),
    ...(scenarioOnly.length ? [`<p class="note">A scenario rests also on ${esc([...new Set(scenarioOnly)].join(', '))}.</p>`] : []),
  ];
}

/** Each year's parameters, the baseline's (projected, where the projection grows them), a scenario's where it differs. */
function sources(r: YearsReport): string[] {
  return r.years.flatMap((y, k) => {
    const base = r.runs[0]!.years[k]!.parameters;
    if (!base) return [];
    const rows = r.runs.flatMap((run) => {
      const s = run.years[k]!.parameters;
      return s ? parameterRows(s, run === r.runs[0] ? undefined : base).map((row) => [run.id, ...sourceRow(row)]) : [];
    });
    return [
      `<details><summary>${y}: ${rows.length} parameters, each with its source</summary>`,
      table(['方案 run', ...SOURCE_HEADER], rows, {
        cls: 'sources',
        caption: "* an estimate: its basis and range in section 5; a scenario's rows where it differs",
      }),
      '</details>',
    ];
  });
}
