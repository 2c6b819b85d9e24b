// jiuzhu cliff: one household's resources across a member's earnings — points, marginal rates, cliffs, and a chart
// that reads at 80 columns. Money as decimal strings in yuan. JSON has both views (monthly: a month's resources, a
// gradual exit's kept amount in full, a grant or premium ÷ 12; annual: the year, a gradual exit for its months); the
// table, chart and CSV show the view asked for, and say which.
import { shownId } from '../core/invisible.js';
import chalk from 'chalk';
import { cliffsOf, jumpsOf, marginalRates, type Cliff, type SweptRun, type View } from '../core/cliff.js';
import { D, fenToYuan } from '../core/money.js';
import { dependsOnPath, isCash, PROGRAM_BY_ID, PROGRAMS, programLabel, type ProgramId, type ProgramInfo } from '../core/programs/index.js';
import { estimatePaths, programsOnEstimates, type EstimateUsed } from './estimates.js';
import { groupDigits, markdownTable, wrapLine } from './text-table.js';
import { isZh, runShown, type Lang } from './lang.js';
import {
  aboutWords,
  chartWords,
  cliffHeader,
  estimatesWords,
  eventWords,
  noCliffWords,
  ownIncome,
  resourcesWords,
  rulesWords,
  runWords,
  titleWords,
  viewWords,
} from './cliff-words.js';

/** Fen a year in a view → yuan in that view (a month's: ÷ 12), half up to the fen. */
const yuan = (x: number, view: View) => (view === 'monthly' ? D(x).dividedBy(1200).toFixed(2) : fenToYuan(x));

/** Which policy and date a sweep or a distribution ran under: named in every output but the CSV (its rows). */
export interface RunAbout {
  readonly policy: { readonly id: string; readonly file: string; readonly name: { readonly zh: string; readonly en: string } };
  readonly date: string;
}

export const aboutJson = (a: RunAbout | undefined) => (a ? { policy: { id: a.policy.id, file: a.policy.file }, date: a.date } : {});
export const aboutLine = (a: RunAbout | undefined, lang?: Lang) =>
  // (the locality in the reader's language alone, to fit 80 columns: an English reader had the 中文 name only)
  a ? [chalk.dim(aboutWords(isZh(lang) ? a.policy.name.zh : a.policy.name.en, a.policy.file, a.date, lang))] : [];

export interface CliffReport {
  readonly about?: RunAbout;
  readonly household: string;
  readonly member: string;
  readonly vary: 'wage_income' | 'other_income';
  /** The member's amount now (fen a month). */
  readonly current: number;
  /** The view of the table, chart and CSV. */
  readonly view: View;
  readonly runs: ReadonlyArray<SweptRun>;
  /** Each run's estimates in force (by run id): the programs resting on them are marked, as every output marks them. */
  readonly estimates?: Readonly<Record<string, readonly EstimateUsed[]>>;
  /** The language of the table's, chart's and Markdown's sentences (cliff-words.ts): en by default. */
  readonly lang?: Lang;
  /**
   * How a screen names runs and programs (the TUI: a scenario by its 中文 title, a program by its 中文 name alone, as
   * its other views do — its cliff chart named them by id and in both languages, a trial). Default: ids, bilingual.
   */
  readonly names?: { readonly run: (id: string) => string; readonly program: (p: ProgramInfo) => string };
}

/** A run as the report names it. */
const runNamed = (r: CliffReport, id: string) => (r.names ? r.names.run(id) : runShown(id, r.lang));

/** The programs of a run that rest on an estimated parameter (none where the report has no estimates). */
const onEstimatesOf = (r: CliffReport, run: string): ReadonlySet<ProgramId> => programsOnEstimates(r.estimates?.[run] ?? []);

const programsJson = (xs: Readonly<Partial<Record<ProgramId, number>>>, view: View) =>
  Object.fromEntries(Object.entries(xs).map(([id, x]) => [id, yuan(x, view)]));

/** A run's cliffs (or jumps) in a view: at their thresholds where the sweep found them so (core/cliff.ts exactSteps). */
const cliffsIn = (run: SweptRun, view: View) => run.cliffs?.[view] ?? cliffsOf(run.points, view);
const jumpsIn = (run: SweptRun, view: View) => run.jumps?.[view] ?? jumpsOf(run.points, view);

const cliffsJson = (run: SweptRun, view: View) => eventsJson(cliffsIn(run, view), view);

/**
 * Jumps up as cliffs are given, `rise` for `drop` (the resources' rise, above the income's own): JSON had none, where
 * the table and CSV showed one at the dibao line (a researcher's trial; README names `jumps`).
 */
const jumpsJson = (run: SweptRun, view: View) =>
  eventsJson(jumpsIn(run, view), view).map(({ at, drop, ...j }) => ({ at, rise: drop.replace(/^-/, ''), ...j }));

const eventsJson = (events: readonly Cliff[], view: View) =>
  events.map((c) => ({
    at: fenToYuan(c.at),
    drop: yuan(c.drop, view),
    programs: c.programs.map((x) => x.id),
    drops: Object.fromEntries(c.programs.map((x) => [x.id, yuan(x.drop, view)])),
    rises: Object.fromEntries(c.rises.map((x) => [x.id, yuan(x.gain, view)])), // (always: {} where nothing rises, as README says)
    // (the member's own income's rise at the step: drop = Σ drops − Σ rises − income_step)
    income_step: yuan(c.step, view),
  }));

/** Whether a program pays the household at some point of a run's sweep. */
const paidIn = (run: SweptRun, id: ProgramId) =>
  run.points.some((p) => (p.monthly.programs[id] ?? 0) > 0 || (p.annual.programs[id] ?? 0) > 0);

export function cliffJson(r: CliffReport): object {
  return {
    ...aboutJson(r.about),
    household: r.household,
    member: r.member,
    vary: r.vary,
    current: fenToYuan(r.current),
    value: 'the member’s ' + r.vary + ' a month',
    resources: 'the household’s wages and other income plus every cash program',
    views: {
      monthly: 'resources, programs, marginal_rate, cliffs: a month (a gradual exit’s kept amount in full; a grant or the premium ÷ 12)',
      annual: 'resources_annual, programs_annual, marginal_rate_annual, cliffs_annual: the year (a gradual exit for its months)',
    },
    scenarios: r.runs.map((run) => {
      const [rates, yearly] = [marginalRates(run.points, 'monthly'), marginalRates(run.points, 'annual')];
      return {
        id: run.id,
        points: run.points.map((p, i) => ({
          value: fenToYuan(p.value),
          resources: yuan(p.monthly.resources, 'monthly'),
          programs: programsJson(p.monthly.programs, 'monthly'),
          marginal_rate: rates[i]?.toFixed(4) ?? null,
          resources_annual: yuan(p.annual.resources, 'annual'),
          programs_annual: programsJson(p.annual.programs, 'annual'),
          marginal_rate_annual: yearly[i]?.toFixed(4) ?? null,
        })),
        cliffs: cliffsJson(run, 'monthly'),
        cliffs_annual: cliffsJson(run, 'annual'),
        jumps: jumpsJson(run, 'monthly'),
        jumps_annual: jumpsJson(run, 'annual'),
        // (as simulate's uses_estimate: the cash programs whose amounts rest on an estimated parameter — of those the
        // household gets somewhere in the sweep: it listed tekun for a working adult, an economist's trial)
        uses_estimate: PROGRAMS.filter((p) => isCash(p) && onEstimatesOf(r, run.id).has(p.id) && paidIn(run, p.id)).map((p) => p.id),
        estimates: estimatePaths(r.estimates?.[run.id] ?? []),
      };
    }),
  };
}

/**
 * A row per point and run. The member's amount is a month's; resources, the household's own income, the transfers (every
 * cash program) and each program are in the view (a month's, or the year's); `cliffs` and `jumps` count those found
 * in the step that ends at the point (at their fens: JSON's `at`) — an economist rebuilt the net transfer and the cliffs'
 * places from the programs' columns by hand.
 */
export function cliffCsv(r: CliffReport): string {
  const cash = PROGRAMS.filter(isCash);
  const rows = r.runs.flatMap((run) => {
    const rates = marginalRates(run.points, r.view);
    const inStep = (events: readonly Cliff[], i: number) =>
      i ? events.filter((c) => c.at > run.points[i - 1]!.value && c.at <= run.points[i]!.value).length : 0;
    const [cliffs, jumps] = [cliffsIn(run, r.view), jumpsIn(run, r.view)];
    return run.points.map((p, i) => {
      const transfers = Object.values(p[r.view].programs).reduce((a, x) => a + x, 0);
      return [
        run.id,
        r.view,
        fenToYuan(p.value),
        yuan(p[r.view].resources, r.view),
        rates[i]?.toFixed(4) ?? '',
        ...cash.map((q) => yuan(p[r.view].programs[q.id] ?? 0, r.view)),
        yuan(p[r.view].resources - transfers, r.view),
        yuan(transfers, r.view),
        inStep(cliffs, i),
        inStep(jumps, i),
      ].join(',');
    });
  });
  const header = `scenario,view,${r.vary},resources,marginal_rate,${cash.map((q) => q.id).join(',')},income,transfers,cliffs,jumps`;
  return [header, ...rows].join('\n') + '\n';
}

const SYMBOLS = ['●', '○', '×', '+', '◆', '▲'];

/** Resources against earnings, 56 columns of plot and 14 of labels: reads at 80 columns. */
export function cliffChart(r: CliffReport, width = 56, height = 12): string[] {
  const all = r.runs.flatMap((run) => run.points);
  if (all.length < 2) return [];
  const [x0, x1] = [all[0]!.value, all.at(-1)!.value];
  const ys = all.map((p) => p[r.view].resources);
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '));
  // Later runs first, so where runs meet the first run's mark shows.
  [...r.runs].reverse().forEach((run, back) => {
    const s = r.runs.length - 1 - back;
    for (const p of run.points) {
      const col = x1 === x0 ? 0 : Math.round(((p.value - x0) / (x1 - x0)) * (width - 1));
      const row = y1 === y0 ? height - 1 : height - 1 - Math.round(((p[r.view].resources - y0) / (y1 - y0)) * (height - 1));
      grid[row]![col] = SYMBOLS[s % SYMBOLS.length]!;
    }
  });
  const label = (t: number) => groupDigits(yuan(t, r.view)).padStart(12);
  const lines = grid.map((row, i) => `${i === 0 ? label(y1) : i === height - 1 ? label(y0) : ' '.repeat(12)} │${row.join('')}`);
  lines.push(`${' '.repeat(12)} └${'─'.repeat(width)}`);
  // Where the first run's cliffs are (▲) — a fall of 10.83 is less than a row of the plot, and was seen nowhere
  // (an economist's trial); its jumps up (△) where no cliff is marked.
  const marks = Array.from({ length: width }, () => ' ');
  const column = (v: number) => (x1 === x0 ? 0 : Math.round(((v - x0) / (x1 - x0)) * (width - 1)));
  const first = r.runs[0];
  if (first) {
    for (const j of jumpsIn(first, r.view)) marks[column(j.at)] = '△';
    for (const c of cliffsIn(first, r.view)) marks[column(c.at)] = '▲';
  }
  if (marks.some((m) => m !== ' ')) lines.push(`${' '.repeat(14)}${marks.join('').trimEnd()}`);
  const [left, right] = [groupDigits(fenToYuan(x0)), groupDigits(fenToYuan(x1))];
  lines.push(`${' '.repeat(14)}${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`);
  lines.push(`${' '.repeat(14)}${chartWords.axis(r.vary, r.lang)}`);
  // (a run the same as the first at every point is drawn under it: said, as a trial saw its symbol nowhere)
  const hidden = (run: SweptRun, s: number) =>
    s > 0 && first && run.points.every((p, i) => p[r.view].resources === first.points[i]?.[r.view].resources);
  const under = () => (r.lang === 'zh' ? `（各点与${runNamed(r, first!.id)}相同）` : ` (= ${runNamed(r, first!.id)} at every point)`);
  lines.push(
    `${' '.repeat(14)}${r.runs.map((run, s) => `${SYMBOLS[s % SYMBOLS.length]} ${runNamed(r, run.id)}${hidden(run, s) ? under() : ''}`).join('  ')}`,
  );
  if (marks.some((m) => m !== ' ')) lines.push(`${' '.repeat(14)}${chartWords.marks(runNamed(r, r.runs[0]!.id), r.lang)}`);
  return lines;
}

/** A cliff or a jump up of a run, as said: where, the change of resources, its parts (the step's own income last). */
interface Event {
  readonly at: string;
  readonly change: string;
  readonly jump: boolean;
  readonly parts: ReadonlyArray<readonly [string, string]>;
  readonly why?: string;
}

/** Why a jump up is the rules': a program rises there as one its step leaves out (Step.notWhere) falls. */
function whyJump(j: Cliff, lang?: Lang): { why?: string } {
  for (const x of j.rises) {
    const not = PROGRAM_BY_ID.get(x.id)!.step.notWhere;
    if (not && j.programs.some((y) => y.id === not.program)) return { why: rulesWords(lang === 'zh' ? not.zh : not.why, lang) };
  }
  return {};
}

/** A run's cliffs and jumps up in the order of the income, each with the programs that fall and rise there. */
function eventsOf(r: CliffReport, run: SweptRun): Event[] {
  const est = onEstimatesOf(r, run.id);
  const label = (id: ProgramId) => `${(r.names?.program ?? programLabel)(PROGRAM_BY_ID.get(id)!)}${est.has(id) ? ' *' : ''}`;
  const amount = (x: number) => groupDigits(yuan(x, r.view));
  // (the step's own income: with it the parts add up to the drop — a researcher added them up and was 10 short)
  const own = (c: Cliff): [string, string] => [ownIncome(shownId(r.member), r.vary, r.lang), `+${amount(c.step)}`];
  const cliffs = cliffsIn(run, r.view).map((c) => ({
    at: c.at,
    change: `−${amount(c.drop)}`,
    jump: false,
    parts: [
      ...c.programs.map((x) => [label(x.id), `−${amount(x.drop)}`] as const),
      ...c.rises.map((x) => [label(x.id), `+${amount(x.gain)}`] as const),
      own(c),
    ],
  }));
  // A jump up: resources rise by more than the income did, a program starting as another stops (earning a little less
  // there loses it: the cliff seen from below)
  const jumps = jumpsIn(run, r.view).map((j) => ({
    at: j.at,
    change: `+${amount(-j.drop)}`,
    jump: true,
    parts: [
      ...j.rises.map((x) => [label(x.id), `+${amount(x.gain)}`] as const),
      ...j.programs.map((x) => [label(x.id), `−${amount(x.drop)}`] as const),
      own(j),
    ],
    // (why, where a program starts as one its step leaves out stops — rigid aid as dibao ends: a journalist read the
    // jump as a wrong number — it is the rules')
    ...whyJump(j, r.lang),
  }));
  return [...cliffs, ...jumps].sort((a, b) => a.at - b.at).map((e) => ({ ...e, at: groupDigits(fenToYuan(e.at)) }));
}

/**
 * The estimates the programs of the runs' cliffs and jumps rest on, and how many are in force: the footnote names those
 * (it named all 32 in force, funding shares among them: a journalist's trial), `jiuzhu params` every one.
 */
function estimatesBehind(r: CliffReport): { readonly paths: string[]; readonly inForce: number } {
  const all = [...new Map(Object.values(r.estimates ?? {}).flatMap((es) => es.map((e) => [e.path, e] as const))).values()];
  const ids = new Set(
    r.runs.flatMap((run) =>
      [...cliffsIn(run, r.view), ...jumpsIn(run, r.view)].flatMap((c) => [...c.programs.map((x) => x.id), ...c.rises.map((x) => x.id)]),
    ),
  );
  const paths = estimatePaths(all.filter((e) => [...ids].some((id) => dependsOnPath(PROGRAM_BY_ID.get(id)!, e.path))));
  return { paths, inForce: estimatePaths(all).length };
}

/** The footnote: the estimates behind the cliffs (`mark`: the asterisk as the format writes it). */
function estimatesLine(r: CliffReport, mark: string, code = (p: string) => p): string | null {
  const { paths, inForce } = estimatesBehind(r);
  return inForce ? estimatesWords(mark, paths, inForce, code, r.lang) : null;
}

/**
 * The cliffs as Markdown, for a page (a journalist could publish a household's cliff only by retyping the text): each
 * run's cliffs and jumps up, their parts, and the estimates they rest on.
 */
export function cliffMarkdown(r: CliffReport): string {
  const zh = r.lang === 'zh';
  const about =
    r.about && aboutWords(`${r.about.policy.name.zh} ${r.about.policy.name.en}`, `\`${r.about.policy.file}\``, r.about.date, r.lang);
  const out = [
    `### 悬崖效应 Benefit cliffs — ${titleWords(shownId(r.household), ownIncome(shownId(r.member), r.vary, r.lang), groupDigits(fenToYuan(r.current)), true, r.lang)}`,
    '',
    `${about ? `${about}${zh ? '；' : '; '}` : ''}${resourcesWords(r.view, r.lang)}${zh ? '。' : '.'}`,
  ];
  for (const run of r.runs) {
    const events = eventsOf(r, run);
    out.push(
      '',
      `#### ${runWords(runNamed(r, run.id), events.filter((e) => !e.jump).length, events.filter((e) => e.jump).length, null, r.lang)}`,
      '',
    );
    if (!events.length) {
      out.push(noCliffWords(r.lang));
      continue;
    }
    out.push(
      markdownTable(
        cliffHeader(r.vary, r.view),
        events.map((e) => [e.at, e.change, [...e.parts.map(([n, x]) => `${n} ${x}`), ...(e.why ? [e.why] : [])].join('; ')]),
        ['right', 'right', 'left'],
      ),
    );
  }
  const note = estimatesLine(r, '\\*', (p) => `\`${p}\``);
  if (note) out.push('', note);
  return out.join('\n') + '\n';
}

/** The chart and each run's cliffs; `chartHeight` rows of plot (the TUI's screen is shorter). */
export function cliffTable(r: CliffReport, chartHeight = 12): string {
  const out = [
    chalk.bold(
      `cliffs 悬崖效应 — ${titleWords(shownId(r.household), ownIncome(shownId(r.member), r.vary, r.lang), groupDigits(fenToYuan(r.current)), false, r.lang)}`,
    ),
    ...aboutLine(r.about, r.lang),
    chalk.dim(`${resourcesWords(r.view, r.lang)}${r.lang === 'zh' ? '；' : ';'}`),
    chalk.dim(viewWords(r.view, r.lang)),
    '',
    ...cliffChart(r, 56, chartHeight),
  ];
  for (const run of r.runs) {
    const cliffs = cliffsIn(run, r.view);
    const jumps = jumpsIn(run, r.view);
    const high = marginalRates(run.points, r.view).filter((x) => x !== null && x.greaterThanOrEqualTo(1)).length;
    const steps = run.points.length - 1;
    out.push('', chalk.bold(runWords(runNamed(r, run.id), cliffs.length, jumps.length, { high, steps }, r.lang)));
    // Cliffs and jumps up in the order of the income (a researcher read "at 2,450.00" before "at 1,650.00")
    for (const e of eventsOf(r, run))
      out.push(
        eventWords(e.at, e.change, r.view, e.jump, r.lang),
        ...e.parts.map(([name, x]) => `      ${name} ${x}`),
        ...(e.why ? [chalk.dim(`      ${e.why}`)] : []),
      );
  }
  // (the estimates the cliffs rest on, once: a researcher found the whole cliff rested on three, unmarked)
  const note = estimatesLine(r, '*', r.lang === 'zh' ? () => '' : undefined); // (中文 names alone at 80 columns: the codes in Markdown)
  if (note) out.push('', ...wrapLine(chalk.yellow(note), 80));
  return out.join('\n') + '\n';
}
