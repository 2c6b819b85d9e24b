// `jiuzhu explain`: the trace of one household, as indented text for people or JSON for tools.
import chalk from 'chalk';
import { noteText } from '../core/policy-notes.js';
import type { Explanation } from '../core/explain.js';
import type { TraceStep } from '../core/trace.js';
import { D, fenToYuan as y } from '../core/money.js';
import type { Population } from '../core/population.js';
import { CAPACITY } from '../core/columns.js';
import { dec, inUse, madeBy, valueToJson, valueToText, type Snapshot } from '../core/parameters/tree.js';
import { viewOf, type HouseholdResult, type ProgramResult } from '../core/engine.js';
import type { Scenario } from '../core/scenario.js';
import { estimatesInForce, programsOnEstimates } from './estimates.js';
import { countedIncome, isSevere } from '../core/programs/context.js';
import { isCash, PROGRAM_BY_ID, programLabel, type ProgramId, type ProgramInfo } from '../core/programs/index.js';
import { provenance } from './params.js';
import { PER_HOUSEHOLD_ORDER, resultRecord } from './per-household.js';

/** Titles of the steps that decide no program of their own, by their trace's program. */
const STEP_TITLES: Record<string, string> = { rest: '其余家庭成员 the rest of the household (R)', take_up: '申请与认定 take-up' };

/** A clause's label without its quoted text: "（五）将…" → "（五）", "§3 …" → "§3", "第十四条 …" → "第十四条". */
export function shortClause(clause: string): string {
  return /^(（[^）]*）|\([^)]*\)|[^\s（(]+)/.exec(clause)?.[1] ?? clause;
}

/** "path = value [source clause]" or "[estimate]": the short form; the full provenance is listed once. */
function shortParam(s: Snapshot, path: string): string {
  const r = s.values.get(path)!;
  // (a scenario's clause is its reason, a sentence: its first word said nothing, so the scenario is named alone)
  const ref = r.entry?.estimate
    ? 'estimate*'
    : r.entry?.scenario
      ? madeBy(r.entry)
      : r.entry?.source
        ? `${r.entry.source}${r.entry.clause ? ` ${shortClause(r.entry.clause)}` : ''}`
        : r.defaulted
          ? 'default'
          : '';
  const text = `${path} = ${valueToText(r.value, r.spec)}${ref ? ` [${ref}]` : ''}`;
  return r.entry?.estimate ? chalk.yellow(text) : text;
}

/** dibao.employment_deduction, fen a month. */
const deductionOf = (s: Snapshot): number => dec(s, 'dibao.employment_deduction').times(100).toNumber();

/**
 * A member's counted income inc(p) and how it is made (DOMAIN: inc(p) = max(0, wage_income − employment_deduction) +
 * other_income): "inc(p) 2448.05 = (2678.05 − deduction 230.00) + 0.00"; the sum alone where nothing is deducted.
 */
function countedText(pop: Population, p: number, deduction: number): string {
  const inc = countedIncome(pop, p, deduction);
  const [w, o] = [pop.wage[p]!, pop.other[p]!];
  if (!deduction || !w) return `inc(p) ${y(inc)}`;
  const wage = w > deduction ? `(${y(w)} − deduction ${y(deduction)})` : `max(0, ${y(w)} − deduction ${y(deduction)})`;
  return `inc(p) ${y(inc)} = ${wage} + ${y(o)}`;
}

function members(pop: Population, h: number, s: Snapshot): string[] {
  const out: string[] = [];
  const deduction = deductionOf(s);
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const p = pop.members[k]!;
    out.push(
      `${pop.personIds.at(p)}: age ${pop.age[p]}, wage ${y(pop.wage[p]!)}, other ${y(pop.other[p]!)}, ${countedText(pop, p, deduction)}, ` +
        `disability ${pop.disability[p]}, ill ${pop.ill[p]}, labour ${CAPACITY[pop.labor[p]!]}, self-care ${CAPACITY[pop.selfCare[p]!]}, ` +
        `supporter ${pop.supporter[p]}`,
    );
  }
  return out;
}

/** The parameters a step read, but for optional ones its mode does not use at the date. */
function paramsInUse(st: TraceStep, s: Snapshot): string[] {
  return st.params.filter((path) => inUse(s, path));
}

/**
 * The seed documents a policy applies (000 … 004): those its sources name by file, cited by a value that is not an
 * estimate (a document used only as an estimate's basis, as Guangzhou uses Guangxi's, is not the locality's rule).
 */
const applied = new WeakMap<Snapshot['policy'], ReadonlySet<string>>();
function seedsApplied(policy: Snapshot['policy']): ReadonlySet<string> {
  let seeds = applied.get(policy);
  if (!seeds) {
    const cited = new Set([...policy.params.values()].flatMap((h) => h.flatMap((e) => (e.source && !e.estimate ? [e.source] : []))));
    seeds = new Set(
      [...policy.sources].flatMap(([id, src]) => {
        const seed = /^(\d{3})_/.exec(src.file ?? '')?.[1];
        return seed && cited.has(id) ? [seed] : [];
      }),
    );
    applied.set(policy, seeds);
  }
  return seeds;
}

/**
 * A step's clauses from the documents its locality applies (a Nanning decision cited Guangdong's and Jiangxi's too: an
 * auditor's trial); every clause when the policy applies none of them (a policy of another province).
 */
export function clausesFor(st: Pick<TraceStep, 'clauses'>, s: Snapshot): readonly string[] {
  const seeds = seedsApplied(s.policy);
  return seeds.size ? st.clauses.filter((c) => seeds.has(c.slice(0, 3))) : st.clauses;
}

/** One step of a trace: title with clauses, rule, values, checks, parameters (short form) and result. */
export function stepLines(st: TraceStep, s: Snapshot, indent = ''): string[] {
  const title = STEP_TITLES[st.program] ?? programLabel(PROGRAM_BY_ID.get(st.program as ProgramId)!);
  const clauses = clausesFor(st, s);
  const out = [
    chalk.bold(`step ${st.step} · ${title}${st.person ? ` · person ${st.person}` : ''}`) +
      chalk.dim(`   ${clauses.length ? clauses.join(' ') : "(no clause of this policy's documents: the model's rule)"}`),
  ];
  out.push(`  rule    ${st.rule}`);
  if (st.values.length) out.push(`  values  ${st.values.map(([k, v]) => `${k} = ${v}`).join(' · ')}`);
  for (const c of st.checks) out.push(`  check   ${c.expr}: ${c.lhs} ${c.op} ${c.rhs} → ${c.holds ? chalk.green('yes') : chalk.red('no')}`);
  const params = paramsInUse(st, s);
  if (params.length) out.push(`  params  ${params.map((path) => shortParam(s, path)).join(' · ')}`);
  out.push(`  result  ${chalk.bold(st.result)}`);
  return out.map((l) => indent + l);
}

/** An explanation under a scenario: which one, and the household's result under the baseline. */
export interface Under {
  readonly scenario: Scenario;
  readonly baseline: HouseholdResult;
}

export function explainText(e: Explanation, pop: Population, s: Snapshot, under?: Under): string {
  const h = e.household;
  const sc = under?.scenario;
  const out: string[] = [
    chalk.bold(
      `household ${pop.householdIds.at(h)} — ${s.policy.name.zh} ${s.policy.name.en} — ${s.date}` +
        (sc ? ` — under scenario ${sc.id} ${sc.title.zh} ${sc.title.en} (not the policy in force)` : ''),
    ),
    `${pop.area[h] ? 'rural' : 'urban'}, ${personsText(e.result.persons)}, financial assets ${y(pop.assets[h]!)}, rigid expenditure ${y(pop.rigid[h]!)}, ` +
      `on dibao ${pop.onDibao[h]} (prior ${y(pop.prior[h]!)}), emergency need ${y(pop.emergency[h]!)}, weight ${pop.weight[h]! / 1e6}${pop.takeUpDraw[h] ? `, take-up draw ${(pop.takeUpDraw[h]! / 1e6).toFixed(6)}` : ''}`,
    ...members(pop, h, s).map((m) => `  ${m}`),
  ];
  const used: string[] = [];
  for (const st of e.steps) {
    out.push('', ...stepLines(st, s));
    for (const p of paramsInUse(st, s)) if (!used.includes(p)) used.push(p);
  }
  out.push('', chalk.bold('result'), ...resultLines(e, programsOnEstimates(estimatesInForce(s)), s.date, canEnterAlone(pop, e.household)));
  if (under)
    out.push(
      `  baseline 基线: ${y(viewOf(under.baseline).annual)} a year; Δ ${signedFen(viewOf(e.result).annual - viewOf(under.baseline).annual)}`,
    );
  out.push('', chalk.bold('where the parameters came from'));
  for (const path of used) {
    const r = s.values.get(path)!;
    const line = `  ${path} = ${valueToText(r.value, r.spec)} (since ${r.entry?.from ?? '—'})`;
    out.push(r.entry?.estimate ? chalk.yellow(`${line} *`) : line, chalk.dim(`      ${provenance(r)}`));
  }
  if (used.some((p) => s.values.get(p)?.entry?.estimate))
    out.push(
      chalk.yellow(
        '* an estimate: a value, or the day it took effect, that no published source gives; its basis is given (a program marked * rests on one)',
      ),
    );
  return out.join('\n') + '\n';
}

/** What a program gave the household, in words its kind and fields call for. */
function resultText(p: ProgramInfo, x: ProgramResult): string {
  const persons = p.fields.includes('persons') ? personsText(x.persons) : '';
  switch (p.kind) {
    case 'caseload':
      return persons || 'identified';
    case 'kept':
      return `${y(x.amount)} a month for ${x.months} months`;
    case 'once':
      return `${y(x.amount)} once${p.tiers ? `, approved by ${p.tiers[x.tier]}` : ''}`;
    case 'yearly':
      return `${persons ? `${persons}, ` : ''}${y(x.amount)} a year`;
    case 'monthly':
      return `${persons ? `${persons}, ` : ''}${y(x.amount)} a month`;
  }
}

function resultLines(e: Explanation, onEstimates: ReadonlySet<ProgramId>, date: string, someoneAlone: boolean): string[] {
  const r = viewOf(e.result);
  const lines = PER_HOUSEHOLD_ORDER.filter((p) => r[p.id].flag || (p.kind === 'kept' && r[p.id].months)).map((p) =>
    onEstimates.has(p.id)
      ? chalk.yellow(`  ${programLabel(p)} *: ${resultText(p, r[p.id])}`)
      : `  ${programLabel(p)}: ${resultText(p, r[p.id])}`,
  );
  for (const p of PER_HOUSEHOLD_ORDER.filter((q) => r[q.id].declined)) {
    const x = r[p.id];
    const would = isCash(p) ? `${y(x.eligibleAnnual)} a year` : personsText(x.eligiblePersons);
    lines.push(
      chalk.dim(
        x.flag
          ? `  ${programLabel(p)}: ${would} had the household taken up every group it is eligible for`
          : `  ${programLabel(p)}: eligible, not taken up (would be ${would})`,
      ),
    );
  }
  if (!lines.length) lines.push('  no assistance');
  if (!r.dibao.flag) lines.push(...whyNotDibao(e.steps, r.single_person.flag > 0));
  lines.push(...nearMisses(e.steps, r, someoneAlone));
  // (a caseworker's first figure is the month's; and the year's is that month twelve times, said so: a trial on the day
  // before and the day of Fuliang's minimum wage rise read two years, neither the one the calendar year pays)
  const monthly = PER_HOUSEHOLD_ORDER.filter((p) => p.kind === 'monthly' && r[p.id].flag).reduce((sum, p) => sum + r[p.id].amount, 0);
  const rest = PER_HOUSEHOLD_ORDER.filter((p) => p.kind !== 'monthly' && p.kind !== 'caseload' && r[p.id].annual).map((p) => p.en);
  if (monthly) lines.push(`  monthly total 每月合计: ${y(monthly)}`);
  lines.push(
    `  annual total 年度合计: ${y(r.annual)}${
      monthly || rest.length
        ? ` (${[...(monthly ? [`12 × the month at ${date}`] : []), ...rest].join(' + ')}; a year with a change in it: simulate --year)`
        : ''
    }`,
  );
  if (r.eligibleAnnual !== r.annual) lines.push(`  had it taken up all it is eligible for 应保尽保: ${y(r.eligibleAnnual)}`);
  return lines;
}

export function explainJson(e: Explanation, pop: Population, s: Snapshot, under?: Under, notes: readonly string[] = []): object {
  const r = e.result;
  const sc = under?.scenario;
  return {
    household_id: pop.householdIds.at(e.household),
    policy: { id: s.policy.id, file: s.policy.file },
    scenario: sc ? { id: sc.id, title: sc.title, file: sc.file } : null,
    date: s.date,
    // each member's counted income inc(p), yuan a month: the wage less dibao.employment_deduction, and other income
    members: memberIncomes(pop, e.household, deductionOf(s)),
    steps: e.steps.map((st) => ({
      ...st,
      clauses: clausesFor(st, s), // (the locality's documents, as the text cites them)
      values: Object.fromEntries(st.values),
      params: paramsInUse(st, s).map((path) => {
        const res = s.values.get(path)!;
        return {
          path,
          value: valueToJson(res.value, res.spec),
          from: res.entry?.from ?? null,
          source: res.source,
          clause: res.entry?.clause ?? null,
          estimate: res.entry?.estimate ?? null,
          note: res.entry?.note ?? null,
        };
      }),
    })),
    result: resultRecord(r),
    // (programs resting on an estimate in force: their amounts move with it)
    on_estimates: [...programsOnEstimates(estimatesInForce(s))].filter((id) => viewOf(r)[id].flag),
    ...(under ? { baseline_result: resultRecord(under.baseline) } : {}),
    notes: notes.map(noteText),
  };
}

/**
 * Why the household is not on dibao, in one line a family can be told: the first test of step 3 it fails — its
 * assets (step 2's test, with the amounts) or its income, with the income per person against S (000（一）:
 * 人均收入低于当地低保标准). Nothing when step 3 did not run (every member tekun).
 */
/** Whether a member could enter dibao alone (单人户施保: severely disabled or seriously ill; DOMAIN step 5). */
function canEnterAlone(pop: Population, h: number): boolean {
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) if (isSevere(pop, pop.members[k]!) || pop.ill[pop.members[k]!]) return true;
  return false;
}

/**
 * Why not, for the programs other than dibao: a step whose checks all held but one, for a program the household does not
 * receive nor decline — a near miss, the one check said (a caseworker's lone elder on 900 read "not tekun" with the
 * reason, 900.00 < 810.00, only in step 1). A step with more than one check failing is far from it: not said.
 */
function nearMisses(steps: readonly TraceStep[], r: ReturnType<typeof viewOf>, someoneAlone: boolean): string[] {
  const gets = (id: string) => {
    const x = (r as unknown as Record<string, ProgramResult | undefined>)[id];
    return !x || x.flag > 0 || x.declined > 0 || (id === 'rigid_aid' && r.rigid_family.flag > 0);
  };
  return steps.flatMap((st) => {
    const p = PROGRAM_BY_ID.get(st.program as ProgramId);
    const failed = st.checks.filter((c) => !c.holds);
    if (!p || st.program === 'dibao' || failed.length !== 1 || gets(st.program)) return [];
    // (the household's ceiling, where no member is severe or ill: no one to enter alone, nothing near)
    if (st.program === 'single_person' && !st.person && !someoneAlone) return [];
    const c = failed[0]!;
    const label = st.program === 'rigid_aid' ? '刚性支出困难 rigid-expenditure family' : programLabel(p);
    return [`  not ${label}${st.person ? ` (person ${st.person})` : ''}: ${c.expr}: ${c.lhs} ${c.op} ${c.rhs} → no`];
  });
}

function whyNotDibao(steps: readonly TraceStep[], alone = false): string[] {
  const dibao = steps.find((st) => st.program === 'dibao');
  const failed = dibao?.checks.find((c) => !c.holds);
  if (!dibao || !failed) return [];
  if (failed.expr === 'assets_ok') {
    const assets = steps.find((st) => st.program === 'rest')?.checks.find((c) => !c.holds);
    return assets
      ? [
          `  not 低保 dibao: assets above the limit 家庭财产超过规定: ${assets.lhs} > ${assets.rhs} (${assets.expr.replace(/^assets_ok: /, '')})`,
        ]
      : [];
  }
  const v = new Map(dibao.values);
  const perPerson = D(v.get('I')!).dividedBy(v.get('n')!);
  const shown =
    perPerson.decimalPlaces() > 3 ? `${perPerson.toFixed(3, D.ROUND_DOWN)}…` : perPerson.toFixed(perPerson.decimalPlaces() > 2 ? 3 : 2);
  // (beside a member's single-person dibao it read as a contradiction: the household is not, the member alone is)
  const who = alone ? ' as a household (a member enters alone: 单人户施保)' : '';
  return [
    `  not 低保 dibao${who}: income per person 人均收入 ${shown} is not below S ${v.get('S')} (I ${failed.lhs} ≥ S × n ${failed.rhs})`,
  ];
}

/** "+120.00" / "−80.50" / "0.00", fen. */
const signedFen = (fen: number) => (fen > 0 ? `+${y(fen)}` : fen < 0 ? `−${y(-fen)}` : y(0));

function memberIncomes(pop: Population, h: number, deduction: number): object[] {
  const out: object[] = [];
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const p = pop.members[k]!;
    out.push({
      person_id: pop.personIds.at(p),
      wage_income: y(pop.wage[p]!),
      employment_deduction: y(Math.min(deduction, pop.wage[p]!)),
      other_income: y(pop.other[p]!),
      counted_income: y(countedIncome(pop, p, deduction)),
    });
  }
  return out;
}

/** "1 person", "2 persons". */
function personsText(n: number): string {
  return `${n} person${n === 1 ? '' : 's'}`;
}
