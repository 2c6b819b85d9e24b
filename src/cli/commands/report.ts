// jiuzhu report --policy P… --households F [--scenario S…] [--date D | --year Y] --out report.html
// compare's inputs, one HTML file out (written atomically): the households are read once and every evaluation —
// the comparison (or the budget year), each estimate at its ends, the marginal rates, a reference family's cliff —
// runs on that population. simulate and compare --format html are shorthands for it.
import { type Area } from '../../core/columns.js';
import { defaultSweepTo, edgeLine, householdCliff, type HouseholdCliff } from '../../core/cliff.js';
import { incomeDeciles } from '../../core/compare.js';
import { mainMemberOf } from '../../core/marginal-rates.js';
import type { HouseholdSpec, Population } from '../../core/population.js';
import type { Run } from '../../core/simulate.js';
import { evaluatePlan, sensitivityPlan } from '../../core/sensitivity-plan.js';
import { compareParallel, ratesParallel, simulateParallel } from '../../engine/parallel.js';
import { UsageError } from '../../errors.js';
import { inputsOf, refuseOverwrite } from '../../io/outputs.js';
import type { CompareReport } from '../../report/compare.js';
import { htmlReport } from '../../report/html/report.js';
import { localitiesLeftOut } from '../../report/sensitivity.js';
import { rateDistributionOf } from '../../report/marginal-rates.js';
import type { Unit } from '../../report/text-table.js';
import type { Ctx } from '../context.js';
import { outputLang, type Lang } from '../../report/lang.js';
import { madeOf } from '../made.js';
import { writeTold } from '../written.js';
import { compareNotes, heardNotes, sayNotes } from '../scenario-notes.js';
import { allOrEveryProblem, loadHouseholds, loadRuns, loadScenarios, noteEmpty, simulationDate, withExecutor } from '../load.js';
import { simulateYears, yearSpan } from '../years.js';
import { budgetYear, incomesYearWithProjection, yearPass, yearRuns } from '../year.js';
import { datedLocalities } from './compare.js';
import { ranged } from '../../report/funding-ranges.js';

export interface ReportOptions {
  readonly policy: readonly string[];
  readonly households: string;
  readonly scenario?: readonly string[];
  readonly date?: string;
  readonly year?: string;
  /** A span of budget years (with a projection or without): the three-year budget's report (html/years.ts). */
  readonly years?: string;
  readonly projection?: string;
  readonly incomesYear?: string;
  readonly out?: string;
  readonly unit?: Unit;
  readonly quiet: boolean;
  /** The language of the page's notes (its headings are bilingual); from the locale when not given. */
  readonly lang?: Lang;
}

/**
 * The reference family whose cliff the report draws: two adults and a child, the first adult's wage varying — in the
 * area where most of the population lives (it was urban always: a county's report drew a city family's cliff, a
 * journalist's trial of Fuliang).
 */
export const referenceFamily = (area: Area): HouseholdSpec =>
  ({
    id: `参考家庭 reference family (two adults of 40 and 38, a child of 10, ${area === 'urban' ? '城镇 urban' : '农村 rural'})`,
    household: { area },
    persons: [
      { id: 'adult 1', age: 40 },
      { id: 'adult 2', age: 38 },
      { id: 'child', age: 10 },
    ],
  }) as unknown as HouseholdSpec;

/** The area where most of the population's weight lives. */
function mostlyIn(pop: Population): Area {
  let rural = 0;
  let all = 0;
  for (let h = 0; h < pop.householdCount; h++) {
    all += pop.weight[h]!;
    if (pop.area[h]) rural += pop.weight[h]!;
  }
  return rural * 2 > all ? 'rural' : 'urban';
}
const RATE_DELTA = 10_000;

/**
 * The budget years a page reports: --years, or a budget year grown by a projection — the budget years' report of that
 * one year, as simulate --year --projection gives the year simulate --years gives (a trial's report --year refused the
 * projection simulate took; simulate --format html --year --projection then ignored it: a code review). Undefined: the
 * page of a date or an ungrown year.
 */
export function htmlYears(o: { readonly years?: string; readonly year?: string; readonly projection?: string }): string | undefined {
  if (o.years !== undefined || !o.projection || o.year === undefined) return o.years;
  const y = budgetYear(o.year);
  return `${y}-${y}`;
}

export async function reportCommand(ctx: Ctx, given: ReportOptions): Promise<void> {
  const o = { ...given, lang: outputLang('html', given.lang, ctx.env) };
  if (!o.out) throw new UsageError('jiuzhu report writes one HTML file: give --out FILE.html');
  await refuseOverwrite([{ flag: '--out', path: o.out, format: 'html' }], inputsOf(o));
  incomesYearWithProjection(o);
  if (o.projection && o.years === undefined && o.year === undefined)
    throw new UsageError('--projection goes with --years or --year (e.g. --years 2027-2029)');
  const years = htmlYears(o);
  if (years === undefined) return writeTold(ctx, o.quiet, o.out, await reportHtml(ctx, o), o.lang);
  if (o.policy.length > 1)
    throw new UsageError(
      `${o.years ? '--years' : '--year with --projection'} reports one locality's budget years: give one --policy (${o.policy.length} given)`,
      o.years ? 'for localities side by side: --date or --year' : 'for localities side by side: --year without --projection',
    );
  await writeYearsReport(ctx, { ...o, policy: o.policy[0]!, years }, o.out);
}

/**
 * The budget years' HTML (report --years, simulate --years --format html), written to `out` or stdout, then what the
 * run says of its policy and projection on stderr, as simulate --years does. Each total's range is in it, as in the
 * one-date report.
 */
export async function writeYearsReport(
  ctx: Ctx,
  o: {
    policy: string;
    households: string;
    scenario?: readonly string[];
    years: string;
    projection?: string;
    incomesYear?: string;
    unit?: Unit;
    quiet: boolean;
    lang?: Lang;
  },
  out: string | undefined,
): Promise<void> {
  const span = yearSpan(o.years);
  const making = madeOf(ctx, { ...o, policy: [o.policy] });
  making.catch(() => undefined); // (awaited below; a missing input failing first is not an unhandled rejection)
  const years = await simulateYears(
    ctx,
    { ...o, unit: o.unit ?? 'wan', ranges: true },
    await loadScenarios(o.scenario ?? [], ctx, o.quiet),
    span,
  );
  const { htmlYearsReport } = await import('../../report/html/years.js');
  const html = htmlYearsReport({
    years,
    made: await making,
  });
  if (out) await writeTold(ctx, o.quiet, out, html, o.lang);
  else ctx.stdout.write(html);
  if (!o.quiet) for (const n of years.notes ?? []) ctx.stderr.write(`${n}\n`);
}

export async function reportHtml(ctx: Ctx, o: ReportOptions): Promise<string> {
  const unit = o.unit ?? 'wan';
  const scenarios = await loadScenarios(o.scenario ?? [], ctx, o.quiet);
  const year = o.year !== undefined ? budgetYear(o.year) : null;
  const date = year === null ? simulationDate(ctx, o.date, { quiet: o.quiet, year: true }) : null;
  // Every policy and scenario is checked before the households are read.
  const [dated, yearly] = await Promise.all([
    date ? allOrEveryProblem(o.policy.map((f) => loadRuns(f, scenarios, date))) : null,
    year !== null ? allOrEveryProblem(o.policy.map((f) => yearRuns(f, scenarios, year))) : null,
  ]);
  // Each locality's policy as loaded for its baseline run.
  const policies = dated ? dated.map((runs) => runs[0]!.snapshot.policy) : yearly!.map((runs) => runs[0]!.periods[0]!.snapshot.policy);
  const plans = policies.map((p) => sensitivityPlan(p, scenarios, date ? { date } : { year: year! }));
  const rulesOf: Run[][] = dated
    ? dated.map((runs) => runs.map((r) => ({ id: r.id, rules: r.rules })))
    : yearly!.map((runs) => runs.map((r) => ({ id: r.id, rules: r.periods[0]!.rules })));
  const making = madeOf(ctx, o);
  making.catch(() => undefined); // (awaited below, after the households are read: their error is said first)
  const evaluated = await withExecutor(ctx, async (exec) => {
    const pop = await loadHouseholds(ctx, exec, o.households, o.quiet);
    const deciles = incomeDeciles(pop);
    const localities = dated
      ? datedLocalities(
          o.policy,
          dated,
          await compareParallel(
            exec,
            pop,
            dated.map((runs) => ({ runs })),
            deciles,
          ),
          deciles,
        )
      : (await yearPass(ctx, o, yearly!, year!, (runs) => simulateParallel(exec, pop, runs))).map((scenarios, l) => ({
          policyFile: o.policy[l]!,
          policy: policies[l]!,
          scenarios,
        }));
    const rates = dated
      ? await Promise.all(
          rulesOf.map(async (runs) =>
            rateDistributionOf(RATE_DELTA, 'monthly', runs, await ratesParallel(exec, pop, runs, RATE_DELTA, 'monthly'), pop.householdIds),
          ),
        )
      : rulesOf.map(() => null);
    const sensitivity = [];
    for (const plan of plans) sensitivity.push(await evaluatePlan(plan, (runs) => simulateParallel(exec, pop, runs)));
    return { localities, rates, sensitivity, area: mostlyIn(pop), households: pop.householdCount };
  });
  const compared: CompareReport = {
    unit,
    lang: o.lang,
    date: date ?? String(year),
    ...(year !== null ? { year } : {}),
    householdsFile: o.households,
    // (who pays, its ranges from the same runs as the totals' — report/funding-ranges.ts)
    localities: evaluated.localities.map((l, i) => ({ ...l, scenarios: ranged(l.scenarios, evaluated.sensitivity[i]) })),
  };
  const compare = {
    ...compared,
    notes: [
      ...heardNotes(ctx),
      ...compareNotes(compared, o.lang),
      ...localitiesLeftOut(compared.localities, evaluated.sensitivity, o.lang),
    ],
  };
  sayNotes(ctx, o.quiet, compare.notes); // (in the page, and said as simulate and compare say them)
  noteEmpty(ctx, o.quiet, o.households, evaluated.households);
  const family = referenceFamily(evaluated.area);
  const member = mainMemberOf(family);
  const cliffs = rulesOf.map((runs) => {
    // (0 to 4,000 a month, or past the family's low-income line where it is higher: its secondary cliff is there)
    const to = Math.max(400_000, defaultSweepTo(0, edgeLine(runs, family)));
    const c: HouseholdCliff = householdCliff(family, runs, { member, vary: 'wage', from: 0, to, step: 2_000 });
    return {
      household: family.id,
      member: 'adult 1',
      vary: 'wage_income' as const,
      view: 'monthly' as const,
      current: c.current,
      runs: c.runs,
    };
  });
  return htmlReport({
    compare,
    unit,
    snapshots: dated
      ? dated.map((runs) => runs.map((r) => r.snapshot))
      : yearly!.map((runs) => runs.map((r) => r.periods.at(-1)!.snapshot)),
    sensitivity: evaluated.sensitivity,
    rates: evaluated.rates,
    cliffs,
    made: await making,
  });
}
