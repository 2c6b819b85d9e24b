// jiuzhu test / validate / check end to end: exit codes, what a failure says, JUnit, snapshots.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'jiuzhu-'));
const CASES = readFileSync('policies/cases/guangxi-nanning.yaml', 'utf8')
  .replace('policy: ../guangxi-nanning.yaml', `policy: ${resolve('policies/guangxi-nanning.yaml')}`)
  .replaceAll('[../../scenarios/', `[${resolve('scenarios')}/`);

describe('jiuzhu test', () => {
  it('passes the shipped cases with exit 0 and a summary line', () => {
    const r = jiuzhu(['test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cases: \d+ passed, 0 failed · parameter rules on 3 policies: 0 errors, 0 warnings$/m);
  });

  it('fails a wrong expected value naming the case, the program, the clause, and the deciding step; writes JUnit', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'wrong.yaml'),
      CASES.replace('expect: {dibao: {amount: 599.50, persons: 2}', 'expect: {dibao: {amount: 600.00, persons: 2}'),
    );
    const junit = join(dir, 'junit.xml');
    const r = jiuzhu(['test', dir, '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ an urban couple gets the gap S × n − I = 1620.00 − (900 + 120.50) = 599.50  (000（四）差额)');
    expect(r.stdout).toMatch(/dibao\.amount: expected 600\.00, got 599\.50 {2}.*wrong\.yaml:\d+:\d+/);
    // (the clauses of Nanning's own documents: not Guangdong's 003 §7 nor Jiangxi's 004 §3)
    expect(r.stdout).toContain('step 3 · 低保 dibao   000（一） 000（四）\n');
    expect(r.stdout).toMatch(/cases: \d+ passed, 1 failed/);
    // (after what simulate says of the policy at the cases' date: its 2022 standards carried forward to 2024-12-31)
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('note: '))).toEqual([
      'jiuzhu: some cases or parameter rules failed (see above)',
      '',
    ]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="[^"]*wrong\.yaml" tests="\d+" failures="1" errors="0">/);
    expect(xml).toContain('<failure message="dibao.amount: expected 600.00, got 599.50">');
  });

  it('rejects a case file with an unknown program or a bad household field (exit 3)', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'bad.yaml'),
      CASES.replace('expect: {tekun: 2446.00}', 'expect: {tekn: 2446.00}').replace(
        '{age: 17, has_capable_supporter: 0}',
        '{age: 17, has_capable_supporter: 2}',
      ),
    );
    const r = jiuzhu(['test', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: case "a 17-year-old .*", person \d+: has_capable_supporter: expected 0 or 1, got "[^"]*"/);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: case "full care .*": unknown program "tekn" \(did you mean "tekun"\?\)/);
    // the file's other cases still run (a CI trial's one misspelt key stopped every case of its file); with --junit the
    // two are its errors by their names (a CI job publishing it shows why), and the exit stays 3
    const total = CASES.match(/^ {2}- name: /gm)!.length;
    expect(r.stdout).toMatch(new RegExp(`cases: ${total - 2} passed, 0 failed, 2 could not run`));
    const junit = join(dir, 'junit.xml');
    expect(jiuzhu(['test', dir, '--junit', junit]).code).toBe(3);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(new RegExp(`<testsuite name="[^"]*bad\\.yaml" tests="${total}" failures="0" errors="2">`));
    expect(xml).toMatch(
      /<testcase classname="[^"]*bad\.yaml" name="full care [^"]*">\n {6}<error message="unknown program &quot;tekn&quot; \(did you mean &quot;tekun&quot;\?\)[^"]*">[^<]*bad\.yaml:\d+:\d+: case/,
    );
    expect(xml.match(/<testcase classname="[^"]*bad\.yaml"/g)).toHaveLength(total);
    // and the same shape with that case alone in its file
    const one = tmp();
    writeFileSync(
      join(one, 'one.yaml'),
      CASES.split(/\n(?= {2}- name: )/)[0] +
        '\n' +
        CASES.split(/\n(?= {2}- name: )/)
          .find((c) => c.includes('full care'))!
          .replace('expect: {tekun: 2446.00}', 'expect: {tekn: 2446.00}') +
        '\n',
    );
    expect(jiuzhu(['test', one, '--junit', join(one, 'j.xml')]).code).toBe(3);
    expect(readFileSync(join(one, 'j.xml'), 'utf8')).toMatch(
      /<testsuite name="[^"]*one\.yaml" tests="1" failures="0" errors="1">\n {4}<testcase classname="[^"]*one\.yaml" name="full care /,
    );
  });
});

// A CI trial: a repeated person_id crashed (exit 4); an empty expectation made its case vanish from the run and the
// count; a household's column on a person read "unknown key" (area: "did you mean age?").
describe('case files a CI job gets wrong', () => {
  it('a person_id given twice, an empty expectation, a column at the wrong level: each told at its place (exit 3)', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'bad.yaml'),
      CASES.replace(
        'persons: [{age: 45, wage_income: 900}, {age: 43, other_income: 120.50}]',
        'persons: [{age: 45, wage_income: 900}, {person_id: p1, age: 43}]',
      )
        .replace('persons: [{age: 70}]', 'persons: [{age: 70, financial_assets: 100}]')
        .replace('expect: {tekun: 2446.00}', 'expect: {tekun: {}}')
        .replace(
          'household: {area: urban, persons: [{age: 72, has_capable_supporter: 0}]}',
          'household: {age: 3, area: urban, persons: [{age: 72, has_capable_supporter: 0}]}',
        ),
    );
    const r = jiuzhu(['test', dir]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(
      /bad\.yaml:\d+:\d+: case "an urban couple .*": person_id "p1" is person 1's too \(a person without an id is p1, p2 … by place\): each person needs an id of their own/,
    );
    expect(r.stderr).toMatch(
      /bad\.yaml:\d+:\d+: case "an elderly person with a capable .*": financial_assets is the household's \(the same for every member\): give it beside "persons"/,
    );
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: case "full care .*": expected tekun's amount[^:]*: \{\} checks nothing/);
    expect(r.stderr).toMatch(
      /bad\.yaml:\d+:\d+: case "an elderly person alone.*": age is a person's: give it in each person under "persons"/,
    );
    expect(r.stderr).not.toContain('internal error');
  });

  it('a misspelt policy path, or a date before the policy’s values, is told at the case (exit 3, in the JUnit too)', () => {
    // (at the file's own key where the case takes it from the file: an author's trial was sent to the first case's line)
    const lineOf = (key: string) => CASES.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;
    expect(lineOf('policy') * lineOf('date')).toBeGreaterThan(0);
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), CASES.replace('guangxi-nanning.yaml', 'guangxi-nanningg.yaml'));
    const junit = join(dir, 'j.xml');
    const r = jiuzhu(['test', dir, '--junit', junit]);
    expect(r.code).toBe(3); // (exit 2, naming no case file, and no JUnit)
    expect(r.stderr).toMatch(
      new RegExp(
        `a\\.yaml:${lineOf('policy')}:\\d+: case "[^"]+": cannot read the policy file \\S+guangxi-nanningg\\.yaml: no such file or directory; did you mean "guangxi-nanning\\.yaml"\\?`,
      ),
    );
    expect(readFileSync(junit, 'utf8')).toContain('guangxi-nanningg.yaml');
    writeFileSync(join(dir, 'a.yaml'), CASES.replace(/^date: \S+/m, 'date: 2001-01-01'));
    const early = jiuzhu(['test', dir]);
    expect(early.code).toBe(3);
    expect(early.stderr).toMatch(
      new RegExp(
        `a\\.yaml:${lineOf('date')}:\\d+: case "[^"]+": \\S+guangxi-nanning\\.yaml has no value at 2001-01-01 for \\d+ parameters \\([^)]+\\): its values are complete from 2020-11-21\n`,
      ),
    );
    expect(early.stderr).toMatch(/\nhint: give the case a date from 2020-11-21; \d+ other cases? ran \(above\)\n$/);
    // told once for each policy, scenarios and date, not once a case
    const told = early.stderr.split('\n').filter((l) => l.startsWith('  ')).length;
    expect(told).toBeLessThan((CASES.match(/^ {2}- name:/gm) ?? []).length / 4);
  });

  it('a case file whose policy cannot be read does not stop the others: they run, it is an error (exit 3), in the JUnit too', () => {
    // A CI trial: one file's misspelt policy stopped every file's cases, and the JUnit had none of them
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), CASES);
    writeFileSync(join(dir, 'b.yaml'), CASES.replace('guangxi-nanning.yaml', 'guangxi-nanningg.yaml'));
    writeFileSync(join(dir, 'c.yaml'), 'policy: x.yaml\ndate: 2024-12-31\ncases: [{name: bad, household: {}, expect: {tekn: 1}}]\n');
    const junit = join(dir, 'j.xml');
    const r = jiuzhu(['test', dir, '--junit', junit]);
    const n = (CASES.match(/^ {2}- name:/gm) ?? []).length;
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(new RegExp(`^cases: ${n} passed, 0 failed, ${n + 1} could not run · `, 'm'));
    expect(r.stdout).toContain('could not run (the problems are on stderr)');
    // each problem once: b.yaml's policy at its first case, c.yaml's own problems
    expect(r.stderr).toMatch(/b\.yaml:\d+:\d+: case "[^"]+": cannot read the policy file \S+guangxi-nanningg\.yaml/);
    // once whatever its cases' dates (a CI trial's broken policy was told once per date)
    expect(r.stderr.split('cannot read the policy file').length - 1).toBe(1);
    expect(r.stderr).toMatch(/c\.yaml:\d+:\d+: [^\n]*unknown program "tekn"/);
    expect(r.stderr).toMatch(new RegExp(`; ${n} other cases ran \\(above\\)\\n$`));
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(new RegExp(`<testsuite name="[^"]*a\\.yaml" tests="${n}" failures="0" errors="0">`));
    expect(xml).toMatch(new RegExp(`<testsuite name="[^"]*b\\.yaml" tests="${n}" failures="0" errors="${n}">`));
    expect(xml).toMatch(/<testsuite name="[^"]*c\.yaml" tests="1" failures="0" errors="1">/);
    // the root sums its suites (CI parsers that read only the root's counts: a downstream trial)
    const tests = [...xml.matchAll(/<testsuite name="[^"]*" tests="(\d+)"/g)].reduce((t, m) => t + Number(m[1]), 0);
    expect(xml).toMatch(new RegExp(`<testsuites name="jiuzhu test" tests="${tests}" failures="0" errors="${n + 1}">`));
    expect(xml).toContain('which could not run</error>');
  });

  // A QA trial: a scenario every computing command refuses (the rural standard × 10: 5,666.70 a month, above the minimum
  // wage) passed its case, exit 0 — a CI job could pin figures no run can make.
  it('a scenario in the wrong unit or scale is refused as simulate refuses it: the case could not run (exit 3)', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'x10.yaml'),
      'scenario: x10\ntitle: {zh: 测试, en: test}\nreason: test\nchanges:\n  dibao.standard.rural: {scale: 10}\n',
    );
    writeFileSync(
      join(dir, 'case.yaml'),
      `policy: ${join(process.cwd(), 'policies/guangxi-nanning.yaml')}\ndate: 2024-12-31\nscenarios: [x10.yaml]\ncases:\n  - name: rural under x10\n    household: {area: rural, persons: [{age: 45}]}\n    expect: {dibao: 5666.70}\n`,
    );
    const r = jiuzhu(['test', join(dir, 'case.yaml')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^cases: 0 passed, 0 failed, 1 could not run/m);
    expect(r.stderr).toContain('case "rural under x10": its policy');
    expect(r.stderr).toMatch(/x10\.yaml:5:3: scenario x10 on \S+guangxi-nanning\.yaml: [^\n]*standard-below-min-wage/);
    expect(r.stderr).toContain('hint: the scenario gives a value no policy could have: fix the scenario');
  });

  it('a file named twice, or again by its folder, runs once; *.YAML is read; hidden files are not', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.YAML'), CASES);
    writeFileSync(join(dir, '.#c.yaml'), 'not: [a case');
    const once = jiuzhu(['test', dir]).stdout.match(/cases: (\d+) passed/)![1];
    expect(Number(once)).toBeGreaterThan(5);
    const twice = jiuzhu(['test', dir, join(dir, 'c.YAML'), `${dir}/./c.YAML`]);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout.match(/cases: (\d+) passed/)![1]).toBe(once);
  });

  // A CI trial: a standard typed ×10 gave five testcases of one name, and the parameter-rules suite was there only when
  // a rule fired — Jenkins merges same-named cases, and tests came and went between runs
  it('JUnit: every parameter rule of every policy a testcase, passed or not; findings of one rule named apart', () => {
    const dir = tmp();
    const policy = join(dir, 'nanning.yaml');
    writeFileSync(
      policy,
      readFileSync('policies/guangxi-nanning.yaml', 'utf8').replace('          value: 810\n', '          value: 8100\n'),
    );
    writeFileSync(join(dir, 'c.yaml'), CASES.replace(`policy: ${resolve('policies/guangxi-nanning.yaml')}`, `policy: ${policy}`));
    const junit = join(dir, 'j.xml');
    expect(jiuzhu(['test', join(dir, 'c.yaml'), '--junit', junit]).code).toBe(3); // (its scenarios' cases cannot run on it)
    const names = [...readFileSync(junit, 'utf8').matchAll(/<testcase classname="parameter-rules" name="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => /^guangxi-nanning: amounts-in-their-period \(\d of \d, line \d+\)$/.test(n)).length).toBeGreaterThan(1);
    expect(names).toContain('guangxi-nanning: tekun-basic-at-least-standard'); // (a rule that holds: passed)
    const good = join(dir, 'good.xml');
    expect(jiuzhu(['test', 'policies/cases/guangxi-nanning.yaml', '--junit', good]).code).toBe(0);
    const passed = [...readFileSync(good, 'utf8').matchAll(/<testcase classname="parameter-rules" name="([^"]+)"\/>/g)].map((m) => m[1]!);
    expect(passed).toContain('guangxi-nanning: amounts-in-their-period');
    expect(passed.length).toBeGreaterThan(5);
  });

  it('run from another folder with no case files named, says where it looked and why', () => {
    const elsewhere = tmp();
    const r = jiuzhu(['test'], { cwd: elsewhere });
    expect([r.code, r.stderr]).toEqual([
      2,
      `jiuzhu: no such file or directory: policies/cases\nhint: policies/cases is where jiuzhu test looks when given no case files, from the folder it runs in (${elsewhere}): run it from the project's folder, or name the case files or folders\n`,
    ]);
  });

  it('JUnit holds a case name with a control character as text XML can hold', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'bel.yaml'),
      CASES.replace('- name: an urban couple gets the gap S × n − I = 1620.00 − (900 + 120.50) = 599.50', '- name: "an \\a urban couple"'),
    );
    const junit = join(dir, 'j.xml');
    expect(jiuzhu(['test', dir, '--junit', junit]).code).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('an U+0007 urban couple');
    expect([...xml].some((c) => c < ' ' && c !== '\n' && c !== '\t' && c !== '\r')).toBe(false);
  });
});

describe('jiuzhu validate', () => {
  it('reports rule findings; errors exit 1', () => {
    expect(jiuzhu(['validate', '--policy', 'policies/guangxi-nanning.yaml']).stdout).toBe(
      // (and the first date it runs at: Nanning's last first value is of 2020-11-21)
      'policies/guangxi-nanning.yaml: valid; every parameter rule holds; it runs from 2020-11-21 (every parameter has a value from then)\n',
    );
    const dir = tmp();
    const bad = join(dir, 'p.yaml');
    writeFileSync(
      bad,
      readFileSync('test/fixtures/policies/simple.yaml', 'utf8').replace(
        'multiplier: [{from: 2020-01-01, value: 1.3',
        'multiplier: [{from: 2020-01-01, value: 0.9',
      ),
    );
    const r = jiuzhu(['validate', '--policy', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}\S+\.yaml:\d+:\d+: error tekun-basic-at-least-standard: the multiplier is 0\.9 from 2020-01-01/m);
  });
});

describe('jiuzhu check', () => {
  it('fails when a policy edit moves costs, prints what moved, and --update accepts it', () => {
    const dir = tmp();
    cpSync('policies', join(dir, 'policies'), { recursive: true });
    const policy = join(dir, 'policies/guangxi-nanning.yaml');
    const args = [
      'check',
      '--policy',
      policy,
      '--households',
      'policies/samples/households.csv',
      '--snapshot',
      join(dir, 'snap.json'),
      '--date',
      '2025-06-30',
    ];
    const none = jiuzhu(args);
    expect([none.code, none.stderr]).toEqual([
      2,
      `jiuzhu: there is no snapshot ${join(dir, 'snap.json')} yet\nhint: run again with --update to create it\n`,
    ]); // a usage error, not a moved figure
    expect(jiuzhu([...args, '--update']).code).toBe(0);
    const same = jiuzhu(args);
    expect([same.code, same.stdout.trim().split('\n').at(-1)]).toEqual([0, 'Nothing moved beyond the tolerance.']);
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/value: 810\n/, 'value: 830\n'));
    const moved = jiuzhu([...args, '--tolerance', '0.5%']);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(/^\| scenario \| program \| measure \| snapshot \| now \| change \|$/m);
    expect(moved.stdout).toMatch(
      /^\| baseline \| 低保 dibao \| annual cost \| 750,802,524\.83 \| [\d,.]+ \| \+[\d,.]+ \(\+\d+\.\d\d%\) \|$/m,
    );
    // the value that moved them, with it (a CI trial's table of 12 moves named no parameter)
    expect(moved.stdout).toMatch(
      /^\| baseline \| dibao\.standard\.urban \| \d{4}-\d\d-\d\d \| 810 \| 830 \| yes: in force at the snapshot's date \|$/m,
    );
    expect(moved.stderr).toMatch(
      /figures moved beyond the tolerance and 1 parameter value changed; if that is intended, accept it with\n {2}jiuzhu check --policy \S+ --households policies\/samples\/households\.csv --snapshot \S+ --date 2025-06-30 --tolerance 0\.5% --update\n/,
    );
    expect(jiuzhu([...args, '--update']).code).toBe(0);
    expect(jiuzhu(args).code).toBe(0);
  });

  // A CI trial: check --junit wrote no file on an invalid input (exit 3), where test --junit writes its problems; the
  // job's report step found nothing.
  it('an invalid input with --junit: the problems are the JUnit, exit 3', () => {
    const dir = tmp();
    const policy = join(dir, 'p.yaml');
    const good = readFileSync('policies/guangxi-nanning.yaml', 'utf8');
    writeFileSync(policy, good);
    const args = ['check', '--policy', policy, '--households', SAMPLE, '--snapshot', join(dir, 's.json'), '--date', '2025-06-30'];
    expect(jiuzhu([...args, '--update']).code).toBe(0);
    writeFileSync(policy, good.replace('  dibao:\n', '  dibao:\n    standrad: 1\n'));
    const junit = join(dir, 'j.xml');
    const r = jiuzhu([...args, '--junit', junit]);
    expect(r.code).toBe(3);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="jiuzhu check" tests="1" failures="0" errors="1">\n {2}<testsuite name="invalid input" tests="1" failures="0" errors="1">/,
    );
    expect(xml).toContain('standrad');
  });

  // A CI trial: a new standard from 2026-01-01 (or 2062, a typo) passed a check at 2025-06-30 — no figure moves at the
  // snapshot's date. The snapshot keeps every dated value of each run's parameters; a change is shown and fails.
  it('fails on a parameter value dated after the snapshot, which no figure shows; a snapshot that keeps none says so', () => {
    const dir = tmp();
    cpSync('policies', join(dir, 'policies'), { recursive: true });
    const policy = join(dir, 'policies/guangxi-nanning.yaml');
    const snap = join(dir, 'snap.json');
    const args = ['check', '--policy', policy, '--households', 'policies/samples/households.csv', '--snapshot', snap];
    expect(jiuzhu([...args, '--date', '2025-06-30', '--update']).code).toBe(0);
    const text = readFileSync(policy, 'utf8');
    const rural = text.indexOf('      rural:\n', text.indexOf('    standard:\n', text.indexOf('\n  dibao:\n')));
    writeFileSync(
      policy,
      `${text.slice(0, rural)}        - from: 2062-01-01\n          value: 850\n          source: nanning-2022\n${text.slice(rural)}`,
    );
    const later = jiuzhu(args);
    expect(later.code, later.stderr).toBe(1);
    expect(later.stdout).toContain('Nothing moved beyond the tolerance.');
    expect(later.stdout).toContain("| baseline | dibao.standard.urban | 2062-01-01 | — | 850 | no: dated after the snapshot's date |");
    expect(later.stderr).toContain(
      `jiuzhu: 1 parameter value changed (1 where no figure at 2025-06-30 can show it); if that is intended, accept it with\n  jiuzhu check --policy ${policy} --households policies/samples/households.csv --snapshot ${snap} --update\n`,
    );
    const json = JSON.parse(jiuzhu([...args, '--format', 'json']).stdout);
    expect([json.passed, json.parameters_changed]).toEqual([
      false,
      [{ run: 'baseline', parameter: 'dibao.standard.urban', from: '2062-01-01', snapshot: null, now: '850', in_figures: false }],
    ]);
    const junit = join(dir, 'j.xml');
    jiuzhu([...args, '--junit', junit]);
    expect(readFileSync(junit, 'utf8')).toContain(
      '<failure message="1 parameter value changed since the snapshot">dibao.standard.urban from 2062-01-01: — → 850',
    );
    expect(jiuzhu([...args, '--update']).code).toBe(0);
    expect(jiuzhu(args).code).toBe(0);
    // a date moved, the value not (810 from 2022-04-01 → 2022-05-01): no figure at 2025-06-30 moves — it was "yes: in
    // force at the snapshot's date" twice, a CI trial
    const moved = readFileSync(policy, 'utf8').replace(
      '        - from: 2022-04-01\n          value: 810\n',
      '        - from: 2022-05-01\n          value: 810\n',
    );
    writeFileSync(policy, moved);
    const same = JSON.parse(jiuzhu([...args, '--format', 'json']).stdout);
    expect(same.parameters_changed.map((c: { from: string; in_figures: boolean }) => [c.from, c.in_figures])).toEqual([
      ['2022-04-01', false],
      ['2022-05-01', false],
    ]);
    expect(jiuzhu(args).stdout).toContain(
      "| baseline | dibao.standard.urban | 2022-05-01 | — | 810 | no: the value in force at the snapshot's date is the same (its date moved) |",
    );
    writeFileSync(
      policy,
      moved.replace('        - from: 2022-05-01\n          value: 810\n', '        - from: 2022-04-01\n          value: 810\n'),
    );
    expect(jiuzhu(args).code).toBe(0);
    // a snapshot made before jiuzhu kept them: checked by its figures, and said
    const old = JSON.parse(readFileSync(snap, 'utf8'));
    delete old.parameters;
    writeFileSync(snap, JSON.stringify(old));
    const unkept = jiuzhu(args);
    expect([unkept.code, unkept.stderr]).toEqual([
      0,
      `note: the snapshot ${snap} keeps no parameter values (made by an earlier jiuzhu): a change dated after 2025-06-30 moves none of its figures and goes unseen; make it anew with --update to keep them\n`,
    ]);
  });

  it('a wide enough tolerance lets small moves pass; a bad tolerance is a usage error', () => {
    const dir = tmp();
    const args = [
      'check',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      'policies/samples/households.csv',
      '--snapshot',
      join(dir, 's.json'),
      '--date',
      '2025-06-30',
    ];
    jiuzhu([...args, '--update']);
    const snap = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    snap.scenarios[0].programs.dibao.annual_cost = '751000000.00'; // the run gives 750,802,524.83: −0.026 %
    writeFileSync(join(dir, 's.json'), JSON.stringify(snap));
    expect(jiuzhu(args).code).toBe(1);
    expect(jiuzhu([...args, '--tolerance', '0.1%']).code).toBe(0);
    expect(jiuzhu([...args, '--tolerance', 'lots']).code).toBe(2);
    // a bare 5 would be 500 %: refused, saying how to write 5 %; so is a bare 1 (100 %: a CI trial meant 1 %), and
    // any tolerance of 100 % or more (it passes nearly any change: the check would check nothing)
    const five = jiuzhu([...args, '--tolerance', '5']);
    expect([five.code, five.stderr]).toEqual([
      2,
      'jiuzhu: --tolerance 5 would be 500 %: a tolerance is below 100 %\nhint: write 5% for 5 percent\n',
    ]);
    expect(jiuzhu([...args, '--tolerance', '1']).stderr).toContain('hint: write 1% for 1 percent');
    expect(jiuzhu([...args, '--tolerance', '100%']).code).toBe(2);
    expect(jiuzhu([...args, '--tolerance', '99.9%']).code).toBe(0);
  });

  it('--format json and --junit: the figures beyond the tolerance and within it, a scenario the run no longer has', () => {
    const dir = tmp();
    const snapshot = join(dir, 's.json');
    const base = ['check', '--policy', 'policies/guangxi-nanning.yaml', '--households', 'policies/samples/households.csv'];
    const args = [...base, '--snapshot', snapshot, '--date', '2025-06-30', '--tolerance', '0.5%'];
    expect(jiuzhu([...args, '--scenario', 'scenarios/low-income-2x.yaml', '--update']).code).toBe(0);
    const snap = JSON.parse(readFileSync(snapshot, 'utf8'));
    expect(snap.scenarios[0].programs.tekun.households).toBe('20737.8');
    // dibao 751,000,000.03 in the snapshot, the run gives 750,802,524.83: −197,475.20, −0.026 % (within 0.5 %; to the fen:
    // it was "-197475.2"); tekun 20,000.0 households, the run gives 20,737.8: +737.8, +3.69 % (beyond)
    snap.scenarios[0].programs.dibao.annual_cost = '751000000.03';
    snap.scenarios[0].programs.tekun.households = '20000.0';
    writeFileSync(snapshot, JSON.stringify(snap));
    const r = jiuzhu([...args, '--format', 'json', '--junit', join(dir, 'check.xml')]); // (without low-income-2x)
    expect(r.code, r.stderr).toBe(1);
    // the JUnit on standard output beside the JSON: refused, as simulate's rows there (a QA trial got XML after JSON)
    const mixed = jiuzhu([...args, '--format', 'json', '--junit', '/dev/stdout']);
    expect([mixed.code, mixed.stdout, mixed.stderr.split('\n')[0]]).toEqual([
      2,
      '',
      "jiuzhu: --junit and the command's own output both go to standard output: their lines would mix",
    ]);
    // test's too (a CI trial's report and XML came out mixed in one file)
    const cases = jiuzhu(['test', '--junit', '/dev/stdout', '--quiet']);
    expect([cases.code, cases.stdout, cases.stderr.split('\n')[0]]).toEqual([
      2,
      '',
      "jiuzhu: --junit and the command's own output both go to standard output: their lines would mix",
    ]);
    const out = JSON.parse(r.stdout);
    expect([out.passed, out.tolerance, out.snapshot_date]).toEqual([false, '0.005', '2025-06-30']);
    expect(out.beyond_tolerance).toEqual([
      {
        scenario: 'baseline',
        program: 'tekun',
        measure: 'households',
        snapshot: '20000.0',
        now: '20737.8',
        change: '737.8',
        relative_change: '0.036890',
      },
      {
        scenario: 'low-income-2x',
        program: null,
        measure: 'scenario',
        snapshot: 'present',
        now: null,
        change: null,
        relative_change: null,
      },
    ]);
    expect(out.within_tolerance).toEqual([
      {
        scenario: 'baseline',
        program: 'dibao',
        measure: 'annual_cost',
        snapshot: '751000000.03',
        now: '750802524.83',
        change: '-197475.20',
        relative_change: '-0.000263',
      },
    ]);
    const xml = readFileSync(join(dir, 'check.xml'), 'utf8');
    expect(xml).toMatch(/<testsuite name="jiuzhu check: [^"]*" tests="15" failures="2" errors="0">/); // 12 programs, total, the parameters, the scenario
    expect(xml).toContain(
      '<testcase classname="' +
        snapshot +
        '" name="baseline: tekun 特困">\n      <failure message="1 figure moved beyond the tolerance of 0.5%">households: 20000.0 → 20737.8 (+737.8 (+3.69%))</failure>',
    );
    expect(xml).toContain('<failure message="the snapshot has this scenario, the run does not">');
    // each case named by the program's id (DOMAIN: ids in every machine-readable output), then its name
    for (const name of ['baseline: dibao_supplement 分类施保', 'baseline: disability_care 重度残疾人护理补贴', 'baseline: total 合计'])
      expect(xml).toContain(`name="${name}"`);
    expect(xml).toContain('<system-out>within the tolerance: annual cost: 751000000.03 → 750802524.83 (−197,475.20 (−0.03%))</system-out>');
    // the Markdown folds the move within the tolerance under the table of those beyond it
    const md = jiuzhu(args).stdout;
    expect(md).toMatch(/<details><summary>1 figure changed within the tolerance\.<\/summary>\n\n\| scenario \|/);
    expect(md).toMatch(/^\| baseline \| 低保 dibao \| annual cost \| 751,000,000\.03 \| 750,802,524\.83 \| −197,475\.20 \(−0\.03%\) \|$/m);
    const both = jiuzhu([...args, '--update', '--junit', join(dir, 'u.xml')]);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--junit reports a check; --update accepts the changes')]);
  });

  it('a snapshot is checked only against the policy and households it was made from', () => {
    const dir = tmp();
    const snapshot = join(dir, 's.json');
    const args = (policy: string, households = 'policies/samples/households.csv') => [
      ...['check', '--policy', policy, '--households', households, '--snapshot', snapshot, '--date', '2025-06-30'],
    ];
    expect(jiuzhu([...args('policies/guangxi-nanning.yaml'), '--update']).code).toBe(0);
    expect(jiuzhu(args('./policies/../policies/guangxi-nanning.yaml')).code).toBe(0); // the same file spelled otherwise
    const other = jiuzhu([...args('policies/jiangxi-fuliang.yaml'), '--tolerance', '99%']);
    expect([other.code, other.stderr]).toEqual([
      2,
      `jiuzhu: the snapshot ${snapshot} was made from the policy policies/guangxi-nanning.yaml, not policies/jiangxi-fuliang.yaml\n` +
        'hint: give the files it was made from, or make it from these with --update\n',
    ]);
    const households = join(dir, 'h.csv');
    writeFileSync(households, readFileSync('policies/samples/households.csv'));
    expect(jiuzhu(args('policies/guangxi-nanning.yaml', households)).stderr).toMatch(
      // (the file it was made from as the one given is written: here absolute)
      new RegExp(
        `was made from the households file ${resolve('policies/samples/households.csv')}, not ${households}\\nhint: [^\\n]*--other-households`,
      ),
    );
    // a nightly job's dated roll checked against the night before's snapshot, asked for (a data engineer's trial): the
    // same figures pass; a policy other than the snapshot's is still refused
    expect(jiuzhu([...args('policies/guangxi-nanning.yaml', households), '--other-households']).code).toBe(0);
    expect(jiuzhu([...args('policies/jiangxi-fuliang.yaml', households), '--other-households']).code).toBe(2);
    // a roll whose figures moved: accepted on the snapshot's own households file — a CI trial ran the line given, with
    // --other-households and --update, and the committed snapshot then named the other roll, outside the repository
    const moved = join(dir, 'moved.csv');
    // (every weight doubled: every figure moves)
    writeFileSync(
      moved,
      readFileSync('policies/samples/households.csv', 'utf8').replace(/,(\d+(?:\.\d+)?)$/gm, (_, w: string) => `,${Number(w) * 2}`),
    );
    const roll = jiuzhu([...args('policies/guangxi-nanning.yaml', moved), '--other-households']);
    expect(roll.code, roll.stderr).toBe(1);
    expect(roll.stderr).toContain(
      `accept it on the households file the snapshot was made from with\n  jiuzhu check --policy policies/guangxi-nanning.yaml --households policies/samples/households.csv --snapshot ${snapshot} --date 2025-06-30 --update\n`,
    );
    const both = jiuzhu([...args('policies/guangxi-nanning.yaml', moved), '--other-households', '--update']);
    expect([both.code, both.stderr]).toEqual([
      2,
      `jiuzhu: --update makes the snapshot from the files given, so its households file would become ${moved}; --other-households checks another roll against it without that\n` +
        'hint: to accept a change of the rules, run --update with the households file the snapshot was made from, without --other-households\n',
    ]);
    expect(JSON.parse(readFileSync(snapshot, 'utf8')).households).toBe(relative(dir, 'policies/samples/households.csv'));
    expect(jiuzhu([...args('policies/jiangxi-fuliang.yaml'), '--update']).code).toBe(0); // made from these now
    expect(jiuzhu(args('policies/jiangxi-fuliang.yaml')).code).toBe(0);
  });

  // A CI trial: a snapshot made in the repository failed when checked from its parent folder, or in another checkout.
  it('keeps its paths from its own folder: checked from another folder, or in a copy of the repository, it passes', () => {
    const repo = tmp();
    mkdirSync(join(repo, 'policies/snapshots'), { recursive: true });
    for (const f of ['policies/guangxi-nanning.yaml', 'policies/samples/households.csv']) {
      mkdirSync(dirname(join(repo, f)), { recursive: true });
      writeFileSync(join(repo, f), readFileSync(f));
    }
    const args = (at: string) => [
      ...['check', '--policy', join(at, 'policies/guangxi-nanning.yaml'), '--households', join(at, 'policies/samples/households.csv')],
      ...['--snapshot', join(at, 'policies/snapshots/n.json'), '--date', '2025-06-30'],
    ];
    expect(jiuzhu([...args('.'), '--update'], { cwd: repo }).code).toBe(0);
    const snap = JSON.parse(readFileSync(join(repo, 'policies/snapshots/n.json'), 'utf8'));
    expect([snap.policy, snap.households]).toEqual(['../guangxi-nanning.yaml', '../samples/households.csv']);
    expect(jiuzhu(args(basename(repo)), { cwd: dirname(repo) }).code).toBe(0); // from the parent folder
    expect(jiuzhu(args(repo)).code).toBe(0); // by absolute paths
    const copy = tmp();
    cpSync(repo, copy, { recursive: true });
    expect(jiuzhu(args('.'), { cwd: copy }).code).toBe(0); // another checkout
    // another date than the snapshot's is said in the title
    const later = jiuzhu([...args('.').slice(0, -2), '--date', '2025-08-01', '--tolerance', '99%'], { cwd: copy });
    expect(later.stdout).toContain('at 2025-08-01 (the snapshot is at 2025-06-30)');
  });

  it('a snapshot without its files, with a key jiuzhu does not write, or not JSON, is told so with where (exit 3)', () => {
    const dir = tmp();
    const snapshot = join(dir, 's.json');
    const check = (...more: string[]) =>
      jiuzhu([
        'check',
        '--policy',
        'policies/guangxi-nanning.yaml',
        '--households',
        'policies/samples/households.csv',
        '--snapshot',
        snapshot,
        ...more,
      ]);
    writeFileSync(snapshot, '{"jiuzhu_snapshot":1,"date":"2025-08-01","scenarios":[]}');
    const bare = check(); // (an internal error with a stack trace, exit 4)
    expect(bare.code).toBe(3);
    expect(bare.stderr).toContain('policy: expected the path of the policy file it was made from, got undefined');
    expect(check('--update').code).toBe(0); // (--update replaces the snapshot it cannot read)
    const made = JSON.parse(readFileSync(snapshot, 'utf8'));
    writeFileSync(snapshot, JSON.stringify({ ...made, extra: 1 }, null, 2));
    expect(check().stderr).toContain('snapshot: unknown key "extra"');
    made.scenarios[0].programs.dibao.note = 'x';
    writeFileSync(snapshot, JSON.stringify(made, null, 2));
    expect(check().stderr).toContain('scenarios[0].programs.dibao: unknown key "note"');
    writeFileSync(snapshot, '{\n  "jiuzhu_snapshot": 1,\n<<<<<<< HEAD\n');
    expect(check().stderr).toContain(`${snapshot}:3:1: a merge conflict marker`);
    writeFileSync(snapshot, '{\n  "jiuzhu_snapshot": 1,\n}\n');
    expect(check().stderr).toMatch(new RegExp(`${snapshot.replace(/[.]/g, '\\.')}:\\d+:\\d+: not valid JSON`));
    // another version's (a QA trial's version 2 was "not a jiuzhu snapshot")
    writeFileSync(snapshot, JSON.stringify({ ...made, jiuzhu_snapshot: 2 }));
    expect(check().stderr).toContain(`${snapshot}:1:1: a jiuzhu snapshot of version 2: this jiuzhu reads version 1`);
    // an empty file (a QA trial: told to recreate it with --update, which then refused it as "not a snapshot")
    writeFileSync(snapshot, '');
    expect([check().code, check().stderr]).toEqual([3, expect.stringContaining(`${snapshot}: empty: no snapshot in it`)]);
    expect(check('--update').code).toBe(0);
    expect(JSON.parse(readFileSync(snapshot, 'utf8')).jiuzhu_snapshot).toBe(1);
  });
});
