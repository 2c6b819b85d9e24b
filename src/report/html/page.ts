// The HTML around the report: one self-contained page (no script, no network, no web font), a system font stack
// that renders 中文, printable to A4. Every piece of text goes through esc(); numbers carry their exact value in
// data-yuan so that a reader's tools (and the tests) can check them against the JSON output.
import { FONT } from './charts.js';
import type { Chart } from './charts.js';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A figure's text (a number, money, a percent, a span, a date, a mark): set right and kept on one line. Any other text
 * (a basis, a source, a name) wraps at the left: a basis set as a figure ran past the page's edge.
 */
const NUMERIC = /^[-+−–—\s\d.,%×()*†]*$/;

/**
 * A cell: text, or text with its exact yuan value (a range's: both ends, data-yuan-low and data-yuan-high), or a cell
 * marked as a heading of its row.
 */
export type Cell =
  | string
  | {
      readonly text: string;
      readonly yuan?: string;
      readonly range?: { readonly low: string; readonly high: string };
      readonly cls?: string;
    };

/** A range's cell: "low – high" in the unit, both ends' exact yuan beside it. */
export const rangeCell = (r: { readonly low: string; readonly high: string }, show: (yuan: string) => string, cls = 'num est'): Cell => ({
  text: `${show(r.low)} – ${show(r.high)}`,
  range: { low: r.low, high: r.high },
  cls,
});

export function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  o: { cls?: string; caption?: string; id?: string } = {},
): string {
  const cell = (c: Cell, i: number) => {
    const x = typeof c === 'string' ? { text: c } : c;
    const yuan = x.range ? ` data-yuan-low="${esc(x.range.low)}" data-yuan-high="${esc(x.range.high)}"` : '';
    const attrs = `${x.yuan !== undefined ? ` data-yuan="${esc(x.yuan)}"` : yuan}${x.cls ? ` class="${x.cls}"` : i && NUMERIC.test(x.text) ? ' class="num"' : ''}`;
    return i === 0 ? `<th scope="row"${attrs}>${esc(x.text)}</th>` : `<td${attrs}>${esc(x.text)}</td>`;
  };
  return [
    `<table${o.id ? ` id="${esc(o.id)}"` : ''}${o.cls ? ` class="${o.cls}"` : ''}>`,
    o.caption ? `<caption>${esc(o.caption)}</caption>` : '',
    `<thead><tr>${header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

export function figure(c: Chart): string {
  return `<figure class="chart" id="${esc(c.id)}">\n<figcaption>${esc(c.title)}</figcaption>\n${c.svg}\n</figure>`;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: ${FONT}; color: #1d2733; margin: 0 auto; max-width: 760px; padding: 24px; line-height: 1.5; font-size: 13px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; border-bottom: 2px solid #2f5d8a; padding-bottom: 2px; margin-top: 28px; }
h3 { font-size: 14px; margin: 18px 0 6px; }
.sub { color: #566372; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12px; }
caption { text-align: left; color: #566372; font-size: 12px; padding-bottom: 2px; }
th, td { border-bottom: 1px solid #d7dde3; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
td { overflow-wrap: anywhere; }
th[scope="row"] { overflow-wrap: anywhere; min-width: 8em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 11px; word-break: break-all; }
td.up { color: #b8413b; } td.down { color: #3a7d4d; }
.est { color: #9a6a00; }
.note { color: #566372; font-size: 12px; }
figure.chart { margin: 10px 0 18px; page-break-inside: avoid; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin-bottom: 2px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 11px; word-break: break-all; }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; padding: 0; } h2 { page-break-after: avoid; } table { page-break-inside: auto; } tr { page-break-inside: avoid; } }
`;

export function page(title: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="jiuzhu">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
