// jiuzhu report: one HTML file a bureau can forward (issue 19). The headline (each run's annual cost and its delta by
// program, the estimates marked, the range), the charts (ECharts → inline SVG), every parameter that differs between
// the runs and the localities with its source or basis, the estimates and how far each moves the cost, and how the
// file was made (command, version, SHA-256 of every input: made.ts). The same figures as compare's JSON, from the same objects.
import { AREAS } from '../../core/columns.js';
import { monthCosts } from '../month-costs.js';
import { policyNotes } from '../../core/policy-notes.js';
import { D } from '../../core/money.js';
import { BANDS } from '../../core/marginal-rates.js';
import { PARAMS } from '../../core/parameters/schema.js';
import { valueToText, type Snapshot } from '../../core/parameters/tree.js';
import { isCash, layerLabel, layerShort, layerZh, PROGRAMS, programLabel } from '../../core/programs/index.js';
import { LEVEL_LABELS, LEVELS } from '../../core/funding.js';
import type { SensitivityResult } from '../../core/sensitivity-plan.js';
import type { CompareReport, LocalityReport } from '../compare.js';
import type { CliffReport } from '../cliff.js';
import { bandShares, type RateDistribution } from '../marginal-rates.js';
import { provenance, rangeText } from '../params.js';
import { parameterRows, type Cell as SheetCell } from '../sheets.js';
import { swings, totalRange } from '../sensitivity-rows.js';
import { groupDigits, inUnit, ROUNDING_NOTE, UNIT_LABEL, type Unit } from '../text-table.js';
import { delta, RANGE_METHOD, signed, signedIn } from '../totals.js';
import { caseloadTable } from './caseloads.js';
import { fundingTable } from './funding.js';
import { barChart, heatmap, inU, lineChart, tornadoChart, type Chart } from './charts.js';
import type { Made } from '../made.js';
import { madeSection } from './made.js';
import { esc, figure, page, rangeCell, table, type Cell } from './page.js';
import { runsPartsWords } from '../totals-words.js';

export interface HtmlReportInput {
  readonly compare: CompareReport;
  readonly unit: Unit;
  /** Per locality, each run's parameters (a budget year's: its last month's, so that a change during the year shows). */
  readonly snapshots: ReadonlyArray<readonly Snapshot[]>;
  readonly sensitivity: ReadonlyArray<SensitivityResult | null>;
  readonly rates: ReadonlyArray<RateDistribution | null>;
  readonly cliffs: ReadonlyArray<CliffReport | null>;
  readonly made: Made;
}

const CASH = PROGRAMS.filter(isCash);
const money = (yuan: string, unit: Unit): Cell => ({ text: inUnit(yuan, unit), yuan });
const nameOf = (l: LocalityReport) => `${l.policy.name.zh} ${l.policy.name.en}`;

export function htmlReport(input: HtmlReportInput): string {
  const r = input.compare;
  const when = r.year ? `${r.year} 预算年度 budget year ${r.year}` : `${r.date}`;
  const title = `社会救助政策模拟报告 Social assistance simulation — ${r.localities.map(nameOf).join(' · ')}`;
  const body = [
    `<h1>社会救助政策模拟报告<br>Social assistance: costs under current rules and reforms</h1>`,
    `<p class="sub">${esc(r.localities.map(nameOf).join(' · '))} — ${esc(when)} — ${esc(r.householdsFile)}; money in ${esc(UNIT_LABEL[input.unit])} a year</p>`,
    `<h2 id="headline">1 结果摘要 Headline</h2>`,
    ...r.localities.flatMap((l, i) => [
      ...headline(l, input.unit, input.sensitivity[i] ?? null, i),
      // what a run says of its policy (a standard carried forward for years, a rule's finding): before anyone budgets
      ...policyNotes(l.policy, [r.year ? `${r.year}-12-31` : r.date], [], r.lang).map((n) => `<p class="note est">${esc(n)}</p>`),
    ]),
    // what the runs say that their figures would not: a scenario's Δ of 0 by construction, one population under each rule
    ...(r.notes ?? []).map((n) => `<p class="note est">${esc(n)}</p>`),
    `<h2 id="charts">2 图表 Charts</h2>`,
    ...r.localities.flatMap((l, i) => charts(l, i, input)),
    `<h2 id="parameters">3 参数差异 Parameters that differ</h2>`,
    ...parameterSections(input),
    `<h2 id="estimates">4 估计参数 Estimates and how far each moves the cost</h2>`,
    ...r.localities.flatMap((l, i) => estimateSection(l, input.snapshots[i]![0]!, input.sensitivity[i] ?? null, input.unit, i)),
    `<h2 id="sources">5 参数与来源 Every parameter in force and where it comes from</h2>`,
    ...r.localities.flatMap((l, i) => sourcesSection(l, input.snapshots[i]![0]!)),
    `<h2 id="made">6 如何生成 How this report was made</h2>`,
    ...madeSection(input.made),
  ];
  return page(title, body);
}

function headline(l: LocalityReport, unit: Unit, sens: SensitivityResult | null, i: number): string[] {
  const [base, ...scs] = l.scenarios;
  const est = new Set(l.scenarios.flatMap((s) => [...s.onEstimates]));
  const header = ['项目 program', ...l.scenarios.map((s) => s.id), ...scs.map((s) => `Δ ${s.id}`)];
  // The delta of the exact sums, rounded once (as compare's JSON), not of the rounded costs.
  type Run = (typeof l.scenarios)[number];
  const row = (label: string, cost: (s: Run) => string, exact: (s: Run) => string): Cell[] => [
    label,
    ...l.scenarios.map((s) => money(cost(s), unit)),
    ...scs.map((s) => {
      const d = delta(exact(base!), exact(s), 2);
      return { text: signed(d, unit), yuan: d.value, cls: `num ${D(d.value).isNegative() ? 'down' : D(d.value).isZero() ? '' : 'up'}` };
    }),
  ];
  const rows = [
    ...CASH.map((p) =>
      row(
        `${programLabel(p)}${est.has(p.id) ? ' *' : ''}`,
        (s) => s.figures.programs[p.id].annual_cost,
        (s) => s.figures.programs[p.id].annual_cost_exact,
      ),
    ),
    row(
      '合计 total',
      (s) => s.figures.total_annual_cost,
      (s) => s.figures.total_annual_cost_exact,
    ),
  ];
  // Each run's range, and each scenario's Δ's (a finance trial: the report gave the baseline's alone, at a date and
  // in a --year, where simulate --ranges and the --years report give every run's).
  if (sens) {
    const xs = l.scenarios.map((s, k) => totalRange(sens, k, s.estimates));
    rows.push([
      '区间 range',
      ...xs.map((x) => rangeCell(x, (v) => inUnit(v, unit))),
      ...xs.slice(1).map((x) => rangeCell(x.delta!, (v) => signedIn(v, unit))),
    ]);
  }
  return [
    `<h3>${esc(nameOf(l))} <span class="note">${esc(l.policyFile)}</span></h3>`,
    table(header, rows, {
      id: `headline-${i + 1}`,
      caption: `annual cost 年度支出 (${UNIT_LABEL[unit]}); Δ against the baseline, red more spending`,
    }),
    caseloadTable(l, i),
    // (each run's parts of programs: the premium subsidy by group, tekun's basic living and care — as under the table)
    ...runsPartsWords(l.scenarios, unit).map((x) => `<p class="note">${esc(x)}</p>`),
    fundingTable(l, i, unit),
    `<p class="note est">* rests on estimated parameters (section 4).${sens ? ` 区间 range: of each run's total and, under Δ, of its change against the baseline: ${esc(RANGE_METHOD)}.` : ''}</p>`,
    // (as under every table and Markdown: a reader adding a column found a fen off its 合计, unsaid here)
    `<p class="note">${esc(ROUNDING_NOTE)}.</p>`,
  ];
}

function charts(l: LocalityReport, i: number, input: HtmlReportInput): string[] {
  const unit = input.unit;
  const u = UNIT_LABEL[unit];
  const scs = l.scenarios.slice(1);
  const id = (x: string) => `c${i + 1}-${x}`;
  const out: Chart[] = [
    barChart(
      id('cost'),
      `${nameOf(l)}: cost by program per run 各项目年度支出`,
      CASH.map(programLabel),
      l.scenarios.map((s) => ({ name: s.id, values: CASH.map((p) => inU(s.figures.programs[p.id].annual_cost, unit)) })),
      { unit: u },
    ),
  ];
  const detailed = scs.filter((s) => s.details);
  if (detailed.length) {
    const kinds = [
      ['gainers', '受益 gain'],
      ['losers', '受损 lose'],
      ['entrants', '新纳入 new'],
      ['exits', '退出 exit'],
    ] as const;
    out.push(
      barChart(
        id('winners'),
        `${nameOf(l)}: winners and losers 受益与受损 (households)`,
        kinds.map((k) => k[1]),
        detailed.map((s) => ({ name: s.id, values: kinds.map((k) => s.details!.changes[k[0]]!.households) })),
        { unit: '户 households' },
      ),
    );
    for (const s of detailed) {
      const t = s.details!.transitions;
      if (!t) continue; // (a budget year's: a household's layer changes inside it)
      const used = t.layers.map((_, a) => t.persons[a]!.some((x) => x !== '0') || t.persons.some((row) => row[a] !== '0'));
      const idx = t.layers.map((_, a) => a).filter((a) => used[a]);
      out.push(
        heatmap(
          id(`flows-${s.id}`),
          `${nameOf(l)}: layer transitions 层级流动, baseline → ${s.id} (persons)`,
          idx.map((a) => layerLabel(t.layers[a]!)),
          // (the columns in 中文 over a short English name: the full names ran into each other, 中文 alone was unread)
          idx.map((a) => `${layerZh(t.layers[a]!)}\n${layerShort(t.layers[a]!)}`),
          idx.map((a) => idx.map((b) => t.persons[a]![b]!)),
        ),
      );
    }
    out.push(
      barChart(
        id('deciles'),
        `${nameOf(l)}: mean change per household a year by income decile 按收入十分位 (yuan)`,
        detailed[0]!.details!.byDecile.map((d) => `D${d.decile}`),
        detailed.map((s) => ({ name: s.id, values: s.details!.byDecile.map((d) => d.average_delta_per_household ?? '0') })),
        { unit: '元 yuan' },
      ),
      barChart(
        id('area'),
        `${nameOf(l)}: change of the annual cost, urban and rural 城乡`,
        ['城镇 urban', '农村 rural'],
        detailed.map((s) => ({
          name: s.id,
          values: AREAS.map((a) => inU(s.details!.byArea[a].delta_annual_cost, unit)),
        })),
        { unit: u },
      ),
    );
  }
  const year = l.scenarios[0]!.year;
  if (year) {
    const months = Array.from({ length: 12 }, (_, m) => m + 1);
    // (the months as the JSON and the Months sheet give them, adding up to the year: month-costs.ts)
    // (each run's months worked out once, not once per month)
    const byRun = new Map(l.scenarios.map((s) => [s, new Map(monthCosts(s).map((x) => [x.month, x.total]))]));
    const monthCost = (s: (typeof l.scenarios)[number], m: number) => byRun.get(s)!.get(m)!;
    out.push(
      barChart(
        id('months'),
        `${nameOf(l)}: the budget year ${year.year}, cost month by month 逐月支出`,
        months.map((m) => `${m}月`),
        l.scenarios.map((s) => ({ name: s.id, values: months.map((m) => inU(monthCost(s, m), unit)) })),
        { unit: u },
      ),
    );
  }
  if (l.scenarios.every((s) => s.funding))
    out.push(
      barChart(
        id('funding'),
        `${nameOf(l)}: who pays 分级负担`,
        l.scenarios.map((s) => s.id),
        LEVELS.map((lv) => ({ name: LEVEL_LABELS[lv], values: l.scenarios.map((s) => inU(s.funding!.total[lv], unit)) })),
        { unit: u, stack: true },
      ),
    );
  const cliff = input.cliffs[i];
  if (cliff)
    out.push(
      lineChart(
        id('cliff'),
        `${nameOf(l)}: benefit cliff 悬崖效应 — ${cliff.household}, resources a month as ${cliff.member}'s wage rises`,
        cliff.runs.map((run) => ({
          name: run.id,
          points: run.points.map((p) => [p.value / 100, p.monthly.resources / 1200] as const),
          // each cliff at its edge, by its drop a month (the chart is of a month's resources; a cliff is found to the fen,
          // between the chart's points: marked at the top, the last point before it)
          // (a run's cliff the baseline has too, at the same place and of the same drop, is marked once: the baseline's)
          marks: (run.cliffs?.monthly ?? []).flatMap((c) => {
            if (run !== cliff.runs[0] && cliff.runs[0]!.cliffs?.monthly.some((b) => b.at === c.at && b.drop === c.drop)) return [];
            const p = run.points.filter((q) => q.value < c.at).at(-1);
            return p ? [{ x: c.at / 100, y: p.monthly.resources / 1200, label: `−${groupDigits(D(c.drop).div(1200).toFixed(2))}` }] : [];
          }),
        })),
        { x: 'wage a month 月工资 (yuan)', y: '月收入与救助 resources a month (yuan)' },
      ),
    );
  const rates = input.rates[i];
  if (rates)
    out.push(
      barChart(
        id('rates'),
        // (a researcher's trial: the caption did not say weighted, which households, which view, nor that it is assistance only)
        `${nameOf(l)}: effective marginal rates 有效边际税率 on ${rates.delta / 100} yuan more a month of the main earner — assistance withdrawn only (no tax or social insurance), ${rates.view ?? 'monthly'} view, as received; weighted share of the households with a main earner, %`,
        BANDS,
        rates.runs.map((run) => ({ name: run.id, values: BANDS.map((b) => bandShares(run.bands.overall).shares[b]!) })),
        { unit: '%' },
      ),
    );
  const sens = input.sensitivity[i];
  if (sens) {
    const top = swings(sens)
      .filter((x) => !D(x.swing).isZero())
      .slice(0, 12);
    if (top.length)
      out.push(
        tornadoChart(
          id('tornado'),
          `${nameOf(l)}: which estimate matters 敏感性 — change of the baseline total at each end of its range`,
          top.map((x) => ({ name: x.label, low: inU(x.low, unit), high: inU(x.high, unit) })),
          u,
        ),
      );
  }
  return [`<h3>${esc(nameOf(l))}</h3>`, ...out.map(figure)];
}

function parameterSections(input: HtmlReportInput): string[] {
  const out: string[] = [];
  input.compare.localities.forEach((l, i) => {
    const snaps = input.snapshots[i]!;
    const rows: Cell[][] = [];
    for (const spec of PARAMS) {
      const values = snaps.map((s) => s.values.get(spec.path)!);
      const texts = values.map((v) => valueToText(v.value, spec));
      if (texts.every((t) => t === texts[0])) continue;
      rows.push([
        spec.path,
        ...texts,
        values
          .slice(1)
          .map((v, k) => (texts[k + 1] !== texts[0] ? provenance(v) : ''))
          .join(' ') || provenance(values[0]!),
      ]);
    }
    const year = input.compare.year;
    out.push(
      `<h3>${esc(nameOf(l))}: scenarios against the baseline${year ? ` (in force in December ${year})` : ''}</h3>`,
      rows.length
        ? table(['parameter 参数', ...l.scenarios.map((s) => s.id), 'source or basis 来源或依据'], rows)
        : l.scenarios.length > 1
          ? `<p class="note">The scenarios set no parameter apart from the baseline${year ? ` in December ${year}` : ''}.</p>`
          : '<p class="note">No scenario: the baseline only.</p>',
    );
  });
  if (input.compare.localities.length > 1) {
    const bases = input.snapshots.map((s) => s[0]!);
    const rows: Cell[][] = [];
    for (const spec of PARAMS) {
      const values = bases.map((s) => s.values.get(spec.path)!);
      // The same value in every locality is no difference, estimated in one and published in another or not (a
      // researcher saw `1.5 | 1.5 *` listed as differing): compared by value, the mark shown beside it.
      const plain = values.map((v) => valueToText(v.value, spec));
      if (plain.every((t) => t === plain[0])) continue;
      rows.push([spec.path, ...values.map((v, k) => `${plain[k]}${v.entry?.estimate ? ' *' : ''}`), spec.unit]);
    }
    out.push(
      '<h3>Between the localities 地区之间 (baselines)</h3>',
      table(['parameter 参数', ...input.compare.localities.map(nameOf), 'unit'], rows, {
        caption: '* an estimate; its basis and range in section 4, every source in jiuzhu params --format table',
      }),
    );
  }
  return out;
}

/**
 * The baseline's parameters as `jiuzhu params` traces them (report/sheets.ts parameterRows, the workbook's 参数 sheet):
 * a forwarded report named no document a standard rests on (an author's trial grepped it for its own sources).
 */
/** The columns of a parameter list: what jiuzhu params traces, its citation beside it (the workbook's twelve ran off). */
export const SOURCE_HEADER = ['parameter 参数', 'value 取值', 'unit 单位', 'since 起始', 'source 来源', 'document 文件'];
/** A row of parameterRows as the list's six cells; an estimate marked, its range where it cites nothing. */
export function sourceRow(row: readonly SheetCell[]): Cell[] {
  const [path, value, unit, since, est, range, source, clause, title, where] = row.map((c) => (c === null ? '' : String(c)));
  const cite = [source, clause].filter(Boolean).join(' ');
  return [
    path!,
    `${value}${est ? ' *' : ''}`,
    { text: unit!, cls: 'txt' },
    since!,
    { text: cite || (est ? `* ${range}` : ''), cls: 'txt' },
    { text: [title, where].filter(Boolean).join(' — '), cls: 'txt' },
  ];
}

function sourcesSection(l: LocalityReport, s: Snapshot): string[] {
  const rows = parameterRows(s).map(sourceRow);
  return [
    `<details><summary>${esc(nameOf(l))}: ${rows.length} parameters, each with its source</summary>`,
    table(SOURCE_HEADER, rows, { cls: 'sources', caption: '* an estimate: its basis and range in section 4' }),
    '</details>',
  ];
}

function estimateSection(l: LocalityReport, s: Snapshot, sens: SensitivityResult | null, unit: Unit, i: number): string[] {
  const moved = new Map((sens ? swings(sens) : []).map((x) => [x.path, x]));
  const rows: Cell[][] = [];
  const swingOf: string[] = [];
  for (const spec of PARAMS) {
    const r = s.values.get(spec.path)!;
    if (!r.entry?.estimate) continue;
    const m = moved.get(spec.path);
    swingOf.push(m ? m.swing : '-1');
    rows.push([
      spec.path,
      valueToText(r.value, spec),
      rangeText(r, s.policy),
      m ? { text: inUnit(m.swing, unit), yuan: m.swing } : '',
      r.entry.range?.basis ?? r.entry.exact ?? r.entry.estimate,
    ]);
  }
  return [
    `<h3 id="estimates-${i + 1}">${esc(nameOf(l))}: ${rows.length} estimates in force</h3>`,
    // by swing, largest first, as jiuzhu sensitivity lists them (the parameters' order among equals)
    table(
      ['parameter 参数', 'value 取值', 'range 区间', `swing (${UNIT_LABEL[unit]})`, 'basis 依据'],
      rows
        .map((r, k) => [r, swingOf[k]!, k] as const)
        .sort((a, b) => D(b[1]).comparedTo(a[1]) || a[2] - b[2])
        .map((x) => x[0]),
      {
        caption:
          'swing: the largest less the smallest baseline total of the central value and the two ends, each estimate alone (jiuzhu sensitivity)',
      },
    ),
  ];
}
