// generate: deterministic, DOMAIN's columns, grossed up to the profile's population, and calibrated: under the
// baseline the generated population reproduces each locality's published rates within the stated tolerance.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/core/calibrate.js';
import { GENERATED_COLUMNS, generateCsv, type GenerateSettings } from '../../src/core/generate.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { num } from '../../src/core/profile.js';
import { compileRules, standards } from '../../src/core/rules.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { COLUMN_NAMES as COLUMNS } from '../../src/core/columns.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadProfile, parseProfile } from '../../src/io/profile-file.js';
import { problemsOfSync } from '../helpers/problems.js';

async function settings(locality: string, households: number, seed = 7) {
  const profile = await loadProfile(`policies/profiles/${locality}.yaml`);
  const snapshot = resolve(await loadPolicy(profile.policy), profile.date);
  const rules = compileRules(snapshot);
  const s: GenerateSettings = { profile, households, seed, standard: standards(snapshot) };
  return { s, rules, profile };
}
const csv = (s: GenerateSettings) => GENERATED_COLUMNS.join(',') + '\n' + [...generateCsv(s)].join('');

describe('generate', () => {
  it('writes DOMAIN’s columns, in DOMAIN’s order', () => {
    expect([...GENERATED_COLUMNS]).toEqual(COLUMNS.slice(0, 4).concat(COLUMNS.slice(4)));
    expect(GENERATED_COLUMNS.join(',')).toBe(
      'household_id,person_id,age,area,wage_income,other_income,disability_grade,serious_illness,labor_capacity,self_care,has_capable_supporter,financial_assets,rigid_expenditure,on_dibao,prior_dibao,emergency_need,weight',
    );
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes; chunking does not matter', async () => {
    const { s } = await settings('guangxi-nanning', 3000);
    expect(csv(s)).toBe(csv(s));
    expect(csv({ ...s, seed: 8 })).not.toBe(csv(s));
    expect([...generateCsv(s, 7)].join('')).toBe([...generateCsv(s, 5000)].join(''));
  });

  it('reads back as valid households that gross up to the profile’s population', async () => {
    const { s, profile } = await settings('jiangxi-fuliang', 20_000);
    const pop = await parseHouseholdsFast(Readable.from([csv(s)]), 'g.csv');
    expect(pop.householdCount).toBe(20_000);
    const persons = Array.from(pop.weight).reduce((a, w, h) => a + (w / 1e6) * (pop.offsets[h + 1]! - pop.offsets[h]!), 0);
    expect(Math.abs(persons / num(profile, 'population.persons') - 1)).toBeLessThan(0.02);
  });
});

describe.each(['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'])('calibration of %s', (locality) => {
  it('reproduces every published figure within the profile’s tolerance (100,000 households, seed 7)', async () => {
    const { s, rules, profile } = await settings(locality, 100_000);
    const pop = await parseHouseholdsFast(Readable.from([csv(s)]), 'g.csv');
    const rows = calibrate(pop, rules, profile);
    const checked = rows.filter((r) => r.within !== null);
    expect(checked.length).toBeGreaterThanOrEqual(4); // dibao urban, rural, tekun, population (+ benefits where published)
    expect(checked.filter((r) => !r.within).map((r) => `${r.measure}: ${r.generated} vs ${r.published} (${r.gap}%)`)).toEqual([]);
  });
});

describe('profile validation', () => {
  const text = readFileSync('policies/profiles/guangxi-nanning.yaml', 'utf8');
  it('names an unknown value with the nearest key, a bad distribution, and a value without source or estimate', () => {
    const bad = text
      .replace('  age.over80_share:', '  age.over_80_share:')
      .replace('household_size.urban: {value: [0.25, 0.30,', 'household_size.urban: {value: [0.35, 0.30,')
      .replace(
        'target.average_benefit.urban: {value: 395, source: nanning-2022, clause: 补助水平 urban}',
        'target.average_benefit.urban: {value: 395}',
      );
    const p = problemsOfSync(() => parseProfile(bad, 'p.yaml'));
    expect(p).toEqual([
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: household_size\.urban: expected six shares \(households of 1, 2, … 6 persons\) adding up to 1, they add up to 1\.1$/,
      ),
      expect.stringMatching(/^p\.yaml:\d+:\d+: unknown profile value "age\.over_80_share" \(did you mean "age\.over80_share"\?\)$/),
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: target\.average_benefit\.urban: needs a "source" or, where nothing is published, an "estimate" with its basis$/,
      ),
    ]);
  });
});
