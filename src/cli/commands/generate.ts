// jiuzhu generate --policy FILE --households N --seed S [--out FILE.csv] [--date D] [--profile FILE] [--report]
// Deterministic synthetic households from the locality's population profile, streamed to the file; --report
// sets what they yield under the baseline against the profile's published figures.
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { calibrate } from '../../core/calibrate.js';
import { GENERATED_COLUMNS, generateCsv, type GenerateSettings } from '../../core/generate.js';
import { UsageError } from '../../errors.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { parseHouseholdsFast } from '../../io/fast-csv.js';
import { loadProfile } from '../../io/profile-file.js';
import { readHouseholds } from '../../io/read-households.js';
import { calibrationTable } from '../../report/calibration.js';
import type { Ctx } from '../context.js';
import { loadAt, simulationDate } from '../load.js';

export interface GenerateOptions {
  readonly policy: string;
  readonly households: string;
  readonly seed: string;
  readonly out?: string;
  readonly date?: string;
  readonly profile?: string;
  readonly report?: boolean;
}

const HEADER = GENERATED_COLUMNS.join(',') + '\n';

/** policies/x.yaml → policies/profiles/x.yaml */
export function profileFor(policy: string): string {
  return join(dirname(policy), 'profiles', basename(policy));
}

export async function generateCommand(ctx: Ctx, o: GenerateOptions): Promise<void> {
  const n = Number(o.households);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--households must be a whole number ≥ 1, got "${o.households}"`);
  const seed = Number(o.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${o.seed}"`);
  if (!o.out && !o.report) throw new UsageError('give --out FILE.csv (and/or --report)');
  const profile = await loadProfile(o.profile ?? profileFor(o.policy));
  const date = o.date ? simulationDate(ctx, o.date) : profile.date;
  const { rules } = await loadAt(o.policy, date);
  const settings: GenerateSettings = { profile, households: n, seed, standard: [rules.areas[0].S, rules.areas[1].S] };
  if (o.out) {
    const out = await AtomicFile.open(o.out);
    try {
      await out.write(HEADER);
      for (const chunk of generateCsv(settings)) await out.write(chunk);
      await out.commit();
    } catch (e) {
      await out.abort();
      throw e;
    }
  }
  if (o.report) {
    const pop = o.out ? await readHouseholds(o.out) : await parseHouseholdsFast(Readable.from((function* () {
      yield HEADER;
      yield* generateCsv(settings);
    })()), '(generated)');
    ctx.stdout.write(calibrationTable(calibrate(pop, rules, profile), profile, date, n));
  }
}
