// `jiuzhu init --profile`: a population profile to fill in for a locality of one's own (a trial found no help: README
// named no profile key, and the bundled profiles are another place's 90 lines). Every key `generate` reads
// (core/profile.ts PROFILE_KEYS) with what its value is, each value left empty (~), so `generate` lists at its line every
// value still to give, and no other locality's figure is drawn from by mistake. Pure: the command writes the text.
import { PLACEHOLDER_SOURCE } from '../core/parameters/schema.js';
import { PROFILE_KEYS, TARGETS, type ProfileKind, type ProfileSpec } from '../core/profile.js';

/** What a value of a profile key is, for a person. */
const WHAT: Record<ProfileKind, string> = {
  count: 'a whole number',
  share: 'a share from 0 to 1',
  positive: 'a number above 0',
  money: 'yuan',
  distribution: 'six shares adding up to 1: [1 person, 2, … 6]',
  quintiles: 'five multiples of the mean, poorest fifth first, averaging 1: [0.3, 0.6, 0.9, 1.2, 2.0]',
};

/** `policy`: the policy's path from the profile's folder; `given`: as the command line gave it (for the command to run). */
export function profileTemplate(o: {
  readonly id: string;
  readonly policy: string;
  readonly given: string;
  readonly date: string;
}): string {
  const targets = new Set(TARGETS);
  const entry = (s: ProfileSpec) => {
    const example = s.kind === 'distribution' ? '[~, ~, ~, ~, ~, ~]' : s.kind === 'quintiles' ? '[~, ~, ~, ~, ~]' : '~';
    const tolerance = targets.has(s) && s.key !== 'target.tolerance' ? ', tolerance: 0.25' : '';
    return [
      `  # ${s.en} · ${WHAT[s.kind]}${s.optional ? (targets.has(s) ? ' — optional: without it, not reported' : ' — optional') : ''}`,
      `  ${s.optional ? '# ' : ''}${s.key}: {value: ${example}, source: my-doc${tolerance}}`,
    ];
  };
  return (
    [
      `# A jiuzhu population profile: what \`generate\` draws a locality's synthetic households from, and the published`,
      `# figures (target.*) \`generate --report\` sets them against. Give each \`value: ~\` from the document that published it,`,
      `# with the source's id (and a clause); where nothing is published, write \`estimate: "…"\` (its basis) for the source.`,
      `# A target accepts a relative gap of its tolerance (else target.tolerance). The bundled profiles`,
      `# (policies/profiles/*.yaml) are worked examples: the national figures there (dibao and tekun rates, the fiscal mix)`,
      `# may stand in for a locality's, marked as estimates. A "calibration knob" there is set so that a target is met.`,
      `# Then:  npx jiuzhu generate --policy ${o.given} --households 100000 --seed 7 --report`,
      `profile: ${o.id}`,
      `policy: ${o.policy}   # the policy file, relative to this one`,
      `date: ${o.date}   # the date the targets describe (generate's and --report's default date)`,
      'sources:',
      '  my-doc:',
      `    title: ${PLACEHOLDER_SOURCE.title}`,
      `    url: ${PLACEHOLDER_SOURCE.url}`,
      '    grade: A          # A official, B media, C other',
      'values:',
      '  # — what the households are drawn from —',
      ...PROFILE_KEYS.filter((s) => !targets.has(s)).flatMap(entry),
      '  # — the published figures the generated population is set against (generate --report) —',
      ...TARGETS.flatMap(entry),
    ].join('\n') + '\n'
  );
}
