// `jiuzhu params`: every canonical parameter at a date. JSON is the public contract (DOMAIN): one object,
// path → value, decimals as exact strings. The table adds where each value came from.
import chalk from 'chalk';
import { PARAMS } from '../core/parameters/schema.js';
import { valueToJson, valueToText, type Resolved, type Snapshot } from '../core/parameters/tree.js';
import { textTable } from './text-table.js';

export function paramsJson(s: Snapshot): Record<string, unknown> {
  return Object.fromEntries(PARAMS.map((spec) => [spec.path, valueToJson(s.values.get(spec.path)!.value, spec)]));
}

/** Where a value came from, in one line: source and clause, or the estimate's basis. */
export function provenance(r: Resolved): string {
  const e = r.entry;
  if (!e) return r.defaulted ? `not given: the default (${r.spec.default!.basis})` : 'not given (not used by the mode in force)';
  const parts: string[] = [];
  if (e.scenario) parts.push(`scenario ${e.scenario}`);
  if (e.estimate) parts.push(`ESTIMATE: ${e.estimate}`);
  if (r.source) {
    const where = r.source.url ? `${r.source.url} (grade ${r.source.grade})` : r.source.file;
    parts.push(`${r.source.id}${e.clause ? ` ${e.clause}` : ''} — ${r.source.title}${where ? ` [${where}]` : ''}`);
  }
  if (e.note) parts.push(`note: ${e.note}`);
  return parts.join('; ');
}

export function paramsTable(s: Snapshot): string {
  const rows = PARAMS.map((spec) => {
    const r = s.values.get(spec.path)!;
    const value = valueToText(r.value, spec);
    return [spec.path, r.entry?.estimate ? chalk.yellow(`${value} *`) : value, spec.unit, r.entry?.from ?? '', provenance(r)];
  });
  const estimates = rows.filter((_, i) => s.values.get(PARAMS[i]!.path)!.entry?.estimate).length;
  return (
    [
      chalk.bold(`${s.policy.name.zh} ${s.policy.name.en} — parameters in force at ${s.date}`),
      textTable(['parameter', 'value', 'unit', 'since', 'source'], rows, ['left', 'right', 'left', 'left', 'left']),
      estimates ? chalk.yellow(`* ${estimates} of ${PARAMS.length} values are estimates (basis shown)`) : '',
    ].join('\n') + '\n'
  );
}
