// jiuzhu explain --policy FILE --households FILE --household ID [--date D] [--format text|json]
import { explainHousehold } from '../../core/explain.js';
import { UsageError } from '../../errors.js';
import { explainJson, explainText } from '../../report/explain.js';
import type { Ctx } from '../context.js';
import { loadAt, loadHouseholds, simulationDate, withExecutor } from '../load.js';

export interface ExplainOptions {
  readonly policy: string;
  readonly households: string;
  readonly household: string;
  readonly date?: string;
  readonly format: 'text' | 'json';
  readonly quiet: boolean;
}

export async function explainCommand(ctx: Ctx, o: ExplainOptions): Promise<void> {
  const { snapshot, rules } = await loadAt(o.policy, simulationDate(ctx, o.date));
  const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households, o.quiet));
  const h = pop.householdIds.indexOf(o.household);
  if (h < 0) {
    const some = Array.from({ length: Math.min(3, pop.householdCount) }, (_, i) => pop.householdIds.at(i)).join(', ');
    throw new UsageError(
      `household "${o.household}" is not in ${o.households}`,
      pop.householdCount ? `it has ${pop.householdCount} households, e.g. ${some}` : 'the file has no households',
    );
  }
  const e = explainHousehold(pop, h, rules);
  ctx.stdout.write(o.format === 'json' ? JSON.stringify(explainJson(e, pop, snapshot), null, 2) + '\n' : explainText(e, pop, snapshot));
}
