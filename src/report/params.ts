// `jiuzhu params`: every canonical parameter at a date. JSON is the public contract (DOMAIN): one object,
// path → value, decimals as exact strings. The table adds where each value came from.
import chalk from 'chalk';
import { PARAMS } from '../core/parameters/schema.js';
import { madeBy, valueToJson, valueToText, type Resolved, type Snapshot } from '../core/parameters/tree.js';
import { textTable } from './text-table.js';

export function paramsJson(s: Snapshot): Record<string, unknown> {
  return Object.fromEntries(PARAMS.map((spec) => [spec.path, valueToJson(s.values.get(spec.path)!.value, spec)]));
}

/** Where a value came from, in one line: source and clause, or the estimate's basis. */
export function provenance(r: Resolved): string {
  const e = r.entry;
  if (!e) return r.defaulted ? `not given: the default (${r.spec.default!.basis})` : 'not given (not used by the mode in force)';
  const parts: string[] = [];
  if (e.scenario) parts.push(madeBy(e));
  if (e.estimate) parts.push(`ESTIMATE: ${e.estimate}`);
  if (e.range) parts.push(`RANGE: ${e.range.basis}`);
  if (e.exact) parts.push(`EXACT: ${e.exact}`);
  if (r.source) {
    const where = r.source.url ? `${r.source.url} (grade ${r.source.grade})` : r.source.file;
    parts.push(`${r.source.id}${e.clause ? ` ${e.clause}` : ''} — ${r.source.title}${where ? ` [${where}]` : ''}`);
  }
  if (e.note) parts.push(`note: ${e.note}`);
  return parts.join('; ');
}

/** An estimate's range in a few characters: low–high, the values, the start-date window; or exact. */
export function rangeText(r: Resolved): string {
  const e = r.entry;
  if (!e?.estimate) return '';
  if (e.exact !== undefined) return 'none to vary';
  if (!e.range) return '—';
  const parts: string[] = [];
  if (e.range.low !== undefined) parts.push(`${valueToText(e.range.low, r.spec)}–${valueToText(e.range.high!, r.spec)}`);
  if (e.range.values) parts.push(e.range.values.map((v) => valueToText(v, r.spec)).join('|'));
  if (e.range.from) parts.push(`from ${e.range.from[0]}…${e.range.from[1]}`);
  return parts.join('; ');
}

export function paramsTable(s: Snapshot): string {
  const rows = PARAMS.map((spec) => {
    const r = s.values.get(spec.path)!;
    const value = valueToText(r.value, spec);
    return [
      spec.path,
      spec.zh,
      r.entry?.estimate ? chalk.yellow(`${value} *`) : value,
      rangeText(r),
      spec.unit,
      r.entry?.from ?? '',
      provenance(r),
    ];
  });
  const estimates = rows.filter((_, i) => s.values.get(PARAMS[i]!.path)!.entry?.estimate).length;
  return (
    [
      chalk.bold(`${s.policy.name.zh} ${s.policy.name.en} — parameters in force at ${s.date}`),
      // (the 中文 name beside the path: init's template gives it, and nothing else did, a county officer's trial found)
      textTable(['parameter 参数', '名称', 'value 值', 'range 范围', 'unit 单位', 'since 起始', 'source 依据'], rows, [
        'left',
        'left',
        'right',
        'left',
        'left',
        'left',
        'left',
      ]),
      estimates
        ? chalk.yellow(
            `* ${estimates} of ${PARAMS.length} values are estimates (basis and range shown; jiuzhu sensitivity: how far each moves the cost)`,
          )
        : '',
    ].join('\n') + '\n'
  );
}
