// What a policy author's trial slipped into and was told poorly or not at all (io/policy-file.ts, io/cases-file.ts,
// io/yaml-nodes.ts, io/param-values.ts): each now said at its own line, with what to write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseCases } from '../../src/io/cases-file.js';
import { parsePolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { bothTitles } from '../../src/core/scenario.js';

const SIMPLE = readFileSync('test/fixtures/policies/simple.yaml', 'utf8');
const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError)
      return e.problems.map((p) => `${p.where?.line}:${p.where?.col}: ${p.subject ? `${p.subject}: ` : ''}${p.message}`);
    throw e;
  }
  return [];
};

describe('a policy', () => {
  it('with an id of other characters than a-z 0-9 . _ - is refused at it', () => {
    expect(problems(() => parsePolicy(SIMPLE.replace('policy: simple', 'policy: henan gongyi!'), 'p.yaml'))).toEqual([
      '2:9: policy: the id must be lower-case letters, digits, ".", "_" or "-"; got "henan gongyi!" (e.g. henan-gongyi)',
    ]);
  });

  it('with yes, no, 1 or 否 for a boolean is told what to write', () => {
    const at = SIMPLE.indexOf('value: true');
    expect(at).toBeGreaterThan(0);
    const line = SIMPLE.slice(0, at).split('\n').length;
    const said = problems(() => parsePolicy(SIMPLE.slice(0, at) + SIMPLE.slice(at).replace('value: true', 'value: yes'), 'p.yaml'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(new RegExp(`^${line}:\\d+: parameter \\S+: expected true or false, got "yes": write true$`));
    expect(problems(() => parsePolicy(SIMPLE.slice(0, at) + SIMPLE.slice(at).replace('value: true', 'value: 否'), 'p.yaml'))[0]).toMatch(
      /got "否": write false$/,
    );
    expect(problems(() => parsePolicy(SIMPLE.slice(0, at) + SIMPLE.slice(at).replace('value: true', 'value: maybe'), 'p.yaml'))[0]).toMatch(
      /got "maybe"$/,
    );
  });

  it('indented with a tab is told to indent with spaces, and what follows is counted at or after it', () => {
    const said = problems(() => parsePolicy(SIMPLE.replace('\nname:', '\n\tname:'), 'p.yaml'));
    expect(said[0]).toMatch(/^3:1: YAML: a tab indents this line: YAML indents with spaces only \(replace each tab with spaces\)$/);
    for (const p of said.slice(1)) expect(Number(p.split(':')[0])).toBeGreaterThanOrEqual(3);
  });
});

// (a county officer's 2025年7月1日 and 850元 were told one at a time, under "every problem found is listed")
describe('a value whose date is not a date', () => {
  it('is told with every other problem of its entry: its value, its source', () => {
    const text = SIMPLE.replace(
      'urban: [{from: 2020-01-01, value: 1000, source: test}]',
      'urban: [{from: 2020年1月1日, value: 1000元, source: tset}]',
    );
    expect(problems(() => parsePolicy(text, 'p.yaml'))).toEqual([
      '9:22: parameter dibao.standard.urban: "from" must be a date YYYY-MM-DD, got "2020年1月1日" (write 2020-01-01)',
      '9:40: parameter dibao.standard.urban: expected an amount in yuan (yuan/person/month) ≥ 0 with at most two decimals, got "1000元" (the number alone: write 1000)',
      '9:55: parameter dibao.standard.urban: unknown source "tset" (did you mean "test"?); sources are test',
    ]);
  });

  it('a multiple written with 倍 is told the number alone', () => {
    const yaml = `scenario: s\ntitle: 试\nreason: r\nchanges:\n  tekun.basic.multiplier: {set: 1.3倍}\n`;
    expect(problems(() => parseScenario(yaml, 's.yaml'))).toEqual([
      '5:33: parameter tekun.basic.multiplier: expected a non-negative decimal (× S) with at most six decimals, got "1.3倍" (the number alone: write 1.3)',
    ]);
  });

  // (a reform author's {scale: 150} ran into 12 unit rules' errors about other parameters; 150% was told at once)
  it('a scale of 20 or more is told it multiplies by that: a percentage?', () => {
    const scaled = (k: string) => `scenario: s\ntitle: 试\nreason: r\nchanges:\n  low_income.multiplier: {scale: ${k}}\n`;
    expect(problems(() => parseScenario(scaled('150'), 's.yaml'))).toEqual([
      '5:34: change of low_income.multiplier: {scale: 150} multiplies by 150: a percentage? 150 % is {scale: 1.5}; to give the value itself, {set: V}',
    ]);
    expect(problems(() => parseScenario(scaled('20'), 's.yaml'))[0]).toContain('20 % is {scale: 0.2}');
    // (under 20 a factor may be a ×10 typed: the unit rules tell that at the value — test/cli/policy-rules.test.ts)
    expect(problems(() => parseScenario(scaled('19.99'), 's.yaml'))).toEqual([]);
  });

  it('in a scenario’s dated values, with its value', () => {
    const yaml = `scenario: s\ntitle: {zh: 试, en: try}\nreason: r\nchanges:\n  dibao.standard.urban: {values: [{from: 2025/7/1, value: 900元}]}\n`;
    expect(problems(() => parseScenario(yaml, 's.yaml'))).toEqual([
      '5:42: change of dibao.standard.urban: "from" must be a date YYYY-MM-DD, got "2025/7/1" (write 2025-07-01)',
      '5:59: parameter dibao.standard.urban: expected an amount in yuan (yuan/person/month) ≥ 0 with at most two decimals, got "900元" (the number alone: write 900)',
    ]);
  });
});

// (a county officer who writes no English was refused a scenario for want of an English title)
describe('a scenario’s title in one language', () => {
  it('is said in both: text alone, or {zh} or {en} alone; neither is refused', () => {
    const titled = (title: string) => parseScenario(`scenario: s\ntitle: ${title}\nreason: r\nchanges: {}\n`, 's.yaml').title;
    expect(titled('提高特困供养标准')).toEqual({ zh: '提高特困供养标准', en: '提高特困供养标准' });
    expect(titled('{zh: 提高特困供养标准}')).toEqual({ zh: '提高特困供养标准', en: '提高特困供养标准' });
    expect(titled('{en: Raise tekun}')).toEqual({ zh: 'Raise tekun', en: 'Raise tekun' });
    expect(titled('{zh: 提高, en: Raise}')).toEqual({ zh: '提高', en: 'Raise' });
    expect(problems(() => titled('{}'))).toEqual(['2:8: title: expected {zh: …, en: …} (or one of them)']);
    expect(problems(() => titled('[提高]'))).toEqual(['2:8: title: expected a title: text, or {zh: …, en: …}']);
    // (said once where it is one: explain's heading read "tk-16 特困基本生活标准1.6倍 特困基本生活标准1.6倍", a reform author's trial)
    expect([bothTitles(titled('提高特困供养标准')), bothTitles(titled('{zh: 提高, en: Raise}'))]).toEqual([
      '提高特困供养标准',
      '提高 Raise',
    ]);
  });
});

describe('a case file', () => {
  const CASE = '  - name: N\n    household: {area: urban, persons: [{age: 40}]}\n    expect: {dibao: 0}\n';
  it('whose date is not a date is told so once, not once more for each case', () => {
    expect(problems(() => parseCases(`policy: p.yaml\ndate: 30/06/2025\ncases:\n${CASE}${CASE.replace('N', 'M')}`, 'c.yaml'))).toEqual([
      '2:7: expected a date YYYY-MM-DD, got 30/06/2025',
    ]);
    // a case's own date: told with its case, and why it is not a day (a QA trial's 2024-13-01 was told with neither)
    expect(
      problems(() =>
        parseCases(`policy: p.yaml\ncases:\n${CASE.replace('    household', '    date: 2024-13-01\n    household')}`, 'c.yaml'),
      ),
    ).toEqual(['4:11: case "N": expected a date YYYY-MM-DD, got 2024-13-01 (there is no month 13)']);
    // with no date anywhere, each case is told
    expect(problems(() => parseCases(`policy: p.yaml\ncases:\n${CASE}`, 'c.yaml'))).toEqual([
      '3:5: case "N": no date: give "date" in the case or at the top of the file',
    ]);
  });

  // A QA trial: flag: true was "expected 0 or 1, got """; true and false are a flag's 1 and 0, as in a household
  it('a flag expected as true or false is 1 or 0; true for an amount is told as written', () => {
    const file = (expect: string) => `policy: p.yaml\ndate: 2025-06-30\ncases:\n${CASE.replace('{dibao: 0}', expect)}`;
    const flags = parseCases(file('{dibao: {flag: true}, tekun: {flag: false}}'), 'c.yaml')[0]!.expect;
    expect(flags).toEqual([
      expect.objectContaining({ target: 'dibao', field: 'flag', expected: 1 }),
      expect.objectContaining({ target: 'tekun', field: 'flag', expected: 0 }),
    ]);
    expect(problems(() => parseCases(file('{dibao: {amount: true}}'), 'c.yaml'))).toEqual([
      '6:30: case "N": dibao.amount: expected yuan with at most two decimals, got "true"',
    ]);
  });

  it('with an empty list of cases is told it is empty', () => {
    expect(problems(() => parseCases('policy: p.yaml\ndate: 2025-06-30\ncases: []\n', 'c.yaml'))).toEqual([
      '3:8: "cases" is empty: give at least one case (a file that tests nothing must not pass)',
    ]);
  });
});
