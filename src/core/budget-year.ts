// The budget year (a calendar year): each month evaluated with the parameters in force on its first day; months
// with the same parameters form one period, evaluated once. A period's one-date year (12 × a monthly amount; a
// grant or a premium once) counts for its months: the year's cost is Σ period year × months / 12 — a standard raised
// on 1 April counts 3 months old and 9 new. Counts are the average month's. A gradual exit counts in the months it is
// paid (year-exit.ts).
import { Totals, type ExactSum, type ProgramSums } from './aggregate.js';
import { PARAMS } from './parameters/schema.js';
import { readsRegister } from './programs/index.js';
import { madeBy, resolve, str, valueToJson, valueToText, type Policy, type Snapshot } from './parameters/tree.js';
import { compileRules, type Rules } from './rules.js';
import type { Run } from './simulate.js';
import { EXIT, type ExitCarry } from './year-exit.js';

export interface Period {
  /** The months (1–12) it covers, consecutive. */
  readonly months: readonly number[];
  /** Its first day, YYYY-MM-01. */
  readonly from: string;
  readonly snapshot: Snapshot;
  readonly rules: Rules;
}

/** A parameter that changes inside the year: on `date` (a month's first day) from `before` to `after`. */
export interface Change {
  readonly path: string;
  readonly date: string;
  readonly before: string;
  readonly after: string;
  /**
   * The new value's own date in the policy, when it is not `date`: a value from a month's middle counts from the next
   * month's first day (the year's months are whole), and the reader is told so.
   */
  readonly dated?: string;
  /** Where the new value comes from: the policy's source id and clause, or the scenario that set it. */
  readonly source?: string;
}

const monthStart = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}-01`;

/** What a snapshot's values are, as one comparable key. */
function valuesKey(s: Snapshot): string {
  return JSON.stringify(PARAMS.map((spec) => valueToJson(s.values.get(spec.path)!.value, spec)));
}

const REGISTER_PARAMS = PARAMS.filter((spec) => readsRegister(spec.path));

/**
 * A policy's year, month by month, in what decides the register it carries into the next (programs/index.ts
 * readsRegister): two policies with one key for a year carry the same register out of it, from the same one in.
 */
export function registerKey(policy: Policy, year: number): string {
  return JSON.stringify(
    Array.from({ length: 12 }, (_, m) => {
      const s = resolve(policy, monthStart(year, m + 1));
      return REGISTER_PARAMS.map((spec) => valueToJson(s.values.get(spec.path)!.value, spec));
    }),
  );
}

/** The year's months grouped into periods of identical parameters (consecutive months only). */
export function periodsOf(policy: Policy, year: number): Period[] {
  const periods: Array<{ months: number[]; from: string; snapshot: Snapshot; key: string }> = [];
  for (let m = 1; m <= 12; m++) {
    const snapshot = resolve(policy, monthStart(year, m));
    const key = valuesKey(snapshot);
    const last = periods.at(-1);
    if (last && last.key === key) last.months.push(m);
    else periods.push({ months: [m], from: monthStart(year, m), snapshot, key });
  }
  return periods.map(({ months, from, snapshot }) => ({ months, from, snapshot, rules: compileRules(snapshot) }));
}

/** Every parameter whose value changes between the year's periods. */
export function changesIn(periods: readonly Period[]): Change[] {
  return periods.slice(1).flatMap((p, i) => snapshotChanges(periods[i]!.snapshot, p.snapshot, p.from));
}

/** Every parameter whose value differs between two snapshots, `date` the later one's. */
export function snapshotChanges(a: Snapshot, b: Snapshot, date: string): Change[] {
  const out: Change[] = [];
  for (const spec of PARAMS) {
    const [x, y] = [a.values.get(spec.path)!.value, b.values.get(spec.path)!.value];
    if (JSON.stringify(valueToJson(x, spec)) === JSON.stringify(valueToJson(y, spec))) continue;
    const entry = b.values.get(spec.path)!.entry;
    const dated = entry?.from;
    const source = entry?.scenario ? madeBy(entry) : entry?.source && `${entry.source}${entry.clause ? ` ${entry.clause}` : ''}`;
    out.push({
      path: spec.path,
      date,
      before: valueToText(x, spec),
      after: valueToText(y, spec),
      ...(dated && dated !== date && dated > a.date ? { dated } : {}),
      ...(source ? { source } : {}),
    });
  }
  return out;
}

/**
 * The runs of a year's periods, consecutive, ids `${id}@${from}` (year-exit.ts reads them as one year); `of`: which of
 * the baseline and scenarios they are or vary (whose gradual exits a window's next year carries on: carryExits).
 */
export function periodRuns(periods: readonly Period[], id: string, of?: number): Run[] {
  return periods.map((p) => ({
    id: `${id}@${p.from}`,
    rules: p.rules,
    period: {
      first: p.months[0]!,
      months: p.months.length,
      aidIsDibao: str(p.snapshot, 'rigid.aid_group') === 'dibao',
      ...(of === undefined ? {} : { of }),
    },
  }));
}

/**
 * A window's year's period runs with the households' exits carried in from the year before (`from`, by run: the
 * baseline's, each scenario's) and out to the next (`to`; none for a sensitivity run, which carries in its run's).
 */
export function carryExits(runs: readonly Run[], from: readonly ExitCarry[] | null, to: readonly ExitCarry[] | null): Run[] {
  return runs.map((r) => {
    const k = r.period?.of;
    if (k === undefined || (!from && !to)) return r;
    return { ...r, period: { ...r.period!, carry: { ...(from ? { from: from[k]! } : {}), ...(to ? { to: to[k]! } : {}) } } };
  });
}

/**
 * The year from each period's one-date totals: Σ totals × months, read in twelfths (Totals.per = 12); the gradual exit
 * from what its months pay (Totals.exitMonths: year-exit.ts).
 */
export function yearTotals(periods: readonly Period[], totals: readonly Totals[]): Totals {
  const year = new Totals();
  year.per = 12;
  periods.forEach((p, i) => {
    const t = totals[i]!.times(p.months.length);
    t.per = 12;
    year.merge(t);
  });
  // the gradual exit from what its months pay: households and persons the average month's, the cost the year's
  const sum = (get: (s: ProgramSums) => ExactSum) => (year.exitMonths ?? []).reduce((a, s) => a + get(s).value(), 0n);
  year.setProgram(
    EXIT,
    sum((s) => s.households),
    sum((s) => s.persons),
    12n * sum((s) => s.cost),
  );
  // Rows read once, not once per period.
  year.householdRows = totals[0]!.householdRows;
  year.personRows = totals[0]!.personRows;
  year.priorOffDibao = totals[0]!.priorOffDibao;
  year.priorAboveMost = totals[0]!.priorAboveMost;
  return year;
}

/** Months of a period that pay alike (a gradual exit's months end inside a period), with their month's totals. */
export interface MonthSpan {
  readonly months: readonly number[];
  /** Its first day, YYYY-MM-01. */
  readonly from: string;
  readonly snapshot: Snapshot;
  /** One of its months: the period's year ÷ 12, the gradual exit's what the month pays (Totals.per = 12). */
  readonly month: Totals;
}

/** The year's months in spans that pay alike: each period, cut where what its gradual exit pays changes. */
export function monthSpans(periods: readonly Period[], totals: readonly Totals[]): MonthSpan[] {
  const out: MonthSpan[] = [];
  periods.forEach((p, i) => {
    const t = totals[i]!;
    const paid = (m: number) => t.exitMonths?.[m - 1];
    const alike = (a: number, b: number) =>
      (['households', 'persons', 'cost'] as const).every((k) => (paid(a)?.[k].value() ?? 0n) === (paid(b)?.[k].value() ?? 0n));
    let span: number[] = [];
    const close = () => {
      const month = t.times(1);
      month.per = 12;
      const e = paid(span[0]!);
      month.setProgram(EXIT, e?.households.value() ?? 0n, e?.persons.value() ?? 0n, 12n * (e?.cost.value() ?? 0n));
      out.push({ months: span, from: `${p.from.slice(0, 5)}${String(span[0]).padStart(2, '0')}-01`, snapshot: p.snapshot, month });
      span = [];
    };
    for (const m of p.months) {
      if (span.length && !alike(span[0]!, m)) close();
      span.push(m);
    }
    close();
  });
  return out;
}
