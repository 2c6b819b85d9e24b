// jiuzhu sensitivity --policy FILE --households FILE [--scenario FILE…] [--date D | --year Y] [--draws N --seed S]
// Each estimate in force at its low and its high, everything else central; optionally all drawn at once. The policy
// and scenarios are checked first; the households are read once; the runs go in one pass, then the joint corners
// they point to in a second.
import { refuseWorkbookNowhere } from '../option-values.js';
import { evaluatePlan, sensitivityPlan } from '../../core/sensitivity-plan.js';
import { UsageError } from '../../errors.js';
import { inputsOf, refuseOverwrite } from '../../io/outputs.js';
import {
  sensitivityCsv,
  sensitivityJson,
  sensitivityMarkdown,
  sensitivityTable,
  type SensitivityReport,
} from '../../report/sensitivity.js';
import type { Unit } from '../../report/text-table.js';
import type { Ctx } from '../context.js';
import { madeWith } from '../made.js';
import { writeTold } from '../written.js';
import {
  applyUsable,
  loadHouseholds,
  loadScenarios,
  loadUsablePolicy,
  noteEmpty,
  projectUsable,
  seedOption,
  simulationDate,
  withExecutor,
} from '../load.js';
import { figures } from '../../core/aggregate.js';
import { budgetYear, incomesYearWithProjection, projectionOption } from '../year.js';
import { incomesYearNotes } from '../population-notes.js';
import { burnIn, inTurn, populationsOf } from '../burn-in.js';
import { projectPopulation } from '../../core/projection.js';
import { centralPolicies, evaluateOnRegisters } from '../registers.js';
import { firstYearExitNote, takeUpRangesNote } from '../scenario-notes.js';
import { noteText, policyNotes, yearsNotes } from '../../core/policy-notes.js';
import { langFromEnv, type Lang } from '../../report/lang.js';
import { unrangedRatesNotes } from '../../report/projection-view.js';

export interface SensitivityOptions {
  readonly policy: string;
  readonly households: string;
  readonly scenario?: readonly string[];
  readonly date?: string;
  readonly year?: string;
  readonly projection?: string;
  readonly incomesYear?: string;
  readonly draws?: string;
  readonly seed?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown' | 'xlsx';
  readonly out?: string;
  readonly unit?: Unit;
  /** The language of the table's and Markdown's sentences, and of the notes (default from the locale; JSON, CSV, workbook: English). */
  readonly lang?: Lang;
  readonly quiet: boolean;
}

const whole = (flag: string, text: string, max: number): number => {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${text}"`);
  return Number(text);
};

export async function sensitivityCommand(ctx: Ctx, given: SensitivityOptions): Promise<void> {
  // (JSON and CSV are contracts: English whatever the locale, their notes too; a researcher under zh_CN read it in English.
  // The workbook is bilingual in its labels and English in its sentences, its notes among them: as it was.)
  const people = ['table', 'markdown'].includes(given.format);
  const o: SensitivityOptions = { ...given, lang: people ? (given.lang ?? langFromEnv(ctx.env)) : 'en' };
  if (o.seed !== undefined && o.draws === undefined) throw new UsageError('--seed goes with --draws N');
  refuseWorkbookNowhere(o.format, o.out, ctx.stdout.isTTY);
  await refuseOverwrite([o.out ? { flag: '--out', path: o.out, format: o.format, chosen: true } : null], inputsOf(o));
  const draws = o.draws === undefined ? undefined : whole('--draws', o.draws, 10_000);
  const seed = o.seed === undefined ? 1 : seedOption(o.seed);
  const when = o.year !== undefined ? { year: budgetYear(o.year) } : { date: simulationDate(ctx, o.date, { quiet: o.quiet, year: true }) };
  incomesYearWithProjection(o);
  if (o.projection && when.year === undefined)
    throw new UsageError('--projection goes with --year: the budget year the projection grows the policy and households to');
  const [written, scenarios, projection] = await Promise.all([
    loadUsablePolicy(o.policy),
    loadScenarios(o.scenario ?? [], ctx, o.quiet),
    projectionOption(o, when.year ?? 0),
  ]);
  // (a projected year: the policy and the households as simulate --years has them that year, the scenarios on top)
  const policy = projection ? projectUsable(written, projection, when.year!) : written;
  for (const sc of scenarios) applyUsable(policy, sc); // (refused as simulate refuses it: a value in the wrong unit)
  const plan = sensitivityPlan(policy, scenarios, when, { draws, seed });
  // the estimates one at a time (and the draws) in one pass, then the joint corners they point to, on the population read once
  let ranFirst: readonly number[] = [];
  const result = await withExecutor(ctx, async (exec) => {
    const base = await loadHouseholds(ctx, exec, o.households, o.quiet);
    const pop = projection ? projectPopulation(base, projection, when.year!) : base;
    const popOf = populationsOf(base, projection); // (the years before's, in memory of their own)
    const central = centralPolicies(policy, scenarios);
    // (projected: the years between the register's and this one run first, as simulate --year runs them: burn-in.ts)
    // (each variant that makes those years another register runs them itself: registers.ts)
    const burned =
      when.year === undefined
        ? null
        : await burnIn(exec, popOf, projection, when.year, central, inTurn(central.length, base.householdCount));
    ranFirst = burned?.years ?? [];
    return evaluatePlan(plan, (runs, variants) => evaluateOnRegisters(exec, pop, when.year ?? 0, { runs, variants }, burned));
  });
  // What the policy says to watch (a stale standard, the parameter rules), as simulate says it; projected, as simulate
  // --years says it (the standards' age of the base year, the rules' findings, another locality, the incomes' year).
  // In the outputs too, as simulate's are (a provincial re-trial found them on stderr only).
  const last = when.year !== undefined ? `${when.year}-12-31` : when.date!;
  const notes = projection
    ? [
        ...yearsNotes(written, projection, when.year!, when.year!, policy, o.lang),
        ...(await incomesYearNotes(o.policy, projection, o.lang, { year: when.year!, households: o.households })),
        ...firstYearExitNote({ runs: [], years: [when.year!], ranFirst, projection }, o.lang), // (the years run first, if any)
        ...unrangedRatesNotes(projection, o.lang),
        ...takeUpRangesNote(result.central[0] && figures(result.central[0]), result, o.lang),
      ]
    : [
        ...policyNotes(policy, [last], [], o.lang),
        // (at a date too: a generated population's incomes of 2022 at 2025-06-30 went unsaid — a budget-uncertainty trial)
        ...(await incomesYearNotes(o.policy, null, o.lang, {
          year: when.year ?? Number(when.date!.slice(0, 4)),
          households: o.households,
          ...(when.date ? { date: when.date } : {}),
        })),
        ...takeUpRangesNote(result.central[0] && figures(result.central[0]), result, o.lang),
      ];
  const report: SensitivityReport = {
    policy,
    policyFile: o.policy,
    householdsFile: o.households,
    result,
    unit: o.unit,
    ...(projection ? { projection } : {}),
    notes: notes.map(noteText),
    lang: o.lang,
  };
  if (o.format === 'xlsx') {
    const { sensitivityWorkbook } = await import('../../report/sensitivity-xlsx.js');
    await writeTold(ctx, o.quiet, o.out!, await sensitivityWorkbook(report, await madeWith(ctx, o)));
  } else {
    const text = {
      table: () => sensitivityTable(report),
      json: () => JSON.stringify(sensitivityJson(report), null, 2) + '\n',
      csv: () => sensitivityCsv(report),
      markdown: () => sensitivityMarkdown(report),
    }[o.format]();
    if (o.out) await writeTold(ctx, o.quiet, o.out, text, o.lang);
    else ctx.stdout.write(text);
  }
  if (!o.quiet) for (const n of notes) ctx.stderr.write(`${n}\n`);
  noteEmpty(ctx, o.quiet, o.households, result.central[0] && figures(result.central[0]).household_rows); // (as simulate says it)
}
