// jiuzhu cliff: a household's resources as one member's earnings vary — points, marginal rates, the cliffs and the
// programs behind them, under each run — or (no --household) the marginal rate every household of a file faces on
// its main earner's next yuan, as a weighted distribution by layer.
import { cliffCsv, cliffJson, cliffTable } from '../../report/cliff.js';
import { distributionCsv, distributionJson, distributionTable, type RateDistribution } from '../../report/marginal-rates.js';
import { householdSpecOf, sweep, type Vary, type View } from '../../core/cliff.js';
import { mainEarner } from '../../core/marginal-rates.js';
import type { Run } from '../../core/simulate.js';
import { ratesParallel } from '../../engine/parallel.js';
import { parseFen } from '../../core/money.js';
import { populationOf, type HouseholdSpec } from '../../core/population.js';
import { UsageError } from '../../errors.js';
import { parseHouseholdText } from '../../io/cases-file.js';
import type { Ctx } from '../context.js';
import { loadHouseholds, loadRuns, loadScenarios, simulationDate, withExecutor } from '../load.js';

export interface CliffOptions {
  readonly policy: string;
  readonly households?: string;
  readonly household?: string;
  readonly describe?: string;
  readonly member?: string;
  readonly vary: 'wage_income' | 'other_income';
  readonly view: View;
  readonly from: string;
  readonly to?: string;
  readonly step: string;
  readonly delta: string;
  readonly scenario?: readonly string[];
  readonly date?: string;
  readonly format: 'table' | 'json' | 'csv';
  readonly quiet: boolean;
}

const money = (flag: string, text: string): number => {
  const f = parseFen(text);
  if (f === null) throw new UsageError(`${flag} must be an amount in yuan such as 1500 or 1500.50, got "${text}"`);
  return f;
};

export async function cliffCommand(ctx: Ctx, o: CliffOptions): Promise<void> {
  const date = simulationDate(ctx, o.date);
  const runs = (await loadRuns(o.policy, await loadScenarios(o.scenario ?? []), date)).map((r) => ({ id: r.id, rules: r.rules }));
  if (!o.household && !o.describe) {
    if (!o.households)
      throw new UsageError('give --households FILE (with --household H for one household, or alone for the whole file), or --describe');
    return population(ctx, o, runs);
  }
  let spec: HouseholdSpec;
  if (o.describe) spec = parseHouseholdText(o.describe, '--describe');
  else {
    if (!o.households) throw new UsageError('--household needs --households FILE');
    const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households!, o.quiet));
    const h = pop.householdIds.indexOf(o.household!);
    if (h < 0) throw new UsageError(`no household "${o.household}" in ${o.households}`);
    spec = householdSpecOf(pop, h);
  }
  const one = populationOf([spec]);
  const ids = spec.persons.map((p, i) => p.id ?? `p${i + 1}`);
  const member = o.member !== undefined ? ids.indexOf(o.member) : Math.max(0, one.members.indexOf(mainEarner(one, 0)));
  if (member < 0) throw new UsageError(`no member "${o.member}" in the household (members: ${ids.join(', ')})`);
  const vary: Vary = o.vary === 'wage_income' ? 'wage' : 'other';
  const [from, step] = [money('--from', o.from), money('--step', o.step)];
  // Default: to 3,000 yuan, or on past the member's current amount by 1,000 yuan.
  const current = (one[vary] as ArrayLike<number>)[one.members[member]!]!;
  const to = o.to !== undefined ? money('--to', o.to) : Math.max(300_000, current + 100_000);
  if (step <= 0 || to < from) throw new UsageError('--from, --to and --step must give a rising range: from ≤ to, step > 0');
  if ((to - from) / step > 10_000) throw new UsageError('at most 10,000 points: widen --step');
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  const report = {
    household: spec.id,
    member: ids[member]!,
    vary: o.vary,
    view: o.view,
    current,
    runs: sweep(spec, member, vary, values, runs).map((points, i) => ({ id: runs[i]!.id, points })),
  };
  const render = {
    table: () => cliffTable(report),
    json: () => JSON.stringify(cliffJson(report), null, 2) + '\n',
    csv: () => cliffCsv(report),
  };
  ctx.stdout.write(render[o.format]());
}

async function population(ctx: Ctx, o: CliffOptions, runs: readonly Run[]): Promise<void> {
  const delta = money('--delta', o.delta);
  if (delta <= 0) throw new UsageError('--delta must be above 0');
  const { pop, bands } = await withExecutor(ctx, async (exec) => {
    const pop = await loadHouseholds(ctx, exec, o.households!, o.quiet);
    return { pop, bands: await ratesParallel(exec, pop, runs, delta, o.view) };
  });
  const dist: RateDistribution = {
    delta,
    view: o.view,
    runs: runs.map((r, i) => ({ id: r.id, bands: bands[i]!, aboveIds: bands[i]!.above.map((h) => pop.householdIds.at(h)) })),
  };
  const render = {
    table: () => distributionTable(dist),
    json: () => JSON.stringify(distributionJson(dist), null, 2) + '\n',
    csv: () => distributionCsv(dist),
  };
  ctx.stdout.write(render[o.format]());
}
