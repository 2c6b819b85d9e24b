// explain --projection: the household's register (on_dibao, prior_dibao) as simulate --year has it at the date — after
// the years a budget year runs first (burn-in.ts: its January), and after the year's own months before the date's
// period (a household paid dibao in a period is on the register in the next; one that left is off it: year-exit.ts
// registeredAt). With it, explain of a date inside a budget year gives what the year's row for that period gives.
import { carryExits, periodRuns, periodsOf } from '../core/budget-year.js';
import { fenToYuan } from '../core/money.js';
import type { Population } from '../core/population.js';
import type { HouseholdResult } from '../core/programs/context.js';
import type { Projection } from '../core/projection.js';
import { simulateRange } from '../core/simulate.js';
import { registeredAt, type ExitCarry } from '../core/year-exit.js';
import type { Lang } from '../report/lang.js';
import { burnIn, inTurn, populationsOf } from './burn-in.js';
import type { Ctx } from './context.js';
import { withExecutor, type LoadedRun } from './load.js';

/** The years a budget year runs first (cli/burn-in.ts), run on the file: each run's register at the year's January. */
export async function registersAt(ctx: Ctx, base: Population, p: Projection, year: number, runs: readonly LoadedRun[]) {
  const central = runs.map((r) => r.snapshot.policy);
  return withExecutor(ctx, (exec) => burnIn(exec, populationsOf(base, p), p, year, central, inTurn(central.length, base.householdCount)));
}

/** The household's register as a carry has it: on dibao at its amount, or off (its exit still paying aside). */
export function withRegister(pop: Population, h: number, carry: ExitCarry): Population {
  return registered(pop, h, carry.state[h] === 0 ? carry.amount[h]! : 0);
}

/** The population with household h on dibao at `amount` fen a month (> 0), or off it (0). */
function registered(pop: Population, h: number, amount: number): Population {
  const onDibao = pop.onDibao.slice();
  const prior = pop.prior.slice();
  onDibao[h] = amount > 0 ? 1 : 0;
  prior[h] = amount > 0 ? amount : 0;
  return { ...pop, onDibao, prior };
}

/**
 * Each run's population with household h's register at the date's period of its budget year, where the date is not
 * in the year's first period: the periods before it run on the household from its January register (`carried`, the
 * years run first; null: the file's), as simulate --year runs them. Null for a run whose date is in its first period.
 */
export function registersInYear(
  pop: Population,
  h: number,
  runs: readonly LoadedRun[],
  date: string,
  carried: readonly ExitCarry[] | null,
): Array<Population | null> {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const periods = runs.map((r) => periodsOf(r.snapshot.policy, year));
  const flat = carryExits(
    periods.flatMap((p, k) => periodRuns(p, `run${k}`, k)),
    carried,
    null,
  );
  // by run: the index in `flat` of the date's period (none where it is the first)
  const starts = periods.map((_, k) => periods.slice(0, k).reduce((n, p) => n + p.length, 0));
  const at = periods.map((p, k) => {
    const j = p.findIndex((q) => q.months.includes(month));
    return j > 0 ? starts[k]! + j : -1;
  });
  const amount: number[] = runs.map(() => 0);
  const results: Array<HouseholdResult | null> = flat.map(() => null);
  const kinds = flat.map((r) => r.period);
  simulateRange(pop, flat, h, h + 1, (_, i, r) => {
    results[i] = r;
    const k = at.indexOf(i + 1);
    if (k >= 0) amount[k] = registeredAt(i + 1, kinds, results, h);
  });
  return runs.map((_, k) => (at[k]! < 0 ? null : registered(pop, h, amount[k]!)));
}

/**
 * A projected year after years a budget year runs first: the household's register at the year's January, as simulate
 * --year has it, beside the file's; and at the date's period, where the year's earlier months change it.
 */
export function registerNote(
  ran: { readonly years: readonly number[] } | null,
  /** The file's register, January's (after the years run first) and the date's (after the year's earlier months). */
  pops: { readonly file: Population; readonly january: Population; readonly at: Population },
  h: number,
  date: string,
  lang: Lang,
  /** The household was described (--describe): its register is as described, not a file's. */
  described: boolean,
): string[] {
  const year = Number(date.slice(0, 4));
  const zh = lang === 'zh';
  const reg = (p: Population) =>
    p.onDibao[h]
      ? zh
        ? `在保（每月 ${fenToYuan(p.prior[h]!)}）`
        : `on dibao (${fenToYuan(p.prior[h]!)} a month)`
      : zh
        ? '不在保'
        : 'off dibao';
  const alike = (a: Population, b: Population) => a.onDibao[h] === b.onDibao[h] && (!b.onDibao[h] || a.prior[h] === b.prior[h]);
  const { file, january, at } = pops;
  const notes: string[] = [];
  if (ran) {
    const span = ran.years.length > 1 ? `${ran.years[0]}–${ran.years.at(-1)}` : String(ran.years[0]);
    const same = alike(file, january);
    notes.push(
      zh
        ? `注：该户 ${year} 年 1 月的在保登记按 simulate --year ${year} 先行运行 ${span} 年后所得：${reg(january)}${same ? `，与${described ? '所述' : '文件'}相同` : `（${described ? '所述' : '文件'}：${reg(file)}）`}`
        : `note: the household's register in January ${year} is as simulate --year ${year} has it after running ${span} first: ${reg(january)}${same ? `, as ${described ? 'described' : 'in the file'}` : ` (${described ? 'as described' : 'the file'}: ${reg(file)})`}`,
    );
  }
  if (!alike(january, at))
    notes.push(
      zh
        ? `注：${date} 所在时段的在保登记按 simulate --year ${year} 本年此前各月所得：${reg(at)}（1 月：${reg(january)}）`
        : `note: at ${date} the household's register is as simulate --year ${year} leaves it after the year's earlier months: ${reg(at)} (in January: ${reg(january)})`,
    );
  if (notes.length)
    notes.push(
      zh
        ? `注：一个日期的规则：本年内的其他变化（如 4 月调标）及仍在支付的渐退见 simulate --year ${year} --per-household`
        : `note: one date's rules: the year's other months (a raise in April) and an exit still paying are simulate --year ${year} --per-household's`,
    );
  return notes;
}
