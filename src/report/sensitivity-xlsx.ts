// jiuzhu sensitivity as a workbook (--format xlsx --out FILE.xlsx): the figures a finance bureau forwards beside its
// budget — each run's total under the central values and its range, every estimate's change of the total at each end
// (the tornado's rows, largest swing first) with its basis, each scenario's delta at each end, the draws'
// percentiles, and how it was made. Built from sensitivityJson's view model (the same figures as JSON and CSV), money
// in the unit asked for; io/ writes it.
import { grownFromText } from './projection-view.js';
import type { MadeBy } from './made.js';
import type ExcelJS from 'exceljs';
import { D, fixed } from '../core/money.js';
import { loadExcel, moneyUnit } from './excel.js';
import { sensitivityJson, type SensitivityReport } from './sensitivity.js';
import { rows } from './sensitivity-rows.js';
import { aboutSheet, num, sheet, type Cell, SCENARIO_COLUMN } from './sheets.js';
import { RANGE_METHOD } from './totals.js';

type Pcts = Readonly<Record<'p5' | 'p50' | 'p95', string>>;
interface View {
  readonly date?: string;
  readonly year?: number;
  readonly central: ReadonlyArray<{
    id: string;
    total: string;
    range: { low: string; high: string; delta?: { low: string; high: string } };
  }>;
  readonly estimates: ReadonlyArray<{
    path: string;
    paths?: readonly string[];
    kind: string;
    from: string;
    central: string;
    low: string;
    high: string;
    total_low: string;
    total_high: string;
    swing: string;
    basis: string;
    scenarios: ReadonlyArray<{ id: string; delta_central: string; delta_low: string; delta_high: string; delta_swing: string }>;
  }>;
  readonly draws?: {
    n: number;
    seed: number;
    method: string;
    runs: ReadonlyArray<{ id: string; central: string; draws_above_central: number; total: Pcts; delta?: Pcts }>;
  };
}

export async function sensitivityWorkbook(rep: SensitivityReport, made: MadeBy): Promise<ExcelJS.Workbook> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = `jiuzhu ${made.version}`;
  const v = sensitivityJson(rep) as View;
  const { label: U, format: MONEY, cell: m } = moneyUnit(rep.unit);
  const money = (header: string, width = 20) => ({ header: `${header} (${U})`, width, format: MONEY });
  const less = (a: string, b: string) => fixed(D(a).minus(b));
  const central = v.central[0]!.total;
  const varied = rows(rep.result).map((r) => r.varied);
  sheet(
    wb,
    '总额 Totals',
    // (a scenario's Δ and its range beside its total, as the JSON, table and Markdown give them: a finance trial found
    // the workbook without them)
    [
      SCENARIO_COLUMN,
      money('年度支出 cost'),
      money('区间低 low'),
      money('区间高 high'),
      money('较基线 Δ'),
      money('较基线区间低 Δ low'),
      money('较基线区间高 Δ high'),
      { header: '方法 method', width: 90 },
    ],
    v.central.map((c, i) => [
      c.id,
      m(c.total),
      m(c.range.low),
      m(c.range.high),
      m(i ? less(c.total, central) : undefined),
      m(c.range.delta?.low),
      m(c.range.delta?.high),
      RANGE_METHOD,
    ]),
  );
  sheet(
    wb,
    '估计值 Estimates',
    [
      { header: '序 rank', width: 6 },
      { header: '参数 parameter', width: 34 },
      { header: '类 kind', width: 10 },
      { header: '取值 central', width: 12 },
      { header: '低端 low end', width: 12 },
      { header: '高端 high end', width: 12 },
      money('低端变化 Δ at low'),
      money('高端变化 Δ at high'),
      money('摆幅 swing'),
      { header: '依据 basis', width: 100 },
    ],
    v.estimates.map((e, i): Cell[] => [
      i + 1,
      (e.paths ?? [e.path]).join(', '),
      e.kind,
      // (values as numbers, as the simulate workbook's 参数 sheet holds them: a finance trial saw Excel's "number stored as
      // text" on each; a date or a choice stays text)
      num(e.kind === 'start_date' ? e.from : e.central),
      // (an estimate with nothing to vary at this date — a start date in force either way — has no ends: `—`, as the
      // Markdown and the table give it, not its central value twice)
      varied[i] ? num(e.low) : '—',
      varied[i] ? num(e.high) : '—',
      m(less(e.total_low, central)),
      m(less(e.total_high, central)),
      m(e.swing),
      e.basis,
    ]),
  );
  if (v.central.length > 1)
    sheet(
      wb,
      '方案较基线 Scenario deltas',
      [
        SCENARIO_COLUMN,
        { header: '参数 parameter', width: 34 },
        money('中心估计较基线 Δ central'),
        money('低端较基线 Δ at low'),
        money('高端较基线 Δ at high'),
        money('摆幅 swing'),
      ],
      v.estimates.flatMap((e) =>
        e.scenarios.map((s) => [s.id, e.path, m(s.delta_central), m(s.delta_low), m(s.delta_high), m(s.delta_swing)]),
      ),
    );
  if (v.draws)
    sheet(
      wb,
      '抽样 Draws',
      [
        SCENARIO_COLUMN,
        money('中心估计 central'),
        { header: '高于中心估计的抽样 draws costing more', width: 18, format: '0%' },
        money('P5'),
        money('P50'),
        money('P95'),
        money('较基线 Δ P5'),
        money('较基线 Δ P95'),
      ],
      // (the central total beside the percentiles: when nearly every draw costs more, the central values sit toward
      // the cheaper ends of their ranges, as the CLI says)
      v.draws.runs.map((d) => [
        d.id,
        m(d.central),
        d.draws_above_central / v.draws!.n,
        m(d.total.p5),
        m(d.total.p50),
        m(d.total.p95),
        m(d.delta?.p5),
        m(d.delta?.p95),
      ]),
    );
  aboutSheet(
    wb,
    [
      ['地区 locality', `${rep.policy.name.zh} ${rep.policy.name.en}`],
      ['日期 date', v.date ?? `预算年度 budget year ${v.year}`],
      ['住户文件 households', rep.householdsFile],
      ...(rep.projection ? [['预测 projection', `${rep.projection.id} (${rep.projection.file}), ${grownFromText(rep.projection)}`]] : []),
      ['金额单位 money', `${U} (${rep.unit ?? 'yuan'})`],
      ['方法 method', 'each estimate moved alone to each end of its range (a choice to each other value), everything else central'],
      ['区间 ranges', RANGE_METHOD],
      ...(v.draws ? [['抽样 draws', `${v.draws.n}, seed ${v.draws.seed}: ${v.draws.method}`] as Cell[]] : []),
      ...(rep.notes ?? []).map((n): Cell[] => ['注意 note', n]),
    ],
    made,
  );
  return wb;
}
