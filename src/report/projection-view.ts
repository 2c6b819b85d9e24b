// A projection as every output says it: its lines (the table, Markdown, a workbook's About sheet) and its JSON — for
// several budget years (simulate --years) and for one (simulate --year --projection).
import type { Lang } from './lang.js';
import { columnNamed, grownColumns, incomesFrom, madeForOthers, pathsOf, ratePct as pct, type Projection } from '../core/projection.js';
import { zhParam } from './totals-words.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Where the households' incomes are of another year than base_year (--incomes-year): from it. */
export const incomesSince = (p: Pick<Projection, 'baseYear' | 'incomesYear'>): string =>
  p.incomesYear === undefined ? '' : ` from ${p.incomesYear} (--incomes-year: the households' incomes are of ${p.incomesYear})`;

/** "from 2025", and where the incomes are of another year, "from 2025, the incomes from 2021 (--incomes-year)". */
export const grownFromText = (p: Pick<Projection, 'baseYear' | 'incomesYear'>, lang?: Lang): string =>
  lang === 'zh'
    ? `自 ${p.baseYear} 年起${p.incomesYear === undefined ? '' : `，收入自 ${p.incomesYear} 年起（--incomes-year）`}`
    : `from ${p.baseYear}${p.incomesYear === undefined ? '' : `, the incomes from ${p.incomesYear} (--incomes-year)`}`;

export function projectionLines(p: Projection | null, policyId: string, lang?: Lang): string[] {
  const zh = lang === 'zh';
  if (!p)
    return [
      zh
        ? '无预测：各年按政策给出的当年参数，家庭按文件原样'
        : 'no projection: each year under the parameters the policy gives for it, the households as they are',
    ];
  // (in Chinese the framework's words; each rate's basis is the projection file's own, in English, after 来源 or 估计 —
  // a QA's 中文 lines read "(source: …" and "(estimate: …")
  const from = (y: number) => (zh ? `自 ${y} 年（--incomes-year）` : ` from ${y} (--incomes-year)`);
  const basis = (b: string) => (zh ? `（${b.replace(/^source: /, '来源：').replace(/^estimate: /, '估计：')}）` : ` (${b})`);
  return [
    zh ? `预测 ${p.id}（${p.file}）：自 ${p.baseYear} 年起，每年——` : `projection ${p.id} (${p.file}): from ${p.baseYear}, a year —`,
    ...(madeForOthers(p, policyId)
      ? [
          zh
            ? `  为 ${p.localities!.join('、')} 所作，不是 ${policyId}：其增长率是该地的`
            : `  made for ${p.localities!.join(', ')}, not ${policyId}: its rates are that locality's`,
        ]
      : []),
    ...p.uprate.map((g) => {
      // (a prefix whose paths another line names has those at that line's rate)
      const others = pathsOf(g).filter((path) => !pathsOf(g, p.uprate).includes(path));
      const month = g.month ?? 1;
      const when = month === 1 ? '' : zh ? ` 每年 ${month} 月 1 日起` : ` from 1 ${MONTHS[month - 1]} each year`;
      const own = others.length ? (zh ? `（${others.join('、')} 除外：另有一行）` : ` (not ${others.join(', ')}: its own line)`) : '';
      // (an estimated rate's range: sensitivity and --ranges vary it)
      const range = g.range
        ? zh
          ? `（区间 ${pct(g.range.low)}～${pct(g.range.high)}）`
          : ` (range ${pct(g.range.low)} to ${pct(g.range.high)})`
        : '';
      // (in Chinese the line's 中文 name before its code, as sensitivity names its rate: a county clerk read the codes alone)
      const name = zh ? `${g.read.endsWith('.') ? `${zhParam(pathsOf(g)[0] ?? g.read)}等` : zhParam(g.read)} ` : '';
      return `  ${name}${g.read} ${pct(g.yearly)}${when}${range}${own}${basis(g.basis)}`;
    }),
    zh
      ? `  收入 ${pct(p.incomes.yearly)}${p.incomesYear === undefined ? '' : from(p.incomesYear)}${basis(p.incomes.basis)}；人口 ${pct(p.population.yearly)}${basis(p.population.basis)}`
      : `  incomes ${pct(p.incomes.yearly)}${incomesSince(p)} (${p.incomes.basis}); population ${pct(p.population.yearly)} (${p.population.basis})`,
    ...(p.households ?? []).map(
      (g) =>
        `  ${zh ? `${columnNamed(g.column)?.zh[0] ?? ''} ` : ''}${g.column} ${pct(g.yearly)}${p.incomesYear === undefined ? '' : zh ? from(p.incomesYear) : ` from ${p.incomesYear} (--incomes-year)`}${basis(g.basis)}`,
    ),
    zh
      ? `  增长的列：${grownColumns(p)
          .grown.map(([c, by, rate]) => `${c}（${by ? `${by === 'incomes' ? '收入' : '人口'}，` : ''}每年 ${rate}）`)
          .join('、')}；各年按文件原样：${grownColumns(p).kept.join('、')}`
      : `  grown: ${grownColumns(p)
          .grown.map(([c, by, rate]) => `${c} (${by ? `${by}, ` : ''}${rate} a year)`)
          .join(', ')}; as in the file, every year: ${grownColumns(p).kept.join(', ')}`,
    zh
      ? '  政策公布的某年数值照用；预测值是引用该预测的估计，每年先取整到分再增长下一年；方案作用于预测值'
      : "  a value the policy publishes for a year is kept; projected values are estimates that cite the projection, each year's rounded to the fen before the next is grown; scenarios apply to the projected values",
  ];
}

/** The projection in JSON (null: none). */
export function projectionJson(p: Projection | null): unknown {
  if (!p) return null;
  return {
    id: p.id,
    file: p.file,
    title: p.title,
    base_year: p.baseYear,
    uprate: p.uprate.map((g) => ({
      parameters: g.read,
      grows: pathsOf(g, p.uprate),
      yearly: g.yearly.toFixed(),
      month: g.month ?? 1,
      basis: g.basis,
      range: g.range ? { low: g.range.low.toFixed(), high: g.range.high.toFixed(), basis: g.range.basis } : null,
    })),
    incomes: { yearly: p.incomes.yearly.toFixed(), basis: p.incomes.basis, from: incomesFrom(p) },
    population: { yearly: p.population.yearly.toFixed(), basis: p.population.basis },
    // (from the incomes' year: the same file's money)
    households: (p.households ?? []).map((g) => ({ column: g.column, yearly: g.yearly.toFixed(), basis: g.basis, from: incomesFrom(p) })),
    // the household columns no rate grows: as in the file, every year
    kept: grownColumns(p).kept,
    localities: p.localities ?? null,
  };
}

/**
 * Under a sensitivity or --ranges: the projection's estimated uprating rates without a range, not varied (a policy's
 * estimate must have one; a projection's may not, so that a file written before ranges runs as it did).
 */
export function unrangedRatesNotes(p: Projection | null, lang?: Lang): string[] {
  const lines = (p?.uprate ?? []).filter((g) => !g.range && g.basis.startsWith('estimate: ')).map((g) => g.read);
  if (!p || !lines.length) return [];
  return [
    lang === 'zh'
      ? `注：预测 ${p.id} 中估计的增长率 ${lines.join('、')} 没有区间：区间与敏感性分析不变动它们（在 ${p.file} 中各加 range: {low, high, basis}）`
      : `note: projection ${p.id}'s estimated rate${lines.length > 1 ? 's' : ''} for ${lines.join(', ')} ${lines.length > 1 ? 'have' : 'has'} no range: the ranges and sensitivity do not vary ${lines.length > 1 ? 'them' : 'it'} (add range: {low, high, basis} beside each in ${p.file})`,
  ];
}
