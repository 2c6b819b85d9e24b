// Scenarios: arithmetic (set, scale, add, same_as, dated values, from), validation, and derivation that
// never mutates the baseline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/core/aggregate.js';
import { resolve, valueToJson, type Policy } from '../../src/core/parameters/tree.js';
import { compileRules } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { problemsOfSync } from '../helpers/problems.js';
import { parseHouseholds } from '../../src/io/households-csv.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { Readable } from 'node:stream';

const scenario = (changes: string) =>
  parseScenario(`scenario: t\ntitle: {zh: 测试, en: test}\nreason: a test\nchanges:\n${changes}\n`, 't.yaml');
const nanning = () => loadPolicy('policies/guangxi-nanning.yaml');
const at = (p: Policy, date: string, path: string) => {
  const r = resolve(p, date).values.get(path)!;
  return valueToJson(r.value, r.spec);
};
const problems = (text: string) => problemsOfSync(() => parseScenario(text, 's.yaml'));

describe('scenario arithmetic', () => {
  it('set replaces the value at every date', async () => {
    const p = applyScenario(await nanning(), scenario('  tekun.basic.multiplier: {set: 1.6}'));
    expect(at(p, '2021-01-01', 'tekun.basic.multiplier')).toBe('1.6');
    expect(at(p, '2025-01-01', 'tekun.basic.multiplier')).toBe('1.6');
  });

  it('scale multiplies every dated value, money rounded half up to the fen: 566.67 × 1.1 = 623.337 → 623.34', async () => {
    const p = applyScenario(await nanning(), scenario('  dibao.standard.rural: {scale: 1.1}\n  dibao.standard.urban: {scale: 1.1}'));
    expect(at(p, '2022-03-31', 'dibao.standard.urban')).toBe('869'); // 790 × 1.1
    expect(at(p, '2022-04-01', 'dibao.standard.urban')).toBe('891'); // 810 × 1.1
    expect(at(p, '2022-04-01', 'dibao.standard.rural')).toBe('623.34');
  });

  // An analyst's reform 4: rural × 1.1 from 2025-07-01, then the urban standard from 2027-01-01 — "changed twice" was
  // refused, and dated numbers fitted Nanning alone. Each change of a list applies from its date, on the one before.
  it('a list of dated changes: each from its date, on what the one before left; the baseline before the first', async () => {
    const p = applyScenario(
      await nanning(),
      scenario('  dibao.standard.rural:\n    - {scale: 1.1, from: 2025-07-01}\n    - {same_as: dibao.standard.urban, from: 2027-01-01}'),
    );
    expect(at(p, '2025-06-30', 'dibao.standard.rural')).toBe('566.67'); // nanning-2022 (6800 a year ÷ 12)
    expect(at(p, '2025-07-01', 'dibao.standard.rural')).toBe('623.34'); // 566.67 × 1.1 = 623.337
    expect(at(p, '2026-12-31', 'dibao.standard.rural')).toBe('623.34');
    expect(at(p, '2027-01-01', 'dibao.standard.rural')).toBe('810'); // the urban standard (nanning-2022)
    // each on what the one before left: + 10 %, then + 50 more (a budget officer's path read a cut, each on the policy's
    // own values): 623.34 + 50 = 673.34 from 2026-01-01
    const q = applyScenario(
      await nanning(),
      scenario('  dibao.standard.rural:\n    - {scale: 1.1, from: 2025-07-01}\n    - {add: 50, from: 2026-01-01}'),
    );
    expect([at(q, '2025-12-31', 'dibao.standard.rural'), at(q, '2026-01-01', 'dibao.standard.rural')]).toEqual(['623.34', '673.34']);
    // a copy, then a rise on the copy: 810 × 1.1 = 891 (the list in its order, the copy first, whatever the phases)
    const u = applyScenario(
      await nanning(),
      scenario('  dibao.standard.rural:\n    - {same_as: dibao.standard.urban, from: 2025-01-01}\n    - {scale: 1.1, from: 2026-01-01}'),
    );
    expect([
      at(u, '2024-12-31', 'dibao.standard.rural'),
      at(u, '2025-06-30', 'dibao.standard.rural'),
      at(u, '2026-01-01', 'dibao.standard.rural'),
    ]).toEqual(['566.67', '810', '891']);
    // what is wrong with a list is said at its item
    expect(
      problems(
        `scenario: s\ntitle: {zh: 测试, en: test}\nreason: r\nchanges:\n  dibao.standard.rural:\n    - {scale: 1.1, from: 2026-07-01}\n    - {add: 10}\n    - {scale: 1.2, from: 2026-01-01}\n    - {values: [{from: 2028-01-01, value: 900}]}\n`,
      ),
    ).toEqual([
      's.yaml:7:7: changes of dibao.standard.rural: each change after the first needs "from": the date it applies from',
      's.yaml:9:7: changes of dibao.standard.rural: "values" carry their own dates: give them as the one change of the parameter, not in a list',
      's.yaml:8:7: changes of dibao.standard.rural: dates must increase: 2026-01-01 comes after 2026-07-01',
    ]);
    // a year no document has, as a policy's dated values say it (0026 for 2026)
    expect(
      problems(
        `scenario: s\ntitle: {zh: 测试, en: test}\nreason: r\nchanges:\n  dibao.standard.rural:\n    - {scale: 1.1, from: 2026-07-01}\n    - {scale: 1.2, from: 0026-01-01}\n`,
      ),
    ).toEqual([
      's.yaml:7:7: changes of dibao.standard.rural: dates must increase: 0026-01-01 comes after 2026-07-01 (0026: a typo in its year?)',
    ]);
    // an empty list, at its line (a QA trial's was told without one)
    expect(problems(`scenario: s\ntitle: {zh: 测试, en: test}\nreason: r\nchanges:\n  dibao.standard.rural: []\n`)).toEqual([
      's.yaml:5:25: changes of dibao.standard.rural: an empty list: give one change or more',
    ]);
  });

  it('add adds (also negative amounts)', async () => {
    const p = applyScenario(await nanning(), scenario('  dibao.standard.urban: {add: -10.5}\n  tekun.minor_age: {add: 2}'));
    expect(at(p, '2024-01-01', 'dibao.standard.urban')).toBe('799.5');
    expect(at(p, '2024-01-01', 'tekun.minor_age')).toBe('20');
  });

  // 002 四: 全护理特困对象照料护理标准不低于当地最低工资标准的70% — a floor, written {set: 0.7}, cut a locality that pays
  // more (a provincial trial: Guangzhou's care reform "saved" 165.97 万元 at a corner where its share was above 0.7)
  it('at_least raises each dated value to a floor and keeps one above it; at_most lowers to a ceiling', async () => {
    const p = applyScenario(
      await nanning(),
      scenario('  dibao.standard.urban: {at_least: 800}\n  dibao.standard.rural: {at_most: 500}\n  tekun.minor_age: {at_least: 16}'),
    );
    expect(at(p, '2022-03-31', 'dibao.standard.urban')).toBe('800'); // 790 raised
    expect(at(p, '2022-04-01', 'dibao.standard.urban')).toBe('810'); // 810 kept
    expect(at(p, '2022-04-01', 'dibao.standard.rural')).toBe('500'); // 566.67 lowered
    expect(at(p, '2024-01-01', 'tekun.minor_age')).toBe('18'); // 18 kept
    expect(resolve(p, '2022-03-31').values.get('dibao.standard.urban')!.entry!.note).toBe('at least 800 of 790 (nanning-2022)');
    expect(problems('scenario: s\ntitle: {zh: 测试, en: test}\nreason: r\nchanges:\n  rounding: {at_least: fen}\n')).toEqual([
      's.yaml:5:24: change of rounding: rounding is a choice; it can only be set',
    ]);
  });

  it('from: the change starts that day; the baseline holds before it', async () => {
    const p = applyScenario(await nanning(), scenario('  dibao.standard.urban: {scale: 1.1, from: 2026-01-01}'));
    expect(at(p, '2025-12-31', 'dibao.standard.urban')).toBe('810');
    expect(at(p, '2026-01-01', 'dibao.standard.urban')).toBe('891');
  });

  it('dated values replace the history from their first date', async () => {
    const p = applyScenario(
      await nanning(),
      scenario('  dibao.gradual_exit.months:\n    values: [{from: 2025-01-01, value: 3}, {from: 2026-01-01, value: 6}]'),
    );
    expect(at(p, '2024-12-31', 'dibao.gradual_exit.months')).toBe('3');
    expect(at(p, '2025-06-01', 'dibao.gradual_exit.months')).toBe('3');
    expect(at(p, '2026-01-01', 'dibao.gradual_exit.months')).toBe('6');
  });

  it('same_as copies another parameter’s values at every date (unify rural with urban)', async () => {
    const p = applyScenario(await nanning(), scenario('  dibao.standard.rural: {same_as: dibao.standard.urban}'));
    expect(at(p, '2021-06-01', 'dibao.standard.rural')).toBe('790');
    expect(at(p, '2022-04-01', 'dibao.standard.rural')).toBe('810');
  });

  // A code review: the copy read the value as the lines before it had left it — 810 one way round, 891 the other
  it('same_as copies the value as the scenario leaves it, whatever the lines’ order: 810 × 1.1 = 891', async () => {
    const [copy, raise] = ['  dibao.standard.rural: {same_as: dibao.standard.urban}', '  dibao.standard.urban: {scale: 1.1}'];
    for (const lines of [`${copy}\n${raise}`, `${raise}\n${copy}`]) {
      const p = applyScenario(await nanning(), scenario(lines));
      expect([at(p, '2022-04-01', 'dibao.standard.urban'), at(p, '2022-04-01', 'dibao.standard.rural')]).toEqual(['891', '891']);
    }
  });

  it('a copy of a parameter the scenario copies too is refused (its value would hang on the lines’ order)', async () => {
    const sc = scenario('  dibao.standard.rural: {same_as: dibao.standard.urban}\n  dibao.standard.urban: {same_as: dibao.standard.rural}');
    const base = await nanning();
    expect(() => applyScenario(base, sc)).toThrow(/copies dibao\.standard\.rural, which this scenario copies too/);
  });

  it('cites the scenario as the source of the values it changed, and keeps estimates flagged when derived from one', async () => {
    const p = applyScenario(
      await nanning(),
      scenario('  tekun.care.min_wage_share.partial: {scale: 2}\n  tekun.basic.multiplier: {set: 1.6}'),
    );
    const s = resolve(p, '2025-01-01');
    expect(s.values.get('tekun.basic.multiplier')!.source!.id).toBe('scenario:t');
    expect(s.values.get('tekun.basic.multiplier')!.entry!.estimate).toBeUndefined();
    expect(s.values.get('tekun.care.min_wage_share.partial')!.entry!.estimate).toMatch(/^derived from an estimate: /);
  });

  it('never mutates the baseline', async () => {
    const base = await nanning();
    const before = JSON.stringify([...base.params.entries()]);
    applyScenario(base, scenario('  dibao.standard.urban: {scale: 2}\n  rounding: {set: yuan_up}'));
    expect(JSON.stringify([...base.params.entries()])).toBe(before);
  });

  it('a scenario that does not fit a locality changes nothing and says why', async () => {
    const base = await nanning();
    expect(() => applyScenario(base, scenario('  tekun.care.min_wage_share.none: {scale: 2}'))).toThrow(
      /× 2 of 0\.7 \(from 2021-01-01\) gives 1\.4, above the maximum 1/,
    );
  });
});

describe('a scenario with no changes', () => {
  it('gives exactly the baseline totals', async () => {
    const pop = await parseHouseholds(Readable.from([readFileSync('policies/samples/households.csv', 'utf8')]), 'sample.csv');
    for (const f of ['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang']) {
      const base = await loadPolicy(`policies/${f}.yaml`);
      const none = applyScenario(
        base,
        parseScenario('scenario: none\ntitle: {zh: 无, en: none}\nreason: identity\nchanges: {}\n', 'none.yaml'),
      );
      const [a, b] = simulate(pop, [
        { id: 'baseline', rules: compileRules(resolve(base, '2025-06-30')) },
        { id: 'none', rules: compileRules(resolve(none, '2025-06-30')) },
      ]);
      expect(JSON.stringify(figures(b!))).toBe(JSON.stringify(figures(a!)));
    }
  });
});

describe('scenario validation', () => {
  const head = 'scenario: s\ntitle: {zh: 测试, en: test}\nreason: r\n';
  it('names an unknown path and the nearest valid one, with its location', () => {
    expect(problems(`${head}changes:\n  tekun.basic.multiplyer: {set: 1.6}\n`)).toEqual([
      's.yaml:5:3: unknown parameter "tekun.basic.multiplyer" (did you mean "tekun.basic.multiplier"?)',
    ]);
    // a level left out: the one parameter under the branch with that last name, not the branch (tekun.care: none)
    expect(problems(`${head}changes:\n  tekun.care.none: {set: 0.7}\n`)).toEqual([
      's.yaml:5:3: unknown parameter "tekun.care.none" (did you mean "tekun.care.min_wage_share.none"?)',
    ]);
  });
  it('names an unknown operation with the nearest one, and a missing one', () => {
    expect(problems(`${head}changes:\n  tekun.basic.multiplier: {sett: 1.6}\n`)).toEqual([
      's.yaml:5:28: unknown key "sett" in a change of tekun.basic.multiplier (did you mean "set"?); expected one of set, scale, add, at_least, at_most, same_as, values, from',
      's.yaml:5:27: change of tekun.basic.multiplier: missing the operation: one of set, scale, add, at_least, at_most, same_as, values',
    ]);
  });
  it('rejects scaling a choice, a bad value, a mismatched same_as and a reserved id — all at once', () => {
    const p = problems(
      'scenario: baseline\ntitle: {zh: 测试, en: test}\nreason: r\nchanges:\n  rounding: {scale: 2}\n  tekun.care.min_wage_share.none: {set: 1.2}\n  dibao.standard.rural: {same_as: tekun.minor_age}\n',
    );
    expect(p).toEqual([
      's.yaml:1:11: scenario: the id must be lower-case letters, digits, ".", "_" or "-", and not "baseline"; got "baseline"',
      's.yaml:5:21: change of rounding: rounding is a choice; it can only be set',
      's.yaml:6:41: parameter tekun.care.min_wage_share.none: must be at most 1 (share of W), got 1.2',
      's.yaml:7:35: change of dibao.standard.rural: tekun.minor_age (years) is not the same kind of value as dibao.standard.rural (yuan/person/month)',
    ]);
  });
  it('says what was written where a number or a date was expected (an author’s trial: `add: 50元` was not echoed)', () => {
    expect(problems(`${head}changes:\n  dibao.standard.urban: {add: 50元}\n  dibao.standard.rural: {add: 5, from: 2026/1/1}\n`)).toEqual([
      's.yaml:5:31: change of dibao.standard.urban: expected a number to add, e.g. 50 or -12.5, with at most two decimals (money: fen), got "50元" (the number alone: write 50)',
      's.yaml:6:40: change of dibao.standard.rural: "from" must be a date YYYY-MM-DD, got "2026/1/1" (write 2026-01-01)',
    ]);
  });
  // A QA trial: scale 1.0000001 was told "expected a factor ≥ 0" (it is one: six decimals is the rule), and add 0.004 to a
  // standard was rounded away — the scenario then "changed nothing", a wrong reason
  it('names the decimals it takes: six for a factor or a share, two (fen) for money added', () => {
    expect(
      problems(
        `${head}changes:\n  dibao.standard.urban: {scale: 1.0000001}\n  dibao.standard.rural: {add: 0.004}\n  tekun.basic.multiplier: {add: 0.0000001}\n`,
      ),
    ).toEqual([
      's.yaml:5:33: change of dibao.standard.urban: expected a factor ≥ 0, e.g. 1.1, with at most six decimals, got "1.0000001"',
      's.yaml:6:31: change of dibao.standard.rural: expected a number to add, e.g. 50 or -12.5, with at most two decimals (money: fen), got "0.004"',
      's.yaml:7:33: change of tekun.basic.multiplier: expected a number to add, e.g. 50 or -0.1, with at most six decimals, got "0.0000001"',
    ]);
    expect(problems(`${head}changes:\n  dibao.standard.rural: {add: 0.01}\n  tekun.basic.multiplier: {add: 0.000001}\n`)).toEqual([]);
  });
  it('requires the id, title, reason and changes', () => {
    expect(problems('scenario: s\n')).toEqual([
      's.yaml:1:1: missing key "title"',
      's.yaml:1:1: missing key "reason"',
      's.yaml:1:1: missing key "changes"',
    ]);
  });
  it('accepts every shipped scenario and applies it to every shipped policy', async () => {
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.yaml'))) {
      const sc = parseScenario(readFileSync(`scenarios/${f}`, 'utf8'), f);
      expect(`${sc.id}.yaml`).toBe(f);
      for (const p of ['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang']) {
        expect(() => resolve(applyScenario(readPolicySync(p), sc), '2025-06-30')).not.toThrow();
      }
    }
  });
});

import { parsePolicy } from '../../src/io/policy-file.js';
const readPolicySync = (id: string) => parsePolicy(readFileSync(`policies/${id}.yaml`, 'utf8'), id);
