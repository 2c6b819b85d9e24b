// `jiuzhu explain`: the trace of one household, as indented text for people (in English with the 中文 names, or in
// Chinese: --lang zh) or JSON for tools.
import { stripVTControlCharacters } from 'node:util';
import { shownId } from '../core/invisible.js';
import chalk from 'chalk';
import { noteText } from '../core/policy-notes.js';
import type { Explanation } from '../core/explain.js';
import { zhCode, zhColumn, type TraceStep } from '../core/trace.js';
import { fenToYuan as y } from '../core/money.js';
import type { Population } from '../core/population.js';
import { CAPACITY } from '../core/columns.js';
import { dec, inUse, madeBy, valueToJson, valueToText, type Snapshot } from '../core/parameters/tree.js';
import { viewOf, type HouseholdResult } from '../core/engine.js';
import { bothTitles, type Scenario } from '../core/scenario.js';
import { incomesFrom, type Projection } from '../core/projection.js';
import { projectionJson } from './projection-view.js';
import { estimatesInForce, programsOnEstimates } from './estimates.js';
import { countedIncome } from '../core/programs/context.js';
import { PROGRAM_BY_ID, type ProgramId } from '../core/programs/index.js';
import { provenance } from './params.js';
import { valueText } from './trace-values.js';
import { householdZh } from './lang.js';
import { resultRecord } from './per-household.js';
import { baselineLine, checkText, monthOf, nameIn, personsText, replacedLines, resultLines, whyNot, type Lang } from './explain-result.js';
import { groupDigits } from './text-table.js';

export type { Lang } from './explain-result.js';

/** Titles of the steps that decide no program of their own, by their trace's program. */
const STEP_TITLES: Record<Lang, Record<string, string>> = {
  en: { rest: '其余家庭成员 the rest of the household (R)', take_up: '申请与认定 take-up' },
  zh: { rest: '其余家庭成员（R）', take_up: '申请与认定' },
};

/** The words of a trace's lines, by language. */
const WORDS = {
  en: {
    rule: 'rule    ',
    values: 'values  ',
    check: 'check   ',
    params: 'params  ',
    result: 'result  ',
    noClause: "(no clause of this policy's documents: the model's rule)",
    estimate: 'estimate*',
    default: 'default',
    sources: 'where the parameters came from',
    since: (from: string) => ` (since ${from})`,
    unset: ' (not given: the default)',
    footnote:
      '* an estimate: a value, or the day it took effect, that no published source gives; its basis is given (a program marked * rests on one)',
    brief: "  (every step, the numbers it compared and the parameters' sources: explain without --brief)",
    briefFootnote: '* an estimate: a value, or the day it took effect, that no published source gives (its basis: explain without --brief)',
    resultTitle: 'result',
  },
  zh: {
    rule: '规则    ',
    values: '数值    ',
    check: '检验    ',
    params: '参数    ',
    result: '结果    ',
    noClause: '（本政策文件无对应条款：模型的规则）',
    estimate: '估计*',
    default: '默认',
    sources: '参数来源',
    since: (from: string) => `（自 ${from} 起）`,
    unset: '（未设定，取默认值）',
    footnote: '* 标 * 的项目用了估计参数（没有公开来源给出的数值或生效日期），金额随之可变；依据见上',
    brief: '  （每一步的规则、比较的数值和参数来源：去掉 --brief）',
    briefFootnote: '* 标 * 的项目用了估计参数（没有公开来源给出的数值或生效日期），金额随之可变；依据：去掉 --brief 可见',
    resultTitle: '结果',
  },
} as const;

/**
 * A clause's label without its quoted text: "（五）将…" → "（五）", "§3 …" → "§3", "第十四条 …" → "第十四条"; a label ending
 * in a colon without it ("低保对象定额资助: the fixed amount" → "低保对象定额资助": an author's trial read the colon).
 */
export function shortClause(clause: string): string {
  const label = /^(（[^）]*）|\([^)]*\)|[^\s（(]+)/.exec(clause)?.[1] ?? clause;
  return label.replace(/(?<=.)[:：,，;；]+$/, '');
}

/** "path = value [source clause]" or "[estimate]": the short form; the full provenance is listed once. */
function shortParam(s: Snapshot, path: string, lang: Lang): string {
  const r = s.values.get(path)!;
  // (a scenario's clause is its reason, a sentence: its first word said nothing, so the scenario is named alone)
  const ref = r.entry?.estimate
    ? WORDS[lang].estimate
    : r.entry?.scenario
      ? madeBy(r.entry)
      : r.entry?.source
        ? `${r.entry.source}${r.entry.clause ? ` ${shortClause(r.entry.clause)}` : ''}`
        : r.defaulted
          ? WORDS[lang].default
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
function countedText(pop: Population, p: number, deduction: number, lang: Lang): string {
  const inc = countedIncome(pop, p, deduction);
  const [w, o] = [pop.wage[p]!, pop.other[p]!];
  const zh = lang === 'zh';
  const name = zh ? '计入收入 inc(p)' : 'inc(p)';
  if (!deduction || !w) return `${name} ${y(inc)}${zh ? ' 元/月' : ''}`;
  const less = zh ? '扣除' : 'deduction';
  const wage = w > deduction ? `(${y(w)} − ${less} ${y(deduction)})` : `max(0, ${y(w)} − ${less} ${y(deduction)})`;
  return `${name} ${y(inc)}${zh ? ' 元/月' : ''} = ${wage} + ${y(o)}`;
}

/**
 * A member's labour capacity as the file gives it, and, for a minor or an elder who has one, how tekun's test counts it
 * (DOMAIN step 1: no labour capacity under tekun.minor_age or from tekun.elderly_age) — an 8-year-old read
 * "有劳动能力" to a caseworker's trial.
 */
function labourText(pop: Population, p: number, s: Snapshot, lang: Lang): string {
  const given = lang === 'zh' ? zhCode('labor_capacity', pop.labor[p]!) : `labour ${CAPACITY[pop.labor[p]!]}`;
  const age = pop.age[p]!;
  const minor = age < Number(dec(s, 'tekun.minor_age'));
  if (CAPACITY[pop.labor[p]!] === 'none' || !(minor || age >= Number(dec(s, 'tekun.elderly_age')))) return given;
  return lang === 'zh'
    ? `${given}（${minor ? '未成年' : '老年人'}：特困认定按无劳动能力）`
    : `${given} (${minor ? 'a minor' : 'an elder'}: none for tekun)`;
}

function members(pop: Population, h: number, s: Snapshot, lang: Lang): string[] {
  const out: string[] = [];
  const deduction = deductionOf(s);
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const p = pop.members[k]!;
    const id = shownId(pop.personIds.at(p));
    const counted = countedText(pop, p, deduction, lang);
    const labour = labourText(pop, p, s, lang);
    out.push(
      lang === 'zh'
        ? `${id}：${[
            `${zhColumn('age')} ${pop.age[p]}`,
            `${zhColumn('wage_income')} ${y(pop.wage[p]!)} 元/月`,
            `${zhColumn('other_income')} ${y(pop.other[p]!)} 元/月`,
            counted,
            `${zhColumn('disability_grade')} ${zhCode('disability_grade', pop.disability[p]!)}`,
            `${zhColumn('serious_illness')} ${zhCode('serious_illness', pop.ill[p]!)}`,
            labour,
            `${zhColumn('self_care')} ${zhCode('self_care', pop.selfCare[p]!)}`,
            // (a child's supporter is 抚养, a spouse's 扶养: the column's header 有赡养人 is an elder's — a clerk's catch)
            `${zhColumn('has_capable_supporter')} ${zhCode('has_capable_supporter', pop.supporter[p]!)}`,
          ].join('，')}`
        : `${id}: age ${pop.age[p]}, wage ${y(pop.wage[p]!)}, other ${y(pop.other[p]!)}, ${counted}, ` +
            `disability ${pop.disability[p]}, ill ${pop.ill[p]}, ${labour}, self-care ${CAPACITY[pop.selfCare[p]!]}, ` +
            `supporter ${pop.supporter[p]}`,
    );
  }
  return out;
}

/** The household's own columns, in a line. */
function householdLine(pop: Population, h: number, persons: number, lang: Lang): string {
  const weight = pop.weight[h]! / 1e6;
  const draw = pop.takeUpDraw[h] ? (pop.takeUpDraw[h]! / 1e6).toFixed(6) : '';
  if (lang === 'zh')
    return [
      zhCode('area', pop.area[h]!),
      personsText(persons, lang),
      `${zhColumn('financial_assets')} ${y(pop.assets[h]!)} 元`,
      `${zhColumn('rigid_expenditure')} ${y(pop.rigid[h]!)} 元（近 12 个月）`,
      `${zhColumn('on_dibao')} ${zhCode('on_dibao', pop.onDibao[h]!)}（${zhColumn('prior_dibao')} ${y(pop.prior[h]!)} 元/月）`,
      `${zhColumn('emergency_need')} ${y(pop.emergency[h]!)} 元`,
      `权重 ${weight}`,
      ...(draw ? [`take_up_draw ${draw}`] : []),
    ].join('，');
  return (
    `${pop.area[h] ? 'rural' : 'urban'}, ${personsText(persons)}, financial assets ${y(pop.assets[h]!)}, rigid expenditure ${y(pop.rigid[h]!)}, ` +
    `on dibao ${pop.onDibao[h]} (prior ${y(pop.prior[h]!)}), emergency need ${y(pop.emergency[h]!)}, weight ${weight}${draw ? `, take-up draw ${draw}` : ''}`
  );
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

/**
 * The documents the steps' clauses cite, by their number: "000（一）" named nothing a reader could look up (a TUI
 * trial); the policy's sources give each seed file's title, its document number first (桂办发〔2020〕23号).
 */
function documentsCited(steps: readonly TraceStep[], s: Snapshot, lang: Lang): string | null {
  const seeds = [...new Set(steps.flatMap((st) => clausesFor(st, s).map((c) => c.slice(0, 3))))].sort();
  const titleOf = (seed: string) => [...s.policy.sources.values()].find((src) => src.file?.startsWith(`${seed}_`))?.title;
  const named = seeds.flatMap((seed) => {
    const title = titleOf(seed);
    // (its number alone where it has one, else the title to its closing 》)
    const short = title && (/^[^《]*?〔\d{4}〕\d+号/.exec(title)?.[0] ?? /^[^》]*》/.exec(title)?.[0] ?? title);
    return short ? [`${seed} ${short}`] : [];
  });
  if (!named.length) return null;
  return lang === 'zh' ? `  各步所引条款的文件：${named.join('；')}` : `  the steps' clauses cite: ${named.join(' · ')}`;
}

/** One step of a trace: title with clauses, rule, values, checks, parameters (short form) and result. */
export function stepLines(st: TraceStep, s: Snapshot, indent = '', lang: Lang = 'en'): string[] {
  const w = WORDS[lang];
  const program = PROGRAM_BY_ID.get(st.program as ProgramId);
  const title = STEP_TITLES[lang][st.program] ?? nameIn(program!, lang);
  const clauses = clausesFor(st, s);
  const zh = lang === 'zh';
  const heading = zh
    ? `${/^\d+$/.test(st.step) ? `第 ${st.step} 步 · ` : ''}${title}${st.person ? ` · 成员 ${shownId(st.person)}` : ''}`
    : `step ${st.step} · ${title}${st.person ? ` · person ${shownId(st.person)}` : ''}`;
  const out = [chalk.bold(heading) + chalk.dim(`   ${clauses.length ? clauses.join(' ') : w.noClause}`)];
  out.push(`  ${w.rule}${zh ? st.zh.rule : st.rule}`);
  if (st.values.length) out.push(`  ${w.values}${st.values.map(([k, v]) => valueText(k, v, lang)).join(' · ')}`);
  for (const c of st.checks) out.push(`  ${w.check}${checkText(c, lang)}`);
  const params = paramsInUse(st, s);
  if (params.length) out.push(`  ${w.params}${params.map((path) => shortParam(s, path, lang)).join(' · ')}`);
  out.push(`  ${w.result}${chalk.bold(zh ? st.zh.result : st.result)}`);
  return out.map((l) => indent + l);
}

/** An explanation under a scenario: which one, and the household's result under the baseline. */
export interface Under {
  readonly scenario: Scenario;
  readonly baseline: HouseholdResult;
}

export interface TextOptions {
  readonly under?: Under;
  /** en (the default: English with the 中文 names) or zh. */
  readonly lang?: Lang;
  /** The household and its result alone: no steps, no sources. */
  readonly brief?: boolean;
  /** A projected year (explain --projection): said under the heading (the text alone did not say its figures were grown). */
  readonly projection?: Projection;
}

export function explainText(e: Explanation, pop: Population, s: Snapshot, o: TextOptions = {}): string {
  const { under, lang = 'en', brief = false } = o;
  const w = WORDS[lang];
  const h = e.household;
  const sc = under?.scenario;
  const id = shownId(pop.householdIds.at(h));
  const heading =
    lang === 'zh'
      ? `${householdZh(id)} — ${s.policy.name.zh} — ${s.date}${sc ? ` — 按方案 ${sc.id} ${sc.title.zh}（非现行政策）` : ''}`
      : `household ${id} — ${s.policy.name.zh} ${s.policy.name.en} — ${s.date}` +
        (sc ? ` — under scenario ${sc.id} ${bothTitles(sc.title)} (not the policy in force)` : '');
  const p = o.projection;
  const out: string[] = [
    chalk.bold(heading),
    ...(p
      ? [
          chalk.dim(
            lang === 'zh'
              ? `按预测 ${p.id}：政策增长到 ${s.date.slice(0, 4)} 年，该户收入自 ${incomesFrom(p)} 年起增长，在保登记按 simulate --year 在该日所得`
              : `projected by ${p.id}: the policy grown to ${s.date.slice(0, 4)}, the household's incomes from ${incomesFrom(p)}, its register (on dibao) as simulate --year has it at the date`,
          ),
        ]
      : []),
    householdLine(pop, h, e.result.persons, lang),
    ...members(pop, h, s, lang).map((m) => `  ${m}`),
  ];
  const used: string[] = [];
  for (const st of e.steps) {
    if (!brief) out.push('', ...stepLines(st, s, '', lang));
    for (const p of paramsInUse(st, s)) if (!used.includes(p)) used.push(p);
  }
  const cited = brief ? null : documentsCited(e.steps, s, lang);
  out.push('', chalk.bold(w.resultTitle), ...resultLines(e, pop, programsOnEstimates(estimatesInForce(s)), s.date, lang));
  if (under) out.push(baselineLine(e.result, under.baseline, lang), ...replacedLines(e.result, under.baseline, lang));
  // (amounts grouped by thousands, as the list and the tables give them: a TUI trial read 51464.00 beside 42,776.28;
  // the sources below keep their documents' numbers as written)
  for (let i = 0; i < out.length; i++) out[i] = groupedAmounts(out[i]!);
  if (brief) out.push(chalk.dim(w.brief));
  else {
    out.push('', chalk.bold(w.sources));
    if (cited) out.push(chalk.dim(cited));
    for (const path of used) {
      const r = s.values.get(path)!;
      // (its 中文 name first in Chinese: a 科长 read the dotted ids alone, where params gives each its name)
      const line = `  ${lang === 'zh' ? `${r.spec.zh} ` : ''}${path} = ${valueToText(r.value, r.spec)}${r.entry ? w.since(r.entry.from) : w.unset}`;
      out.push(r.entry?.estimate ? chalk.yellow(`${line} *`) : line, chalk.dim(`      ${provenance(r, lang)}`));
    }
  }
  if (used.some((p) => s.values.get(p)?.entry?.estimate)) out.push(chalk.yellow(brief ? w.briefFootnote : w.footnote));
  return out.join('\n') + '\n';
}

/** Amounts of 1,000 yuan or more grouped by thousands: 51464.00 → 51,464.00, 1333.333… → 1,333.333…. */
const groupedAmounts = (line: string): string => line.replace(/(?<![\d.,])\d{4,}(?=\.\d)/g, (n) => groupDigits(n));

export function explainJson(
  e: Explanation,
  pop: Population,
  s: Snapshot,
  under?: Under,
  notes: readonly string[] = [],
  projection?: Projection,
): object {
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
    // what the text's result says beside the row: the month (a gradual exit in it, for its months), why not dibao and the
    // programs missed by one test (a pipeline's audit found them in the text only)
    monthly_total: y(monthOf(viewOf(r)).month),
    why_not: whyNot(e, pop, 'en').map((l) => stripVTControlCharacters(l).trim()),
    // (programs resting on an estimate in force: their amounts move with it)
    on_estimates: [...programsOnEstimates(estimatesInForce(s))].filter((id) => viewOf(r)[id].flag),
    ...(under ? { baseline_result: resultRecord(under.baseline) } : {}),
    notes: notes.map(noteText),
    // (projected: by which projection, its rates and the incomes' year, as simulate's JSON gives it)
    ...(projection ? { projection: projectionJson(projection) } : {}),
  };
}

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
