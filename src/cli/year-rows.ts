// simulate --year --per-household FILE: the budget year's period runs over the households, chunk by chunk, each
// household's year written as a row per run (core/year-rows.ts) while the totals are summed in the same pass: the
// rows and the totals are one evaluation. On this thread, as a date's rows are (simulate.ts run): the rows are the work.
import { Totals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import { simulateRange, type Run } from '../core/simulate.js';
import { YearRows } from '../core/year-rows.js';
import { AtomicFile } from '../io/atomic-file.js';
import { YEAR_ROWS_HEADER, yearRow } from '../report/year-rows.js';
import type { Lang } from '../report/lang.js';

const CHUNK = 4096;

/** The rows' file, open until the totals are written: then committed (or, on any error, removed). */
export interface YearRowsOut {
  readonly file: AtomicFile;
  /** Amounts written to the nearest fen: a grant or premium that changes inside the year, a share of a fen left out. */
  readonly rounded: { count: number };
}

export async function openYearRows(path: string): Promise<YearRowsOut> {
  const file = await AtomicFile.open(path);
  try {
    await file.write(YEAR_ROWS_HEADER);
  } catch (e) {
    await file.abort();
    throw e;
  }
  return { file, rounded: { count: 0 } };
}

/**
 * Evaluates a budget year's period runs (their exits carried in, if any) over every household, writing each household's
 * year under each run (`ids`: the baseline's and each scenario's, in the runs' order), and gives the runs' totals.
 */
export async function yearRowsPass(pop: Population, runs: readonly Run[], ids: readonly string[], out: YearRowsOut): Promise<Totals[]> {
  const totals = runs.map(() => new Totals());
  let rows: string[] = [];
  const parts: string[] = [];
  const years = new YearRows(runs, (h, g, y) => {
    const persons = pop.offsets[h + 1]! - pop.offsets[h]!;
    // (joined a few thousand at a time, as a date's rows: simulate.ts evaluateChunk)
    if (rows.push(yearRow(pop.householdIds.at(h), ids[g]!, persons, y, out.rounded)) < 2048) return;
    parts.push(rows.join(''));
    rows = [];
  });
  for (let from = 0; from < pop.householdCount; from += CHUNK) {
    const partial = simulateRange(pop, runs, from, Math.min(pop.householdCount, from + CHUNK), years.add, years.exit);
    partial.forEach((p, i) => totals[i]!.merge(p));
    parts.push(rows.join(''));
    rows = [];
    for (const part of parts.splice(0)) if (part) await out.file.write(part);
  }
  return totals;
}

/** Said under the rows' line where an amount was rounded to the fen. */
export function roundedNote(out: YearRowsOut | null, lang?: Lang): string[] {
  const n = out?.rounded.count ?? 0;
  if (!n) return [];
  return [
    lang === 'zh'
      ? `注：逐户行中 ${n} 个金额取整到分（年内变化的临时救助或参保资助按月数 ÷ 12 计，不足一分的部分）；合计按精确值相加`
      : `note: ${n} amount${n > 1 ? 's' : ''} in the rows ${n > 1 ? 'are' : 'is'} rounded to the fen (a grant or premium that changes inside the year counts months ÷ 12 of each: a share of a fen); the totals add them exactly`,
  ];
}
