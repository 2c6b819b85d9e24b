// jiuzhu explain --policy FILE [--scenario FILE] (--households FILE --household ID | --describe YAML) [--date D]
// [--projection FILE [--incomes-year Y]] [--format text|json]
import { explainHousehold } from '../../core/explain.js';
import { fenToYuan } from '../../core/money.js';
import { groupDigits } from '../../report/text-table.js';
import { mostDibaoPerPerson, priorAboveMost } from '../../core/prior-check.js';
import type { Rules } from '../../core/rules.js';
import { policyNotes } from '../../core/policy-notes.js';
import { explainJson, explainText } from '../../report/explain.js';
import { langFromEnv, type Lang } from '../../report/lang.js';
import { sayNotes, unchangedRunsNotes } from '../scenario-notes.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../../errors.js';
import { parseHouseholdText } from '../../io/cases-file.js';
import { populationOf, type Population } from '../../core/population.js';
import { projectPopulation } from '../../core/projection.js';
import { yearsNotes } from '../../core/policy-notes.js';
import { loadPolicy } from '../../io/policy-file.js';
import { registerNote, registersAt, registersInYear, withRegister } from '../explain-register.js';
import { incomesYearWithProjection, projectionOption } from '../year.js';
import { incomesYearNotes } from '../population-notes.js';
import { supporterNotes } from '../explain-supporter.js';
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
  /** The policy and the household grown to the date's year (a finance officer could not see a projected year's household). */
  readonly projection?: string;
  /** The year the household's incomes are of (with projection; default its base_year). */
  readonly incomesYear?: string;
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
  incomesYearWithProjection(o);
  const scenarios = await loadScenarios(o.scenario ? [o.scenario] : [], ctx, o.quiet);
  const date = simulationDate(ctx, o.date, { quiet: o.quiet, lang });
  const year = Number(date.slice(0, 4));
  const projection = await projectionOption(o, year);
  const runs = await loadRuns(o.policy, scenarios, date, projection);
  const { snapshot, rules } = runs.at(-1)!;
  const given = await householdOf(ctx, o);
  const { h } = given;
  const grown = projection ? projectPopulation(given.pop, projection, year) : given.pop;
  // (projected: the register at the year's January as simulate --year has it, after the years it runs first — the
  // file's kept a household on dibao that had left it in 2023, and explain paid it an exit the budget did not: a trial)
  const ran = projection ? await registersAt(ctx, given.pop, projection, year, runs) : null;
  const january = (k: number) => (ran ? withRegister(grown, h, ran.carried[k]!) : grown);
  // (and the year's months before the date's period, run on the household as simulate --year runs them: rigid aid that
  // is dibao in January–March put a household on dibao from April, and explain of June said it was off — an auditor)
  const inYear = projection ? registersInYear(grown, h, runs, date, ran?.carried ?? null) : null;
  const popOf = (k: number) => inYear?.[k] ?? january(k);
  const pop = popOf(runs.length - 1);
  const e = explainHousehold(pop, h, rules);
  // under a scenario: which one, and what the baseline gives the household (a caseworker's saved explanation of a
  // reform read as the household's decision)
  const under = scenarios[0] && { scenario: scenarios[0], baseline: explainHousehold(popOf(0), h, runs[0]!.rules).result };
  const written = projection && (await loadPolicy(o.policy));
  // (the incomes' year, as simulate says it: a generated file's, or one given that is not its profile's — a trial)
  const incomes = async (l: Lang) =>
    projection && o.households ? await incomesYearNotes(o.policy, projection, l, { year, households: o.households }) : [];
  const said = { en: await incomes('en'), zh: await incomes('zh') };
  const projected = (l: Lang) =>
    written
      ? [
          ...yearsNotes(written, projection, year, year, runs[0]!.snapshot.policy, l),
          ...said[l],
          ...registerNote(ran, { file: given.pop, january: january(runs.length - 1), at: pop }, h, date, l, o.describe !== undefined),
        ]
      : null;
  const notes = projected('en') ?? policyNotes(runs[0]!.snapshot.policy, [snapshot.date]);
  ctx.stdout.write(
    o.format === 'json'
      ? JSON.stringify(explainJson(e, pop, snapshot, under, notes, projection ?? undefined), null, 2) + '\n'
      : explainText(e, pop, snapshot, { under, lang, brief: o.brief, projection: projection ?? undefined }),
  );
  // what the policy says to watch (a stale standard, the parameter rules), as simulate says it; and a scenario that changes
  // nothing at the date (an analyst's explain before the reform's from read "under scenario …" over the baseline's figures).
  // In the text's language where they are the household's or its policy's (a caseworker's 中文 text ended in English notes).
  if (written) sayNotes(ctx, o.quiet, projected(lang)!);
  else notePolicy(ctx, o.quiet, runs[0]!.snapshot.policy, [snapshot.date], lang);
  sayNotes(ctx, o.quiet, unchangedRunsNotes(runs, snapshot.date, '', lang));
  const exit = exitNote(pop, h, rules, lang);
  if (exit && !o.quiet) ctx.stderr.write(`${exit}\n`);
  sayNotes(ctx, o.quiet, supporterNotes(e, pop, given.unsaid, lang));
}

/**
 * The gradual exit's two inputs, one without the other (a caseworker's on_dibao 1 left prior_dibao 0 and read "no
 * assistance", the reason only deep in step 7; prior_dibao beside on_dibao 0 went unread without a word).
 */
function exitNote(pop: Population, h: number, rules: Rules, lang: 'en' | 'zh'): string | null {
  const [on, prior] = [pop.onDibao[h]!, pop.prior[h]!];
  const zh = lang === 'zh';
  const most = mostDibaoPerPerson(rules);
  if (priorAboveMost(pop, h, most)) {
    const n = pop.offsets[h + 1]! - pop.offsets[h]!;
    const [top, given] = [groupDigits(fenToYuan(most[pop.area[h]!]! * n)), groupDigits(fenToYuan(prior))];
    return zh
      ? `注：prior_dibao ${given} 超过该户 ${n} 人在无收入时可领的低保金与分类施保之和（${top}）的两倍：是否把年额填成了月额？渐退按所填 prior_dibao 发放——请核对`
      : `note: prior_dibao ${given} is more than twice what dibao and its supplement pay the household's ${n} person${n > 1 ? 's' : ''} at no income (${top} a month): a year's amount for a month's? Its gradual exit (渐退) keeps prior_dibao as given — check it`;
  }
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
async function householdOf(ctx: Ctx, o: ExplainOptions): Promise<{ pop: Population; h: number; unsaid: ReadonlySet<string> }> {
  if (o.describe) {
    if (o.households || o.household !== undefined)
      throw new UsageError('--describe gives the household itself: leave --households and --household out');
    refuseTurnsWithDescribe(ctx); // (--sheet and the like were taken, exit 0, doing nothing: a QA trial)
    const spec = parseHouseholdText(o.describe, '--describe');
    const pop = populationOf([spec]);
    // the persons written without has_capable_supporter (its default, 1, then decides tekun: explain-supporter.ts)
    const unsaid = new Set(spec.persons.flatMap((s, i) => (s.supporter === undefined ? [pop.personIds.at(pop.members[i]!)] : [])));
    return { pop, h: 0, unsaid };
  }
  if (!o.households || o.household === undefined)
    throw new UsageError('give --households FILE and --household ID, or --describe "{area: …, persons: […]}"');
  const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households!, o.quiet));
  return { pop, h: findHousehold(pop, o.household, o.households), unsaid: new Set() };
}
