// The budget year (a calendar year): each month evaluated with the parameters in force on its first day; months
// with the same parameters form one period, evaluated once. A period's one-date year (12 × a monthly amount; a
// grant or a premium once; a gradual exit's months) counts for its months: the year's cost is Σ period year ×
// months / 12 — a standard raised on 1 April counts 3 months old and 9 new. Counts are the average month's.
import { Totals } from './aggregate.js';
import { PARAMS } from './parameters/schema.js';
import { resolve, valueToJson, valueToText, type Policy, type Snapshot } from './parameters/tree.js';
import { compileRules, type Rules } from './rules.js';

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
    const source = entry?.scenario
      ? `scenario ${entry.scenario}`
      : entry?.source && `${entry.source}${entry.clause ? ` ${entry.clause}` : ''}`;
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

/** The year from each period's one-date totals: Σ totals × months, read in twelfths (Totals.per = 12). */
export function yearTotals(periods: readonly Period[], totals: readonly Totals[]): Totals {
  const year = new Totals();
  year.per = 12;
  periods.forEach((p, i) => {
    const t = totals[i]!.times(p.months.length);
    t.per = 12;
    year.merge(t);
  });
  // Rows read once, not once per period.
  year.householdRows = totals[0]!.householdRows;
  year.personRows = totals[0]!.personRows;
  return year;
}

/** A period's totals read as one of its months (its year ÷ 12). */
export function monthTotals(periodTotals: Totals): Totals {
  const t = periodTotals.times(1);
  t.per = 12;
  return t;
}
