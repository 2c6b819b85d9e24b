// jiuzhu sensitivity: each estimate in force at its low and its high (or each plausible value, or its earliest and
// latest start date), everything else central — the total and every program's annual cost, sorted by swing; a
// tornado chart for the terminal; JSON, CSV and Markdown. Money as exact decimal strings (yuan, rounded half up to
// the fen as simulate's annual_cost); swing = the largest total less the smallest of central, low and high.
import { namedFile } from './paths.js';
import { incomesFrom, type Projection } from '../core/projection.js';
import { grownFromText } from './projection-view.js';
import chalk from 'chalk';
import type { Totals } from '../core/aggregate.js';
import { deltaRange, label, max, min, rows, runRange, yuan } from './sensitivity-rows.js';
import { PROGRAMS, type ProgramId } from '../core/programs/index.js';
import { patchText, percentile } from '../core/sensitivity.js';
import { cost, type SensitivityResult } from '../core/sensitivity-plan.js';
import { RANGE_METHOD } from './totals.js';
import { displayWidth, inUnit, markdownTable, truncate, UNIT_LABEL, wrapLine, type Unit } from './text-table.js';
import type { Lang } from './lang.js';
import { roundingMarkdown, roundingWords, unitWords } from './totals-words.js';
import {
  barsWords,
  centralAmongDraws,
  countWords,
  drawsWords,
  estimateName,
  grownWords,
  headWords,
  markdownHeader,
  markdownTotalWords,
  refusedWords,
  scenarioDeltaWords,
  takeUpDibaoWords,
  takeUpDisabilityWords,
  valuesWords,
  whenWords,
  whereMoreWords,
} from './sensitivity-words.js';

export interface SensitivityReport {
  readonly policy: { readonly id: string; readonly name: { readonly zh: string; readonly en: string } };
  readonly policyFile: string;
  readonly householdsFile: string;
  readonly result: SensitivityResult;
  readonly unit?: Unit;
  /** --year with --projection: the year as the projection grows the policy and the households. */
  readonly projection?: Pick<Projection, 'id' | 'file' | 'baseYear' | 'incomesYear'>;
  /** What the run says of its policy and projection (said on stderr too), without the "note: ". */
  readonly notes?: readonly string[];
  /** The language of the table's and Markdown's sentences (sensitivity-words.ts; the labels are bilingual): en by default. */
  readonly lang?: Lang;
}

/** The population line: the households file, and the projection that grew it to the year. */
const population = (rep: SensitivityReport) =>
  `${rep.householdsFile}${rep.projection ? grownWords(rep.projection.id, rep.projection.file, grownFromText(rep.projection, rep.lang), rep.lang) : ''}`;

const programs = (t: Totals) => Object.fromEntries(PROGRAMS.map((p, i) => [p.id, yuan(cost(t, i), t)])) as Record<ProgramId, string>;

export function sensitivityJson(rep: SensitivityReport): object {
  const r = rep.result;
  const t0 = r.central[0]!;
  const rs = rows(r);
  return {
    policy: rep.policyFile,
    ...('date' in r.when ? { date: r.when.date } : { year: r.when.year }),
    households_file: namedFile(rep.householdsFile),
    notes: rep.notes ?? [],
    ...(rep.projection
      ? {
          projection: {
            id: rep.projection.id,
            file: rep.projection.file,
            base_year: rep.projection.baseYear,
            incomes: { from: incomesFrom(rep.projection) },
          },
        }
      : {}),
    central: r.runIds.map((id, s) => {
      const range = runRange(r, s);
      return {
        id,
        total: yuan(range.central, t0),
        programs: programs(r.central[s]!),
        range: {
          low: yuan(range.low, t0),
          high: yuan(range.high, t0),
          method: RANGE_METHOD,
          // a scenario's Δ against the baseline, its range (as simulate --ranges gives total_annual_cost_range.delta)
          ...(s ? { delta: (({ low, high }) => ({ low: yuan(low, t0), high: yuan(high, t0) }))(deltaRange(r, s)) } : {}),
        },
      };
    }),
    estimates: rs.map((row) => ({
      path: row.axis.path,
      ...(row.axis.targets.length > 1 || row.axis.rate ? { paths: row.axis.targets.map((t) => t.path) } : {}),
      // (a projection line's yearly rate: the projection, its line as `path`, the parameters it grows as `paths`)
      ...(row.axis.rate ? { projection: row.axis.rate.projection } : {}),
      kind: row.axis.kind,
      from: row.axis.entry.from,
      central: row.central,
      low: row.low,
      high: row.high,
      ...(row.axis.kind === 'choice' ? { values: row.axis.entry.range!.values!.map((v) => patchText(row.axis, { value: v })) } : {}),
      ...(row.axis.kind === 'start_date' ? { window: row.axis.entry.range!.from } : {}),
      basis: row.axis.basis,
      estimate: row.axis.entry.estimate,
      total_low: yuan(row.runs[0]!.lo, t0),
      total_high: yuan(row.runs[0]!.hi, t0),
      swing: yuan(row.swing, t0),
      programs: Object.fromEntries(
        PROGRAMS.map((p, i) => [p.id, { low: yuan(cost(row.runs[0]!.loT, i), t0), high: yuan(cost(row.runs[0]!.hiT, i), t0) }]),
      ),
      scenarios: row.runs.slice(1).map((x, k) => {
        const base = row.runs[0]!;
        const d = [x.c - base.c, x.lo - base.lo, x.hi - base.hi];
        return {
          id: r.runIds[k + 1],
          total_low: yuan(x.lo, t0),
          total_high: yuan(x.hi, t0),
          delta_central: yuan(d[0]!, t0),
          delta_low: yuan(d[1]!, t0),
          delta_high: yuan(d[2]!, t0),
          delta_swing: yuan(max(d) - min(d), t0),
        };
      }),
    })),
    ...(r.draws ? { draws: drawsJson(r) } : {}),
    ...(r.refused
      ? { left_out: { corners: r.refused.corners, draws: r.refused.draws, rules: r.refused.rules, why: refusedWords(r.refused) } }
      : {}),
  };
}

/**
 * A report's note where its ranges (--ranges) left joint corners or draws out: said as jiuzhu sensitivity says it (a
 * budget officer's trial: --ranges left them out without a word). `where`: the locality (or the year), where a report
 * has several, as each language says it.
 */
export function leftOutNotes(
  r: SensitivityResult | null | undefined,
  where: { readonly en: string; readonly zh: string } = { en: '', zh: '' },
  lang?: Lang,
): string[] {
  if (!r?.refused) return [];
  return [
    lang === 'zh' ? `注：区间${where.zh}：${refusedWords(r.refused, lang)}` : `note: the ranges${where.en}: ${refusedWords(r.refused)}`,
  ];
}

/** Each locality's ranges' joint corners left out, said with its id where there are several (compare, report). */
export function localitiesLeftOut(
  localities: ReadonlyArray<{ readonly policy: { readonly id: string } }>,
  ranges: ReadonlyArray<SensitivityResult | null> | null,
  lang?: Lang,
): string[] {
  const many = localities.length > 1;
  const where = (id: string) => (many ? { en: ` in ${id}`, zh: `（${id}）` } : undefined);
  return localities.flatMap((l, i) => leftOutNotes(ranges?.[i], where(l.policy.id), lang));
}

const PCT = [5, 50, 95] as const;

function drawsJson(r: SensitivityResult): object {
  const d = r.draws!;
  const t0 = r.central[0]!;
  const pcts = (xs: bigint[]) => Object.fromEntries(PCT.map((p) => [`p${p}`, yuan(percentile(xs, p), t0)]));
  return {
    n: d.n,
    seed: d.seed,
    method: 'every estimate drawn at once, uniform within its range; nearest-rank percentiles of the annual cost',
    runs: r.runIds.map((id, s) => ({
      id,
      // (where the central values' total lies among the draws: how many cost more)
      central: yuan(cost(r.central[s]!), t0),
      draws_above_central: d.totals.filter((ts) => cost(ts[s]!) > cost(r.central[s]!)).length,
      total: pcts(d.totals.map((ts) => cost(ts[s]!))),
      programs: Object.fromEntries(PROGRAMS.map((p, i) => [p.id, pcts(d.totals.map((ts) => cost(ts[s]!, i)))])),
      ...(s ? { delta: pcts(d.totals.map((ts) => cost(ts[s]!) - cost(ts[0]!))) } : {}),
    })),
  };
}

/** One row per estimate × end × run × program (and the total): the figures behind every chart. */
export function sensitivityCsv(rep: SensitivityReport): string {
  const r = rep.result;
  const t0 = r.central[0]!;
  const out = ['path,kind,end,value,scenario,program,annual_cost'];
  // The total first, then each program: costOf(undefined) is the total, costOf(i) program i's.
  const programs: ReadonlyArray<readonly [string, number | undefined]> = [
    ['total', undefined],
    ...PROGRAMS.map((p, i) => [p.id, i] as const),
  ];
  const rows = (path: string, kind: string, end: string, value: string, s: number, costOf: (program?: number) => bigint) => {
    for (const [program, i] of programs) out.push([path, kind, end, value, r.runIds[s], program, yuan(costOf(i), t0)].join(','));
  };
  const emit = (path: string, kind: string, end: string, value: string, t: Totals, s: number) =>
    rows(path, kind, end, value, s, (i) => cost(t, i));
  r.central.forEach((t, s) => emit('', 'central', 'central', '', t, s));
  // the draws' percentiles (--draws): end p5 | p50 | p95
  if (r.draws)
    r.runIds.forEach((_, s) => {
      const ts = r.draws!.totals.map((x) => x[s]!);
      for (const q of PCT)
        rows('', 'draws', `p${q}`, '', s, (i) =>
          percentile(
            ts.map((t) => cost(t, i)),
            q,
          ),
        );
    });
  for (const { axis, ends } of r.axes)
    ends.forEach((e, k) =>
      e.totals.forEach((t, s) =>
        emit(axis.path, axis.kind, axis.kind === 'choice' ? 'value' : k ? 'high' : 'low', csvText(patchText(axis, e.patch)), t, s),
      ),
    );
  return out.join('\n') + '\n';
}
const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const unitOf = (rep: SensitivityReport) => rep.unit ?? 'yuan';
const money = (rep: SensitivityReport, v: bigint) => inUnit(yuan(v, rep.result.central[0]!), unitOf(rep));
/** A change with its sign; no change `0`, as simulate's, compare's and the report's Δ and Δ ranges give it (it read `±0.00`). */
const signedMoney = (rep: SensitivityReport, v: bigint) => (v === 0n ? '0' : `${v < 0n ? '−' : '+'}${money(rep, v < 0n ? -v : v)}`);
const BAR = 20;

/** A tornado bar: the fall to the left of the centre line, the rise to its right, scaled to the largest swing. */
function tornado(down: bigint, up: bigint, scale: bigint): string {
  const cells = (v: bigint) => (scale === 0n ? 0 : Number((v * BigInt(BAR) + scale / 2n) / scale));
  const [l, r] = [Math.min(BAR, cells(-down)), Math.min(BAR, cells(up))];
  return `${' '.repeat(BAR - l)}${chalk.green('█'.repeat(l))}┃${chalk.red('█'.repeat(r))}${' '.repeat(BAR - r)}`;
}

export function sensitivityTable(rep: SensitivityReport): string {
  const r = rep.result;
  const rs = rows(r);
  const moving = rs.filter((x) => x.swing > 0n);
  const range = runRange(r);
  const lang = rep.lang;
  const head = headWords(
    population(rep),
    unitOf(rep),
    { central: money(rep, range.central), low: money(rep, range.low), high: money(rep, range.high) },
    lang,
  );
  const out = [
    chalk.bold(
      // (the 中文 name alone in Chinese: both, and the budget year's words, ran past 80 columns)
      `sensitivity 敏感性分析 — ${lang === 'zh' ? `${rep.policy.name.zh}，` : `${rep.policy.name.zh} ${rep.policy.name.en}, `}${whenWords(r.when, false, lang)}`,
    ),
    chalk.dim(head.sub),
    '',
    ...head.lines,
    chalk.dim(head.how),
    ...countWords(
      rs.length,
      rs.filter((x) => x.swing === 0n).map((x) => x.axis.path),
      lang,
    ),
    '',
  ];
  const scale = moving[0]?.swing ?? 0n;
  moving.forEach((row, i) => {
    const x = row.runs[0]!;
    const range = valuesWords(
      {
        ...row,
        options: row.axis.kind === 'choice' ? row.axis.entry.range!.values!.map((v) => patchText(row.axis, { value: v })) : undefined,
        start: row.axis.kind === 'start_date',
      },
      lang,
    );
    const head = `${String(i + 1).padStart(2)}. ${estimateName(label(row.axis), row.axis, lang)}`;
    // (the values on a line of their own where the name leaves them too little room: a 中文 name before the code cut
    // "0.1; 0.05 → 0.15" to "0.1; 0.05 …")
    if (displayWidth(head) + displayWidth(range) + 2 <= 80) out.push(chalk.bold(head) + chalk.dim(`  ${range}`));
    else out.push(chalk.bold(truncate(head, 80)), chalk.dim(truncate(`     ${range}`, 80)));
    out.push(
      `    ${tornado(min([0n, x.lo - x.c, x.hi - x.c]), max([0n, x.lo - x.c, x.hi - x.c]), scale)}  ${signedMoney(rep, x.lo - x.c)} / ${signedMoney(rep, x.hi - x.c)}`,
    );
  });
  if (moving.length) out.push(chalk.dim(barsWords(chalk.level > 0, lang)));
  if (rs.some((row) => row.axis.path === 'take_up.dibao')) out.push(...takeUpDibaoWords(lang).map((l) => chalk.dim(l)));
  if (rs.some((row) => row.axis.path === 'take_up.disability')) out.push(...takeUpDisabilityWords(lang).map((l) => chalk.dim(l)));
  for (let s = 1; s < r.runIds.length; s++) {
    const d = scenarioDelta(rep, s);
    out.push(
      '',
      chalk.bold(d.head),
      `  ${d.range}`,
      `  ${d.summary}`,
      ...d.most.map((m) => {
        // (in Chinese the name, then the code where 80 columns hold both: the code in Markdown and JSON)
        const line = `    ${m.name ? `${m.name} ` : ''}${m.label}${rep.lang === 'zh' ? '：' : ': '}${m.range}`;
        return displayWidth(line) <= 80 || !m.name ? line : `    ${m.name}：${m.range}`;
      }),
    );
  }
  if (r.draws) out.push('', ...drawsLines(rep));
  if (r.refused) out.push('', chalk.yellow(`${lang === 'zh' ? '注：' : 'note: '}${refusedWords(r.refused, lang)}`));
  out.push('', ...wrapLine(roundingWords(lang), 80).map((l) => chalk.dim(l)), chalk.dim(whereMoreWords(lang)));
  return out.join('\n') + '\n';
}

/**
 * A scenario's Δ against the baseline under the central values, and how far each estimate alone moves it (the table and
 * Markdown alike: Markdown had left the scenarios out, a cross-format audit).
 */
function scenarioDelta(
  rep: SensitivityReport,
  s: number,
): { head: string; range: string; summary: string; most: Array<{ label: string; name: string; range: string }> } {
  const r = rep.result;
  const deltas = rows(r).map((row) => {
    const [b, x] = [row.runs[0]!, row.runs[s]!];
    const d = [x.c - b.c, x.lo - b.lo, x.hi - b.hi];
    return { row, lo: min(d), hi: max(d), c: d[0]! };
  });
  const c = deltas[0]?.c ?? cost(r.central[s]!) - cost(r.central[0]!);
  const top = [...deltas].sort((a, b) => (b.hi - b.lo > a.hi - a.lo ? 1 : b.hi - b.lo < a.hi - a.lo ? -1 : 0)).filter((d) => d.hi > d.lo);
  const all = deltaRange(r, s);
  const words = scenarioDeltaWords(
    r.runIds[s]!,
    { central: signedMoney(rep, c), low: signedMoney(rep, all.low), high: signedMoney(rep, all.high) },
    top.length ? { low: signedMoney(rep, min(deltas.map((d) => d.lo))), high: signedMoney(rep, max(deltas.map((d) => d.hi))) } : null,
    rep.lang,
  );
  return {
    ...words,
    most: top.slice(0, 5).map((d) => ({
      label: label(d.row.axis),
      name: estimateName('', d.row.axis, rep.lang).trim(),
      range: `${signedMoney(rep, d.lo)} … ${signedMoney(rep, d.hi)}`,
    })),
  };
}

function drawsLines(rep: SensitivityReport): string[] {
  const r = rep.result;
  const d = r.draws!;
  const out = [chalk.bold(drawsWords.title(d.n, d.seed, rep.lang))];
  for (let s = 0; s < r.runIds.length; s++) {
    const ts = d.totals.map((x) => x[s]!);
    const p = (xs: bigint[]) => PCT.map((q) => `p${q} ${money(rep, percentile(xs, q))}`).join(' · ');
    out.push(drawsWords.total(r.runIds[s]!, p(ts.map((t) => cost(t))), rep.lang));
    out.push(
      `    ${centralAmongDraws(
        money(rep, cost(r.central[s]!)),
        cost(r.central[s]!),
        ts.map((t) => cost(t)),
        rep.lang,
      )}`,
    );
    if (s) out.push(drawsWords.delta(p(d.totals.map((x) => cost(x[s]!) - cost(x[0]!))), rep.lang));
  }
  return out;
}

export function sensitivityMarkdown(rep: SensitivityReport): string {
  const r = rep.result;
  const range = runRange(r);
  const lang = rep.lang;
  const header = markdownHeader(unitOf(rep));
  const body = rows(r).map((row) => [
    estimateName(`\`${label(row.axis)}\``, row.axis, lang),
    row.central,
    // (an estimate with nothing to vary — a start date whose window lies wholly before the date — has no ends: its
    // central value twice read as two ends, a researcher's trial)
    row.varied ? row.low : '—',
    row.varied ? row.high : '—',
    money(rep, row.runs[0]!.lo),
    money(rep, row.runs[0]!.hi),
    money(rep, row.swing),
    row.axis.basis,
  ]);
  return [
    `### jiuzhu sensitivity — ${rep.policy.name.zh} ${rep.policy.name.en}${lang === 'zh' ? '，' : ', '}${whenWords(r.when, true, lang)}`,
    '',
    ...(rep.projection ? [`${population(rep)}${lang === 'zh' ? '。' : '.'}`, ''] : []),
    markdownTotalWords(unitOf(rep), money(rep, range.central), money(rep, range.low), money(rep, range.high), lang),
    '',
    markdownTable(header, body, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']),
    ...r.runIds.slice(1).flatMap((_, k) => {
      const d = scenarioDelta(rep, k + 1);
      return [
        '',
        `#### ${d.head} ${lang === 'zh' ? `（${unitWords(unitOf(rep), lang)}）` : `(${UNIT_LABEL[unitOf(rep)]})`}`,
        '',
        `${d.range}${lang === 'zh' ? '。' : '.'}`,
        '',
        d.summary,
        ...d.most.map((m) => `- ${m.name ? `${m.name} ` : ''}\`${m.label}\`${lang === 'zh' ? '：' : ': '}${m.range}`),
      ];
    }),
    ...(r.draws ? ['', ...drawsLines(rep).map((l) => l.replace(/^\s*/, '- '))] : []),
    ...(r.refused ? ['', `> ${lang === 'zh' ? '注：' : 'Note: '}${refusedWords(r.refused, lang)}`] : []),
    '',
    roundingMarkdown(lang),
    '',
  ].join('\n');
}
