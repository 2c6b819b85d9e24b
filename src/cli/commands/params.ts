// jiuzhu params --policy FILE [--date D] --format json|table
import { estimatesInForce } from '../../report/estimates.js';
import { paramsJson, paramsTable } from '../../report/params.js';
import { resolve } from '../../core/parameters/tree.js';
import { applyScenario } from '../../core/scenario.js';
import { loadPolicy } from '../../io/policy-file.js';
import type { Ctx } from '../context.js';
import { loadScenarios, simulationDate } from '../load.js';

export interface ParamsOptions {
  readonly policy: string;
  readonly date?: string;
  readonly format: 'json' | 'table';
  readonly scenario?: readonly string[];
  readonly quiet?: boolean;
}

export async function paramsCommand(ctx: Ctx, o: ParamsOptions): Promise<void> {
  const date = simulationDate(ctx, o.date, { quiet: !!o.quiet });
  const policy = await loadPolicy(o.policy);
  // Several scenarios are applied one on top of the other, in the order given.
  const derived = (await loadScenarios(o.scenario ?? [])).reduce(applyScenario, policy);
  const snapshot = resolve(derived, date);
  if (o.format === 'table') {
    ctx.stdout.write(paramsTable(snapshot, ctx.stdout.isTTY ? ctx.stdout.columns : undefined));
    return;
  }
  // The JSON contract is path → value only, so the estimates are named on stderr.
  ctx.stdout.write(JSON.stringify(paramsJson(snapshot), null, 2) + '\n');
  const estimates = estimatesInForce(snapshot);
  if (estimates.length && !o.quiet) {
    ctx.stderr.write(
      `note: ${estimates.length} values are estimates: ${estimates.map((e) => e.path).join(', ')} (basis: --format table)\n`,
    );
  }
}
