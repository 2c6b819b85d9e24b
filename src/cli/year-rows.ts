// simulate --year / --years --per-household FILE: each budget year's period runs over the households, chunk by chunk,
// each household's year written as a row per run (core/year-rows.ts) while the totals are summed in the same pass: the
// rows and the totals are one evaluation. On this thread, as a date's rows are (simulate.ts run): the rows are the work.
import { Totals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import { simulateRange, type Run } from '../core/simulate.js';
import { YearRows } from '../core/year-rows.js';
import type { Executor } from '../engine/pool.js';
import { AtomicFile } from '../io/atomic-file.js';
import { Rounded, YEAR_ROWS_HEADER, yearRow } from '../report/year-rows.js';
import type { Lang } from '../report/lang.js';

const CHUNK = 4096;

/** Evaluates a year's period runs (`ids`: the baseline's and each scenario's, in the runs' order), writing the rows. */
export type YearRowsPass = (
  pop: Population,
  runs: readonly Run[],
  ids: readonly string[],
  year: number,
  /** The command's executor (compare --year: its changes evaluated on its workers). */
  exec: Executor,
) => Promise<Totals[]>;

/**
 * The rows' file: opened at the first year's pass, written year after year, put in place (commit) only once the totals
 * are written — or removed (abort) on any error, so that no half-written file is left.
 */
export class YearRowsFile {
  private file: AtomicFile | null = null;
  /** Amounts written to the nearest fen: a grant or premium that changes inside the year, a share of a fen left out. */
  private readonly rounded = new Rounded();

  constructor(private readonly path: string) {}

  readonly pass: YearRowsPass = async (pop, runs, ids, year) => {
    if (!this.file) {
      this.file = await AtomicFile.open(this.path);
      await this.file.write(YEAR_ROWS_HEADER);
    }
    return yearRowsPass(pop, runs, ids, year, this.file, this.rounded);
  };

  async commit(): Promise<void> {
    await this.file?.commit();
  }

  async abort(): Promise<void> {
    await this.file?.abort();
  }

  /** Said where an amount was rounded to the fen. */
  notes(lang?: Lang): string[] {
    const n = this.rounded.count;
    if (!n) return [];
    const gaps = this.rounded.gaps();
    const by = gaps.map(([c, g]) => `${c} ${g}`).join(', ');
    return [
      lang === 'zh'
        ? `注：逐户行中 ${n} 个金额取整到分（年内变化的临时救助或参保资助按月数 ÷ 12 计，不足一分的部分）；合计按精确值相加${gaps.length ? `：逐户行加权合计与合计之差（元）：${by}` : ''}`
        : `note: ${n} amount${n > 1 ? 's' : ''} in the rows ${n > 1 ? 'are' : 'is'} rounded to the fen (a grant or premium that changes inside the year counts months ÷ 12 of each: a share of a fen); the totals add them exactly${gaps.length ? `: the rows, weighted, differ from the totals by (yuan) ${by}` : ''}`,
    ];
  }
}

/** One year's pass: every household's year under every run, written to `file`; the runs' totals. */
async function yearRowsPass(
  pop: Population,
  runs: readonly Run[],
  ids: readonly string[],
  year: number,
  file: AtomicFile,
  rounded: Rounded,
): Promise<Totals[]> {
  const totals = runs.map(() => new Totals());
  let rows: string[] = [];
  const parts: string[] = [];
  const years = new YearRows(runs, (h, g, y) => {
    const persons = pop.offsets[h + 1]! - pop.offsets[h]!;
    // (joined a few thousand at a time, as a date's rows: simulate.ts evaluateChunk)
    if (rows.push(yearRow(pop.householdIds.at(h), ids[g]!, year, persons, pop.weight[h]!, y, rounded)) < 2048) return;
    parts.push(rows.join(''));
    rows = [];
  });
  for (let from = 0; from < pop.householdCount; from += CHUNK) {
    const partial = simulateRange(pop, runs, from, Math.min(pop.householdCount, from + CHUNK), years.add, years.exit);
    partial.forEach((p, i) => totals[i]!.merge(p));
    parts.push(rows.join(''));
    rows = [];
    for (const part of parts.splice(0)) if (part) await file.write(part);
  }
  return totals;
}
