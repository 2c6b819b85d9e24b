// jiuzhu params --policy FILE [--date D] --format json|table
import { paramsJson, paramsTable } from '../../report/params.js';
import type { Ctx } from '../context.js';
import { loadAt, simulationDate } from '../load.js';

export interface ParamsOptions {
  readonly policy: string;
  readonly date?: string;
  readonly format: 'json' | 'table';
}

export async function paramsCommand(ctx: Ctx, o: ParamsOptions): Promise<void> {
  const { snapshot } = await loadAt(o.policy, simulationDate(ctx, o.date));
  ctx.stdout.write(o.format === 'json' ? JSON.stringify(paramsJson(snapshot), null, 2) + '\n' : paramsTable(snapshot));
}
