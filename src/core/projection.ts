// Projections over several years (中期财政规划): a declarative file of yearly growth — of money parameters (standards,
// wages, incomes, subsidies) by path or prefix, of households' incomes and of the population — applied to a base
// year's policy and households. Policies and populations are derived, never changed: a projected year's values are
// dated on 1 January and cite the projection; a value the policy publishes for that year is kept (it is not an
// assumption). Money is rounded half up to the fen, weights to the millionth.
import { COLUMNS, type ColumnDef } from './columns.js';
import { D, type Dec } from './money.js';
import { covers } from './programs/step.js';
import { PARAMS } from './parameters/schema.js';
import type { DatedValue, GrowthRate, Policy, RateRange } from './parameters/tree.js';
import type { Population } from './population.js';
import { fastRecord } from './records.js';
import type { Where } from '../errors.js';

export interface Growth {
  /** A canonical path, or a prefix ending in "." (every money parameter under it). */
  readonly read: string;
  /** A year's growth, e.g. 0.035. */
  readonly yearly: Dec;
  /** The month each year's raise takes effect, on its 1st (1: January; Nanning raised its standards on 1 April 2022). */
  readonly month?: number;
  /** Its source or estimate basis. */
  readonly basis: string;
  /** How far an estimated rate could be off (sensitivity and --ranges vary it). */
  readonly range?: RateRange;
  readonly where: Where;
}

export interface Projection {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly description?: string;
  readonly file: string;
  /** The last year of published values and of the households file: growth applies from the next year on. */
  readonly baseYear: number;
  readonly uprate: readonly Growth[];
  /** Every person's wage and other income, a year; and every household's weight. */
  readonly incomes: { readonly yearly: Dec; readonly basis: string };
  readonly population: { readonly yearly: Dec; readonly basis: string };
  /**
   * Household money columns grown each at its own rate (the file's `households:`): rigid_expenditure, emergency_need,
   * financial_assets. Money of the same file as the incomes: grown from the same year (incomesFrom). Absent: none.
   */
  readonly households?: readonly ColumnGrowth[];
  /** The policies (ids) whose locality the rates were made for; absent: any. */
  readonly localities?: readonly string[];
  /**
   * The year the households' incomes are of, where it is not base_year (--incomes-year: a population generated from a
   * profile of 2021 under a projection from 2025): incomes grow from it at the incomes' rate, each year to the one run.
   */
  readonly incomesYear?: number;
}

/** A household column a projection grows at its own rate (Projection.households). */
export interface ColumnGrowth {
  /** The column's name (core/columns.ts). */
  readonly column: string;
  readonly yearly: Dec;
  readonly basis: string;
  readonly where: Where;
}

/** The year the households' incomes are grown from: --incomes-year, or base_year. */
export const incomesFrom = (p: Pick<Projection, 'baseYear' | 'incomesYear'>): number => p.incomesYear ?? p.baseYear;

/** Whether the projection's rates were made for another locality than the policy's (its `localities` name others). */
export const madeForOthers = (p: Projection, policyId: string): boolean => !!p.localities && !p.localities.includes(policyId);

/**
 * The money parameters a growth of the projection grows: those it covers that no more specific growth covers (a path
 * named alone, or a longer prefix, has its own rate whatever the order of the lines: `dibao.standard.` at 3 % and
 * `dibao.standard.urban` at 5 % grow the urban standard 5 %, the rural 3 %).
 */
export function pathsOf(g: Pick<Growth, 'read'>, all: ReadonlyArray<Pick<Growth, 'read'>> = [g]): string[] {
  return PARAMS.filter((p) => p.kind.type === 'money' && covers(g.read, p.path) && growthOf(all, p.path) === g).map((p) => p.path);
}

/** The growth that grows a path: the most specific that covers it (its read the longest), or none. */
export function growthOf<G extends Pick<Growth, 'read'>>(all: readonly G[], path: string): G | undefined {
  let best: G | undefined;
  for (const g of all) if (covers(g.read, path) && (!best || g.read.length > best.read.length)) best = g;
  return best;
}

/** The policy with every uprated value grown, year by year, from the base year up to `last`. */
export function projectPolicy(policy: Policy, p: Projection, last: number): Policy {
  const params = new Map(policy.params);
  for (const g of p.uprate) {
    const rate: GrowthRate = {
      projection: p.id,
      read: g.read,
      yearly: g.yearly,
      ...(g.range ? { range: g.range } : {}),
      basis: g.basis,
      where: g.where,
    };
    for (const path of pathsOf(g, p.uprate)) {
      const history = [...(params.get(path) ?? [])];
      const held = heldEntry(history, p, g);
      if (held) history.splice(insertAt(history, held.from), 0, held);
      for (let y = p.baseYear + 1; y <= last; y++) {
        if (history.some((e) => e.from >= `${y}-01-01` && e.from <= `${y}-12-31`)) continue; // published for that year: kept
        const month = g.month ?? 1;
        const start = `${y}-${String(month).padStart(2, '0')}-01`;
        // (in force the day before: the last value dated before the raise's first day)
        const before = history.filter((e) => e.from < start).at(-1);
        if (!before) continue;
        const grow = (x: Dec) => growBy(x, [g.yearly]);
        const value = grow(before.value as Dec);
        // An estimate's range grows with it: how far the grown value could be off is how far the value it grew from
        // could be (simulate --years --ranges varies it).
        const r = before.range;
        const range =
          r?.low !== undefined && r.high !== undefined
            ? { low: grow(r.low as Dec), high: grow(r.high as Dec), basis: grownBasis(r.basis, p.id) }
            : undefined;
        const entry: DatedValue = {
          from: start,
          value,
          estimate: `${p.id}: ${g.basis}`,
          ...(range ? { range } : {}),
          scenario: p.id,
          projected: true,
          grown: { from: before.grown?.from ?? before.from, steps: [...(before.grown?.steps ?? []), g.yearly], rate },
          where: g.where,
        };
        history.splice(history.findIndex((e) => e.from > start) >>> 0, 0, entry);
        history.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      }
      params.set(path, history);
    }
  }
  return { ...policy, params };
}

/** Where an entry dated `from` goes in a history sorted by date (after any of the same date). */
const insertAt = (history: readonly DatedValue[], from: string): number => {
  const i = history.findIndex((e) => e.from > from);
  return i < 0 ? history.length : i;
};

/**
 * The value a policy last gives before base_year, taken as unchanged up to it (policy-notes.ts says so), as an estimate
 * on base_year's 1 January where the line's rate has a range: the same value, from no raise in the years without one
 * (low) to a raise at the range's high in each of them (high) — sensitivity and --ranges vary it, and every value grown
 * from it moves with it. A finance-bureau trial: Nanning's newest standards are of 2022; grown from 2022 rather than held
 * to 2025, its 2027 baseline moved 23 %, and no range carried it. Null where the value is of base_year (or after), where
 * a projection made it, where it has a range of its own, or where the line's rate has none.
 */
export function heldEntry(history: readonly DatedValue[], p: Pick<Projection, 'id' | 'baseYear'>, g: Growth): DatedValue | null {
  const end = `${p.baseYear}-12-31`;
  const last = history.filter((e) => e.from <= end).at(-1);
  // (an estimate with a range of its own already says how far the value it holds could be: Nanning's disability subsidy
  // 122, ranged 122–135 for raises up to 2026)
  if (!g.range || !last || last.projected || last.range?.high !== undefined || last.from >= `${p.baseYear}-01-01`) return null;
  const years = wholeYears(last.from, end);
  if (years < 1) return null;
  const since = `${Number(last.from.slice(0, 4)) + 1}`;
  const span = since === String(p.baseYear) ? since : `${since}–${p.baseYear}`;
  const high = growBy(last.value as Dec, Array<Dec>(years).fill(g.range.high));
  const cited = last.source ? `${last.source}${last.clause ? ` ${last.clause}` : ''}` : `estimate: ${last.estimate ?? 'as given'}`;
  return {
    from: `${p.baseYear}-01-01`,
    value: last.value,
    // (its source, as the value's: a projected year's Estimates and Parameters sheets cite where it came from)
    ...(last.source ? { source: last.source } : {}),
    ...(last.clause ? { clause: last.clause } : {}),
    estimate: `${p.id}: the value of ${last.from} (${cited}), the newest the policy gives, taken as unchanged to base_year ${p.baseYear} (no value for ${span} was found)`,
    range: {
      low: last.value,
      high,
      basis: `from no raise in ${span} (as taken) to a raise at ${g.read}'s highest rate, ${ratePct(g.range.high)}, ${years === 1 ? 'in that year' : `in each of those ${years} years`} (the value is of ${last.from})`,
    },
    scenario: p.id,
    projected: true,
    held: { from: last.from },
    where: g.where,
  };
}

/** Whole years from one ISO date to a later one. */
export function wholeYears(from: string, to: string): number {
  const [fy, fmd] = [Number(from.slice(0, 4)), from.slice(5)];
  const [ty, tmd] = [Number(to.slice(0, 4)), to.slice(5)];
  return ty - fy - (tmd < fmd ? 1 : 0);
}

/** A value grown by each yearly rate in turn, each year's rounded half up to the fen. */
export const growBy = (x: Dec, steps: readonly Dec[]): Dec => steps.reduce((v, g) => D(v.times(D(1).plus(g)).toFixed(2)), x);

/** A grown range's basis: the estimate's, said once to be grown (a range grown again each year said it each time). */
const grownBasis = (basis: string, id: string) => {
  const said = `; grown by ${id} as the value`;
  return basis.endsWith(said) ? basis : `${basis}${said}`;
};

/** The growth factor (1 + g)^k, to nine decimals (an assumption, not money). */
export function factor(yearly: Dec, years: number): Dec {
  return D(D(1).plus(yearly).pow(years).toFixed(9));
}

/** How far below their path amounts not grown for `years` at `yearly` are, in percent to a decimal (null: not below). */
export function shortfall(yearly: Dec, years: number): string | null {
  const f = factor(yearly, years);
  return f.greaterThan(1) ? D(1).minus(D(1).dividedBy(f)).times(100).toFixed(1) : null;
}

/** The population's columns a projection grows, each by its rate; every other column stays as in the file. */
export const GROWN = { wage: 'incomes', other: 'incomes', weight: 'population' } as const;

/**
 * Why a column cannot be grown by a projection's `households:` (its name, or null where it can): incomes and weights
 * have their own rates, prior_dibao is what was paid at the file's date, and only amounts in yuan grow.
 */
export function notGrowable(name: string): string | null {
  const c = columnNamed(name);
  if (!c) return 'is not a household column';
  if (c.key === 'weight') return 'grows with `population`';
  if (c.key in GROWN) return 'grows with `incomes`';
  if (c.key === 'prior')
    return 'is the dibao paid at the file’s date: not grown (a household paid dibao in a budget window leaves at what it was paid then)';
  if (c.kind.type !== 'money') return 'is not an amount in yuan: a projection grows money columns only';
  return null;
}

/** A households column by its name or one of its 中文 names (金融资产: financial_assets), as the households file reads it. */
export const columnNamed = (name: string): ColumnDef | undefined =>
  (COLUMNS as readonly ColumnDef[]).find((c) => c.name === name || c.zh.includes(name));

/** The households' columns a projection grows (by name, with the rate a year) and those it keeps as in the file. */
export function grownColumns(p: Pick<Projection, 'households' | 'incomes' | 'population'>): {
  /** Each column grown, by what (the incomes' or the population's rate; null: its own line), at its yearly rate. */
  grown: Array<[column: string, by: 'incomes' | 'population' | null, rate: string]>;
  kept: string[];
} {
  const money = (COLUMNS as readonly ColumnDef[]).filter((c) => c.kind.type === 'money' || c.name === 'weight' || c.name === 'age');
  const own = new Map((p.households ?? []).map((g) => [g.column, g]));
  const rate = (c: ColumnDef): [string, 'incomes' | 'population' | null, string] | null => {
    if (c.key in GROWN) {
      const by = GROWN[c.key as keyof typeof GROWN];
      return [c.name, by, ratePct(p[by].yearly)];
    }
    return own.has(c.name) ? [c.name, null, ratePct(own.get(c.name)!.yearly)] : null;
  };
  return {
    grown: money.map(rate).filter((r) => r !== null),
    kept: money.filter((c) => rate(c) === null).map((c) => c.name),
  };
}

/** The columns a projection grows beside the incomes, as a note names them: " (and rigid_expenditure, …, of the same file)". */
export const grownAlso = (p: Pick<Projection, 'households'>): string =>
  p.households?.length ? ` (and ${p.households.map((g) => g.column).join(', ')}, of the same file)` : '';

/** A yearly rate as people read it: +1.2%, −0.5%, 0%. */
export const ratePct = (g: Dec): string => `${g.isNegative() ? '−' : g.isZero() ? '' : '+'}${g.abs().times(100).toFixed()}%`;

/**
 * Each amount of `a` (whole fen) × num ÷ 10⁹ rounded half up, into `out`: exact. In doubles where x × num stays below
 * 2⁵³ (for x to some 85,000 yuan a month at a factor of 1.05), beyond that split at 2¹⁶, and in BigInt past either or
 * below 0. A 1M-household projection took 0.5 s a year in BigInt alone, and a sensitivity's varied runs grow the years
 * before theirs again, group after group (cli/registers.ts).
 */
function growColumn(a: Float64Array, out: Float64Array, num: number): void {
  const direct = Math.floor((2 ** 53 - DEN) / num);
  const safe = num < 2 ** 32 ? Math.floor(2 ** 53 / num) * 65536 - 1 : 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x === 0) out[i] = 0;
    else if (x > 0 && x <= direct && Number.isInteger(x)) {
      // (x × num + 10⁹ ÷ 2 below 2⁵³: exact; its quotient rounded up to a whole number where just below one: put right)
      const p = x * num + DEN / 2;
      const q = Math.floor(p / DEN);
      out[i] = q * DEN > p ? q - 1 : q;
    } else out[i] = x > 0 && x <= safe && Number.isInteger(x) ? grownSplit(x, num) : grownBig(x, num);
  }
}

/** x × num ÷ 10⁹ half up, x split at 2¹⁶: hi × num below 2⁵³, and r × 2¹⁶ + lo × num + 10⁹ ÷ 2 below 2⁴⁶ + 2⁴⁸ (num below 2³²). */
function grownSplit(x: number, num: number): number {
  const hi = Math.floor(x / 65536);
  const a = hi * num;
  let q = Math.floor(a / DEN);
  let r = a - q * DEN; // (the quotient in doubles may be off by one: put right)
  if (r < 0) {
    q -= 1;
    r += DEN;
  } else if (r >= DEN) {
    q += 1;
    r -= DEN;
  }
  return q * 65536 + Math.floor((r * 65536 + (x - hi * 65536) * num + DEN / 2) / DEN);
}

/** x × num ÷ 10⁹ half up (toward zero below 0), in BigInt: any whole x. */
function grownBig(x: number, num: number): number {
  return Number((2n * BigInt(x) * BigInt(num) + BIG_DEN) / (2n * BIG_DEN));
}

const DEN = 1_000_000_000;
const BIG_DEN = 1_000_000_000n;

/**
 * The households as they would be in `year`: incomes grown from their year (incomesFrom), weights from base_year (a
 * year at or before either: as in the file). With `into`, a population this gave before from the same `pop`, its grown
 * columns are written over (that population is then this year's): a sensitivity's varied runs grow the years before
 * theirs once a group each, and new memory each time took a 1M-household window to 4.4 GB.
 */
export function projectPopulation(pop: Population, p: Projection, year: number, into?: Population): Population {
  const [ki, kp] = [year - incomesFrom(p), year - p.baseYear];
  if (ki <= 0 && kp <= 0) return pop;
  const fi = factor(p.incomes.yearly, Math.max(0, ki));
  const fp = factor(p.population.yearly, Math.max(0, kp));
  const reuse = into && into !== pop ? (into as unknown as Record<string, Float64Array>) : null;
  const grow = (key: string, a: Float64Array, f: Dec) => {
    const old = reuse?.[key];
    const out = old && old !== a && old.length === a.length ? old : new Float64Array(new SharedArrayBuffer(a.length * 8));
    // x × f rounded half up, in integers: f = num / 10⁹.
    growColumn(a, out, Number(f.times(1e9).toFixed(0)));
    return out;
  };
  const keys = Object.keys(pop);
  const rate = { incomes: fi, population: fp };
  const columns = pop as unknown as Record<string, Float64Array>;
  const replaced: Record<string, unknown> = Object.fromEntries(
    Object.entries(GROWN).map(([key, by]) => [key, grow(key, columns[key]!, rate[by])]),
  );
  // The household columns the projection grows at their own rates, from the incomes' year (the same file's money).
  for (const g of p.households ?? []) {
    const key = columnNamed(g.column)!.key;
    replaced[key] = grow(key, columns[key]!, factor(g.yearly, Math.max(0, ki)));
  }
  return fastRecord<Population>(
    keys,
    keys.map((key) => (key in replaced ? replaced[key] : (pop as unknown as Record<string, unknown>)[key])),
  );
}
