// The committed snapshot of `jiuzhu check`: totals per scenario and program, as JSON (diff-friendly).
import { readFile } from 'node:fs/promises';
import type { Figures } from '../core/aggregate.js';
import { PROGRAM_IDS } from '../core/programs/index.js';
import { InputError } from '../errors.js';
import { AtomicFile } from './atomic-file.js';

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

/** The snapshot, or null when the file does not exist. */
export async function readSnapshot(path: string): Promise<TotalsSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError([{ where: { file: path }, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const s = json as Partial<TotalsSnapshot>;
  if (s.jiuzhu_snapshot !== 1 || !Array.isArray(s.scenarios) || typeof s.date !== 'string') {
    throw new InputError(
      [{ where: { file: path }, message: 'not a jiuzhu snapshot (expected {"jiuzhu_snapshot": 1, "date", "scenarios": [...]})' }],
      'recreate it with jiuzhu check … --update',
    );
  }
  return s as TotalsSnapshot;
}

export async function writeSnapshot(path: string, s: TotalsSnapshot): Promise<void> {
  const out = await AtomicFile.open(path);
  await out.write(JSON.stringify(s, null, 2) + '\n');
  await out.commit();
}
