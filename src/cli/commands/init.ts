// jiuzhu init --out FILE.yaml [--from YYYY-MM-DD]  — a policy file to fill in for a locality of one's own
// (report/policy-template.ts); with --profile --policy P, the population profile `generate` draws its households from
// (report/profile-template.ts). Written new: an existing file is never written over.
import { makeFolderFor } from '../../io/places.js';
import { basename, dirname, extname, relative } from 'node:path';
import { isIsoDate, notADay, today } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { writeNewFile } from '../../io/new-file.js';
import { fileError } from '../../io/files.js';
import { policyTemplate } from '../../report/policy-template.js';
import { profileTemplate } from '../../report/profile-template.js';
import type { Ctx } from '../context.js';

export interface InitOptions {
  readonly out: string;
  readonly from?: string;
  readonly profile?: boolean;
  readonly policy?: string;
  readonly quiet: boolean;
}

export async function initCommand(ctx: Ctx, o: InitOptions): Promise<void> {
  const from = o.from ?? `${today(ctx.now()).slice(0, 4)}-01-01`;
  if (!isIsoDate(from)) throw new UsageError(`--from must be a date YYYY-MM-DD, got "${from}"${notADay(from)}`);
  const what = o.profile ? 'a profile' : 'a policy file';
  if (!/\.ya?ml$/i.test(o.out)) throw new UsageError(`--out ${o.out}: ${what} is YAML (.yaml)`);
  if (o.policy !== undefined && !o.profile)
    throw new UsageError(
      '--policy names the policy a profile is for: give it with --profile',
      'init --out FILE.yaml writes a policy of its own',
    );
  if (o.profile && o.policy === undefined)
    throw new UsageError(
      '--profile needs --policy FILE: the policy the profile is for',
      'e.g. init --profile --policy hunan-mouxian.yaml --out profiles/hunan-mouxian.yaml',
    );
  const id = basename(o.out, extname(o.out));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new UsageError(
      `the ${o.profile ? 'profile' : 'policy'} id is the file's name, "${id}": lower-case letters, digits and -`,
      'e.g. --out hunan-mouxian.yaml',
    );
  const policy = o.policy === undefined ? '' : relative(dirname(o.out), o.policy).split('\\').join('/');
  const text = o.profile ? profileTemplate({ id, policy, given: o.policy ?? '', date: from }) : policyTemplate({ id, from });
  let written: boolean;
  try {
    makeFolderFor(o.out); // (profiles/ beside the policy, where generate looks)
    written = writeNewFile(o.out, text);
  } catch (e) {
    throw fileError(e, 'write', o.out);
  }
  if (!written) throw new UsageError(`${o.out} exists: init writes a new file, never over one`, 'give another --out, or remove the file');
  if (!o.quiet)
    ctx.stderr.write(
      o.profile
        ? `wrote ${o.out}: every profile value, each to give (~); list what is left with\n  jiuzhu generate --policy ${o.policy} --profile ${o.out} --households 1000 --report\n`
        : `wrote ${o.out}: every parameter, each value to give (~); list what is left with\n  jiuzhu validate --policy ${o.out}\n`,
    );
  await Promise.resolve();
}
