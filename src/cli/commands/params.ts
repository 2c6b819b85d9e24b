// jiuzhu params --policy FILE [--date D] [--projection FILE] --format json|table
import { estimatesInForce } from '../../report/estimates.js';
import { paramsJson, paramsTable } from '../../report/params.js';
import { resolve } from '../../core/parameters/tree.js';
import { applyScenario, type Scenario } from '../../core/scenario.js';
import { loadPolicy } from '../../io/policy-file.js';
import { loadProjection } from '../../io/projection-file.js';
import { projectPolicy } from '../../core/projection.js';
import { yearsNotes } from '../../core/policy-notes.js';
import { checkPolicy } from '../../core/sanity.js';
import { formatWhere } from '../../errors.js';
import { noteAtEnd, type Ctx } from '../context.js';
import { loadScenarios, simulationDate } from '../load.js';
import { langFromEnv, type Lang } from '../../report/lang.js';

export interface ParamsOptions {
  readonly policy: string;
  readonly date?: string;
  readonly format: 'json' | 'table';
  readonly scenario?: readonly string[];
  /** Grows the policy to the date's year as simulate --year does (a finance officer could see a grown standard only in a run's totals). */
  readonly projection?: string;
  readonly quiet?: boolean;
  /** The table's words (a county clerk read ESTIMATE / RANGE / "none to vary" on a 中文 screen). */
  readonly lang?: Lang;
}

export async function paramsCommand(ctx: Ctx, o: ParamsOptions): Promise<void> {
  const date = simulationDate(ctx, o.date, { quiet: !!o.quiet, listing: true, lang: o.lang ?? langFromEnv(ctx.env) });
  const policy = await loadPolicy(o.policy);
  // (projected to the date's year, the scenarios on top, as simulate --year --projection has them)
  const year = Number(date.slice(0, 4));
  const projection = o.projection ? await loadProjection(o.projection) : null;
  const projected = projection ? projectPolicy(policy, projection, year) : policy;
  if (projection && !o.quiet) for (const n of yearsNotes(policy, projection, year, year, projected)) noteAtEnd(ctx, n);
  // Several scenarios are applied one on top of the other, in the order given.
  const scenarios = await loadScenarios(o.scenario ?? [], ctx, o.quiet);
  if (!o.quiet) for (const n of stackedNotes(scenarios)) noteAtEnd(ctx, n);
  const derived = scenarios.reduce(applyScenario, projected);
  const snapshot = resolve(derived, date);
  // (shown all the same, as asked; an author's trial read 130 for 1.3 here without a word, where simulate refuses it)
  // What simulate refuses (cli/load.ts usable): the policy's own errors, and a scenario's in a unit rule — a relation
  // (rural above urban) a reform may test. Where they come from a scenario, validate (the policy alone) does not list
  // them: simulate does (a QA trial was sent to validate, which found the policy valid).
  const own = checkPolicy(policy).filter((v) => v.rule.severity === 'error');
  const broken = own.length ? own : checkPolicy(derived).filter((v) => v.rule.severity === 'error' && v.rule.unit);
  const lister = own.length
    ? `jiuzhu validate --policy ${o.policy}`
    : `jiuzhu simulate --policy ${o.policy} ${(o.scenario ?? []).map((f) => `--scenario ${f}`).join(' ')} …`;
  if (broken.length && !o.quiet)
    noteAtEnd(
      ctx,
      `note: ${broken.length} value${broken.length > 1 ? 's' : ''} shown here break${broken.length > 1 ? '' : 's'} a parameter rule of severity error, which simulate refuses: ${broken
        .slice(0, 3)
        .map((v) => `${formatWhere(v.where)}: ${v.message} (${v.rule.id})`)
        .join('; ')}${broken.length > 3 ? `; and ${broken.length - 3} more` : ''} (${lister} lists them)`,
    );
  if (o.format === 'table') {
    ctx.stdout.write(paramsTable(snapshot, ctx.stdout.isTTY ? ctx.stdout.columns : undefined, o.lang ?? langFromEnv(ctx.env)));
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

/**
 * Scenarios given together that change one parameter: said, with which applies last (a reform author's two tekun
 * scenarios showed 1.5 or 1.6 by their order alone, without a word).
 */
function stackedNotes(scenarios: readonly Scenario[]): string[] {
  const by = new Map<string, string[]>();
  for (const sc of scenarios)
    for (const c of sc.changes) if (!by.get(c.path)?.includes(sc.id)) by.set(c.path, [...(by.get(c.path) ?? []), sc.id]);
  return [...by].flatMap(([path, ids]) =>
    ids.length < 2
      ? []
      : [
          `note: scenarios ${ids.join(', ')} each change ${path}: applied in the order given, ${ids.at(-1)}'s last, on the value the others leave (a set replaces it; a scale or an add builds on it)`,
        ],
  );
}
