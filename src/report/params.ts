// `jiuzhu params`: every canonical parameter at a date. JSON is the public contract (DOMAIN): one object,
// path → value, decimals as exact strings. The table adds where each value came from.
import chalk from 'chalk';
import { PARAMS } from '../core/parameters/schema.js';
import { madeBy, valueToJson, valueToText, type GrowthRate, type Policy, type Resolved, type Snapshot } from '../core/parameters/tree.js';
import { ratePct } from '../core/projection.js';
import { atRateEnds } from '../core/sensitivity.js';
import { textTable, wrapLine, type Align } from './text-table.js';
import { isZh, type Lang } from './lang.js';
import { unitZh } from '../core/parameters/units.js';

/** A projection rate's ends, as a grown value's range is said: "+2%…+6% a year". */
export const rateEndsText = (rate: GrowthRate, lang?: Lang): string =>
  isZh(lang)
    ? `每年 ${ratePct(rate.range!.low)}…${ratePct(rate.range!.high)}`
    : `${ratePct(rate.range!.low)}…${ratePct(rate.range!.high)} a year`;

export function paramsJson(s: Snapshot): Record<string, unknown> {
  return Object.fromEntries(PARAMS.map((spec) => [spec.path, valueToJson(s.values.get(spec.path)!.value, spec)]));
}

/**
 * Where a value came from, in one line: source and clause, or the estimate's basis. In Chinese (explain --lang zh)
 * the labels are (估计, 区间, …): the bases are the policy file's own words, written once, in English.
 */
export function provenance(r: Resolved, lang: 'en' | 'zh' = 'en'): string {
  const e = r.entry;
  const zh = lang === 'zh';
  if (!e)
    return r.defaulted
      ? `${zh ? '未给出：取默认值' : 'not given: the default'} (${r.spec.default!.basis})`
      : zh
        ? '未给出（现行方式不用）'
        : 'not given (not used by the mode in force)';
  const parts: string[] = [];
  if (e.scenario) parts.push(zh ? `${e.projected ? '预测' : '方案'} ${e.scenario}` : madeBy(e));
  if (e.estimate) parts.push(`${zh ? '估计：' : 'ESTIMATE: '}${e.estimate}`);
  if (e.range) parts.push(`${zh ? '区间：' : 'RANGE: '}${e.range.basis}`);
  if (e.exact) parts.push(`${zh ? '无区间：' : 'EXACT: '}${e.exact}`);
  if (r.source) {
    const where = r.source.url ? `${r.source.url} (grade ${r.source.grade})` : r.source.file;
    parts.push(`${r.source.id}${e.clause ? ` ${e.clause}` : ''} — ${r.source.title}${where ? ` [${where}]` : ''}`);
  }
  if (e.note) parts.push(`${zh ? '注：' : 'note: '}${e.note}`);
  return parts.join(zh ? '；' : '; ');
}

/**
 * An estimate's range in a few characters: low–high, the values, the start-date window; or exact. A value a projection
 * grew at a rate with a range: the value at the rate's ends (`policy`: its history).
 */
export function rangeText(r: Resolved, policy: Policy, lang?: Lang): string {
  const e = r.entry;
  const zh = isZh(lang);
  if (!e?.estimate) return '';
  if (e.exact !== undefined) return zh ? '无可变动' : 'none to vary';
  const ends = atRateEnds(e, policy.params.get(r.spec.path) ?? []);
  if (ends) {
    const grown = zh
      ? `${e.range ? '其区间按' : '按'}${rateEndsText(e.grown!.rate, lang)}增长`
      : `${e.range ? 'its range grown at ' : ''}${rateEndsText(e.grown!.rate)}`;
    return `${valueToText(ends[0], r.spec)}–${valueToText(ends[1], r.spec)}${zh ? `（${grown}）` : ` (${grown})`}`;
  }
  // (a value a projection or scenario made from a published one, or at a rate of its own: as the Estimates sheet says)
  if (!e.range) return e.scenario ? `派生 derived (${e.scenario})` : '—';
  const parts: string[] = [];
  if (e.range.low !== undefined) parts.push(`${valueToText(e.range.low, r.spec)}–${valueToText(e.range.high!, r.spec)}`);
  if (e.range.values) parts.push(e.range.values.map((v) => valueToText(v, r.spec)).join('|'));
  if (e.range.from) parts.push(`${zh ? '起始日期 ' : 'from '}${e.range.from[0]}…${e.range.from[1]}`);
  return parts.join(zh ? '；' : '; ');
}

/**
 * `width`: a terminal's columns. The source (a document's title, an estimate's basis: up to ~2,000 characters) then
 * goes under its row, wrapped to the width (in a column, the table ran ~1,000 columns wide: an onboarding trial and a
 * terminal QA trial). In a file or a pipe, one line per parameter, as grep and diff like it.
 */
export function paramsTable(s: Snapshot, width?: number, lang?: Lang): string {
  const zh = isZh(lang);
  const rows = PARAMS.map((spec) => {
    const r = s.values.get(spec.path)!;
    const value = valueToText(r.value, spec);
    return [
      spec.path,
      spec.zh,
      r.entry?.estimate ? chalk.yellow(`${value} *`) : value,
      rangeText(r, s.policy, lang),
      zh ? unitZh(spec.unit) : spec.unit,
      r.entry?.from ?? '',
      provenance(r, zh ? 'zh' : 'en'),
    ];
  });
  const estimates = rows.filter((_, i) => s.values.get(PARAMS[i]!.path)!.entry?.estimate).length;
  const fit = (line: string) => (width ? wrapLine(line, width - 1).join('\n') : line);
  const HEADER = ['parameter 参数', 'name 名称', 'value 值', 'range 范围', 'unit 单位', 'since 起始'];
  const ALIGN: Align[] = ['left', 'left', 'right', 'left', 'left', 'left'];
  /** At a terminal: path, value, unit and date in columns; the 中文 name, the range and the source under, wrapped. */
  const sourceUnder = (all: string[][], w: number) => {
    const pick = [0, 2, 4, 5];
    const [head, rule, ...lines] = textTable(
      pick.map((k) => HEADER[k]!),
      all.map((r) => pick.map((k) => r[k]!)),
      pick.map((k) => ALIGN[k]!),
    ).split('\n');
    const under = (r: string[]) => `    ${[r[1], r[3] && `range 范围 ${r[3]}`, r[6]].filter(Boolean).join(' · ')}`;
    return [head, rule, ...lines.flatMap((l, i) => [l, ...wrapLine(under(all[i]!), w - 1).map((x) => chalk.dim(x))])].join('\n');
  };
  return (
    [
      chalk.bold(`${s.policy.name.zh} ${s.policy.name.en} — ${zh ? `${s.date} 现行参数` : `parameters in force at ${s.date}`}`),
      // (the 中文 name beside the path: init's template gives it, and nothing else did, a county officer's trial found)
      width ? sourceUnder(rows, width) : textTable([...HEADER, 'source 依据'], rows, [...ALIGN, 'left']),
      estimates
        ? chalk.yellow(
            fit(
              zh
                ? `* ${PARAMS.length} 项参数中 ${estimates} 项为估计值（依据与区间见上；各项对支出的影响：jiuzhu sensitivity）`
                : `* ${estimates} of ${PARAMS.length} values are estimates (basis and range shown; jiuzhu sensitivity: how far each moves the cost)`,
            ),
          )
        : '',
    ].join('\n') + '\n'
  );
}
