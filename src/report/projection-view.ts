// A projection as every output says it: its lines (the table, Markdown, a workbook's About sheet) and its JSON — for
// several budget years (simulate --years) and for one (simulate --year --projection).
import { grownColumns, incomesFrom, madeForOthers, pathsOf, ratePct as pct, type Projection } from '../core/projection.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Where the households' incomes are of another year than base_year (--incomes-year): from it. */
export const incomesSince = (p: Pick<Projection, 'baseYear' | 'incomesYear'>): string =>
  p.incomesYear === undefined ? '' : ` from ${p.incomesYear} (--incomes-year: the households' incomes are of ${p.incomesYear})`;

/** "from 2025", and where the incomes are of another year, "from 2025, the incomes from 2021 (--incomes-year)". */
export const grownFromText = (p: Pick<Projection, 'baseYear' | 'incomesYear'>): string =>
  `from ${p.baseYear}${p.incomesYear === undefined ? '' : `, the incomes from ${p.incomesYear} (--incomes-year)`}`;

export function projectionLines(p: Projection | null, policyId: string): string[] {
  if (!p) return ['no projection: each year under the parameters the policy gives for it, the households as they are'];
  return [
    `projection ${p.id} (${p.file}): from ${p.baseYear}, a year —`,
    ...(madeForOthers(p, policyId) ? [`  made for ${p.localities!.join(', ')}, not ${policyId}: its rates are that locality's`] : []),
    ...p.uprate.map((g) => {
      // (a prefix whose paths another line names has those at that line's rate)
      const others = pathsOf(g).filter((path) => !pathsOf(g, p.uprate).includes(path));
      const when = (g.month ?? 1) === 1 ? '' : ` from 1 ${MONTHS[g.month! - 1]} each year`;
      return `  ${g.read} ${pct(g.yearly)}${when}${others.length ? ` (not ${others.join(', ')}: its own line)` : ''} (${g.basis})`;
    }),
    `  incomes ${pct(p.incomes.yearly)}${incomesSince(p)} (${p.incomes.basis}); population ${pct(p.population.yearly)} (${p.population.basis})`,
    ...(p.households ?? []).map(
      (g) => `  ${g.column} ${pct(g.yearly)}${p.incomesYear === undefined ? '' : ` from ${p.incomesYear} (--incomes-year)`} (${g.basis})`,
    ),
    `  grown: ${grownColumns(p)
      .grown.map(([c, by]) => `${c} (${by})`)
      .join(', ')}; as in the file, every year: ${grownColumns(p).kept.join(', ')}`,
    "  a value the policy publishes for a year is kept; projected values are estimates that cite the projection, each year's rounded to the fen before the next is grown; scenarios apply to the projected values",
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
