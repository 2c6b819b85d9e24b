// The committed snapshot of `jiuzhu check`: totals per scenario and program (diff-friendly JSON), made from a run's
// figures, and read back from JSON with every value checked (a snapshot edited by hand or damaged is named, never
// half-read).
import type { Figures } from './aggregate.js';
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

export interface TotalsSnapshot {
  readonly jiuzhu_snapshot: 1;
  readonly policy: string;
  readonly households: string;
  readonly date: string;
  readonly scenarios: readonly SnapshotScenario[];
}

export function snapshotOf(
  policy: string,
  households: string,
  date: string,
  runs: ReadonlyArray<{ id: string; figures: Figures }>,
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
  unknown('snapshot', s, ['jiuzhu_snapshot', 'policy', 'households', 'date', 'scenarios']);
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
