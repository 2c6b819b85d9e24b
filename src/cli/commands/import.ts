// jiuzhu import --households FILE --out FILE.arrow [--encoding …] [--columns …] [--sheet …]
// Read once, run many: the households file (any form jiuzhu reads) read and checked once, kept as an Apache Arrow IPC
// file that every command reads as fast as memory allows, and other tools read too (io/arrow.ts). Written atomically.
import { counted } from '../../report/lang.js';
import { InputError, UsageError } from '../../errors.js';
import { fileDigest } from '../../io/files.js';
import { inputsOf, refuseOverwrite } from '../../io/outputs.js';
import { writeOutput } from '../../io/output-file.js';
import type { Ctx } from '../context.js';
import { loadHouseholds, withExecutor } from '../load.js';
import { fileThere } from '../../io/places.js';
import { endsOf } from '../../io/households-kind.js';

export interface ImportOptions {
  readonly households: string;
  readonly out: string;
  readonly quiet: boolean;
}

export async function importCommand(ctx: Ctx, o: ImportOptions): Promise<void> {
  if (!o.out.toLowerCase().endsWith('.arrow')) throw new UsageError(`--out names the Arrow file to write: end it in .arrow (got ${o.out})`);
  await refuseOverwrite([{ flag: '--out', path: o.out, format: 'arrow' }], inputsOf(o));
  const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households, o.quiet));
  // A header and no household (a nightly export's query that returned no row): refused, never written over the good
  // file of the night before (a data engineer's trial: it wrote "0 households" over it, exit 0).
  if (pop.householdCount === 0)
    throw new InputError(
      [{ where: { file: o.households }, message: 'holds no household (a header only?): nothing to import' }],
      `${o.out} is left as it was`,
    );
  const source = await fileDigest(o.households);
  const { populationToArrow } = await import('../../io/arrow.js'); // apache-arrow only when it is needed
  const bytes = populationToArrow(pop, {
    source: o.households,
    source_sha256: source.sha256 ?? '',
    version: ctx.version ?? '',
    ends: endsOf(pop),
  });
  const had = fileThere(o.out) !== null;
  await writeOutput(o.out, bytes);
  if (!o.quiet)
    ctx.stderr.write(
      `wrote ${o.out}: ${counted(pop.householdCount.toLocaleString('en'), 'household')}, ${counted(pop.personCount.toLocaleString('en'), 'person')} (${(bytes.length / 1e6).toFixed(1)} MB)${had ? ', replacing the file that was there' : ''}; read it with --households ${o.out}\n`,
    );
}
