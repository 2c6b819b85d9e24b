// Every step's trace speaks Chinese too (explain --lang zh): under each shipped policy, for every household of the
// sample, of a generated population and at the lines the steps' reaches draw, each step gives its rule and result in
// Chinese, each check its test, and the Chinese result carries the same figures as the English one. Every step
// that records a trace is seen (so a step whose Chinese was left out is not passed by unseen).
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainHousehold } from '../../src/core/explain.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { GENERATED_COLUMNS, generateCsv, settingsAt } from '../../src/core/generate.js';
import { compileRules } from '../../src/core/rules.js';
import type { Population } from '../../src/core/population.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadProfile } from '../../src/io/profile-file.js';
import { atTheLines } from '../helpers/at-the-lines.js';

const read = (csv: string) => parseHouseholdsFast(Readable.from([csv]), 'h.csv');
const CJK = /[\u4e00-\u9fff]/;
/** The amounts a text gives (yuan with two decimals), in order. */
const amounts = (text: string) => text.match(/\d+\.\d{2}/g) ?? [];

// (the steps that record a trace, by their trace's program: programs/*.ts)
const TRACED = ['tekun', 'rest', 'dibao', 'dibao_supplement', 'rigid_aid', 'single_person', 'gradual_exit', 'low_income', 'take_up'];
const TRACED_LATER = ['temporary', 'medical_premium', 'disability_living', 'disability_care'];

describe.each(['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'])('the trace in Chinese (%s)', (locality) => {
  it('every step, check and result of every household, with the English figures', async () => {
    const profile = await loadProfile(`policies/profiles/${locality}.yaml`);
    const policy = await loadPolicy(`policies/${locality}.yaml`);
    const rules = compileRules(resolve(policy, profile.date));
    const generated =
      GENERATED_COLUMNS.join(',') + '\n' + [...generateCsv(settingsAt(profile, resolve(policy, profile.date), 3000, 5))].join('');
    const pops: Population[] = [
      await read(readFileSync('policies/samples/households.csv', 'utf8')),
      await read(generated),
      await read(atTheLines([rules])),
    ];
    const seen = new Set<string>();
    let checks = 0;
    for (const pop of pops)
      for (let h = 0; h < pop.householdCount; h++)
        for (const st of explainHousehold(pop, h, rules).steps) {
          seen.add(st.program);
          expect(st.zh.rule, `${st.program}: rule`).toMatch(CJK);
          expect(st.zh.result, `${st.program}: ${st.result}`).toMatch(CJK);
          // (the same figures: a Chinese result that said another amount, or left one out, fails here)
          expect(amounts(st.zh.result), `${st.program}: ${st.result} / ${st.zh.result}`).toEqual(amounts(st.result));
          for (const c of st.checks) {
            checks++;
            expect(c.zh, `${st.program}: ${c.expr}`).toMatch(CJK);
          }
        }
    expect([...seen]).toEqual(expect.arrayContaining([...TRACED, ...TRACED_LATER]));
    expect(checks).toBeGreaterThan(1000);
  });
});
