// How an output was made, for its About sheet or last section: the command line as typed again, jiuzhu's version,
// and each input file with its size and SHA-256 (a pipe is not hashed: the command reads it once).
import { fileDigest } from '../io/files.js';
import type { InputFile, Made, MadeBy } from '../report/made.js';
import type { Ctx } from './context.js';
import { commandLine } from './shell-words.js';

/** The command line as a person would type it again, and jiuzhu's version. */
const commandMade = (ctx: { readonly argv?: readonly string[]; readonly version?: string }): MadeBy => ({
  command: commandLine(ctx.argv ?? []),
  version: ctx.version ?? '',
});

/** The inputs a run read, in their roles. */
export interface Inputs {
  readonly policy: string | readonly string[];
  readonly scenario?: readonly string[];
  readonly projection?: string;
  readonly households: string;
}

/** Each input's size and SHA-256 (the households' column mapping too: it changes the figures, a code review). */
export async function inputFiles(ctx: Pick<Ctx, 'households'>, o: Inputs): Promise<InputFile[]> {
  const files = [
    ...(typeof o.policy === 'string' ? [o.policy] : o.policy).map((path) => ({ role: 'policy 政策', path })),
    ...(o.scenario ?? []).map((path) => ({ role: 'scenario 方案', path })),
    ...(o.projection ? [{ role: 'projection 预测', path: o.projection }] : []),
    { role: 'households 家庭', path: o.households },
    ...(ctx.households?.columns ? [{ role: 'column mapping 列映射', path: ctx.households.columns }] : []),
  ];
  return Promise.all(files.map(async (f) => ({ ...f, ...(await fileDigest(f.path)) })));
}

/** A workbook's: the command, the version and the inputs. */
export const madeWith = async (ctx: Ctx, o: Inputs): Promise<MadeBy> => ({ ...commandMade(ctx), files: await inputFiles(ctx, o) });

/** A report's: the command, the version, the time, and the inputs (hashed while the households are evaluated). */
export const madeOf = async (ctx: Ctx, o: Inputs): Promise<Made> => ({
  ...commandMade(ctx),
  generated: ctx.now().toISOString(),
  files: await inputFiles(ctx, o),
});
