// jiuzhu init --out FILE.yaml [--from YYYY-MM-DD]  — a policy file to fill in for a locality of one's own
// (report/policy-template.ts); with --profile --policy P, the population profile `generate` draws its households from
// (report/profile-template.ts); with --projection --policy P, a projection over budget years, and with --scenario a
// reform (report/projection-template.ts). Written new: an existing file is never written over.
import { makeFolderFor } from '../../io/places.js';
import { policyFacts } from '../../io/policy-file.js';
import { basename, dirname, extname, relative } from 'node:path';
import { isIsoDate, notADay, today } from '../../core/dates.js';
import { ID_RE } from '../../core/parameters/schema.js';
import { UsageError } from '../../errors.js';
import { writeNewFile } from '../../io/new-file.js';
import { fileError } from '../../io/files.js';
import { policyTemplate } from '../../report/policy-template.js';
import { profileTemplate } from '../../report/profile-template.js';
import { projectionTemplate, scenarioTemplate } from '../../report/projection-template.js';
import type { Ctx } from '../context.js';

export interface InitOptions {
  readonly out: string;
  readonly from?: string;
  readonly profile?: boolean;
  readonly projection?: boolean;
  readonly scenario?: boolean;
  readonly policy?: string;
  readonly quiet: boolean;
}

/** What is written: a policy, or with --profile, --projection or --scenario that file. */
const KINDS = ['profile', 'projection', 'scenario'] as const;

export async function initCommand(ctx: Ctx, o: InitOptions): Promise<void> {
  const from = o.from ?? `${today(ctx.now()).slice(0, 4)}-01-01`;
  if (!isIsoDate(from)) throw new UsageError(`--from must be a date YYYY-MM-DD, got "${from}"${notADay(from)}`);
  const kinds = KINDS.filter((k) => o[k]);
  if (kinds.length > 1) throw new UsageError(`--${kinds[0]} and --${kinds[1]} write different files: give one`);
  const kind = (kinds[0] as (typeof KINDS)[number] | undefined) ?? 'policy';
  const what = kind === 'policy' ? 'a policy file' : `a ${kind}`;
  if (!/\.ya?ml$/i.test(o.out)) throw new UsageError(`--out ${o.out}: ${what} is YAML (.yaml)`);
  const forPolicy = kind === 'profile' || kind === 'projection';
  if (o.policy !== undefined && !forPolicy)
    throw new UsageError(
      '--policy names the policy a profile or projection is for: give it with --profile or --projection',
      `init --out FILE.yaml writes ${what} of its own`,
    );
  if (forPolicy && o.policy === undefined)
    throw new UsageError(
      `--${kind} needs --policy FILE: the policy the ${kind} is for`,
      kind === 'profile'
        ? 'e.g. init --profile --policy hunan-mouxian.yaml --out profiles/hunan-mouxian.yaml'
        : 'e.g. init --projection --policy hunan-mouxian.yaml --out scenarios/projections/hunan-mouxian-4pct.yaml',
    );
  const id = basename(o.out, extname(o.out));
  // (the ids the files are read with: init refused my_place.v2, which a policy file may be — a README trial)
  if (!ID_RE.test(id))
    throw new UsageError(
      `the ${kind} id is the file's name, "${id}": lower-case letters, digits, ".", "_" or "-"`,
      'e.g. --out hunan-mouxian.yaml',
    );
  const policy = o.policy === undefined ? '' : relative(dirname(o.out), o.policy).split('\\').join('/');
  // (the id the policy file gives, which its name need not be; its name where it cannot be read yet)
  const of = kind === 'projection' ? await policyFacts(o.policy!) : { id: '' };
  const text = {
    policy: () => policyTemplate({ id, from }),
    profile: () => profileTemplate({ id, policy, given: o.policy ?? '', date: from }),
    // (base_year the year before --from's: the last of published values)
    projection: () =>
      projectionTemplate({ id, policy: of.id, given: o.policy!, baseYear: Number(from.slice(0, 4)) - 1, month: of.raiseMonth ?? 1 }),
    scenario: () => scenarioTemplate({ id }),
  }[kind]();
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
      {
        policy: `wrote ${o.out}: every parameter, each value to give (~); list what is left with\n  jiuzhu validate --policy ${o.out}\n`,
        profile: `wrote ${o.out}: every profile value, each to give (~); list what is left with\n  jiuzhu generate --policy ${o.policy} --profile ${o.out} --households 1000 --report\n`,
        projection: `wrote ${o.out}: every rate, each to give (~); list what is left with\n  jiuzhu simulate --policy ${o.policy} --households FILE --years YYYY-YYYY --projection ${o.out}\n`,
        scenario: `wrote ${o.out}: its title, reason and changes to give (~); list what is left with\n  jiuzhu simulate --policy POLICY.yaml --households FILE --scenario ${o.out}\n`,
      }[kind],
    );
}
