// jiuzhu compare as a workbook (--format xlsx --out FILE.xlsx): simulate's sheets (report/xlsx.ts runSheets) with each
// row's locality before it — totals by program with the Δ against the locality's baseline, ranges, a budget year's
// months, who pays, estimates, parameters — then what only compare has, at a date: winners and losers, the split by
// area and by income decile, and the flows between layers (over a budget year: the losers by the program they lose most
// in, no flows); with several localities, each one's runs against the first's same runs among them (no flows). The
// same figures as compare's JSON, money in the unit asked for; io/ writes it.
import type { MadeBy } from './made.js';
import type ExcelJS from 'exceljs';
import { LAYERS } from '../core/compare.js';
import { D } from '../core/money.js';
import { noteText } from '../core/policy-notes.js';
import { layerLabel } from '../core/programs/index.js';
import { loadExcel, moneyUnit } from './excel.js';
import { projectedLines, type CompareReport, type LocalityReport, type RunDetails } from './compare.js';
import { BANDS } from '../core/marginal-rates.js';
import { distributionJson } from './marginal-rates.js';
import { aboutSheet, sheet, type Cell, type Col, SCENARIO_COLUMN } from './sheets.js';
import { COUNT, datedRows, runSheets } from './xlsx.js';

/** A weighted count as a number (whole households or persons: compare's JSON rounds them so). */
const count = (s: string): number => Number(s);

export async function compareWorkbook(r: CompareReport, made: MadeBy): Promise<ExcelJS.Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = `jiuzhu ${made.version}`;
  const money = moneyUnit(r.unit);
  const { label: U, format: MONEY, cell: m } = money;
  const name = (l: LocalityReport) => `${l.policy.name.zh} ${l.policy.name.en}`;
  const lead: Col[] = [{ header: '地区 locality', width: 24 }];
  runSheets(
    wb,
    r.localities.map((l) => ({ lead: [name(l)], policy: l.policy, scenarios: l.scenarios })),
    lead,
    money,
    r.date,
  );
  // Each scenario against its locality's baseline, household by household (a budget year's: over the year, no flows).
  // Each locality after the first: each scenario against the first's same scenario, and its baseline against the first's
  // (JSON against_first), rows of their own.
  const detailed = r.localities.flatMap((l) => [
    ...l.scenarios.flatMap((s, i) => [
      ...(s.details ? [{ at: [name(l), s.id] as Cell[], d: s.details, scenario: i > 0 }] : []),
      ...(s.against
        ? [
            {
              at: [name(l), `${s.id} 较 ${s.against.locality} against ${s.against.locality}'s ${s.id}`] as Cell[],
              d: s.against.details,
              scenario: true,
            },
          ]
        : []),
    ]),
    ...(l.against
      ? [
          {
            at: [name(l), `较 ${l.against.locality} 基线 against ${l.against.locality}'s baseline`] as Cell[],
            d: l.against.details,
            scenario: true,
          },
        ]
      : []),
  ]);
  const scenarioCols: Col[] = [...lead, SCENARIO_COLUMN];
  if (detailed.some((x) => x.scenario))
    sheet(
      wb,
      '受益受损 Winners',
      [
        ...scenarioCols,
        { header: '受益户 gainers', width: 14, format: COUNT },
        { header: '受益人 their persons', width: 14, format: COUNT },
        { header: `增加 gain (${U})`, width: 18, format: MONEY },
        { header: '其中新进入 of which entrants', width: 16, format: COUNT },
        { header: '受损户 losers', width: 14, format: COUNT },
        { header: '受损人 their persons', width: 14, format: COUNT },
        { header: `减少 loss (${U})`, width: 18, format: MONEY },
        { header: '其中退出 of which exits', width: 16, format: COUNT },
        { header: '其中仅因申领 of which through take-up alone', width: 20, format: COUNT },
        { header: '不变户 unchanged', width: 14, format: COUNT },
      ],
      detailed
        .filter((x) => x.scenario)
        .map(({ at, d }) => {
          const c = d.changes;
          return [
            ...at,
            count(c.gainers!.households),
            count(c.gainers!.persons!),
            m(c.gainers!.amount),
            count(c.entrants!.households),
            count(c.losers!.households),
            count(c.losers!.persons!),
            m(c.losers!.amount),
            count(c.exits!.households),
            count(c.losers_through_take_up!.households),
            count(c.unchanged!.households),
          ];
        }),
    );
  // A budget year's losers by the program they lose most in (JSON `losers_by_program`; a finance officer's workbook had
  // the 2,497 losers without it)
  const losersBy = detailed.flatMap(({ at, d }) =>
    Object.entries(d.losersBy ?? {}).map(([id, n]): Cell[] => [...at, layerLabel(id), id, count(n)]),
  );
  if (losersBy.length)
    sheet(
      wb,
      '受损项目 Losers by program',
      [
        ...scenarioCols,
        { header: '减少最多的项目 the program they lose most in', width: 30 },
        { header: '代码 id', width: 18 },
        { header: '受损户 losers (households)', width: 16, format: COUNT },
      ],
      losersBy,
    );
  if (detailed.length) {
    sheet(
      wb,
      '分组 Groups',
      [
        ...scenarioCols,
        { header: '分组 group', width: 16 },
        { header: '人均收入上限 upper income per capita (元/月 yuan a month)', width: 22, format: '#,##0.00' },
        { header: '户数 households', width: 14, format: COUNT },
        { header: '人数 persons', width: 14, format: COUNT },
        { header: `基线支出 baseline cost (${U})`, width: 20, format: MONEY },
        { header: `年度支出 cost (${U})`, width: 20, format: MONEY },
        { header: `较基线 Δ (${U})`, width: 18, format: MONEY },
        { header: '户均变化 average Δ per household (元 yuan)', width: 18, format: '#,##0.00' },
      ],
      detailed.flatMap(({ at, d }) => groupRows(at, d, m)),
    );
    const flows = detailed.filter((x) => x.scenario).flatMap(({ at, d }) => flowRows(at, d));
    if (flows.length)
      sheet(
        wb,
        '流动 Flows',
        [
          ...scenarioCols,
          { header: '基线 baseline layer', width: 24 },
          { header: '方案 scenario layer', width: 24 },
          { header: '人数 persons (weighted)', width: 16, format: COUNT },
        ],
        flows,
      );
  }
  const rated = r.localities.filter((l) => l.marginalRates);
  if (rated.length) marginalRatesSheet(wb, rated, lead, name);
  aboutSheet(
    wb,
    [
      ...r.localities.map((l) => ['地区 locality', `${name(l)} (${l.policyFile})`]),
      ...datedRows(r.localities[0]?.scenarios ?? [], r.date, r.householdsFile, money, r.unit),
      ...projectedLines(r).map((l, i) => [i ? '' : '预测 projection', l.trim()]),
      ...(r.year
        ? [
            [
              '明细 details',
              r.lang === 'zh'
                ? '受益受损、分组：每户全年与其基线全年比较；层级流动只对一个日期计算：请用 --date 运行 compare'
                : "受益受损、分组 each household's year against its baseline year; 流动 flows are for one date: run compare with --date for them",
            ],
          ]
        : []),
      ...(r.notes ?? []).map((note) => ['注意 note', noteText(note)]),
    ],
    made,
  );
  return wb;
}

/** A run's split by area (城镇, 农村) and by per-capita income decile (D1 poorest). */
function groupRows(at: readonly Cell[], d: RunDetails, m: (yuan: string | undefined) => number | null): Cell[][] {
  const row = (label: string, upper: string | null, g: RunDetails['byArea']['urban']): Cell[] => [
    ...at,
    label,
    upper === null ? null : Number(upper),
    count(g.households),
    count(g.persons),
    m(g.baseline_annual_cost),
    m(g.annual_cost),
    m(g.delta_annual_cost),
    g.average_delta_per_household === null ? null : Number(g.average_delta_per_household),
  ];
  return [
    row('城镇 urban', null, d.byArea.urban),
    row('农村 rural', null, d.byArea.rural),
    ...d.byDecile.map((g) => row(`D${g.decile}`, g.upper_income_per_capita, g)),
  ];
}

/** The persons who move from one layer to another (none where nobody does). */
function flowRows(at: readonly Cell[], d: RunDetails): Cell[][] {
  const t = d.transitions;
  if (!t) return []; // (a budget year's: none)
  return LAYERS.flatMap((from, i) =>
    LAYERS.flatMap((to, j) => {
      const v = t.persons[i]![j]!;
      return i !== j && v !== '0' ? [[...at, layerLabel(from), layerLabel(to), count(v)]] : [];
    }),
  );
}

interface Shares {
  households: string;
  shares: Record<string, string>;
  at_least_80_pct: string;
  at_least_100_pct: string;
}

/** compare --marginal-rates: each run's distribution of marginal rates, over all households and by layer (percent). */
function marginalRatesSheet(
  wb: ExcelJS.Workbook,
  ls: readonly LocalityReport[],
  lead: readonly Col[],
  name: (l: LocalityReport) => string,
): void {
  const views = ls.map((l) => ({
    l,
    v: distributionJson(l.marginalRates!) as {
      delta: string;
      scenarios: Array<Shares & { id: string; by_layer: Record<string, Shares> }>;
    },
  }));
  const pct = (x: string): number => D(x).dividedBy(100).toNumber(); // (the double nearest the exact share)
  const row = (at: readonly Cell[], group: string, x: Shares): Cell[] => [
    ...at,
    group,
    Number(x.households),
    ...BANDS.map((b) => pct(x.shares[b]!)),
    pct(x.at_least_80_pct),
    pct(x.at_least_100_pct),
  ];
  sheet(
    wb,
    '边际税率 Marginal rates',
    [
      ...lead,
      SCENARIO_COLUMN,
      { header: '每月多挣 a month more (元 yuan)', width: 14 },
      { header: '分组 group', width: 16 },
      { header: '有主要劳动力的户 households with a main earner', width: 18, format: COUNT },
      ...BANDS.map((b) => ({ header: b, width: 10, format: '0.00%' })),
      { header: '≥ 80 %', width: 10, format: '0.00%' },
      { header: '≥ 100 %', width: 10, format: '0.00%' },
    ],
    views.flatMap(({ l, v }) =>
      v.scenarios.flatMap((s) => {
        const at: Cell[] = [name(l), s.id, Number(v.delta)];
        return [
          row(at, '全部 all', s),
          ...Object.entries(s.by_layer)
            .filter(([, x]) => x.households !== '0')
            .map(([layer, x]) => row(at, layerLabel(layer), x)),
        ];
      }),
    ),
  );
}
