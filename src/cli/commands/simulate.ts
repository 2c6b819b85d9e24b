// jiuzhu simulate --policy FILE --households FILE [--date D] [--format table|json|csv|markdown] [--per-household FILE]
import { figures, type Totals } from '../../core/aggregate.js';
import type { Population } from '../../core/population.js';
import { simulateRange, type Run } from '../../core/simulate.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { estimatesInForce, programsOnEstimates } from '../../report/estimates.js';
import { PER_HOUSEHOLD_HEADER, perHouseholdRow } from '../../report/per-household.js';
import { totalsCsv, totalsJson, totalsMarkdown, totalsTable, type SimulationReport } from '../../report/totals.js';
import type { Ctx } from '../context.js';
import { loadHouseholds, loadRuns, loadScenarios, simulationDate } from '../load.js';

export type TotalsFormat = 'table' | 'json' | 'csv' | 'markdown';

export interface SimulateOptions {
  readonly policy: string;
  readonly households: string;
  readonly date?: string;
  readonly format: TotalsFormat;
  readonly perHousehold?: string;
  readonly scenario?: readonly string[];
  readonly quiet: boolean;
}

const CHUNK = 4096;

export async function simulateCommand(ctx: Ctx, o: SimulateOptions): Promise<void> {
  const date = simulationDate(ctx, o.date);
  // Policy and scenarios are checked before the CSV is read.
  const loaded = await loadRuns(o.policy, await loadScenarios(o.scenario ?? []), date);
  const pop = await loadHouseholds(ctx, o.households, o.quiet);
  const runs: Run[] = loaded.map((r) => ({ id: r.id, rules: r.rules }));
  const totals = (await run(pop, runs, o.perHousehold)).map(figures);
  const report: SimulationReport = {
    policy: loaded[0]!.snapshot.policy,
    date,
    householdsFile: o.households,
    scenarios: loaded.map((r, i) => {
      const estimates = estimatesInForce(r.snapshot);
      return { id: r.id, figures: totals[i]!, estimates, onEstimates: programsOnEstimates(estimates), baseline: i ? totals[0] : undefined };
    }),
  };
  ctx.stdout.write(render(report, o.format));
  const estimated = report.scenarios.some((s) => s.estimates.length);
  if (o.format !== 'table' && o.format !== 'markdown' && estimated && !o.quiet) {
    ctx.stderr.write('note: the results rest on estimated parameters (see "estimates" in --format json, or jiuzhu params)\n');
  }
}

function render(r: SimulationReport, format: TotalsFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(totalsJson(r), null, 2) + '\n';
    case 'csv':
      return totalsCsv(r);
    case 'markdown':
      return totalsMarkdown(r);
    case 'table':
      return totalsTable(r);
  }
}

/** Evaluates every run chunk by chunk, writing per-household rows as it goes; the file appears only if all went well. */
async function run(pop: Population, runs: readonly Run[], perHousehold: string | undefined): Promise<Totals[]> {
  const out = perHousehold ? await AtomicFile.open(perHousehold) : null;
  try {
    await out?.write(PER_HOUSEHOLD_HEADER);
    let totals: Totals[] | null = null;
    for (let from = 0; from < pop.householdCount || totals === null; from += CHUNK) {
      const to = Math.min(pop.householdCount, from + CHUNK);
      const rows: string[] = [];
      const partial = simulateRange(pop, runs, from, to, out ? (h, i, r) => rows.push(perHouseholdRow(pop.householdIds[h]!, runs[i]!.id, r)) : undefined);
      if (totals === null) totals = partial;
      else partial.forEach((p, i) => totals![i]!.merge(p));
      if (out && rows.length) await out.write(rows.join(''));
    }
    await out?.commit();
    return totals;
  } catch (e) {
    await out?.abort();
    throw e;
  }
}
