// The report's charts: Apache ECharts rendered on the server to SVG strings (no script in the page, no network).
// Each builder takes figures already computed (exact decimal strings) and returns one chart; plotted values are
// numbers for drawing only — every figure a reader quotes is in a table beside it, exactly.
import * as echarts from 'echarts';
import { D } from '../../core/money.js';
import { displayWidth, type Unit } from '../text-table.js';

// (names in single quotes: ECharts writes the family into a style="…" attribute unescaped, and double quotes ended the
// attribute — a chart saved as .svg did not parse and its text fell back to a serif: a journalist's trial)
export const FONT =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
export const COLORS = ['#2f5d8a', '#d9822b', '#3a9d5d', '#b8413b', '#7a5ea8', '#8c6d3f', '#c06c9b', '#5f7f7f', '#4fa3c7', '#b5a33a'];

export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
}

type Option = Record<string, unknown>;

function render(option: Option, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: FONT, fontSize: 11 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const num = (s: string) => Number(s);
const DIVISOR: Readonly<Record<Unit, number>> = { yuan: 1, wan: 10_000, yi: 100_000_000 };
/** A money figure in the unit, as a chart plots it (decimal text; the tables beside carry it exactly). */
export const inU = (yuan: string, unit: Unit): string =>
  D(yuan)
    .dividedBy(DIVISOR[unit])
    .toFixed(unit === 'yi' ? 4 : 2);
/** Every name in the legend, wrapped to rows: a static SVG cannot page a scrolling one (it hid all but a few programs). */
// (a wide gap: the server measures text narrower than a browser's CJK font draws it, and names ran into the next mark)
const legend = (names: readonly string[]) => ({ data: [...names], top: 0, type: 'plain', itemGap: 18 });
/** The rows a legend of these names takes at this width (a CJK character ~13 px, another ~7 px, a mark and gap ~40: rather a row too many than the axis's name under it). */
function legendRows(names: readonly string[], width: number): number {
  let [rows, x] = [1, 0];
  for (const n of names) {
    const w = 48 + [...n].reduce((a, ch) => a + (ch.codePointAt(0)! >= 0x2e80 ? 13 : 7), 0);
    if (x > 0 && x + w > width - 20) [rows, x] = [rows + 1, 0];
    x += w;
  }
  return rows;
}
const ROW = 30;
// (the legend's rows, then a row for the value axis's name: a researcher found the name drawn under the legend)
const grid = (left = 70, rows = 1) => ({ left, right: 16, top: 24 + ROW * rows, bottom: 48, containLabel: false });

/** Grouped bars: one category axis, a series per run. */
export function barChart(
  id: string,
  title: string,
  categories: readonly string[],
  series: ReadonlyArray<{ name: string; values: readonly string[] }>,
  o: { unit: string; horizontal?: boolean; stack?: boolean; width?: number; height?: number } = { unit: '' },
): Chart {
  const valueAxis = { type: 'value', name: o.unit, nameTextStyle: { align: 'left' } };
  const categoryAxis = {
    type: 'category',
    data: [...categories],
    axisLabel: { interval: 0, rotate: o.horizontal || categories.length <= 6 ? 0 : 30 },
  };
  const width = o.width ?? 720;
  const rows = legendRows(
    series.map((s) => s.name),
    width,
  );
  const option: Option = {
    legend: legend(series.map((s) => s.name)),
    grid: grid(o.horizontal ? 170 : 70, rows),
    xAxis: o.horizontal ? valueAxis : categoryAxis,
    yAxis: o.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values.map(num), ...(o.stack ? { stack: 'all' } : {}) })),
  };
  const height = (o.height ?? (o.horizontal ? 40 + 24 * categories.length : 320)) + ROW * (rows - 1);
  return { id, title, svg: render(option, width, height) };
}

/** Lines over a numeric x axis (a cliff: resources against earnings), a series per run. */
export function lineChart(
  id: string,
  title: string,
  series: ReadonlyArray<{
    name: string;
    points: ReadonlyArray<readonly [number, number]>;
    /** Points named on the line (a cliff, by its drop: a drop of 37.50 on an axis from 0 was a notch no one saw). */
    marks?: ReadonlyArray<{ readonly x: number; readonly y: number; readonly label: string }>;
  }>,
  o: { x: string; y: string; step?: boolean },
): Chart {
  const rows = legendRows(
    series.map((s) => s.name),
    720,
  );
  const option: Option = {
    legend: legend(series.map((s) => s.name)),
    grid: grid(70, rows),
    xAxis: { type: 'value', name: o.x, nameLocation: 'middle', nameGap: 28 },
    // (from 0: an axis from 2,000 made a cliff of 113.50 a fall — a journalist's trial)
    yAxis: { type: 'value', name: o.y, nameTextStyle: { align: 'left' }, min: 0 },
    // the first run (the baseline) wide and beneath, each other run dashed over it: where a run is the baseline's, both
    // are seen (the baseline was hidden under the runs drawn after it)
    series: series.map((s, i) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      step: o.step ? 'end' : false,
      z: i ? 3 : 2,
      lineStyle: i ? { width: 1.5, type: 'dashed' } : { width: 4, opacity: 0.6 },
      data: s.points.map((p) => [...p]),
      ...(s.marks?.length && {
        markPoint: {
          symbol: 'circle',
          symbolSize: 7,
          label: { show: true, position: i ? 'top' : 'bottom', fontSize: 10, formatter: '{b}' },
          data: s.marks.map((m) => ({ name: m.label, coord: [m.x, m.y] })),
        },
      }),
    })),
  };
  return { id, title, svg: render(option, 720, 320 + ROW * (rows - 1)) };
}

/** A flow matrix (rows → columns) as a heatmap with its numbers. */
export function heatmap(
  id: string,
  title: string,
  rows: readonly string[],
  cols: readonly string[],
  values: readonly (readonly string[])[],
): Chart {
  const data = values.flatMap((row, i) => row.map((v, j) => [j, i, num(v)] as const));
  const max = Math.max(1, ...data.filter(([j, i]) => i !== j).map((d) => d[2]));
  // The grid as far in as the longest row name (at 100 px "刚性支出困难 rigid-expenditure family" was cut to "刖": a
  // county officer's trial).
  const left = 16 + Math.ceil(6.5 * Math.max(0, ...rows.map(displayWidth)));
  const option: Option = {
    grid: { left, right: 16, top: 16, bottom: 70 },
    xAxis: { type: 'category', data: [...cols], axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'category', data: [...rows], inverse: true },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#f4f6f8', '#2f5d8a'] } },
    series: [
      {
        type: 'heatmap',
        data: data.map(([j, i, v]) => [j, i, v]),
        label: {
          show: true,
          fontSize: 9,
          formatter: (p: { value: number[] }) => (p.value[2] ? Math.round(p.value[2]).toLocaleString('en') : ''),
        },
      },
    ],
  };
  return { id, title, svg: render(option, 720, 60 + 28 * rows.length + 40) };
}

/** A tornado: each estimate's change of the total at its low and its high end, the largest first. */
export function tornadoChart(
  id: string,
  title: string,
  rows: ReadonlyArray<{ name: string; low: string; high: string }>,
  unit: string,
): Chart {
  const names = rows.map((r) => r.name);
  const option: Option = {
    legend: legend(['low 下限', 'high 上限']),
    grid: grid(230),
    xAxis: { type: 'value', name: unit },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 10 } },
    series: [
      { name: 'low 下限', type: 'bar', stack: 'x', data: rows.map((r) => num(r.low)) },
      { name: 'high 上限', type: 'bar', stack: 'y', barGap: '-100%', data: rows.map((r) => num(r.high)) },
    ],
  };
  return { id, title, svg: render(option, 720, 60 + 22 * rows.length) };
}
