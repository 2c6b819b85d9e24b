// jiuzhu generate --policy FILE --households N --seed S [--out FILE.csv] [--date D] [--profile FILE] [--report]
// Deterministic synthetic households from the locality's population profile, streamed to the file; --report
// sets what they yield under the baseline against the profile's published figures.
import { somethingAt } from '../../io/places.js';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { calibrate } from '../../core/calibrate.js';
import { GENERATED_COLUMNS, generateCsv, settingsAt } from '../../core/generate.js';
import { CheckFailedError, InputError, UsageError } from '../../errors.js';
import { incomesInTheirPeriod } from '../../core/profile.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { inputsOf, refuseOverwrite } from '../../io/outputs.js';
import { parseHouseholdsFast } from '../../io/fast-read.js';
import { loadProfile, profileFor } from '../../io/profile-file.js';
import { calibrationTable } from '../../report/calibration.js';
import { snapshotChanges } from '../../core/budget-year.js';
import type { Ctx } from '../context.js';
import { wroteLine } from '../written.js';
import { fileThere } from '../../io/places.js';
import { loadAt, loadUsablePolicy, seedOption, simulationDate } from '../load.js';

export interface GenerateOptions {
  readonly policy: string;
  readonly households: string;
  readonly seed: string;
  readonly out?: string;
  readonly date?: string;
  readonly profile?: string;
  readonly report?: boolean;
  readonly quiet?: boolean;
}

const HEADER = GENERATED_COLUMNS.join(',') + '\n';
/** The most households generate writes: a whole country's register (about 40 GB of CSV). */
const MAX_GENERATED = 200_000_000;

export async function generateCommand(ctx: Ctx, o: GenerateOptions): Promise<void> {
  const n = Number(o.households);
  if (!/^\d+$/.test(o.households.trim()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_GENERATED)
    throw new UsageError(
      `--households must be a whole number from 1 to ${MAX_GENERATED.toLocaleString('en')}, got "${o.households}"`,
      'a province has about 10 million households; the CSV takes about 250 bytes a household',
    );
  const seed = seedOption(o.seed);
  if (!o.out && !o.report) throw new UsageError('give --out FILE.csv (and/or --report)');
  const profilePath = o.profile ?? profileFor(o.policy);
  await refuseOverwrite(
    [o.out ? { flag: '--out', path: o.out, format: 'csv' } : null],
    inputsOf({ policy: o.policy, profile: profilePath }),
  );
  const profile = await loadProfile(profilePath).catch(async (e: unknown) => {
    // No profile beside the policy (a locality of one's own, an author's trial): say what one is and how to give it —
    // once the policy is one (a households file given as --policy was told it had no profile: a realism trial).
    if (o.profile === undefined && e instanceof UsageError && !somethingAt(profilePath)) {
      await loadUsablePolicy(o.policy);
      throw new UsageError(
        `${o.policy} has no population profile at ${profilePath}`,
        'give one with --profile FILE: a profile names its policy and the published figures (income quintiles, caseloads) the households are drawn to; policies/profiles/*.yaml are examples, README "Synthetic households" says what each key is',
      );
    }
    throw e;
  });
  // A profile made for another locality: its households are drawn to that locality's figures (say so, as a projection does).
  if (resolve(profile.policy) !== resolve(o.policy) && !o.quiet)
    ctx.stderr.write(
      `note: profile ${profilePath} was made for ${profile.policy}, not ${o.policy}: the households are drawn to that locality's published figures${o.report ? ', and --report compares with them' : ''}\n`,
    );
  const date = o.date ? simulationDate(ctx, o.date, { quiet: true }) : profile.date;
  const { snapshot, rules } = await loadAt(o.policy, date);
  const settings = settingsAt(profile, snapshot, n, seed);
  const wrongPeriod = incomesInTheirPeriod(profile, settings.standard);
  if (wrongPeriod.length) throw new InputError(wrongPeriod, 'fix the profile: every income is drawn from income.disposable');
  // The incomes are the profile's year's whatever the date (a Guangzhou trial's 2027 caseload rose 43 % on 2021
  // incomes against 2027 standards, unsaid): a projection from the profile's year grows them to the years simulated.
  if (!o.quiet)
    ctx.stderr.write(
      `note: the households' incomes are drawn to the profile's figures of ${profile.date}${date > profile.date ? ` (the standards and on_dibao are ${date}'s)` : ''}: ` +
        `to simulate later years, grow them with simulate --year or --years … --projection P --incomes-year ${profile.date.slice(0, 4)} (or a projection whose base_year is ${profile.date.slice(0, 4)}; the policy's published standards are kept)\n`,
    );
  // One generation: each chunk goes to the file and, for --report, straight into the reader (never read back).
  const had = o.out !== undefined && fileThere(o.out) !== null;
  const out = o.out ? await AtomicFile.open(o.out) : null;
  const tee = o.report ? new PassThrough() : null;
  const parsing = tee ? parseHouseholdsFast(tee, o.out ?? '(generated)') : null;
  parsing?.catch(() => undefined); // awaited below; no unhandled rejection while writing
  const chunks = function* () {
    yield HEADER;
    yield* generateCsv(settings); // lazily: 10M households stay in bounded memory
  };
  try {
    for (const chunk of chunks()) {
      await out?.write(chunk);
      if (tee && !tee.write(chunk)) await once(tee, 'drain');
    }
    tee?.end();
    await out?.commit();
    const told = o.out && !o.quiet ? wroteLine(o.out, had, { en: `${n.toLocaleString('en')} households, seed ${seed}` }) : null;
    if (told) ctx.stderr.write(told);
  } catch (e) {
    tee?.destroy();
    await out?.abort();
    throw e;
  }
  if (parsing) {
    const pop = await parsing;
    // At another date than the profile's, what the policy changed between: a gap may be the rules', not the population's.
    const changes = date === profile.date ? [] : snapshotChanges((await loadAt(o.policy, profile.date)).snapshot, snapshot, date);
    const rows = calibrate(pop, rules, profile);
    ctx.stdout.write(calibrationTable(rows, profile, date, n, changes));
    // As `check` does, a measure outside its tolerance fails the run (exit 1) — at the profile's date, which its
    // published figures describe; at another the rules' change may make the gap (the note under the table says so).
    const missed = rows.filter((r) => r.within === false);
    if (missed.length && date === profile.date)
      throw new CheckFailedError(
        `${missed.length} published figure${missed.length > 1 ? 's' : ''} outside ${missed.length > 1 ? 'their' : 'its'} tolerance: ${missed.map((r) => r.measure.trim()).join('; ')}${o.out ? ` (${o.out} is written)` : ''}; a small population misses by chance, a larger one by its profile (README "Synthetic households")`,
      );
  }
}
