// jiuzhu compare --policy FILE [--policy FILE …] [--scenario FILE …] --households FILE [--date D] [--format …]
// One pass over the data: the file is parsed once and every locality × (baseline + scenarios) is evaluated on it.
import { incomeDeciles } from '../../core/compare.js';
import { compareParallel } from '../../engine/parallel.js';
import { compareCsv, compareJson, compareMarkdown, compareTable, localityReport, type CompareReport } from '../../report/compare.js';
import { estimatesInForce } from '../../report/estimates.js';
import type { Ctx } from '../context.js';
import { allOrEveryProblem, loadHouseholds, loadRuns, loadScenarios, simulationDate, withExecutor } from '../load.js';

export interface CompareOptions {
  readonly policy: readonly string[];
  readonly scenario?: readonly string[];
  readonly households: string;
  readonly date?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly quiet: boolean;
}

export async function compareCommand(ctx: Ctx, o: CompareOptions): Promise<void> {
  const date = simulationDate(ctx, o.date);
  const scenarios = await loadScenarios(o.scenario ?? []);
  // Every policy × scenario is checked before the CSV is read.
  const localities = await allOrEveryProblem(o.policy.map((file) => loadRuns(file, scenarios, date)));
  const { deciles, results } = await withExecutor(ctx, async (exec) => {
    const pop = await loadHouseholds(ctx, exec, o.households, o.quiet);
    const deciles = incomeDeciles(pop);
    return {
      pop,
      deciles,
      results: await compareParallel(
        exec,
        pop,
        localities.map((runs) => ({ runs })),
        deciles,
      ),
    };
  });
  const report: CompareReport = {
    date,
    householdsFile: o.households,
    localities: localities.map((runs, l) =>
      localityReport(
        o.policy[l]!,
        runs[0]!.snapshot.policy,
        results[l]!,
        runs.map((r) => estimatesInForce(r.snapshot)),
        deciles,
      ),
    ),
  };
  const render = {
    json: () => JSON.stringify(compareJson(report), null, 2) + '\n',
    csv: () => compareCsv(report),
    markdown: () => compareMarkdown(report),
    table: () => compareTable(report),
  };
  ctx.stdout.write(render[o.format]());
}
