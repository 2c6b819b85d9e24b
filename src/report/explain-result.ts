// explain's result: what each program gave the household, why not where it came near, and the month's and the year's
// totals — in English with the 中文 names (the default), or in Chinese (--lang zh: what a caseworker tells a family).
import { shownId } from '../core/invisible.js';
import chalk from 'chalk';
import type { Explanation } from '../core/explain.js';
import type { Check, TraceStep } from '../core/trace.js';
import { D, fenToYuan as y } from '../core/money.js';
import type { Population } from '../core/population.js';
import { viewOf, type HouseholdResult, type ProgramResult } from '../core/engine.js';
import { isSevere } from '../core/programs/context.js';
import { TEKUN_CARE } from '../core/programs/parts.js';
import { isCash, PROGRAM_BY_ID, programLabel, type ProgramId, type ProgramInfo } from '../core/programs/index.js';
import { PER_HOUSEHOLD_ORDER } from './per-household.js';

import type { Lang } from './lang.js';

export type { Lang } from './lang.js';

/** A program's name: "低保 dibao"; 低保 in Chinese. */
export const nameIn = (p: ProgramInfo, lang: Lang): string => (lang === 'zh' ? p.zh : programLabel(p));

/** "1 person", "2 persons"; "2 人". */
export function personsText(n: number, lang: Lang = 'en'): string {
  return lang === 'zh' ? `${n} 人` : `${n} person${n === 1 ? '' : 's'}`;
}

/** A check: its test, the numbers it compared and whether it held (coloured, or plain in a sentence). */
export function checkText(c: Check, lang: Lang, colour = true): string {
  const [yes, no] = lang === 'zh' ? ['是', '否'] : ['yes', 'no'];
  const held = colour ? (c.holds ? chalk.green(yes) : chalk.red(no)) : c.holds ? yes : no;
  // (a test of a finding, true or false, is the finding alone: "家庭财产符合规定：false = true → 否" read as code, and
  // "assets_ok: false = true → no" garbled — a researcher's trial)
  if (lang !== 'zh') return flagged(c) ? `${c.expr} is ${c.lhs} → ${held}` : `${c.expr}: ${c.lhs} ${c.op} ${c.rhs} → ${held}`;
  return flagged(c) ? `${c.zh} → ${held}` : `${c.zh}：${c.zhSides ?? `${c.lhs} ${c.op} ${c.rhs}`} → ${held}`;
}

/** A check of a finding, true or false (assets_ok = true). */
const flagged = (c: Check) => /^(true|false)$/.test(c.lhs) && /^(true|false)$/.test(c.rhs);

/** "+120.00" / "−80.50" / "0.00", fen. */
export const signedFen = (fen: number): string => (fen > 0 ? `+${y(fen)}` : fen < 0 ? `−${y(-fen)}` : y(0));

/** The household's year under the scenario against the baseline's. */
export function baselineLine(result: HouseholdResult, baseline: HouseholdResult, lang: Lang): string {
  const [now, was] = [viewOf(result).annual, viewOf(baseline).annual];
  return lang === 'zh'
    ? // (not 差额: the word of the gap payment, 差额发放 — a 科长's trial)
      `  基线（现行政策）：每年 ${y(was)} 元；较基线 ${now === was ? '无变化' : `${signedFen(now - was)} 元`}`
    : `  baseline 基线: ${y(was)} a year; Δ ${signedFen(now - was)}`;
}

/** Step 4's other program: a near miss of its aid is told as the family's (刚性支出困难家庭). */
const FAMILY = PROGRAM_BY_ID.get('rigid_family')!;

/**
 * A program the baseline paid that the scenario does not, where the rules leave it out once another is paid (its
 * step's notWhere: rigid-expenditure aid where dibao begins) — the reason a reform that raises the standard takes
 * 42,776 a year from a family (a caseworker's trial read it as a mistake: the trace said nothing of why).
 */
export function replacedLines(result: HouseholdResult, baseline: HouseholdResult, lang: Lang): string[] {
  const [now, was] = [viewOf(result), viewOf(baseline)];
  return PER_HOUSEHOLD_ORDER.flatMap((p) => {
    const not = p.step.notWhere;
    if (!not || !isCash(p) || !was[p.id].amount || now[p.id].flag || !now[not.program as ProgramId]?.flag) return [];
    const by = PROGRAM_BY_ID.get(not.program as ProgramId)!;
    return [
      lang === 'zh'
        ? `  ${p.zh}（基线每月 ${y(was[p.id].amount)} 元）不再发放：现享受${by.zh}，${not.zh}`
        : `  ${programLabel(p)} (${y(was[p.id].amount)} a month under the baseline) stops: ${programLabel(by)} is paid now, and ${not.why}`,
    ];
  });
}

/** What a program gave the household, in words its kind and fields call for. */
function resultText(p: ProgramInfo, x: ProgramResult, lang: Lang): string {
  const persons = p.fields.includes('persons') ? personsText(x.persons, lang) : '';
  const zh = lang === 'zh';
  switch (p.kind) {
    case 'caseload':
      return zh ? `已认定${persons ? `，共 ${persons}` : ''}` : persons || 'identified';
    case 'kept':
      return zh ? `每月 ${y(x.amount)} 元，共 ${x.months} 个月` : `${y(x.amount)} a month for ${x.months} months`;
    case 'once':
      return zh
        ? `一次性 ${y(x.amount)} 元${p.tiersZh ? `，由${p.tiersZh[x.tier]}审批` : ''}`
        : `${y(x.amount)} once${p.tiers ? `, approved by ${p.tiers[x.tier]}` : ''}`;
    case 'yearly':
      return zh ? `${persons ? `${persons}，` : ''}每年 ${y(x.amount)} 元` : `${persons ? `${persons}, ` : ''}${y(x.amount)} a year`;
    case 'monthly':
      return zh ? `${persons ? `${persons}，` : ''}每月 ${y(x.amount)} 元` : `${persons ? `${persons}, ` : ''}${y(x.amount)} a month`;
  }
}

/** Tekun's month as basic living + care, from its care part (a year's care: 12 months of it). Nothing without care. */
function tekunSplit(r: HouseholdResult, amount: number, lang: Lang): string {
  const care = r.partFen[TEKUN_CARE]! / 12;
  if (!care) return '';
  return lang === 'zh'
    ? `（基本生活费 ${y(amount - care)} + 照料护理费 ${y(care)}）`
    : ` (basic living ${y(amount - care)} + care ${y(care)})`;
}

/**
 * A temporary grant at its cap (000（六）: the year's ceiling), and the need it leaves — "58,320.00 once" for a need of
 * 80,000 said neither (a caseworker supervisor's trial).
 */
function overCap(need: number, grant: number, lang: Lang): string {
  if (need <= grant) return '';
  return lang === 'zh'
    ? `（达救助上限；需求中 ${y(need - grant)} 元未获救助）`
    : ` (the cap: ${y(need - grant)} of the need of ${y(need)} over it)`;
}

/** The result: each program, what was declined, why not (dibao, near misses), the month's and the year's totals. */
export function resultLines(e: Explanation, pop: Population, onEstimates: ReadonlySet<ProgramId>, date: string, lang: Lang): string[] {
  const r = viewOf(e.result);
  const zh = lang === 'zh';
  const colon = zh ? '：' : ': ';
  // (tekun's month in its two parts, basic living and care: a tekun officer budgets care as its own line)
  const text = (p: ProgramInfo) =>
    resultText(p, r[p.id], lang) +
    (p.id === 'tekun'
      ? tekunSplit(e.result, r.tekun.amount, lang)
      : p.id === 'temporary'
        ? overCap(pop.emergency[e.household]!, r.temporary.amount, lang)
        : '');
  const lines = PER_HOUSEHOLD_ORDER.filter((p) => r[p.id].flag || (p.kind === 'kept' && r[p.id].months)).map((p) =>
    onEstimates.has(p.id) ? chalk.yellow(`  ${nameIn(p, lang)} *${colon}${text(p)}`) : `  ${nameIn(p, lang)}${colon}${text(p)}`,
  );
  for (const p of PER_HOUSEHOLD_ORDER.filter((q) => r[q.id].declined)) {
    const x = r[p.id];
    const would = isCash(p)
      ? zh
        ? `每年 ${y(x.eligibleAnnual)} 元`
        : `${y(x.eligibleAnnual)} a year`
      : personsText(x.eligiblePersons, lang);
    const name = nameIn(p, lang);
    lines.push(
      chalk.dim(
        zh
          ? x.flag
            ? `  ${name}：如申请全部符合条件的类别，可得 ${would}`
            : `  ${name}：符合条件，未申请（可得 ${would}）`
          : x.flag
            ? `  ${name}: ${would} had the household taken up every group it is eligible for`
            : `  ${name}: eligible, not taken up (would be ${would})`,
      ),
    );
  }
  if (!lines.length) lines.push(zh ? '  无救助' : '  no assistance');
  lines.push(...whyNot(e, pop, lang, onEstimates));
  // (a caseworker's first figure is the month's; and the year's is that month twelve times, said so: a trial on the day
  // before and the day of Fuliang's minimum wage rise read two years, neither the one the calendar year pays). A gradual
  // exit is in the month's, for its months (a caseworker's exiting family read no month at all).
  const { monthly, kept, month } = monthOf(r);
  const once = PER_HOUSEHOLD_ORDER.filter((p) => (p.kind === 'once' || p.kind === 'yearly') && r[p.id].annual).map((p) =>
    zh ? p.zh : p.en,
  );
  const keptText = kept.map((p) =>
    zh ? `${p.zh} ${y(r[p.id].amount)} 元，共 ${r[p.id].months} 个月` : `${p.en} ${y(r[p.id].amount)} for ${r[p.id].months} months`,
  );
  // (what it leaves out said: a researcher's cliff showed 146.17 a month, with the premium ÷ 12, beside explain's 99.50)
  const apart = once.length ? (zh ? `${once.join('、')}另计：计入年度合计` : `${once.join(', ')} apart: in the annual total`) : '';
  if (month)
    lines.push(
      zh
        ? `  每月合计：${y(month)} 元${kept.length || apart ? `（${[...(kept.length ? [`其中${keptText.join('；')}`] : []), ...(apart ? [apart] : [])].join('；')}）` : ''}`
        : `  monthly total 每月合计: ${y(month)}${kept.length || apart ? ` (${[...(kept.length ? [`of which ${keptText.join('; ')}`] : []), ...(apart ? [apart] : [])].join('; ')})` : ''}`,
    );
  const parts = [
    ...(monthly ? [zh ? `${date} 当月 ${y(monthly)} 元 × 12` : `12 × ${y(monthly)}, the month at ${date}`] : []),
    ...kept.map((p) => `${zh ? p.zh : p.en} ${y(r[p.id].amount)} × ${r[p.id].months}`),
    ...once,
  ];
  lines.push(
    zh
      ? `  年度合计：${y(r.annual)} 元${parts.length ? `（${parts.join(' + ')}；年内标准有调整的：simulate --year）` : ''}`
      : `  annual total 年度合计: ${y(r.annual)}${parts.length ? ` (${parts.join(' + ')}; a year with a change in it: simulate --year)` : ''}`,
  );
  if (r.eligibleAnnual !== r.annual)
    lines.push(
      zh
        ? `  如全部申请（应保尽保）：${y(r.eligibleAnnual)} 元`
        : `  had it taken up all it is eligible for 应保尽保: ${y(r.eligibleAnnual)}`,
    );
  return lines;
}

/**
 * The household's month, fen: its monthly programs (`monthly`), with the kept programs (a gradual exit, for its months)
 * added (`month`, the monthly total 每月合计).
 */
export function monthOf(r: ReturnType<typeof viewOf>): { monthly: number; kept: ProgramInfo[]; month: number } {
  const monthly = PER_HOUSEHOLD_ORDER.filter((p) => p.kind === 'monthly' && r[p.id].flag).reduce((sum, p) => sum + r[p.id].amount, 0);
  const kept = PER_HOUSEHOLD_ORDER.filter((p) => p.kind === 'kept' && r[p.id].months > 0);
  return { monthly, kept, month: monthly + kept.reduce((sum, p) => sum + r[p.id].amount, 0) };
}

/** Why not dibao (the first test of step 3 it fails), and each program missed by one test: a line each, indented. */
export function whyNot(e: Explanation, pop: Population, lang: Lang, onEstimates: ReadonlySet<ProgramId> = new Set()): string[] {
  const r = viewOf(e.result);
  // (a program refused on an estimated parameter is marked as one paid on it is: an appeal officer's family was refused
  // dibao by 24 yuan on an estimated standard and deduction, the line unmarked)
  const mark = (id: ProgramId) => (onEstimates.has(id) ? ' *' : '');
  return [
    ...(r.dibao.flag ? [] : whyNotDibao(e.steps, r.single_person.flag > 0, lang, pop.area[e.household], mark('dibao'))),
    ...nearMisses(e.steps, r, canEnterAlone(pop, e.household), lang, mark),
  ];
}

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
function nearMisses(
  steps: readonly TraceStep[],
  r: ReturnType<typeof viewOf>,
  someoneAlone: boolean,
  lang: Lang,
  mark: (id: ProgramId) => string,
): string[] {
  const gets = (id: string) => {
    const x = (r as unknown as Record<string, ProgramResult | undefined>)[id];
    // (step 4 decides the family too: identified, received or declined, is no near miss — its ∨ held a side)
    return !x || x.flag > 0 || x.declined > 0 || (id === 'rigid_aid' && (r.rigid_family.flag > 0 || r.rigid_family.declined > 0));
  };
  return steps.flatMap((st) => {
    const p = PROGRAM_BY_ID.get(st.program as ProgramId);
    const failed = st.checks.filter((c) => !c.holds);
    if (!p || st.program === 'dibao' || failed.length !== 1 || gets(st.program)) return [];
    // (a tekun person has tekun's care and living in their place: no near miss — "不属护理补贴：不符合特困条件" was said of
    // a caseworker's tekun elder, the reason upside down)
    if (failed[0]!.lhs.startsWith('tekun')) return [];
    // (the household's ceiling, where no member is severe or ill: no one to enter alone, nothing near)
    if (st.program === 'single_person' && !st.person && !someoneAlone) return [];
    const rigid = st.program === 'rigid_aid';
    if (lang === 'zh') {
      // (the test not met, its numbers after: "不满足“无生活来源（inc(p) < S）”（900.00 < 810.00）")
      const c = failed[0]!;
      // (a comparison said not to hold: "（1322.23 < 876.10）" alone read as a claim — a county officer's trial)
      const sides = c.zhSides ?? `${c.lhs} ${c.op} ${c.rhs}`;
      const numbers = flagged(c) ? '' : `（${sides}${/[<>≤≥‹›]/.test(sides) ? '，不成立' : ''}）`;
      // (the test's name without its formula: "不满足“无具备履行能力的法定赡养、抚养、扶养义务人”（有赡养人 是）")
      const test = c.zhSides ? c.zh.replace(/（[^（）]*[=<>≥≤∨∧][^（）]*）$/, '') : c.zh;
      return [
        `  不属${rigid ? `${FAMILY.zh}家庭` : p.zh}${mark(p.id)}${st.person ? `（成员 ${shownId(st.person)}）` : ''}：不满足“${test}”${numbers}`,
      ];
    }
    const label = programLabel(rigid ? FAMILY : p);
    const c = failed[0]!;
    return [`  not ${label}${mark(p.id)}${st.person ? ` (person ${shownId(st.person)})` : ''}: ${c.failedEn ?? checkText(c, lang, false)}`];
  });
}

/**
 * Why the household is not on dibao, in one line a family can be told: the first test of step 3 it fails — its
 * assets (step 2's test, with the amounts) or its income, with the income per person against S (000（一）:
 * 人均收入低于当地低保标准). Nothing when step 3 did not run (every member tekun).
 */
function whyNotDibao(steps: readonly TraceStep[], alone: boolean, lang: Lang, area = 0, mark = ''): string[] {
  const dibao = steps.find((st) => st.program === 'dibao');
  const failed = dibao?.checks.find((c) => !c.holds);
  if (!dibao || !failed) return [];
  const zh = lang === 'zh';
  if (failed.expr === 'assets_ok') {
    const assets = steps.find((st) => st.program === 'rest')?.checks.find((c) => !c.holds);
    if (!assets) return [];
    const rule = assets.expr.replace(/^assets_ok: /, '');
    return [
      zh
        ? `  不符合低保${mark}：家庭财产超过规定（${assets.lhs} > ${assets.rhs}：${rule}）`
        : `  not 低保 dibao${mark}: assets above the limit 家庭财产超过规定: ${assets.lhs} > ${assets.rhs} (${rule})`,
    ];
  }
  const v = new Map(dibao.values);
  const perPerson = D(v.get('I')!).dividedBy(v.get('n')!);
  const shown =
    perPerson.decimalPlaces() > 3 ? `${perPerson.toFixed(3, D.ROUND_DOWN)}…` : perPerson.toFixed(perPerson.decimalPlaces() > 2 ? 3 : 2);
  // (beside a member's single-person dibao it read as a contradiction: the household is not, the member alone is)
  if (zh)
    return [
      `  不符合低保${mark}${alone ? '（按户；有成员单独纳入：单人户施保）' : ''}：家庭人均收入 ${shown} 元/月，不低于${area ? '农村' : '城市'}低保标准 ${v.get('S')} 元/月（I ${failed.lhs} ≥ S × n ${failed.rhs}）`,
    ];
  const who = alone ? ' as a household (a member enters alone: 单人户施保)' : '';
  return [
    `  not 低保 dibao${mark}${who}: income per person 人均收入 ${shown} is not below S ${v.get('S')} (I ${failed.lhs} ≥ S × n ${failed.rhs})`,
  ];
}
