// A population's effective marginal rates (core/marginal-rates.ts) as JSON and a table: the weighted shares of
// households in each band, the cumulative shares facing ≥ 80 % and ≥ 100 %, the change from the baseline, by layer,
// and the households behind the ≥ 100 % figure (their ids, for jiuzhu explain). Shares are of the households with
// someone to earn the next yuan; those without are counted apart.
import { shownId } from '../core/invisible.js';
import chalk from 'chalk';
import type { View } from '../core/cliff.js';
import { aboutJson, aboutLine, type RunAbout } from './cliff.js';
import { ABOVE_100, AT_LEAST_100, BANDS, HOUSEHOLD_LAYERS, type RateBands } from '../core/marginal-rates.js';
import { D, fenToYuan } from '../core/money.js';
import { layerLabel } from '../core/programs/index.js';
import { groupDigits, markdownTable, textTable, type Align } from './text-table.js';
import { runShown, type Lang } from './lang.js';
import { ratesWords } from './cliff-words.js';

export interface RateDistribution {
  /** Fen more a month of each household's main earner's wage. */
  readonly delta: number;
  /** monthly: a month's programs (× 12); annual: the year's (a gradual exit for its months). */
  readonly view: View;
  readonly runs: ReadonlyArray<{ readonly id: string; readonly bands: RateBands; readonly aboveIds: readonly string[] }>;
  readonly about?: RunAbout;
}

/** The distribution of runs' bands, with the ids of the households behind each ≥ 100 % figure. */
export function rateDistributionOf(
  delta: number,
  view: View,
  runs: readonly { readonly id: string }[],
  bands: readonly RateBands[],
  householdIds: { at(h: number): string },
): RateDistribution {
  return {
    delta,
    view,
    runs: runs.map((r, i) => ({ id: r.id, bands: bands[i]!, aboveIds: bands[i]!.above.map((h) => householdIds.at(h)) })),
  };
}

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
/** Weighted households (millionths) as a whole number of households. */
export const households = (x: bigint) => D(x.toString()).dividedBy(1e6).toFixed(0);
/** x of all as a percentage with two decimals (small shares stay visible: Guangzhou's dibao is 0.2 % of households). */
const pct = (x: bigint, all: bigint) => (all === 0n ? '0.00' : D(x.toString()).dividedBy(all.toString()).times(100).toFixed(2));
const from = (xs: readonly bigint[], band: number) => sum(xs.slice(band));
const AT_LEAST_80 = BANDS.indexOf('80–100 %');

/** One group's weighted households, each band's share and the cumulative shares (percent, 2 decimals). */
export function bandShares(xs: readonly bigint[]) {
  const all = sum(xs);
  return {
    households: households(all),
    shares: Object.fromEntries(BANDS.map((b, i) => [b, pct(xs[i]!, all)])),
    at_least_80_pct: pct(from(xs, AT_LEAST_80), all),
    at_least_100_pct: pct(from(xs, AT_LEAST_100), all),
    at_least_100_households: households(from(xs, AT_LEAST_100)),
    // (more than 100 %: a cliff; exactly 100 % is dibao's taper)
    above_100_pct: pct(from(xs, ABOVE_100), all),
    above_100_households: households(from(xs, ABOVE_100)),
  };
}

/** The change of the share facing ≥ 100 % from the baseline's, in percentage points. */
function change(r: RateBands, base: RateBands): string {
  const [a, b] = [sum(r.overall), sum(base.overall)];
  if (a === 0n || b === 0n) return '0.00';
  const x = D(from(r.overall, AT_LEAST_100).toString())
    .dividedBy(a.toString())
    .minus(D(from(base.overall, AT_LEAST_100).toString()).dividedBy(b.toString()));
  const pp = x.times(100).toDecimalPlaces(2);
  return pp.isZero() ? '0.00' : pp.toFixed(2);
}

export function distributionJson(d: RateDistribution): object {
  const base = d.runs[0]!.bands;
  return {
    ...aboutJson(d.about),
    delta: fenToYuan(d.delta),
    view: d.view,
    rate: '1 − (Δwage + Δcash programs) / Δwage of the main earner (highest wage; else the first adult 18–59 who can work): assistance withdrawn only, no income tax or social insurance',
    shares_of: 'households with a main earner, weighted',
    bands: BANDS,
    scenarios: d.runs.map((r) => ({
      id: r.id,
      ...bandShares(r.bands.overall),
      at_least_100_pct_change_pp: change(r.bands, base),
      by_layer: Object.fromEntries(HOUSEHOLD_LAYERS.map((l, i) => [l, bandShares(r.bands.byLayer[i]!)])),
      no_earner_households: households(r.bands.noEarner),
      // (the ids of the first MAX_IDS records: `records` says how many there are)
      facing_at_least_100_pct: { records: r.bands.aboveCount, ids: r.aboveIds, ids_shown: r.aboveIds.length },
    })),
  };
}

/**
 * Each run's shares in the bands, ≥ 80 % and ≥ 100 % (as a share and in weighted households), its change from the
 * baseline: the table's and the Markdown's rows (a researcher added the two bands up by hand beside a count of file
 * rows; a journalist's Markdown lacked the ≥ 100 % its text table had).
 */
function overallRows(d: RateDistribution): [string[], string[][]] {
  const base = d.runs[0]!;
  // (the change's column only beside a run to change from: with the baseline alone it stood empty, a QA's)
  const vs = d.runs.length > 1;
  const header = ['run 方案', ...BANDS, '≥ 80 %', '≥ 100 %', ...(vs ? ['Δ ≥ 100 % (pp)'] : []), 'households ≥ 100 % 户'];
  const rows = d.runs.map((r) => {
    const s = bandShares(r.bands.overall);
    return [
      r.id,
      ...BANDS.map((b) => `${s.shares[b]}%`),
      `${s.at_least_80_pct}%`,
      `${s.at_least_100_pct}%`,
      ...(vs ? [r === base ? '' : change(r.bands, base.bands)] : []),
      groupDigits(s.at_least_100_households),
    ];
  });
  return [header, rows];
}

export function distributionTable(d: RateDistribution, lang?: Lang): string {
  const base = d.runs[0]!;
  const [header, rows] = overallRows(d);
  const layerRows = (r: RateDistribution['runs'][number]) =>
    HOUSEHOLD_LAYERS.map((l, i) => {
      const xs = r.bands.byLayer[i]!;
      const all = sum(xs);
      return [layerLabel(l), ...xs.map((x) => `${pct(x, all)}%`), groupDigits(households(all))];
    }).filter((row) => row.at(-1) !== '0');
  const out = [
    chalk.bold(ratesWords.title(groupDigits(fenToYuan(d.delta)), lang)),
    ...aboutLine(d.about, lang),
    chalk.dim(ratesWords.shares(d.view, groupDigits(households(sum(base.bands.overall))), lang)),
    chalk.dim(ratesWords.none(groupDigits(households(base.bands.noEarner)), lang)),
    textTable(
      header,
      rows,
      header.map((_, i): Align => (i ? 'right' : 'left')),
    ),
  ];
  for (const r of d.runs) {
    out.push('', chalk.bold(ratesWords.byLayer(runShown(r.id, lang), lang)));
    out.push(textTable(['layer 层级', ...BANDS, 'households 户'], layerRows(r), ['left', ...BANDS.map((): Align => 'right'), 'right']));
  }
  out.push('');
  for (const r of d.runs)
    if (r.bands.aboveCount)
      out.push(
        chalk.dim(
          ratesWords.above(
            runShown(r.id, lang),
            groupDigits(String(r.bands.aboveCount)),
            groupDigits(bandShares(r.bands.overall).at_least_100_households),
            r.aboveIds.slice(0, 4).map(shownId).join(', '),
            lang,
          ),
        ),
      );
  out.push(chalk.dim(ratesWords.oneByOne(lang)));
  return out.join('\n') + '\n';
}

/** The bands of every run as a Markdown table (compare --marginal-rates --format markdown). */
export function distributionMarkdown(d: RateDistribution, lang?: Lang): string {
  const [header, rows] = overallRows(d);
  return [
    ratesWords.markdown(groupDigits(fenToYuan(d.delta)), d.view, lang),
    '',
    markdownTable(
      header,
      rows,
      header.map((_, i): Align => (i ? 'right' : 'left')),
    ),
    '',
  ].join('\n');
}

/** One row per run, layer (all, then each layer) and band: weighted households and their share. */
export function distributionCsv(d: RateDistribution): string {
  const rows = ['scenario,layer,band,households,share_pct'];
  for (const r of d.runs) {
    const groups: Array<[string, readonly bigint[]]> = [
      ['all', r.bands.overall],
      ...HOUSEHOLD_LAYERS.map((l, i): [string, readonly bigint[]] => [l, r.bands.byLayer[i]!]),
    ];
    for (const [layer, xs] of groups) {
      const all = sum(xs);
      BANDS.forEach((b, i) => rows.push([r.id, layer, b, households(xs[i]!), pct(xs[i]!, all)].join(',')));
    }
    rows.push([r.id, 'no_earner', '', households(r.bands.noEarner), ''].join(','));
  }
  return rows.join('\n') + '\n';
}
