// jiuzhu check --policy FILE --households FILE [--scenario FILE…] --snapshot FILE [--update] [--tolerance 0.5%]
// Compares totals per program and scenario with a committed snapshot; exit 1 when anything moved beyond the
// tolerance. --update rewrites the snapshot. The snapshot's date is used unless --date is given.
import { resolve } from 'node:path';
import { figures } from '../../core/aggregate.js';
import { D } from '../../core/money.js';
import { simulate } from '../../core/simulate.js';
import { CheckFailedError, UsageError } from '../../errors.js';
import { snapshotOf } from '../../core/snapshot.js';
import { readSnapshot, writeSnapshot } from '../../io/snapshot.js';
import { inputsOf, refuseOverwrite } from '../../io/files.js';
import { checkMarkdown, movements } from '../../report/check.js';
import type { Ctx } from '../context.js';
import { loadHouseholds, loadRuns, loadScenarios, simulationDate, withExecutor } from '../load.js';

export interface CheckOptions {
  readonly policy: string;
  readonly households: string;
  readonly scenario?: readonly string[];
  readonly snapshot: string;
  readonly update?: boolean;
  readonly tolerance: string;
  readonly date?: string;
  readonly quiet: boolean;
}

/** "0.5%" → 0.005; "0.005" → 0.005. */
export function parseTolerance(t: string): ReturnType<typeof D> {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t.trim());
  if (!m) throw new UsageError(`--tolerance must be a share such as 0.005 or a percent such as 0.5%, got "${t}"`);
  // A bare number above 1 is a share above 100 %: "5" meant 5 % far more often than 500 %.
  if (!m[2] && D(m[1]!).greaterThan(1))
    throw new UsageError(
      `--tolerance ${t} would be ${D(m[1]!).times(100).toFixed()} %: a share is at most 1`,
      `write ${m[1]}% for ${m[1]} percent`,
    );
  return m[2] ? D(m[1]!).dividedBy(100) : D(m[1]!);
}

/** A snapshot is checked against the policy and households it was made from (a miswired job would pass silently). */
function sameFiles(old: { readonly policy: string; readonly households: string }, o: CheckOptions, snapshot: string): void {
  for (const [what, was, now] of [
    ['policy', old.policy, o.policy],
    ['households file', old.households, o.households],
  ] as const)
    if (resolve(was) !== resolve(now))
      throw new UsageError(
        `the snapshot ${snapshot} was made from the ${what} ${was}, not ${now}`,
        `give the files it was made from, or make it from these with --update`,
      );
}

export async function checkCommand(ctx: Ctx, o: CheckOptions): Promise<void> {
  const tolerance = parseTolerance(o.tolerance);
  if (o.update) await refuseOverwrite([{ flag: '--snapshot', path: o.snapshot }], inputsOf(o));
  const old = await readSnapshot(o.snapshot);
  if (!old && !o.update) throw new UsageError(`there is no snapshot ${o.snapshot} yet`, 'run again with --update to create it');
  if (old && !o.update) sameFiles(old, o, o.snapshot);
  const date = o.date ? simulationDate(ctx, o.date) : (old?.date ?? simulationDate(ctx, undefined));
  const runs = await loadRuns(o.policy, await loadScenarios(o.scenario ?? []), date);
  const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households, o.quiet));
  const totals = simulate(
    pop,
    runs.map((r) => ({ id: r.id, rules: r.rules })),
  );
  const now = snapshotOf(
    o.policy,
    o.households,
    date,
    runs.map((r, i) => ({ id: r.id, figures: figures(totals[i]!) })),
  );
  const all = old ? movements(old, now) : [];
  const moved = all.filter((m) => m.relative.greaterThan(tolerance));
  const title = `jiuzhu check — \`${o.policy}\` on \`${o.households}\` at ${date}, against \`${o.snapshot}\` (tolerance ${tolerance.times(100).toFixed()}%)`;
  if (o.update) {
    await writeSnapshot(o.snapshot, now);
    ctx.stdout.write(
      old
        ? checkMarkdown(title, all, 0) + `\nUpdated ${o.snapshot}.\n`
        : `Created ${o.snapshot} (${now.scenarios.length} scenario${now.scenarios.length > 1 ? 's' : ''}, ${date}).\n`,
    );
    return;
  }
  ctx.stdout.write(checkMarkdown(title, moved, all.length - moved.length));
  if (moved.length)
    throw new CheckFailedError(
      `${moved.length} figure${moved.length > 1 ? 's' : ''} moved beyond the tolerance; if that is intended, accept it with --update`,
    );
}
