// What a scenario does that its totals alone would not say: a change no rule reads or none at all (its Δ of 0 read as a
// finding), changes dated after the run, relations a reform breaks. Said on stderr, or kept as the report's notes.
import type { Lang } from '../report/lang.js';
import { snapshotChanges } from '../core/budget-year.js';
import { dec, str, type Policy, type Snapshot } from '../core/parameters/tree.js';
import { PREMIUM_GROUPS } from '../core/parameters/groups.js';
import { PARAMS } from '../core/parameters/schema.js';
import { compileRules, stepRules, unreadPaths } from '../core/rules.js';
import { GROUP_NAMES } from '../core/programs/groups.js';
import { PROGRAMS, programLabel } from '../core/programs/index.js';
import { STEP as PREMIUM_STEP, type PremiumRules } from '../core/programs/medical-premium.js';
import { fenToYuan } from '../core/money.js';
import { AHEAD_YEARS, checkPolicy, type Violation } from '../core/sanity.js';
import { floorsBroken } from '../core/floors.js';
import { firstYearExit, type YearsReport } from '../report/years-view.js';
import { incomesFrom, type Projection } from '../core/projection.js';
import { takeUpShows, type ScenarioReport, type SimulationReport } from '../report/totals.js';
import type { CompareReport } from '../report/compare.js';
import type { Figures } from '../core/aggregate.js';
import type { SensitivityResult } from '../core/sensitivity-plan.js';
import type { Ctx } from './context.js';
import type { LoadedRun } from './load.js';

/**
 * A scenario that changes no parameter (the baseline already has its values: Nanning's low-income line is 2× S): said,
 * as its Δ of 0 reads as a finding (a finance trial took two such for reforms that cost nothing); and what else a
 * scenario does that its totals would not say. Notes of the report: in every format that holds notes, and on stderr
 * (an analyst's Markdown for a briefing showed a Δ of 0 bare: the note had gone to stderr alone).
 */
export function scenarioNotes(
  report: Pick<SimulationReport, 'date'> & { readonly scenarios: readonly ScenarioReport[] },
  place = '',
  lang?: Lang,
): string[] {
  const [base, ...rest] = report.scenarios;
  const b = base?.parameters;
  if (!base || !b) return [];
  const where = whereIn(place);
  return rest.flatMap((s) => {
    const same = sameParameters(base, s, report.date);
    const note = same
      ? unchangedText(s.id, s.parameters!.policy, b.policy, report.date, !!s.year, place, lang)
      : unreadNote(s.id, b, s.parameters!, report.date, !!s.year, where);
    const later = same ? null : laterNote(s.id, b.policy, s.parameters!.policy, s.year ? `${report.date}-12-31` : report.date, place, lang);
    return [
      note,
      later,
      same || note ? null : caseloadsOnly(s.id, [base], [s], { date: report.date, year: !!s.year, place }, undefined, lang),
      ...relationNotes(s.id, s.parameters!.policy, report.date, place, lang),
      ...premiumNotes(s.id, b, s.parameters!, where),
      ...floorsBroken(b, s.parameters!).map(
        (f) =>
          `note: scenario ${s.id}${where} sets ${f.path} ${f.value.toFixed()}, below the policy's ${f.floor.toFixed()}, a floor: ${f.source} ${f.clause} (不低于, at least) — a cut the locality's own rule does not allow; computed as given, as a reform may test it`,
      ),
    ].filter((n): n is string => n !== null);
  });
}

/**
 * compare's notes: each locality's scenario notes; one household file run under several localities' rules (an analyst's
 * costs of Fuliang's population carried Nanning's name, unsaid); and localities whose take-up differs — their costs differ
 * by who takes up as well as by their rules (a researcher's trial compared Guangzhou's dibao, 5.2 % take-up, with
 * Nanning's, 75 %, on one population, and read it as the rules').
 */
export function compareNotes(report: CompareReport, lang?: Lang): string[] {
  const many = report.localities.length > 1;
  const notes = report.localities.flatMap((l) =>
    scenarioNotes({ date: report.date, scenarios: l.scenarios }, many ? l.policy.id : '', lang),
  );
  if (many) notes.push(oneFileNote(lang));
  // (a population without draws takes everything up everywhere: received = eligible, whatever the shares — a reform
  // author's trial was told take-up made the difference on the sample, which has no take_up_draw)
  if (!report.localities.some((l) => l.scenarios[0] && takeUpShows(l.scenarios[0].figures))) return notes;
  const take = takeUpNote(
    report.localities.map((l) => ({ id: l.policy.id, runs: l.scenarios })),
    () => true,
    lang,
  );
  return take ? [...notes, take] : notes;
}

/** One household file run under several localities' rules (compare's, the TUI's with several --policy). */
export const oneFileNote = (lang?: Lang) =>
  lang === 'zh'
    ? '注：同一家庭文件按各地区的规则分别运行：每列是同样的家庭，不是各地区自己的人口——支出比较的是规则（与申请率），不是地方'
    : `note: one household file runs under each locality's rules: the same households in every column, not each locality's own population — the costs compare the rules (and take-up), not the places`;

/** A locality's runs, the baseline first, by their parameters. */
export interface LocalityRuns {
  readonly id: string;
  readonly runs: readonly { readonly id: string; readonly parameters?: Snapshot }[];
}

/**
 * Take-up that differs between the localities' baselines, where the population shows it (`leavesOut`: some household's
 * draw reaches one of the differing rates, so take-up leaves it out there): their costs differ by who takes up too.
 */
export function takeUpNote(localities: readonly LocalityRuns[], leavesOut: (rate: number) => boolean, lang?: Lang): string | null {
  const bases = localities.map((l) => l.runs[0]?.parameters);
  if (bases.length < 2 || bases.some((b) => !b)) return null;
  const paths = [...bases[0]!.values.keys()].filter((p) => p.startsWith('take_up.'));
  const differ = paths.filter((p) => new Set(bases.map((b) => b!.values.get(p)?.value?.toString())).size > 1);
  const rates = differ.flatMap((p) => bases.map((b) => Number(b!.values.get(p)?.value?.toString() ?? 1)));
  if (!differ.length || !leavesOut(Math.min(...rates))) return null;
  // (a run where every locality's take-up is 1 is given already: named, not asked for — an onboarding trial)
  const full = localities[0]!.runs.find(
    (s, k) =>
      k > 0 &&
      localities.every((l) => {
        const p = l.runs.find((x) => x.id === s.id)?.parameters;
        return p && paths.every((path) => p.values.get(path)?.value?.toString() === '1');
      }),
  );
  const values = differ
    .map((p) => `${p}: ${localities.map((l, i) => `${l.id} ${bases[i]!.values.get(p)?.value?.toString() ?? '—'}`).join(', ')}`)
    .join('; ');
  if (lang === 'zh')
    return `注：各地区的申请率不同（${values}）：支出之差既来自规则，也来自谁申请享受；${
      full
        ? `运行 ${full.id}（符合条件的家庭全部享受）只比较规则`
        : '只比较规则：加 --scenario scenarios/full-coverage.yaml（符合条件的家庭全部享受），或看 --format json 的 eligible_annual_cost'
    }`;
  const rulesAlone = full
    ? `the run ${full.id}, where every eligible household takes up, compares the rules alone`
    : 'to compare the rules alone, add --scenario scenarios/full-coverage.yaml (every eligible household takes up), or read eligible_annual_cost in --format json';
  return `note: take-up differs between the localities (${values}): their costs differ by who takes up as well as by their rules; ${rulesAlone}`;
}

/** Notes said on stderr, unless quiet. */
export function sayNotes(ctx: Ctx, quiet: boolean, notes: readonly string[] | undefined): void {
  const heard = new Set(ctx.heard);
  if (!quiet) for (const n of notes ?? []) if (!heard.has(n)) ctx.stderr.write(`${n}\n`);
}

/** The households file's notes, first among a report's (said on stderr as they were heard: sayNotes says them no more). */
export const heardNotes = (ctx: Ctx): string[] => [...new Set(ctx.heard ?? [])];

/**
 * A premium share a scenario changes beside a fixed amount in force: the two add (DOMAIN step 9: min(premium, round(share ×
 * premium) + fixed)) — an analyst's 50 % for Nanning's edge members paid 350 of 400, with Nanning's fixed 150 on top.
 */
function premiumNotes(id: string, base: Snapshot, s: Snapshot, where = ''): string[] {
  const premium = dec(s, 'medical.premium');
  let byGroup: readonly number[] | null = null; // step 9's amounts as compiled (its rounding), once a note needs them
  return PREMIUM_GROUPS.flatMap((g) => {
    const [share, fixed] = [dec(s, `medical.subsidy.${g}`), dec(s, `medical.fixed.${g}`)];
    if (share.equals(dec(base, `medical.subsidy.${g}`)) || share.isZero() || fixed.isZero()) return [];
    byGroup ??= stepRules<PremiumRules>(compileRules(s), PREMIUM_STEP.id).byGroup;
    const paid = fenToYuan(byGroup[GROUP_NAMES.indexOf(g)]!);
    return [
      `note: scenario ${id}${where} sets medical.subsidy.${g} ${share.toFixed()} beside medical.fixed.${g} ${fixed.toFixed()} in force: the two add, min(premium, round(${share.toFixed()} × ${premium.toFixed()}) + ${fixed.toFixed()}) = ${paid} of ${premium.toFixed(2)} a year (DOMAIN step 9); for the share alone, set medical.fixed.${g} to 0 too (as scenarios/edge-premium-50pct.yaml does)`,
    ];
  });
}

/**
 * A scenario's changes dated after the run, beside others in force (an author's trial: one change dated 2099 in an
 * active reform went unsaid, its Δ read as the whole reform's). Only the dates it adds: a scale of the policy's own
 * later values is not one.
 */
function laterNote(id: string, policy: Policy, derived: Policy, end: string, place = '', lang?: Lang): string | null {
  const later = [...derived.params].flatMap(([path, h]) => {
    const own = new Set((policy.params.get(path) ?? []).map((e) => e.from));
    return h.filter((e) => e.scenario === id && e.from > end && !own.has(e.from)).map((e) => `${path} from ${e.from}`);
  });
  if (!later.length) return null;
  const far = later.some((l) => Number(l.slice(-10, -6)) > Number(end.slice(0, 4)) + AHEAD_YEARS);
  // (in 中文 too: a county officer read a reform dated after the run, Δ 0, as one that costs nothing)
  if (lang === 'zh')
    return `注：${zhScenario(id, place)}还改动了 ${later.map((l) => l.replace(' from ', ' 自 ') + ' 起').join('、')}，在 ${end} 之后：不计入本次运行${far ? '（年份写错了？）' : ''}；其他改动照常计入`;
  return `note: scenario ${id} also changes ${later.join(', ')}${whereIn(place)}, after ${end}: not in this run${far ? ' (a typo in the year?)' : ''}; its other changes apply`;
}

/**
 * A scenario's values that break a relation a policy must keep (rural above urban): computed as given, a reform may test
 * it, and said (an author's trial set rural 900 over urban 756 without a word). Rules of unit or scale refuse it instead.
 */
function relationNotes(id: string, derived: Policy, date: string, place = '', lang?: Lang): string[] {
  // (each rule once: the latest breach dated at or before the date, else the first)
  const byRule = new Map<string, Violation>();
  const at = (v: Violation) => /\bat (\d{4}-\d\d-\d\d)/.exec(v.message)?.[1] ?? '';
  for (const v of checkPolicy(derived)) {
    // (and a warning said of a reform: a reform author's low_income.multiplier 0.8 emptied the edge group without a word)
    const said = v.rule.severity === 'error' || v.rule.saidOfReform;
    if (!said || v.rule.unit || v.where.file === derived.file) continue;
    const had = byRule.get(v.rule.id);
    if (!had || (at(v) <= date && at(v) > at(had))) byRule.set(v.rule.id, v);
  }
  // (in 中文 where the run is: a scenario's rule note was English under --lang zh; the rule's own words are in both)
  return [...byRule.values()].map((v) =>
    lang === 'zh'
      ? `注：方案 ${id}${place ? `（${place}）` : ''}：${v.message}（${v.rule.id}：${v.rule.zh}）；改革可以检验这一点，按给定值计算`
      : `note: scenario ${id}${whereIn(place)}: ${v.message} (${v.rule.id}: ${v.rule.text}); a reform may test that, so it is computed as given`,
  );
}

/**
 * A scenario's changes that no rule reads with its values (a mode's parameters where another is in force: tiers under
 * the gap), said as a change that does nothing: its Δ of 0 read as a finding, or a part of a reform left out unsaid.
 */
function unreadNote(id: string, base: Snapshot, s: Snapshot, date: string, year: boolean, where = ''): string | null {
  const changed = snapshotChanges(base, s, date).map((c) => c.path);
  const unread = unreadPaths(changed, s);
  if (!unread.length) return null;
  const why = (path: string) => {
    const o = PARAMS.find((p) => p.path === path)?.optional;
    return o ? `${path} (read when ${o.when} is ${o.equals}; it is ${str(s, o.when)})` : path;
  };
  const all = unread.length === changed.length;
  return `note: scenario ${id} sets ${unread.map(why).join(', ')}, which no rule reads${where} ${year ? 'in' : 'at'} ${date}: ${all ? 'it changes nothing (its Δ is 0 by construction, not a finding)' : `${unread.length > 1 ? 'those changes do' : 'that change does'} nothing; its others apply`}`;
}

/** Where a note's scenario ran, among several localities (its id; '' for one): " in ID" in an English sentence. */
const whereIn = (place: string) => (place ? ` in ${place}` : '');

/** "方案 ID" with its locality, as a Chinese sentence names it: "方案 ID（PLACE）". */
const zhScenario = (id: string, place: string) => `方案 ${id}${place ? `（${place}）` : ' '}`;

const unchangedText = (id: string, policy: Policy, baseline: Policy, date: string, year: boolean, place = '', lang?: Lang) =>
  lang === 'zh'
    ? // (explain --lang zh: a 科长's "差额 Δ 0.00" was explained in English only)
      `注：${zhScenario(id, place)}在 ${date}${year ? ' 年' : ' '}不改变任何参数：${whyUnchanged(id, policy, baseline, year ? `${date}-12-31` : date, lang)}`
    : `note: scenario ${id} changes no parameter${whereIn(place)} ${year ? 'in' : 'at'} ${date}: ${whyUnchanged(id, policy, baseline, year ? `${date}-12-31` : date)}`;

/**
 * noteUnchanged's notes for runs at one date (the TUI's, which shows them with n and says them as it closes); `place`:
 * the locality's id where there are several.
 */
export function unchangedRunsNotes(runs: readonly LoadedRun[], date: string, place = '', lang?: Lang): string[] {
  const [base, ...rest] = runs;
  const where = whereIn(place);
  return rest.flatMap((r) => {
    const same = !snapshotChanges(base!.snapshot, r.snapshot, date).length;
    const note = same
      ? unchangedText(r.id, r.snapshot.policy, base!.snapshot.policy, date, false, place, lang)
      : unreadNote(r.id, base!.snapshot, r.snapshot, date, false, where);
    const later = same ? null : laterNote(r.id, base!.snapshot.policy, r.snapshot.policy, date, where);
    return [note, later, ...relationNotes(r.id, r.snapshot.policy, date, where)].filter((n): n is string => n !== null);
  });
}

/** Whether a run has the baseline's parameters at the date (or every month of the year). */
function sameParameters(base: ScenarioReport, s: ScenarioReport, date: string): boolean {
  const inYear = (x: ScenarioReport) => JSON.stringify((x.year?.changes ?? []).map((c) => [c.path, c.date, c.after]));
  return !!base.parameters && !!s.parameters && !snapshotChanges(base.parameters, s.parameters, date).length && inYear(s) === inYear(base);
}

/**
 * simulate --years: a scenario that changes no parameter in any of the years (a reform dated 2035 for 2027: Δ 0, unsaid),
 * as a note of the report (stderr, JSON, Markdown, the workbook, the HTML page: a budget trial's page showed Δ 0 bare).
 */
export function unchangedYearsNotes(report: Pick<YearsReport, 'runs' | 'years'>, lang?: Lang): string[] {
  const [base, ...rest] = report.runs;
  if (!base) return [];
  const span = report.years.length > 1 ? `${report.years[0]}–${report.years.at(-1)}` : String(report.years[0]);
  return rest.flatMap((run) => {
    if (run.years.every((s, k) => sameParameters(base.years[k]!, s, String(report.years[k])))) {
      const why = whyUnchanged(
        run.id,
        run.years[0]!.parameters!.policy,
        base.years[0]!.parameters!.policy,
        `${report.years.at(-1)}-12-31`,
        lang,
      );
      return [
        lang === 'zh'
          ? `注：方案 ${run.id} 在 ${span} 年不改变任何参数：${why}`
          : `note: scenario ${run.id} changes no parameter in ${span}: ${why}`,
      ];
    }
    // (a change no rule reads, as the last year's values have it)
    const [b, s] = [base.years.at(-1)!.parameters, run.years.at(-1)!.parameters];
    const unread = b && s ? unreadNote(run.id, b, s, String(report.years.at(-1)), true) : null;
    return unread
      ? [unread]
      : [caseloadsOnly(run.id, base.years, run.years, { date: span, year: true, place: '' }, String(report.years[0]), lang)].filter(
          (n) => n !== null,
        );
  });
}

/**
 * A budget year (or a window's first) that pays a gradual exit: chiefly the file's register leaving — households on
 * dibao (on_dibao 1) whose income is already above the line, each leaving in January with its full months: a stock at
 * the file's date placed in the first year run, and moving with it. A budget trial saw it fall 99 % the next year
 * (2,028.49 → 21.35 万元), and the same 2,028.49 in 2026 with a window from 2026, with nothing to say why. Later years:
 * households the window saw on dibao, leaving (core/year-exit.ts).
 */
export function firstYearExitNote(
  report: Pick<YearsReport, 'runs' | 'years' | 'ranFirst'> & { readonly projection?: Projection | null },
  lang?: Lang,
): string[] {
  const base = report.runs[0];
  const [first] = report.years;
  const ran = report.ranFirst ?? [];
  if (ran.length) return [ranFirstNote(ran, first!, report.projection ? incomesFrom(report.projection) : ran[0]! - 1, lang)];
  if (!base || !firstYearExit(base.years)) return [];
  // (in Chinese where the table is: the one note that explains the gradual exit's fall — a 科长's trial)
  if (lang === 'zh')
    return [
      `注：${first} 年的低保渐退主要是文件登记在保（on_dibao 1）而收入已超过标准的家庭：各于 ${first} 年 1 月退出，按其 prior_dibao 领满渐退月数——是文件日期时的存量，算在所运行的第一年并随之移动（从 ${first + 1} 年起运行则算在 ${first + 1} 年），不是 ${first} 年的流量。${report.years.length > 1 ? '以后各年是期间所见在保家庭的退出（各按退出前所领低保），以及上一年结转的渐退。文件未登记（on_dibao 0）而期间进入低保的家庭，在保期间视为登记，退出时同样渐退。' : ''}`,
    ];
  const later =
    report.years.length > 1
      ? ` In later years it is those the window saw on dibao leaving (each keeping the dibao it was paid before), and exits carried over from the year before. A household the file does not register (on_dibao 0) that joins dibao in the window is on the register while on dibao, and leaves with its exit.`
      : '';
  return [
    `note: the gradual exit in ${first} is chiefly the households the file registers on dibao (on_dibao 1) whose income is already above the line, each leaving in January ${first} with its full months at its prior_dibao: a stock at the file's date, placed in the first year run and moving with it (a run from ${first + 1} puts it in ${first + 1}), not a flow of ${first}.${later}`,
  ];
}

/** The years run before the first (cli/burn-in.ts), said: what the first year's register and exits are. */
function ranFirstNote(ran: readonly number[], first: number, incomes: number, lang?: Lang): string {
  const span = ran.length > 1 ? `${ran[0]}–${ran.at(-1)}` : String(ran[0]);
  const register = ran[0]! - 1;
  // (incomes of a year before the policy has every value: the register is taken as of the year before its first whole one)
  const same = register === incomes;
  if (lang === 'zh')
    return `注：文件的在保登记（on_dibao、prior_dibao）按${same ? '其收入所属年份 ' : ' '}${register} 年末计${same ? '' : `（其收入属 ${incomes} 年，早于政策首个完整年度）`}；${span} 年先行运行、不列出：其间退出低保的家庭及仍在领取的渐退，结转入 ${first} 年（同一预算年度无论单独运行还是在哪个期间中，数字相同）。`;
  return `note: the file's register (on_dibao, prior_dibao) is taken as of the end of ${register}${same ? ', the year its incomes are of' : ` (its incomes are of ${incomes}, before the policy's first whole year)`}; ${span} ${ran.length > 1 ? 'were' : 'was'} run first and not shown: who left dibao then, and any gradual exit still paying, is carried into ${first} (a budget year is the same alone and in any window that holds it).`;
}

/**
 * A scenario whose change costs nothing in every year but moves caseloads (the low-income line at 2 × S: the edge
 * families' count, whose special assistance pays nothing under the values in force): the years' table shows costs only,
 * and a county budget trial read its Δ of 0 as doing nothing. Said with the first year's caseloads that move.
 */
function caseloadsOnly(
  id: string,
  base: readonly ScenarioReport[],
  run: readonly ScenarioReport[],
  at: { readonly date: string; readonly year: boolean; readonly place: string },
  first?: string,
  lang?: Lang,
): string | null {
  if (run.some((s, k) => s.figures.total_annual_cost_exact !== base[k]!.figures.total_annual_cost_exact)) return null;
  const count = (x: string) => Math.round(Number(x)).toLocaleString('en');
  const zh = lang === 'zh';
  // (the first year whose caseloads move: a scenario from a later year moved none in the first — a reviewer)
  const moves = run.map((r, k) => {
    const [b, s] = [base[k]!.figures.programs, r.figures.programs];
    return PROGRAMS.filter((p) => s[p.id].households !== b[p.id].households).map(
      (p) => `${programLabel(p)} ${count(b[p.id].households)} → ${count(s[p.id].households)}${zh ? ' 户' : ' households'}`,
    );
  });
  const k = moves.findIndex((m) => m.length);
  if (k < 0) return null;
  if (zh)
    return `注：${zhScenario(id, at.place)}在 ${at.date}${at.year ? ' 年' : ' '}不改变支出，只改变认定户数（${first ? `${Number(first) + k} 年：` : ''}${moves[k]!.join('，')}）：它本应支付给这些家庭的金额，取决于现行取值为零、不支付任何金额的参数（--ranges 给出其较基线之差在各项估计下的区间）`;
  return `note: scenario ${id} changes no cost ${at.year ? 'in' : 'at'} ${at.date}${whereIn(at.place)}, but caseloads (${first ? `in ${Number(first) + k}: ` : ''}${moves[k]!.join(', ')}): what it would pay them rests on values in force that pay nothing (--ranges gives its Δ's range under the estimates)`;
}

/**
 * Why a scenario changes nothing by `end`: its values all start later (a reform author's `from: 2072-07-01` for 2027
 * was told "the baseline already has its values"), or the baseline has them (Nanning's low-income line is 2× S).
 */
function whyUnchanged(id: string, policy: Policy, baseline: Policy, end: string, lang?: Lang): string {
  const zh = lang === 'zh';
  const zero = zh ? '（较基线为 0 是必然的，不是测算结果）' : ' (its Δ is 0 by construction, not a finding)';
  const dates = [...policy.params.values()].flatMap((h) => h.filter((e) => e.scenario === id).map((e) => e.from));
  const first = dates.sort()[0];
  if (first === undefined) return (zh ? '方案没有给出任何变化' : 'it gives no change') + zero;
  const typo = Number(first.slice(0, 4)) > Number(end.slice(0, 4)) + AHEAD_YEARS;
  if (first > end)
    return zh
      ? `其变化在此之后才开始（最早自 ${first} 起${typo ? '：年份写错了？' : ''}）${zero}`
      : `its changes start after it (the first from ${first}${typo ? ': a typo in the year?' : ''})${zero}`;
  const fixed = estimatesFixed(id, policy, baseline, end);
  if (zh)
    return `基线已是这些数值${zero}${fixed.length ? `；但方案把基线仅为估计的 ${fixed.join('、')} 定为确定值：估计值变动时两者不同，故较基线区间（--ranges）不为 0` : ''}`;
  return `the baseline already has its values${zero}${fixed.length ? `; but it fixes ${fixed.join(', ')}, which the baseline only estimates: where the estimate moves the two differ, so its Δ range (--ranges) is not 0` : ''}`;
}

/**
 * The parameters a scenario sets to the baseline's value where that value is an estimate with a range (a finance trial's
 * edge-premium-50pct: "Δ 0 by construction" beside a Δ range of −1,843 – +430 万元, read as a contradiction).
 */
function estimatesFixed(id: string, policy: Policy, baseline: Policy, end: string): string[] {
  return [...policy.params].flatMap(([path, history]) => {
    if (!history.some((e) => e.scenario === id && e.from <= end)) return [];
    const base = (baseline.params.get(path) ?? []).filter((e) => e.from <= end).at(-1);
    return base?.range ? [path] : [];
  });
}

/**
 * Ranges or sensitivity over a population in which every eligible household takes its programs up (no take_up_draw,
 * or none at or above a rate): take-up, the largest line of a generated population's tornado, cannot move anything,
 * and nothing said so — an analyst on the bundled sample read a range without it (a budget-uncertainty trial).
 */
export function takeUpRangesNote(baseline: Figures | undefined, result: SensitivityResult | null, lang?: Lang): string[] {
  if (!baseline || !result || takeUpShows(baseline)) return [];
  const rates = result.axes.filter((a) => a.axis.path.startsWith('take_up.') && a.ends.length).length;
  if (!rates) return [];
  return [
    lang === 'zh'
      ? `注：住户文件中符合条件的家庭全部享受（无 take_up_draw 列，或其值都低于申请率）：申请率（take_up.*，${rates} 项有区间的估计）在此不能改变合计及其区间——jiuzhu generate 生成的家庭带有申请抽签值`
      : `note: every eligible household in the households file takes its programs up (no take_up_draw, or none at or above a rate): take-up (take_up.*, ${rates} estimates with a range) cannot move the totals or their ranges here — a population from jiuzhu generate carries take-up draws`,
  ];
}
