// Policy validation: every problem is reported, each with file:line:col and what was expected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyboardSlips } from '../../src/io/yaml-slips.js';
import { problemsOfSync } from '../helpers/problems.js';
import { parsePolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';

const SIMPLE = readFileSync('test/fixtures/policies/simple.yaml', 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** "line:col" of the first occurrence of needle, 1-based. */
const at = (text: string, needle: string) => {
  const line = lineOf(text, needle);
  return `${line}:${text.split('\n')[line - 1]!.indexOf(needle) + 1}`;
};

/** Parses `text` and returns the formatted problems (file name "p.yaml"). */
const problems = (text: string) => problemsOfSync(() => parsePolicy(text, 'p.yaml'));

describe('policy validation', () => {
  it('accepts the fixture and every shipped policy', () => {
    expect(problems(SIMPLE)).toEqual([]);
    for (const f of ['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang']) {
      expect(() => parsePolicy(readFileSync(`policies/${f}.yaml`, 'utf8'), f)).not.toThrow();
    }
  });

  it('names a misspelled parameter with the nearest valid path and its line', () => {
    const text = SIMPLE.replace('      urban: [{from: 2020-01-01, value: 1000', '      urbn: [{from: 2020-01-01, value: 1000');
    const line = lineOf(text, 'urbn:');
    const p = problems(text);
    expect(p).toContain(`p.yaml:${line}:7: unknown parameter "dibao.standard.urbn" (did you mean "dibao.standard.urban"?)`);
    // and not told missing as well: "did you mean" names it (a policy author's trial heard both of one slip)
    expect(p).toEqual([`p.yaml:${line}:7: unknown parameter "dibao.standard.urbn" (did you mean "dibao.standard.urban"?)`]);
    // one missing with no slip near it is told
    const gone = SIMPLE.replace(/^ {6}urban: \[\{from: 2020-01-01, value: 1000, source: test\}\]\n/m, '');
    expect(problems(gone).some((x) => x.includes('missing parameter dibao.standard.urban'))).toBe(true);
    // written dotted and nested both: where the first is
    const both = SIMPLE.replace('  rounding:', '  dibao.standard.urban: [{from: 2020-01-01, value: 1000, source: test}]\n  rounding:');
    expect(problems(both)).toEqual([
      expect.stringMatching(
        new RegExp(`: parameter dibao\\.standard\\.urban is given twice \\(first on line ${lineOf(SIMPLE, '      urban:')}\\)$`),
      ),
    ]);
    // with what its value is (it said "(payment mode, )" for an enum: an empty unit, no allowed values)
    expect(problems(SIMPLE.replace(/^ {4}payment:\n.*\n/m, ''))).toEqual([
      expect.stringMatching(/: missing parameter dibao\.payment\.mode \(低保金发放方式（差额\/分档） payment mode: one of gap, tiered\)$/),
    ]);
  });

  it('names a misspelled branch', () => {
    const text = SIMPLE.replace('  low_income:\n', '  low_incme:\n');
    expect(problems(text)[0]).toBe(`p.yaml:${lineOf(text, 'low_incme')}:3: unknown parameter "low_incme" (did you mean "low_income"?)`);
  });

  it('rejects unknown keys in a value entry and at the top, suggesting the right one', () => {
    const text = SIMPLE.replace(
      'rounding: [{from: 2020-01-01, value: fen, source: test}]',
      'rounding: [{from: 2020-01-01, value: fen, sorce: test}]',
    ).replace('policy: simple', 'policy: simple\nparameter: {}');
    const p = problems(text);
    expect(p).toContain(
      `p.yaml:${at(text, 'sorce')}: unknown key "sorce" in a value of rounding (did you mean "source"?); expected one of from, value, source, clause, estimate, range, exact, note`,
    );
    expect(
      p.some((x) =>
        x.startsWith(`p.yaml:${lineOf(text, 'parameter: {}')}:1: unknown key "parameter" in the policy file (did you mean "parameters"?)`),
      ),
    ).toBe(true);
  });

  it('rejects wrong types and impossible values, saying what was expected', () => {
    const text = SIMPLE.replace('value: 1000, source', 'value: 1000.555, source')
      .replace('none: [{from: 2020-01-01, value: 0.7', 'none: [{from: 2020-01-01, value: 1.7')
      .replace('partial: [{from: 2020-01-01, value: 0.3', 'partial: [{from: 2020-01-01, value: 20')
      .replace('value: gap, source', 'value: gaps, source')
      .replace('aid: [{from: 2020-01-01, value: true', 'aid: [{from: 2020-01-01, value: yes')
      .replace('elderly_age: [{from: 2020-01-01, value: 60', 'elderly_age: [{from: 2020-01-01, value: 160')
      .replace('months: [{from: 2020-01-01, value: 6', 'months: [{from: 2020-01-01, value: 13');
    const p = problems(text);
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^p\.yaml:\d+:\d+: parameter dibao\.standard\.urban: expected an amount in yuan .* at most two decimals, got "1000\.555"$/,
        ),
        expect.stringMatching(/parameter tekun\.care\.min_wage_share\.none: must be at most 1 \(share of W\), got 1\.7$/),
        // (a percentage without its sign: a policy author's 20 for 0.2; 1.7 above is not taken for one)
        expect.stringMatching(
          /parameter tekun\.care\.min_wage_share\.partial: must be at most 1 \(share of W\), got 20 \(a percentage\? 20 % is 0\.2\)$/,
        ),
        expect.stringMatching(/parameter dibao\.payment\.mode: expected one of gap, tiered, got "gaps" \(did you mean "gap"\?\)$/),
        expect.stringMatching(/parameter rigid\.aid: expected true or false, got "yes": write true$/),
        expect.stringMatching(/parameter tekun\.elderly_age: expected a whole number from 0 to 130 \(years\), got "160"$/),
        expect.stringMatching(/parameter dibao\.gradual_exit\.months: expected a whole number from 0 to 12 \(months\), got "13"$/),
      ]),
    );
    expect(p).toHaveLength(7);
  });

  it('rejects unsorted and duplicate dates', () => {
    const unsorted = SIMPLE.replace(
      'urban: [{from: 2020-01-01, value: 1000, source: test}]',
      'urban: [{from: 2021-01-01, value: 1100, source: test}, {from: 2020-01-01, value: 1000, source: test}]',
    );
    expect(problems(unsorted)).toEqual([
      expect.stringMatching(/^p\.yaml:\d+:\d+: parameter dibao\.standard\.urban: dates must increase: 2020-01-01 comes after 2021-01-01$/),
    ]);
    // a year no document has, on a second entry (a policy author's 0024-07-01 was told to reorder)
    const typo = SIMPLE.replace(
      'urban: [{from: 2020-01-01, value: 1000, source: test}]',
      'urban: [{from: 2020-01-01, value: 1000, source: test}, {from: 0024-07-01, value: 1100, source: test}]',
    );
    expect(problems(typo)).toEqual([
      expect.stringMatching(/dates must increase: 0024-07-01 comes after 2020-01-01 \(0024: a typo in its year\?\)$/),
    ]);
    const dup = SIMPLE.replace(
      'urban: [{from: 2020-01-01, value: 1000, source: test}]',
      'urban: [{from: 2020-01-01, value: 1000, source: test}, {from: 2020-01-01, value: 1100, source: test}]',
    );
    const line = lineOf(dup, 'urban: [');
    expect(problems(dup)).toEqual([
      expect.stringMatching(
        new RegExp(`dibao\\.standard\\.urban: duplicate date 2020-01-01 \\(first on line ${line}\\): one value a date$`),
      ),
    ]);
    const bad = SIMPLE.replace('urban: [{from: 2020-01-01,', 'urban: [{from: 2020-02-30,');
    expect(problems(bad)).toEqual([
      expect.stringMatching(/"from" must be a date YYYY-MM-DD, got "2020-02-30" \(February 2020 has 29 days\)$/),
    ]);
    // a year alone (YAML reads it as a number): it said "got nothing", an onboarding trial
    const year = SIMPLE.replace('urban: [{from: 2020-01-01,', 'urban: [{from: 2020,');
    expect(problems(year)).toEqual([
      expect.stringMatching(
        /"from" must be a date YYYY-MM-DD, got "2020" \(a year alone: write the day it took effect, e\.g\. 2020-01-01\)$/,
      ),
    ]);
  });

  it('requires a source or an estimate on each value, and a known source', () => {
    const text = SIMPLE.replace('rural: [{from: 2020-01-01, value: 800, source: test}]', 'rural: [{from: 2020-01-01, value: 800}]').replace(
      'limit_months: [{from: 2020-01-01, value: 24, source: test}]',
      'limit_months: [{from: 2020-01-01, value: 24, source: tset}]',
    );
    const p = problems(text);
    expect(p).toContain(
      `p.yaml:${at(text, '{from: 2020-01-01, value: 800}')}: parameter dibao.standard.rural: each value needs a "source" (and clause) or, where nothing is published, an "estimate" stating its basis`,
    );
    expect(p.some((x) => x.endsWith('unknown source "tset" (did you mean "test"?); sources are test'))).toBe(true);
  });

  it('reads a file whose lines end in CR alone, or CR LF, as with LF (YAML 1.2 line breaks), a problem at its line', () => {
    const same = JSON.stringify(parsePolicy(SIMPLE, 'p.yaml'));
    for (const end of ['\r', '\r\n']) {
      expect(JSON.stringify(parsePolicy(SIMPLE.replaceAll('\n', end), 'p.yaml'))).toBe(same);
      const text = SIMPLE.replace('      urban: [{from: 2020-01-01, value: 1000', '      urbn: [{from: 2020-01-01, value: 1000');
      expect(problems(text.replaceAll('\n', end))).toContain(
        `p.yaml:${lineOf(text, 'urbn:')}:7: unknown parameter "dibao.standard.urbn" (did you mean "dibao.standard.urban"?)`,
      );
    }
    const scenario = readFileSync('scenarios/low-income-2x.yaml', 'utf8');
    expect(JSON.stringify(parseScenario(scenario.replaceAll('\n', '\r'), 's.yaml'))).toBe(
      JSON.stringify(parseScenario(scenario, 's.yaml')),
    );
  });

  it('reports a YAML syntax error with its position', () => {
    const p = problems(SIMPLE.replace('policy: simple', 'policy: simple\n  bad: [indent'));
    expect(p[0]).toMatch(/^p\.yaml:2:\d+: YAML: /);
    expect(p.every((x) => x.includes('YAML: '))).toBe(true); // no cascade of structural complaints
  });

  // An author's trial typed a policy on a Chinese keyboard: the parser spoke of implicit keys, block collections and
  // columns (14 errors at other lines for one full-width space), never of the character typed (io/yaml-slips.ts).
  it('names a full-width colon, comma or space where YAML needs its own, then the parser’s first error, the rest counted', () => {
    const assets = lineOf(SIMPLE, '    assets:');
    expect(problems(SIMPLE.replace('    assets:\n', '    assets：\n'))).toEqual([
      `p.yaml:${assets}:11: YAML: a full-width colon "：" (U+FF1A) after a key: YAML needs ":" and a space`,
      expect.stringMatching(new RegExp(`^p\\.yaml:${assets}:5: YAML: Implicit keys need to be on a single line$`)),
    ]);
    const urban = lineOf(SIMPLE, '      urban:');
    const comma = SIMPLE.replace('urban: [{from: 2020-01-01, value: 1000', 'urban: [{from: 2020-01-01，value: 1000');
    expect(problems(comma)[0]).toBe(`p.yaml:${urban}:32: YAML: a full-width comma "，" (U+FF0C) between entries: YAML needs ","`);
    const space = problems(SIMPLE.replace('    assets:\n', '\u3000\u3000  assets:\n'));
    expect(space[0]).toBe(`p.yaml:${assets}:1: YAML: a full-width space (U+3000 全角空格) in the indentation: indent with ordinary spaces`);
    expect(space.at(-1)).toMatch(/: YAML: and \d+ more errors from here on, which may all follow from the first: fix it and run again$/);
    expect(space.length).toBeLessThanOrEqual(3);
    // the space after a colon typed full-width (a county officer's value:[U+3000]870: told only "Implicit keys need to be on a
    // single line"), in a block or a flow mapping
    expect(problems(SIMPLE.replace('    assets:\n', '    assets:\u3000\n'))[0]).toBe(
      `p.yaml:${assets}:12: YAML: a full-width space (U+3000 全角空格) after a colon: YAML needs ":" and an ordinary space`,
    );
    expect(keyboardSlips('a: {from:\u30002020-01-01, value: 1}\n', 'p.yaml').map((p) => `${p.where!.col}: ${p.message}`)).toEqual([
      '10: YAML: a full-width space (U+3000 全角空格) after a colon: YAML needs ":" and an ordinary space',
    ]);
    // in a quoted value or a comment they are text, not slips (the file is refused for its other error alone)
    const quoted = SIMPLE.replace('name: {zh: 测试,', 'name: {zh: "测试：甲，乙",') + '# 注释：说明，\n  bad: [x\n';
    expect(problems(quoted).length).toBeGreaterThan(0);
    expect(problems(quoted).some((x) => x.includes('full-width'))).toBe(false);
  });

  // A 科长 typed --describe on a Chinese keyboard with the 中文 keys (城乡, 成员, 年龄): told only "Missing , or :"
  it('names a full-width colon or comma after a 中文 key too', () => {
    expect(keyboardSlips('{城乡：城镇，成员：[{年龄：70}]}', '--describe').map((p) => `${p.where!.col}: ${p.message}`)).toEqual([
      '4: YAML: a full-width colon "：" (U+FF1A) after a key: YAML needs ":" and a space',
      '7: YAML: a full-width comma "，" (U+FF0C) between entries: YAML needs ","',
      '10: YAML: a full-width colon "：" (U+FF1A) after a key: YAML needs ":" and a space',
      '15: YAML: a full-width colon "：" (U+FF1A) after a key: YAML needs ":" and a space',
    ]);
    expect(keyboardSlips('家庭编号：H1\n', 'h.yaml').map((p) => p.where!.col)).toEqual([5]); // (a block key)
    // (a value holding them is not a key: 方案：甲 after "title: "; nor a block scalar's text, more indented than its key)
    expect(keyboardSlips('title: 方案：甲，乙\n', 'h.yaml')).toEqual([]);
    expect(
      keyboardSlips('note: |\n  说明：这是一段文字\n\n  第二段：也是\nreason: >-\n   依据：文件\n城乡：城镇\n', 's.yaml').map(
        (p) => p.where!.line,
      ),
    ).toEqual([7]);
  });

  // An author's retrial: in {…} a full-width colon or space parses (as a key of its own), and a value typed as text
  // was told only that it was not a number
  it('names a full-width colon or space typed into a key in {…}, and what a number written as text meant', () => {
    const urban = lineOf(SIMPLE, '      urban:');
    const at = (v: string) => problems(SIMPLE.replace('urban: [{from: 2020-01-01, value: 1000, source: test}]', `urban: [${v}]`));
    expect(at('{from： 2020-01-01, value: 1000, source: test}')[0]).toBe(
      `p.yaml:${urban}:16: unknown key "from： 2020-01-01" in a value of dibao.standard.urban: a full-width colon "：" (U+FF1A) after "from": YAML needs ":" and a space`,
    );
    expect(at('{from: 2020-01-01,\u3000value: 1000, source: test}')[0]).toMatch(
      /unknown key "\u3000value" in a value of dibao\.standard\.urban: a full-width space \(U\+3000 全角空格\) before "value"/,
    );
    const got = (v: string) => at(`{from: 2020-01-01, value: ${v}, source: test}`)[0]!.replace(/^.*, got /, '');
    expect(got('"１０００"')).toBe('"１０００" (full-width digits: write 1000)');
    expect(got('1000元')).toBe('"1000元" (the number alone: write 1000)');
    expect(got('0.1万')).toBe('"0.1万" (in yuan, the number alone: 0.1万 is 1000)');
    expect(got('"12,000"')).toBe('"12,000" (no thousands separator: write 12000)');
    expect(
      problems(SIMPLE.replace('income_ceiling: [{from: 2020-01-01, value: 1.5', 'income_ceiling: [{from: 2020-01-01, value: 150%'))[0],
    ).toMatch(/got "150%" \(a percentage: write 1\.5\)$/);
    // a county officer's slips: a decimal point typed as ， or 。, a comment begun with a full-width ＃
    expect(got('0，6')).toBe('"0，6" (a decimal point is ".": write 0.6)');
    expect(got('0。6')).toBe('"0。6" (a decimal point is ".": write 0.6)');
    expect(got('1000  ＃城镇')).toBe(
      '"1000  ＃城镇" ("＃" is full-width: a comment starts with a half-width "#" after a space, so "＃城镇" was read as part of the value; write 1000 #城镇)',
    );
  });

  // A county officer wrote all three levels' shares and was offered funding.assistance.central for the county's
  it('a city’s or county’s funding share written out is told it is the rest', () => {
    const text = SIMPLE.replace(
      '      provincial: [{from: 2020-01-01, value: 0.2, source: test}]\n',
      '      provincial: [{from: 2020-01-01, value: 0.2, source: test}]\n      county: [{from: 2020-01-01, value: 0.2, source: test}]\n',
    );
    expect(problems(text)).toEqual([
      `p.yaml:${lineOf(text, 'county:')}:7: unknown parameter "funding.assistance.county": the city's or county's share is not given: it is what is left, 1 − funding.assistance.central − funding.assistance.provincial (leave "county" out)`,
    ]);
  });

  it('says what a second document, an unquoted ": " in a value and a thousands separator are', () => {
    const urban = lineOf(SIMPLE, '      urban:');
    expect(problems(SIMPLE.replace('urban: [{from: 2020-01-01, value: 1000,', 'urban: [{from: 2020-01-01, value: 1,000,'))).toEqual([
      `p.yaml:${urban}:43: unknown key "000" in a value of dibao.standard.urban: a thousands separator? In {…} a comma ends the value (38,000 is 38 and a key "000"): write 38000 without it`,
    ]);
    expect(problems(SIMPLE + '---\nname: x\n')).toEqual([
      `p.yaml:${SIMPLE.split('\n').length}:1: YAML: a second YAML document starts here (after ---): the file is one document; remove the --- line`,
    ]);
    const title = SIMPLE.replace(
      '  test: {title: round numbers',
      '  test:\n    title: 湖南省统计局: 某县 round numbers\n    x: {title: round numbers',
    );
    expect(problems(title)[0]).toMatch(
      /YAML: Nested mappings are not allowed in compact mappings \(a value with ": " in it goes in quotes: title: "…: …"\)$/,
    );
    // a key indented past its sibling (a county officer's value: under - from:, told to quote a value with ": ")
    const deeper = SIMPLE.replace(
      '      urban: [{from: 2020-01-01, value: 1000, source: test}]',
      '      urban:\n        - from: 2020-01-01\n            value: 1000\n          source: test',
    );
    expect(problems(deeper)[0]).toBe(
      `p.yaml:${lineOf(deeper, '- from: 2020-01-01')}:17: YAML: line ${lineOf(deeper, 'value: 1000')}'s "value" is indented 12 spaces, more than "from" on this line (10): YAML reads it inside this line's value; indent "value" as "from" is`,
    );
    // the same slip inside {…} (a policy author's trial: YAML's words alone)
    const flow = SIMPLE.replace(
      'urban: [{from: 2020-01-01, value: 1000,',
      'urban: [{from: 2020-01-01, note: in force: assumed, value: 1000,',
    );
    expect(problems(flow)[0]).toMatch(
      /\(inside \{…\} a value with ": " in it goes in quotes: \{estimate: "…: …"\}, or the "\{" or "\[" of a value is not closed\)$/,
    );
  });

  // A policy author wrote the mid-year change as a second `urban:` list and was told only that a key appears once.
  it('a parameter’s list given twice says where a later value goes: another entry in the first list', () => {
    const twice = SIMPLE.replace(
      'urban: [{from: 2020-01-01, value: 1000, source: test}]',
      'urban: [{from: 2020-01-01, value: 1000, source: test}]\n      urban: [{from: 2024-07-01, value: 1100, source: test}]',
    );
    expect(problems(twice)).toEqual([
      expect.stringMatching(
        /key "urban" is given twice \(first on line \d+\); a key appears once in a mapping: a value from a later date is another entry in the first one’s list \(- \{from: YYYY-MM-DD, value: …\}\)$/,
      ),
    ]);
  });

  it('validates tiers: increasing shares, the last at least 1', () => {
    const text = SIMPLE.replace('  rounding:', '    tiers_placeholder\n  rounding:')
      .replace('    tiers_placeholder\n', '')
      .replace(
        'mode: [{from: 2020-01-01, value: gap, source: test}]',
        'mode: [{from: 2020-01-01, value: tiered, source: test}]\n      tiers: [{from: 2020-01-01, source: test, value: [{below_share: 0.5, per_person: 600}, {below_share: 0.4, per_person: 300}]}]',
      );
    expect(problems(text)).toEqual([
      expect.stringMatching(/dibao\.payment\.tiers: bands must be in increasing order of below_share: 0\.4 after 0\.5$/),
    ]);
    // a richer band paying more: raised one band (002 一 调高救助档次), a household would be paid less (a reviewer's scenario)
    const rising = text.replace('{below_share: 0.4, per_person: 300}', '{below_share: 1, per_person: 700}');
    expect(problems(rising)).toEqual([
      expect.stringMatching(/dibao\.payment\.tiers: per_person must not rise from band to band: .*got 700 after 600$/),
    ]);
    const short = text.replace('{below_share: 0.4, per_person: 300}', '{below_share: 0.9, per_person: 300}');
    expect(problems(short)).toEqual([expect.stringMatching(/the last band's below_share must be at least 1/)]);
    // shares written as percentages (an author's trial): the first band takes every household, the next is never reached
    const percent = text.replace(
      '{below_share: 0.5, per_person: 600}, {below_share: 0.4',
      '{below_share: 30, per_person: 600}, {below_share: 100',
    );
    expect(problems(percent)).toEqual([
      expect.stringMatching(
        /this band is never reached: the band before it \(below_share 30\) already takes every dibao household .*\(0\.3, not 30\)$/,
      ),
    ]);
    // with its sign (a policy author's trial was told "expected a share of S, e.g. 0.5" without what it got)
    expect(problems(text.replace('{below_share: 0.5,', '{below_share: 30%,'))).toEqual([
      expect.stringMatching(/below_share: expected a share of S, e\.g\. 0\.5, got "30%" \(a percentage: write 0\.3\)$/),
    ]);
  });
});

describe('a reform author’s slips, each said with what to write (a finance analyst’s trial)', () => {
  const scenario = (reason: string, changes: string) =>
    `scenario: s\ntitle: {zh: 试, en: try}\nreason: ${reason}\nchanges:\n  ${changes}\n`;
  const said = (text: string) => problemsOfSync(() => parseScenario(text, 's.yaml'));

  it('a day that does not exist, in YYYY-MM-DD: which month has how many days (it was "must be a date YYYY-MM-DD")', () => {
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027-02-30'}"))).toEqual([
      's.yaml:5:41: change of dibao.standard.urban: "from" must be a date YYYY-MM-DD, got "2027-02-30" (February 2027 has 28 days)',
    ]);
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2028-02-30'}"))[0]).toContain('(February 2028 has 29 days)');
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027-13-01'}"))[0]).toContain('(there is no month 13)');
    // a day written another way says how to write it (a caseworker's 2026/12/01, 2026-12-1, 2026年12月1日)
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027/07/01'}"))[0]).toMatch(
      /got "2027\/07\/01" \(write 2027-07-01\)$/,
    );
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027年7月1日'}"))[0]).toMatch(/\(write 2027-07-01\)$/);
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027-7-1'}"))[0]).toMatch(/\(write 2027-07-01\)$/);
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027/02/30'}"))[0]).toMatch(/\(February 2027 has 28 days\)$/);
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027年7月'}"))[0]).toMatch(/got "2027年7月"$/);
    // a span (a policy author's `from: 2024-07-01 ~ 2025-06-30`): one day, and how a value ends
    expect(said(scenario('x', "dibao.standard.urban: {add: 80, from: '2027-07-01 ~ 2028-06-30'}"))[0]).toMatch(
      /got "2027-07-01 ~ 2028-06-30" \(one day, the first: write 2027-07-01; a value holds until the next entry's "from", so a value that ends on 2028-06-30 is followed by one from the day after\)$/,
    );
    // a source's date says how to write it too (it said only "must be YYYY-MM-DD")
    const policy = SIMPLE.replace(/^( {2}test: \{)/m, '$1date: 2024/07/01, ');
    expect(problemsOfSync(() => parsePolicy(policy, 'p.yaml'))).toEqual([
      expect.stringMatching(/date must be YYYY-MM-DD, got 2024\/07\/01 \(write 2024-07-01\)$/),
    ]);
  });

  it('text YAML reads as a number: put it in quotes', () => {
    expect(said(scenario('000', 'dibao.standard.urban: {add: 80}'))).toEqual([
      's.yaml:3:9: reason: expected the clause or reason behind the reform (text): YAML reads 000 as a number, put it in quotes ("000")',
    ]);
  });

  it('a change given to a group names its parameters (it was "did you mean dibao.standard?", the key written)', () => {
    expect(said(scenario('x', 'dibao.standard: {add: 80}'))).toEqual([
      's.yaml:5:20: dibao.standard is a group of parameters, not one: give the change to each (dibao.standard.urban, dibao.standard.rural)',
    ]);
  });

  it('an alias to no anchor, and a YAML merge key, are told at their place (the alias was read as a missing value)', () => {
    const alias = SIMPLE.replace('      rural: [{from: 2020-01-01, value: 800, source: test}]', '      rural: *rural');
    expect(problems(alias)[0]).toBe(
      `p.yaml:${at(alias, '*rural')}: *rural refers to no anchor: an alias needs &rural on a value before it`,
    );
    // an alias to an anchor still reads as its value
    const anchored = SIMPLE.replace('value: 1000, source: test}]', 'value: 1000, source: &src test}]').replace(
      'value: 800, source: test}]',
      'value: 800, source: *src}]',
    );
    expect(problems(anchored)).toEqual([]);
    const merge = SIMPLE.replace(
      '  test: {title: round numbers for hand-worked tests, file: test/fixtures/policies/simple.yaml}',
      '  test: &t {title: round numbers for hand-worked tests, file: test/fixtures/policies/simple.yaml}\n  other: {<<: *t, grade: A}',
    );
    expect(problems(merge)[0]).toBe(
      `p.yaml:${at(merge, '<<')}: a YAML merge key (<<) in source other: it is not read; write out the keys it would bring in`,
    );
  });
});
