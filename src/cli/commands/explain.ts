// jiuzhu explain --policy FILE [--scenario FILE] (--households FILE --household ID | --describe YAML) [--date D]
// [--format text|json]
import { explainHousehold } from '../../core/explain.js';
import { fenToYuan } from '../../core/money.js';
import { policyNotes } from '../../core/policy-notes.js';
import { explainJson, explainText } from '../../report/explain.js';
import { langFromEnv, type Lang } from '../../report/lang.js';
import { sayNotes, unchangedRunsNotes } from '../scenario-notes.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../../errors.js';
import { parseHouseholdText } from '../../io/cases-file.js';
import { populationOf, type Population } from '../../core/population.js';
import {
  findHousehold,
  loadHouseholds,
  notePolicy,
  loadRuns,
  loadScenarios,
  refuseTurnsWithDescribe,
  simulationDate,
  withExecutor,
} from '../load.js';

export interface ExplainOptions {
  readonly policy: string;
  readonly households?: string;
  readonly household?: string;
  /** The household written inline, as in a case file (a cliff researcher could sweep it, and not explain it). */
  readonly describe?: string;
  /** Explain under this scenario (applied to the policy) instead of the baseline. */
  readonly scenario?: string;
  readonly date?: string;
  readonly format: 'text' | 'json';
  /** The text's language (default: from the locale, as the TUI's). */
  readonly lang?: Lang;
  /** The household and its result alone. */
  readonly brief?: boolean;
  readonly quiet: boolean;
}

export async function explainCommand(ctx: Ctx, o: ExplainOptions): Promise<void> {
  // (JSON carries the whole trace, in both languages: each step's and check's zh. --lang is taken with it and changes
  // nothing, as every other command's JSON takes it — English, its notes too: a script passing --lang to each command
  // broke on explain alone)
  if (o.format === 'json' && o.brief)
    throw new UsageError('--brief shapes the text: --format json gives the whole trace, each step in both languages (its zh)');
  const lang = o.format === 'json' ? 'en' : (o.lang ?? langFromEnv(ctx.env));
  const scenarios = await loadScenarios(o.scenario ? [o.scenario] : [], ctx, o.quiet);
  const runs = await loadRuns(o.policy, scenarios, simulationDate(ctx, o.date, { quiet: o.quiet, lang }));
  const { snapshot, rules } = runs.at(-1)!;
  const { pop, h } = await householdOf(ctx, o);
  const e = explainHousehold(pop, h, rules);
  // under a scenario: which one, and what the baseline gives the household (a caseworker's saved explanation of a
  // reform read as the household's decision)
  const under = scenarios[0] && { scenario: scenarios[0], baseline: explainHousehold(pop, h, runs[0]!.rules).result };
  const notes = policyNotes(runs[0]!.snapshot.policy, [snapshot.date]);
  ctx.stdout.write(
    o.format === 'json'
      ? JSON.stringify(explainJson(e, pop, snapshot, under, notes), null, 2) + '\n'
      : explainText(e, pop, snapshot, { under, lang, brief: o.brief }),
  );
  // what the policy says to watch (a stale standard, the parameter rules), as simulate says it; and a scenario that changes
  // nothing at the date (an analyst's explain before the reform's from read "under scenario …" over the baseline's figures).
  // In the text's language where they are the household's or its policy's (a caseworker's 中文 text ended in English notes).
  notePolicy(ctx, o.quiet, runs[0]!.snapshot.policy, [snapshot.date], lang);
  sayNotes(ctx, o.quiet, unchangedRunsNotes(runs, snapshot.date, '', lang));
  const exit = exitNote(pop, h, lang);
  if (exit && !o.quiet) ctx.stderr.write(`${exit}\n`);
}

/**
 * The gradual exit's two inputs, one without the other (a caseworker's on_dibao 1 left prior_dibao 0 and read "no
 * assistance", the reason only deep in step 7; prior_dibao beside on_dibao 0 went unread without a word).
 */
function exitNote(pop: Population, h: number, lang: 'en' | 'zh'): string | null {
  const [on, prior] = [pop.onDibao[h]!, pop.prior[h]!];
  const zh = lang === 'zh';
  if (on && !prior)
    return zh
      ? '注：该户现领低保（on_dibao 1）但 prior_dibao 为 0：若退出低保，渐退期无可延续的低保金——请填写 prior_dibao，即现领的每月低保金'
      : 'note: the household is on dibao now (on_dibao 1) with prior_dibao 0: were it to leave dibao, its gradual exit (渐退) would keep nothing — give prior_dibao, its monthly dibao now';
  if (!on && prior)
    return zh
      ? `注：填写了 prior_dibao ${fenToYuan(prior)}，但该户现未领低保（on_dibao 0）：没有规则读取它——渐退延续的是现领低保家庭的低保金；该户在领低保时请填 on_dibao 1`
      : `note: prior_dibao ${fenToYuan(prior)} is given but the household is not on dibao now (on_dibao 0): no rule reads it — a gradual exit keeps the dibao of a household on dibao now; give on_dibao 1 where it receives dibao`;
  return null;
}

/** The household to explain: one of a file (--households and --household), or one described (--describe). */
async function householdOf(ctx: Ctx, o: ExplainOptions): Promise<{ pop: Population; h: number }> {
  if (o.describe) {
    if (o.households || o.household !== undefined)
      throw new UsageError('--describe gives the household itself: leave --households and --household out');
    refuseTurnsWithDescribe(ctx); // (--sheet and the like were taken, exit 0, doing nothing: a QA trial)
    return { pop: populationOf([parseHouseholdText(o.describe, '--describe')]), h: 0 };
  }
  if (!o.households || o.household === undefined)
    throw new UsageError('give --households FILE and --household ID, or --describe "{area: …, persons: […]}"');
  const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households!, o.quiet));
  return { pop, h: findHousehold(pop, o.household, o.households) };
}
