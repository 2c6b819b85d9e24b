// The committed snapshot of `jiuzhu check`: totals per scenario and program (diff-friendly JSON), made from a run's
// figures, and read back from JSON with every value checked (a snapshot edited by hand or damaged is named, never
// half-read).
import type { Figures } from './aggregate.js';
import { valueJson, type DatedValue, type ParamValue, type Policy } from './parameters/tree.js';
import { isIsoDate } from './dates.js';
import { PROGRAM_IDS } from './programs/index.js';
import type { Problem } from '../errors.js';

export interface SnapshotFigures {
  readonly households: string;
  readonly persons: string;
  readonly annual_cost: string;
}

export interface SnapshotScenario {
  readonly id: string;
  readonly programs: Readonly<Record<string, SnapshotFigures>>;
  readonly total_annual_cost: string;
}

/**
 * A run's parameter values as a snapshot keeps them: each path's dated values, [from, value] in date order — the
 * policy's own for the baseline, the values a scenario made for a scenario. A change dated after the snapshot's date
 * moves none of its figures, and is seen here (a CI trial's new standard from 2026 passed a check at 2025-06-30).
 */
export type SnapshotParameters = Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>;

export interface TotalsSnapshot {
  readonly jiuzhu_snapshot: 1;
  readonly policy: string;
  readonly households: string;
  readonly date: string;
  readonly scenarios: readonly SnapshotScenario[];
  /** By run id (absent in a snapshot made before jiuzhu kept them). */
  readonly parameters?: Readonly<Record<string, SnapshotParameters>>;
}

/** A value as the snapshot keeps it: a decimal or word as written, a boolean as true/false, bands as JSON. */
function valueText(v: ParamValue): string {
  const j = valueJson(v);
  return typeof j === 'string' ? j : JSON.stringify(j);
}

/** The run's parameters: the policy's own values (`scenario` undefined), or those the scenario made. */
export function parametersOf(policy: Policy, scenario?: string): SnapshotParameters {
  const mine = (e: DatedValue) => (scenario === undefined ? !e.scenario : e.scenario === scenario);
  return Object.fromEntries(
    [...policy.params]
      .map(([path, h]) => [path, h.filter(mine).map((e) => [e.from, valueText(e.value)] as const)] as const)
      .filter(([, h]) => h.length)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** A parameter value that differs between a snapshot and now: one dated value added, removed or changed. */
export interface ParameterChange {
  readonly run: string;
  readonly path: string;
  readonly from: string;
  readonly before: string | null;
  readonly after: string | null;
  /**
   * Where it stands against the snapshot's date: dated after it (no figure of it can show the change), the value in
   * force at it, one a later value replaced by then, or a date moved where the value in force at it is the same.
   */
  readonly when: 'after' | 'in force' | 'replaced' | 'same';
}

/** What changed in the parameters of each run both have; nothing where the snapshot kept none. */
export function parameterChanges(old: TotalsSnapshot, now: TotalsSnapshot, date: string): ParameterChange[] {
  if (!old.parameters || !now.parameters) return [];
  const out: ParameterChange[] = [];
  for (const [run, after] of Object.entries(now.parameters)) {
    const before = old.parameters[run];
    if (!before) continue; // (a scenario added: its figures say so)
    for (const path of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const [a, b] = [new Map(before[path] ?? []), new Map(after[path] ?? [])];
      // The date of the value in force at `date` in either history: a change there is in the figures.
      const inForce = (h: ReadonlyMap<string, string>) =>
        [...h.keys()]
          .filter((d) => d <= date)
          .sort()
          .at(-1);
      const live = new Set([inForce(a), inForce(b)]);
      // (a date moved, the value not: 810 from 2022-04-01 → from 2022-05-01 was "in the figures: yes", a CI trial)
      const same = a.get(inForce(a) ?? '') !== undefined && a.get(inForce(a)!) === b.get(inForce(b) ?? '');
      for (const from of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const [x, y] = [a.get(from) ?? null, b.get(from) ?? null];
        if (x === y) continue;
        const when = from > date ? 'after' : !live.has(from) ? 'replaced' : same ? 'same' : 'in force';
        out.push({ run, path, from, before: x, after: y, when });
      }
    }
  }
  return out;
}

export function snapshotOf(
  policy: string,
  households: string,
  date: string,
  runs: ReadonlyArray<{ id: string; figures: Figures; parameters: SnapshotParameters }>,
): TotalsSnapshot {
  return {
    jiuzhu_snapshot: 1,
    policy,
    households,
    date,
    scenarios: runs.map((r) => ({
      id: r.id,
      programs: Object.fromEntries(
        PROGRAM_IDS.map((p) => {
          const f = r.figures.programs[p];
          return [p, { households: f.households, persons: f.persons, annual_cost: f.annual_cost }];
        }),
      ),
      total_annual_cost: r.figures.total_annual_cost,
    })),
    parameters: Object.fromEntries(runs.map((r) => [r.id, r.parameters])),
  };
}

const DECIMAL = /^-?\d{1,20}(\.\d{1,8})?$/;

/**
 * The snapshot in parsed JSON, or every problem with it: its shape, its date (a real calendar date), and each figure
 * (an exact decimal, as `check` writes them). Programs a snapshot does not name are allowed (a program added since
 * shows as new), unknown ones are not.
 */
export function snapshotFrom(json: unknown, file: string): TotalsSnapshot | Problem[] {
  const problems: Problem[] = [];
  const at = (subject: string, message: string) => problems.push({ where: { file }, subject, message });
  const s = json as Partial<TotalsSnapshot> | null;
  // (another version's is told as such: a QA trial's version 2 was "not a jiuzhu snapshot")
  const version = (s as { jiuzhu_snapshot?: unknown } | null)?.jiuzhu_snapshot;
  if (typeof version === 'number' && version !== 1)
    return [
      {
        where: { file },
        message: `a jiuzhu snapshot of version ${version}: this jiuzhu reads version 1 (made by another jiuzhu? make it anew with check --update)`,
      },
    ];
  if (typeof s !== 'object' || s === null || s.jiuzhu_snapshot !== 1 || !Array.isArray(s.scenarios)) {
    return [{ where: { file }, message: 'not a jiuzhu snapshot (expected {"jiuzhu_snapshot": 1, "date", "scenarios": [...]})' }];
  }
  if (typeof s.date !== 'string' || !isIsoDate(s.date)) at('date', `expected a date YYYY-MM-DD, got ${JSON.stringify(s.date)}`);
  for (const k of ['policy', 'households'] as const)
    if (typeof s[k] !== 'string' || !s[k])
      at(k, `expected the path of the ${k === 'policy' ? 'policy' : 'households'} file it was made from, got ${JSON.stringify(s[k])}`);
  // A key jiuzhu does not write is told, not ignored (a hand edit, or another tool's, would otherwise pass unseen).
  const unknown = (where: string, o: object, keys: readonly string[]) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) at(where, `unknown key "${k}" (a snapshot has ${keys.join(', ')})`);
  };
  unknown('snapshot', s, ['jiuzhu_snapshot', 'policy', 'households', 'date', 'scenarios', 'parameters']);
  if (s.parameters !== undefined) parametersProblems(s.parameters, at);
  const ids = new Set<string>();
  s.scenarios.forEach((sc: Partial<SnapshotScenario> | null, i) => {
    const where = `scenarios[${i}]`;
    if (typeof sc !== 'object' || sc === null || typeof sc.id !== 'string')
      return at(where, 'expected {"id", "programs", "total_annual_cost"}');
    if (ids.has(sc.id)) at(where, `scenario ${sc.id} appears twice`);
    ids.add(sc.id);
    if (typeof sc.total_annual_cost !== 'string' || !DECIMAL.test(sc.total_annual_cost))
      at(
        `${where}.total_annual_cost`,
        sc.total_annual_cost === undefined
          ? 'missing: expected a decimal string'
          : `expected a decimal string, got ${JSON.stringify(sc.total_annual_cost)}`,
      );
    unknown(where, sc, ['id', 'programs', 'total_annual_cost']);
    if (typeof sc.programs !== 'object' || sc.programs === null) return at(`${where}.programs`, 'expected an object of programs');
    for (const [p, f] of Object.entries(sc.programs)) {
      if (!(PROGRAM_IDS as readonly string[]).includes(p)) at(`${where}.programs`, `unknown program "${p}"`);
      if (typeof f === 'object' && f !== null) unknown(`${where}.programs.${p}`, f, ['households', 'persons', 'annual_cost']);
      for (const k of ['households', 'persons', 'annual_cost'] as const) {
        const v = (f as Partial<SnapshotFigures> | null)?.[k];
        if (typeof v !== 'string' || !DECIMAL.test(v))
          at(
            `${where}.programs.${p}.${k}`,
            v === undefined ? 'missing: expected a decimal string' : `expected a decimal string, got ${JSON.stringify(v)}`,
          );
      }
    }
  });
  return problems.length ? problems : (s as TotalsSnapshot);
}

/** The snapshot's parameters, each run's an object of paths, each path's a list of [date, value] strings in date order. */
function parametersProblems(ps: unknown, at: (subject: string, message: string) => void): void {
  if (typeof ps !== 'object' || ps === null || Array.isArray(ps)) return at('parameters', 'expected an object of runs');
  for (const [run, params] of Object.entries(ps)) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      at(`parameters.${run}`, 'expected an object of parameters');
      continue;
    }
    for (const [path, h] of Object.entries(params as object)) {
      const ok =
        Array.isArray(h) &&
        h.every(
          (e, i) => Array.isArray(e) && e.length === 2 && isIsoDate(e[0]) && typeof e[1] === 'string' && (i === 0 || h[i - 1][0] < e[0]),
        );
      if (!ok) at(`parameters.${run}.${path}`, 'expected a list of [date, value] pairs of strings, in date order');
    }
  }
}
