// jiuzhu init --out FILE.yaml [--from YYYY-MM-DD]  — a policy file to fill in for a locality of one's own
// (report/policy-template.ts), written new: an existing file is never written over.
import { basename, extname } from 'node:path';
import { isIsoDate, today } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { writeNewFile } from '../../io/new-file.js';
import { fileError } from '../../io/files.js';
import { policyTemplate } from '../../report/policy-template.js';
import type { Ctx } from '../context.js';

export async function initCommand(ctx: Ctx, o: { readonly out: string; readonly from?: string; readonly quiet: boolean }): Promise<void> {
  const from = o.from ?? `${today(ctx.now()).slice(0, 4)}-01-01`;
  if (!isIsoDate(from)) throw new UsageError(`--from must be a date YYYY-MM-DD, got "${o.from}"`);
  if (!/\.ya?ml$/i.test(o.out)) throw new UsageError(`--out ${o.out}: a policy file is YAML (.yaml)`);
  const id = basename(o.out, extname(o.out));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new UsageError(`the policy id is the file's name, "${id}": lower-case letters, digits and -`, 'e.g. --out hunan-mouxian.yaml');
  let written: boolean;
  try {
    written = writeNewFile(o.out, policyTemplate({ id, from }));
  } catch (e) {
    throw fileError(e, 'write', o.out);
  }
  if (!written) throw new UsageError(`${o.out} exists: init writes a new file, never over one`, 'give another --out, or remove the file');
  if (!o.quiet)
    ctx.stderr.write(
      `wrote ${o.out}: every parameter, each value to give (~); list what is left with\n  jiuzhu validate --policy ${o.out}\n`,
    );
  await Promise.resolve();
}
