// cliff --households FILE --per-household OUT.csv: each household's effective marginal rate on its main earner's next
// `delta` a month, under each run — the figure the whole-file distribution counts in bands, one row per household and
// run (a researcher's only way to it was one `cliff --household` per household: ~0.5 s each, 14 hours for 100,000).
// The rate is exact to its 4 decimals: 1 − gain / (12 × delta), both whole fen, rounded half away from zero.
import { mainEarner, HOUSEHOLD_LAYERS, type PerHouseholdRates } from '../core/marginal-rates.js';
import { weightedCount } from '../core/aggregate.js';
import { fenToYuan } from '../core/money.js';
import type { Population } from '../core/population.js';
import { csvField } from './per-household.js';

// (weight last: a researcher had to join the households file back for every weighted share; the columns before it kept)
export const RATES_PER_HOUSEHOLD_HEADER =
  'policy,date,household_id,scenario,main_earner,layer,extra_wage_a_month,resources_gain_a_year,marginal_rate,weight\n';

/**
 * 1 − gain / (12 × delta) with 4 decimals (gain: fen a year; delta: fen a month). A rate below 0 that rounds to 0
 * keeps its sign, -0.0000, as its band (< 0 %) does: a researcher's household gaining 5,492.48 more than 1.2e9 earned
 * read 0.0000 beside the table's < 0 %.
 */
export function rateText(gain: number, delta: number): string {
  const d = BigInt(12 * delta);
  const n = (d - BigInt(gain)) * 10_000n;
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return `${n < 0n ? '-' : ''}${q / 10_000n}.${String(q % 10_000n).padStart(4, '0')}`;
}

/** The rows of households [from, to), household-major (each household's runs together), as CSV text. */
export function ratesRows(
  pop: Population,
  each: PerHouseholdRates,
  runIds: readonly string[],
  about: { readonly policy: string; readonly date: string },
  delta: number,
  from: number,
  to: number,
): string {
  const head = `${csvField(about.policy)},${about.date},`;
  const extra = fenToYuan(delta);
  let out = '';
  for (let h = from; h < to; h++) {
    const m = mainEarner(pop, h);
    const id = csvField(pop.householdIds.at(h));
    const who = m < 0 ? '' : csvField(pop.personIds.at(m));
    const layer = HOUSEHOLD_LAYERS[each.layers[h]!];
    const weight = weightedCount(BigInt(pop.weight[h]!)); // (millionths: exact, as the file gave it)
    runIds.forEach((run, i) => {
      const gain = each.gains[i]![h]!;
      const [kept, rate] = Number.isNaN(gain) ? ['', ''] : [fenToYuan(gain), rateText(gain, delta)];
      out += `${head}${id},${csvField(run)},${who},${layer},${m < 0 ? '' : extra},${kept},${rate},${weight}\n`;
    });
  }
  return out;
}
