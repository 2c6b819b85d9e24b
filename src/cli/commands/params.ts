// jiuzhu params --policy FILE [--date D] --format json|table
import { estimatesInForce } from '../../report/estimates.js';
import { paramsJson, paramsTable } from '../../report/params.js';
import type { Ctx } from '../context.js';
import { loadAt, simulationDate } from '../load.js';

export interface ParamsOptions {
  readonly policy: string;
  readonly date?: string;
  readonly format: 'json' | 'table';
  readonly quiet?: boolean;
}

export async function paramsCommand(ctx: Ctx, o: ParamsOptions): Promise<void> {
  const { snapshot } = await loadAt(o.policy, simulationDate(ctx, o.date));
  if (o.format === 'table') {
    ctx.stdout.write(paramsTable(snapshot));
    return;
  }
  // The JSON contract is path → value only, so the estimates are named on stderr.
  ctx.stdout.write(JSON.stringify(paramsJson(snapshot), null, 2) + '\n');
  const estimates = estimatesInForce(snapshot);
  if (estimates.length && !o.quiet) {
    ctx.stderr.write(`note: ${estimates.length} values are estimates: ${estimates.map((e) => e.path).join(', ')} (basis: --format table)\n`);
  }
}
