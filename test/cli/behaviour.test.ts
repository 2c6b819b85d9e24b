// End-to-end behaviour: exit codes (0 ok, 2 usage, 3 invalid input, 4 bug), messages without stack traces,
// no partial output files, closed pipes, and explain's trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { groupDigits } from '../../src/report/text-table.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'jiuzhu-'));

describe('exit codes and messages', () => {
  it('--help and --version exit 0', () => {
    const help = jiuzhu(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/simulate/);
    expect(jiuzhu(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown command, a missing option or a bad choice is a usage error: exit 2', () => {
    expect(jiuzhu(['simulat']).code).toBe(2);
    const missing = jiuzhu(['simulate', '--policy', NANNING]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--households <file>/);
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--format', 'xml']).code).toBe(2);
    const date = jiuzhu(['params', '--policy', NANNING, '--date', '2024-13-01']);
    expect([date.code, date.stderr]).toEqual([2, 'jiuzhu: --date must be a date YYYY-MM-DD, got "2024-13-01" (there is no month 13)\n']);
    const nofile = jiuzhu(['params', '--policy', 'policies/nowhere.yaml']);
    expect([nofile.code, nofile.stderr]).toEqual([
      2,
      'jiuzhu: cannot read the policy file policies/nowhere.yaml: no such file or directory\n' +
        'hint: the .yaml files in policies/: policies/guangdong-guangzhou.yaml, policies/guangxi-nanning.yaml, policies/jiangxi-fuliang.yaml\n',
    ]);
  });

  // A 科长 gave policies/nanning.yaml, and was not told what policies/ holds
  it('a missing input names the file of its folder it most likely meant', () => {
    const hint = (...args: string[]) => jiuzhu(args).stderr.split('\n')[1] || undefined;
    const projection = (path: string) =>
      hint('simulate', '--policy', NANNING, '--households', SAMPLE, '--year', '2026', '--projection', path);
    expect(hint('params', '--policy', 'policies/nanning.yaml')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('params', '--policy', 'policies/guangxi-nanning.yml')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('params', '--policy', 'policies/guangxi-nanning.txt')).toBeUndefined(); // (no file of that kind there)
    // (a folder of more than 8 such files: up to 20 by name — the 15 bundled scenarios were not listed, a TUI trial)
    const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(scenarios.length).toBeGreaterThan(8);
    expect(hint('simulate', '--policy', NANNING, '--households', SAMPLE, '--scenario', 'scenarios/nope.yaml')).toBe(
      `hint: the ${scenarios.length} .yaml files in scenarios/: ${scenarios.sort().join(', ')}`,
    );
    // (its extension left out; a projection looked for among the scenarios, one folder up: a finance clerk's)
    expect(hint('params', '--policy', 'policies/guangxi-nanning')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(projection('scenarios/guangxi-nanning-4pct.yaml')).toBe('hint: did you mean scenarios/projections/guangxi-nanning-4pct.yaml?');
    expect(hint('params', '--policy', 'policies/Guangxi-Naning.yaml')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    // (its folder mistyped: the file of that name in a folder beside it — a finance officer's scenarios/projection/)
    expect(projection('scenarios/projection/guangxi-nanning-4pct.yaml')).toBe(
      'hint: did you mean scenarios/projections/guangxi-nanning-4pct.yaml?',
    );
    expect(hint('params', '--policy', 'polices/guangxi-nanning.yaml')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('simulate', '--policy', NANNING, '--households', 'policies/samples/household.csv')).toBe(
      'hint: did you mean policies/samples/households.csv?',
    );
    expect(hint('params', '--policy', NANNING, '--scenario', 'scenarios/low-income-2.yaml')).toBe(
      'hint: did you mean scenarios/low-income-2x.yaml?',
    );
    // (never a folder, nor the name given itself — a dangling link offered itself: a review)
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-beside-'));
    mkdirSync(join(dir, 'policies'));
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'broken.yaml'));
    expect(hint('params', '--policy', join(dir, 'polic'))).toBeUndefined();
    expect(hint('params', '--policy', join(dir, 'broken.yaml'))).toBeUndefined();
    // (a folder of many: "tekun" is in 4 scenarios' names, and none is a few edits from it: no one guessed, the folder's
    // files listed)
    expect(hint('params', '--policy', NANNING, '--scenario', 'scenarios/tekun.yaml')).toMatch(
      /^hint: the \d+ \.yaml files in scenarios\/: /,
    );
  });

  // A researcher at a Chinese keyboard: --policy guangxi-nanning, --policy 南宁, two policies joined by a full-width comma
  it('a missing input given as people give it: a bare name, the locality’s 中文 name, two joined by a comma', () => {
    const hint = (...args: string[]) => jiuzhu(args).stderr.split('\n')[1] || undefined;
    // a bare name in the project's root: the folder one down (and the bundled sample, two down)
    expect(hint('params', '--policy', 'guangxi-nanning')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('params', '--policy', 'nanning')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('params', '--policy', NANNING, '--scenario', 'low-income-2x')).toBe('hint: did you mean scenarios/low-income-2x.yaml?');
    expect(hint('simulate', '--policy', NANNING, '--households', 'households.csv')).toBe(
      'hint: did you mean policies/samples/households.csv?',
    );
    // the locality by its 中文 name: the policy that names it — a policy, not a scenario whose title holds the word
    // (scenarios/unify-rural-urban.yaml names 广西 too)
    expect(hint('params', '--policy', '南宁')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('params', '--policy', '浮梁')).toBe('hint: did you mean policies/jiangxi-fuliang.yaml?');
    expect(hint('params', '--policy', '广西')).toBe('hint: did you mean policies/guangxi-nanning.yaml?');
    expect(hint('params', '--policy', NANNING, '--scenario', '低保边缘')).toMatch(
      /^hint: files that name 低保边缘: (scenarios\/[\w.-]+\.yaml, )+scenarios\/[\w.-]+\.yaml$/,
    );
    // a projection's id, two folders down; a path with a space at its end, as pasted from a cell
    expect(hint('simulate', '--policy', NANNING, '--households', SAMPLE, '--year', '2026', '--projection', 'guangxi-nanning-4pct')).toBe(
      'hint: did you mean scenarios/projections/guangxi-nanning-4pct.yaml?',
    );
    expect(hint('params', '--policy', `${NANNING} `)).toBe(`hint: did you mean "${NANNING}"? (the path given ends or begins with a space)`);
    // a 中文 name is never offered a file a few edits from it in another script (a QA's folder with a file `e`: 南宁 was
    // offered qa/e, two edits away, as was any two-character name)
    const t = mkdtempSync(join(tmpdir(), 'jiuzhu-hint-'));
    mkdirSync(join(t, 'qa'));
    writeFileSync(join(t, 'qa', 'e'), '');
    writeFileSync(join(t, 'ab'), '');
    const there = (...args: string[]) => jiuzhu(args, { cwd: t }).stderr.split('\n')[1] || undefined;
    expect(there('params', '--policy', '南宁')).toBeUndefined();
    expect(there('params', '--policy', '特困')).toBeUndefined();
    expect(there('params', '--policy', ' ')).toBeUndefined();
    // two files joined by a comma, full-width or not: one to each option
    const comma = jiuzhu(['compare', '--policy', `${NANNING}，policies/jiangxi-fuliang.yaml`, '--households', SAMPLE]);
    expect(comma.code).toBe(2);
    expect(comma.stderr.split('\n')[1]).toBe(
      'hint: one file to each --policy: repeat it (--policy A.yaml --policy B.yaml), not a comma between them',
    );
    expect(hint('params', '--policy', NANNING, '--scenario', 'a.yaml,b.yaml')).toBe(
      'hint: one file to each --scenario: repeat it (--scenario A.yaml --scenario B.yaml), not a comma between them',
    );
  });

  it('simulate: a missing policy file and a missing households file together — the policy error, exit 2, no stack trace', () => {
    // The policy loads while the households file is looked at; its error must not escape as an unhandled rejection.
    for (const scenario of [[], ['--scenario', 'scenarios/low-income-2x.yaml']]) {
      const r = jiuzhu(['simulate', '--policy', 'policies/nowhere.yaml', '--households', 'nowhere.csv', ...scenario]);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([
        2,
        'jiuzhu: cannot read the policy file policies/nowhere.yaml: no such file or directory',
      ]);
      expect(r.stderr).not.toMatch(/nowhere\.csv|at .*\.js/);
    }
  });

  it('an invalid households file is exit 3, with file:line:column and no stack trace', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'household_id,person_id,age,area\nH1,p1,40,suburb\n');
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', bad, '--date', '2024-12-31', '--quiet']); // (its absent columns' note aside)
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `jiuzhu: invalid input (1 problem):\n  ${bad}:2:4: column area: "suburb" is not valid: expected urban or rural (household H1, person p1)\nhint: fix the households file and run again\n`,
    );
    expect(r.stdout).toBe('');
  });

  // Two trials (a county, a finance bureau) read 25 lines at the policy's lines as a broken policy, and its hint named
  // --date to one who gave --year: a date before the policy is the user's choice, said in one line (exit 2).
  it('a date or budget year before the policy has values is a usage error saying from when it has them', () => {
    const r = jiuzhu(['params', '--policy', 'policies/jiangxi-fuliang.yaml', '--date', '2019-01-01']);
    expect([r.code, r.stderr]).toEqual([
      2,
      'jiuzhu: policies/jiangxi-fuliang.yaml has no value at 2019-01-01 for 33 parameters (dibao.standard.urban, dibao.standard.rural, dibao.assets.limit_months and 30 more): its values are complete from 2021-02-03\n' +
        'hint: give --date 2021-02-03 or later (budget years: --year 2022 or --years 2022-2024, or later)\n',
    ]);
    const year = jiuzhu([
      'simulate',
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--households',
      'policies/samples/households.csv',
      '--year',
      '2021',
    ]);
    expect([year.code, year.stderr.split('\n')[0]]).toEqual([
      2,
      expect.stringMatching(/^jiuzhu: policies\/jiangxi-fuliang\.yaml has no value at 2021-01-01 for \d+ parameters? \(/),
    ]);
  });

  it('leaves no per-household file behind when the input is invalid', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'household_id,person_id,age,area\nH1,p1,40,urban\nH1,p2,41,rural\n');
    const out = join(dir, 'rows.csv');
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', bad, '--date', '2024-12-31', '--per-household', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/household H1: area is rural on line 3 but urban on line 2/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });

  it('treats a closed pipe (| head) as success, also when the output is far larger than the pipe buffer', () => {
    // compare of 3 localities × 10 scenarios as JSON is about 500 KB: head closes the pipe long before the end (EPIPE).
    const cmd =
      'node bin/jiuzhu.js compare --policy policies/guangxi-nanning.yaml --policy policies/guangdong-guangzhou.yaml ' +
      '--policy policies/jiangxi-fuliang.yaml $(ls scenarios/*.yaml | sed "s/^/--scenario /") --households policies/samples/households.csv ' +
      '--date 2025-06-30 --format json --quiet | head -c 100 > /dev/null; exit ${PIPESTATUS[0]}'; // (--quiet: no policy notes)
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('explain', () => {
  // A hand-calculation audit: on dibao, a wage of 1700 ≥ S = 810 (step 7, 003 §11), prior_dibao 0 — explain said
  // "keeps 0.00 a month for 3 months" where the row's gradual_exit_months was 0 (nothing kept: no gradual exit)
  // A caseworker's trial: "why not" was answered for dibao alone; a lone elder on 900 read "not tekun" with the reason
  // only in step 1, a family over the single-person ceiling saw no word of it (Nanning 2024-10-30: S 810, ceiling 1.5)
  it('says why not where all but one check held (a near miss), and not where the household is far from it', () => {
    const result = (describe: string) => {
      const r = jiuzhu(['explain', '--policy', NANNING, '--date', '2024-10-30', '--describe', describe]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.slice(r.stdout.indexOf('\nresult\n'), r.stdout.indexOf('\nwhere the parameters'));
    };
    const elder = result('{area: urban, persons: [{age: 72, other_income: 900, has_capable_supporter: 0}]}');
    expect(elder).toContain('  not 特困 tekun * (person p1): no source of living: inc(p) < S: 900.00 < 810.00 → no\n');
    const son = result(
      '{area: urban, persons: [{age: 58, wage_income: 4000}, {age: 55}, {age: 24, disability_grade: 1, labor_capacity: none}]}',
    );
    // 3 × 810 × 1.5 = 3645 ≤ 4000 (DOMAIN step 5)
    expect(son).toContain('  not 单人户施保 single-person dibao *: I < income_ceiling × S × n: 4,000.00 < 2,430.00 × 1.5 → no\n');
    const within = result(
      '{area: urban, persons: [{age: 58, wage_income: 3000}, {age: 55}, {age: 24, disability_grade: 1, labor_capacity: none}]}',
    );
    expect(within).toContain('  not 低保 dibao * as a household (a member enters alone: 单人户施保): ');
    // no one severe or ill: the single-person ceiling is nothing near; a worker of 40 is far from tekun
    const worker = result('{area: urban, persons: [{age: 40, wage_income: 9000}]}');
    expect(worker).not.toMatch(/not 单人户施保|not 特困/);
    expect(worker).toContain('  not 低保边缘 low-income *: I < multiplier × S_ref × n: 9,000.00 < 810.00 × 1.5 → no\n');
    // An analyst's trial: a Fuliang family that did not take rigid-expenditure identification up (rigid.aid false: no aid
    // to decline) read both "eligible, not taken up" and "not 刚性支出困难: E ≥ A → no" — one side of step 4's ∨ failed,
    // the other held (A − E = 12 × 1680 − 15000 = 5160 < 12 × 593.90 × 2 = 14253.60)
    const fuliang = jiuzhu([
      ...['explain', '--policy', 'policies/jiangxi-fuliang.yaml', '--date', '2025-08-01', '--brief', '--describe'],
      '{area: rural, rigid_expenditure: 15000, take_up_draw: 0.68, persons: [{age: 40, wage_income: 1200}, {age: 38, wage_income: 800}]}',
    ]).stdout;
    expect(fuliang).toContain('  刚性支出困难 rigid-expenditure family: eligible, not taken up (would be 2 persons)\n');
    expect(fuliang).not.toContain('not 刚性支出困难');
  });

  it('a gradual exit with prior_dibao 0 is none, in explain as in the rows', () => {
    const describe = '{area: urban, on_dibao: 1, prior_dibao: 0, persons: [{person_id: a, age: 45, wage_income: 1700}]}';
    const r = jiuzhu(['explain', '--policy', NANNING, '--date', '2025-06-30', '--describe', describe]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('result  no gradual exit: prior_dibao is 0, nothing to keep');
    expect(r.stdout).not.toContain('keeps 0.00 a month');
    const described = (d: string) => jiuzhu(['explain', '--policy', NANNING, '--date', '2025-06-30', '--describe', d]);
    const kept = described(describe.replace('prior_dibao: 0', 'prior_dibao: 300'));
    expect(kept.stdout).toContain('result  keeps 300.00 a month for 3 months');
    // said on stderr too, one input without the other (a caseworker read "no assistance", the reason deep in step 7)
    expect(r.stderr).toContain('note: the household is on dibao now (on_dibao 1) with prior_dibao 0: were it to leave dibao');
    expect(kept.stderr).not.toContain('on_dibao');
    const unread = described(describe.replace('on_dibao: 1, prior_dibao: 0', 'prior_dibao: 500'));
    expect(unread.stderr).toContain(
      'note: prior_dibao 500.00 is given but the household is not on dibao now (on_dibao 0): no rule reads it',
    );
    // the gradual exit's 300.00 is the month's while kept, and the year's 3 × 300.00, said so (a caseworker's exiting
    // family read no month at all)
    expect(kept.stdout).toContain('  monthly total 每月合计: 300.00 (of which gradual exit 300.00 for 3 months)\n');
    expect(kept.stdout).toContain(
      '  annual total 年度合计: 900.00 (gradual exit 300.00 × 3; a year with a change in it: simulate --year)\n',
    );
  });

  it('shows a dibao household’s gap arithmetic with S, n and I, each parameter’s source and the clause', () => {
    const dir = tmp();
    const csv = join(dir, 'h.csv');
    writeFileSync(csv, 'household_id,person_id,age,area,wage_income,other_income\nD1,a,45,urban,900,0\nD1,b,43,urban,0,120.5\n');
    const r = jiuzhu(['explain', '--policy', NANNING, '--households', csv, '--household', 'D1', '--date', '2024-12-31']);
    expect(r.code).toBe(0);
    // Nanning 2024: S urban 810 (nanning-2022), deduction 0 (estimate) → I = 900 + 120.50 = 1020.50; S × n = 1620
    // (the clauses of Nanning's own documents: not Guangdong's 003 §7 nor Jiangxi's 004 §3)
    expect(r.stdout).toContain('step 3 · 低保 dibao   000（一） 000（四）\n');
    expect(r.stdout).toContain('values  S = 810.00 · n = 2 · I = 1,020.50 · S × n = 1,620.00 · S × n − I = 599.50');
    expect(r.stdout).toContain('check   I < S × n: 1,020.50 < 1,620.00 → yes');
    expect(r.stdout).toContain('dibao.standard.urban = 810 [nanning-2022]');
    expect(r.stdout).toContain('result  dibao: 599.50 per month for 2 persons');
    // Guangzhou's decision cites Guangdong's 003 only (it cites Guangxi's 000 as an estimate's basis, not as its rule);
    // a step with no clause in its documents says so
    const gz = jiuzhu([
      'explain',
      '--policy',
      'policies/guangdong-guangzhou.yaml',
      '--households',
      csv,
      '--household',
      'D1',
      '--date',
      '2025-06-30',
    ]);
    expect(gz.stdout).toContain('step 3 · 低保 dibao   003 §7\n');
    // each member's counted income, made as DOMAIN says (inc(p) = max(0, wage − deduction) + other): Guangzhou deducts
    // 230 from a wage (003 §11, an estimate's amount), Nanning nothing; a caseworker's trial asked how I was made
    expect(gz.stdout).toContain('  a: age 45, wage 900.00, other 0.00, inc(p) 670.00 = (900.00 − deduction 230.00) + 0.00, disability 0');
    expect(gz.stdout).toContain('  b: age 43, wage 0.00, other 120.50, inc(p) 120.50, disability 0');
    expect(r.stdout).toContain('  a: age 45, wage 900.00, other 0.00, inc(p) 900.00, disability 0');
    expect(gz.stdout).toContain("step take-up · 申请与认定 take-up   (no clause of this policy's documents: the model's rule)\n");
    // every step its own documents set out cites them (a rules auditor's trial: temporary aid, the premium, the subsidies,
    // the low-income and rigid steps said "no clause" in Guangzhou and Fuliang, where 003 and 004 have one)
    const all =
      '{area: urban, emergency_need: 3000, rigid_expenditure: 20000, persons: [{person_id: p, age: 45, wage_income: 2500, disability_grade: 1}]}';
    const steps = (policy: string) =>
      jiuzhu(['explain', '--policy', policy, '--date', '2025-06-30', '--describe', all])
        .stdout.match(/^step .*$/gm)!
        .join('\n');
    const gzSteps = steps('policies/guangdong-guangzhou.yaml');
    for (const line of ['rigid-expenditure aid   003 §1', 'low-income   003 §1', 'temporary assistance   003 §15'])
      expect(gzSteps).toContain(line);
    for (const line of [
      'premium subsidy · person p   003 §8',
      'disability living subsidy · person p   003 §13',
      'care subsidy · person p   003 §13',
    ])
      expect(gzSteps).toContain(line);
    const fl = steps('policies/jiangxi-fuliang.yaml');
    for (const line of ['(R)   004 §1', 'rigid-expenditure aid   004 §1', 'low-income   004 §1', 'temporary assistance   004 §12'])
      expect(fl).toContain(line);
    expect(fl).toContain('premium subsidy · person p   004 §6');
    expect(`${gzSteps}\n${fl}`.match(/no clause/g)).toHaveLength(2); // take-up, in each
    expect(r.stdout).toMatch(
      /dibao\.standard\.urban = 810 \(since 2022-04-01\)\n\s+nanning-2022 — 《南宁市人民政府关于提高全市城乡居民最低生活保障标准和补助水平的通知》/,
    );
    // 12 × 599.50 + the dibao premium subsidy, 2 × 280.00 a year (step 9, shown with its own parameters)
    expect(r.stdout).toContain(
      '  monthly total 每月合计: 599.50 (medical-insurance premium subsidy apart: in the annual total)\n  annual total 年度合计: 7,754.00 (12 × 599.50, the month at 2024-12-31 + medical-insurance premium subsidy; a year with a change in it: simulate --year)\n',
    );
    expect(r.stdout).toMatch(/step 9 · 资助参保 medical-insurance premium subsidy · person a {3}000（七） 001（七）/);
    expect(r.stdout).toContain('medical.fixed.dibao = 280 [estimate*]');
    expect(r.stdout).toContain('result  280.00 of the year’s premium paid');
    expect(r.stdout).toMatch(/dibao\.employment_deduction = 0 \(since 2020-11-21\) \*\n\s+ESTIMATE:/);
  });

  // An analyst's explain at a date before the reform's from read "under scenario …" over the baseline's own figures
  it('says a scenario that changes nothing at the date, as simulate does', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-later-')), 'later.yaml');
    writeFileSync(
      file,
      'scenario: later\ntitle: {zh: 后来, en: later}\nreason: a trial\nchanges:\n  tekun.basic.multiplier: {set: 1.6, from: 2026-01-01}\n',
    );
    const explain = (date: string, ...more: string[]) =>
      jiuzhu([
        'explain',
        '--policy',
        NANNING,
        '--date',
        date,
        '--scenario',
        file,
        '--brief',
        '--describe',
        '{area: urban, persons: [{age: 80}]}',
        ...more,
      ]);
    const before = explain('2025-06-30');
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toContain(
      'note: scenario later changes no parameter at 2025-06-30: its changes start after it (the first from 2026-01-01) (its Δ is 0 by construction, not a finding)\n',
    );
    expect(explain('2026-06-30').stderr).not.toContain('scenario later');
    expect(explain('2025-06-30', '-q').stderr).toBe('');
  });

  // A finance trial read "Δ 0 by construction" beside a Δ range of −1,843 – +430 万元: the scenario pins Guangzhou's
  // estimated edge premium share (0.5, ranged 0.3–1) to 0.5, so where the estimate moves the two differ
  it('says which estimates a do-nothing scenario fixes, whose range its Δ range comes from', () => {
    const run = (...more: string[]) =>
      jiuzhu([
        ...['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, '--year', '2027'],
        ...['--scenario', 'scenarios/edge-premium-50pct.yaml', '--format', 'json', '--ranges', '-q', ...more],
      ]);
    const r = JSON.parse(run().stdout);
    expect(r.notes).toContain(
      'scenario edge-premium-50pct changes no parameter in 2027: the baseline already has its values (its Δ is 0 by construction, not a finding); but it fixes medical.subsidy.low_income, which the baseline only estimates: where the estimate moves the two differ, so its Δ range (--ranges) is not 0',
    );
    // (the Δ is 0; its range is not: the note's claim)
    expect(r.scenarios[1].total_delta.annual_cost).toBe('0.00');
    const range = r.scenarios[1].total_annual_cost_range.delta;
    expect([Number(range.low) < 0, Number(range.high) > 0]).toEqual([true, true]);
    // a scenario that fixes no estimate (Nanning's low-income line is 2 × S, published): the note as it was
    const nanning = jiuzhu([
      'simulate',
      '--policy',
      NANNING,
      '--households',
      SAMPLE,
      '--date',
      '2027-01-01',
      '--scenario',
      'scenarios/low-income-2x.yaml',
    ]);
    expect(nanning.stderr).toContain(
      'note: scenario low-income-2x changes no parameter at 2027-01-01: the baseline already has its values (its Δ is 0 by construction, not a finding)\n',
    );
  });

  // A finance trial read "[scenario:dibao-10pct-july-2026 budget]": the scenario's reason cut to its first word
  it('names a scenario’s value by its scenario, and lists its reason once, whole', () => {
    const r = jiuzhu([
      ...['explain', '--policy', NANNING, '--households', SAMPLE, '--household', 'H0004', '--date', '2024-12-31'],
      ...['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('dibao.standard.rural = 623.34 [scenario dibao-standard-plus-10pct]');
    expect(r.stdout).not.toMatch(/\[scenario:dibao-standard-plus-10pct \S+\]/);
    // which scenario, in the header and JSON, and the baseline's year beside it (a caseworker's saved explanation of a
    // reform read as the household's decision): the baseline's annual total is plain explain's, Δ the difference
    expect(r.stdout.split('\n')[0]).toBe(
      'household H0004 — 广西壮族自治区·南宁市 Guangxi / Nanning — 2024-12-31 — under scenario dibao-standard-plus-10pct 城乡低保标准提高10% Urban and rural dibao standards raised by 10 % (not the policy in force)',
    );
    const plain = jiuzhu(['explain', '--policy', NANNING, '--households', SAMPLE, '--household', 'H0004', '--date', '2024-12-31']);
    // (amounts grouped by thousands, as the tables give them)
    const total = (text: string) => /annual total 年度合计: ([\d,.]+)/.exec(text)![1]!;
    const [was, now] = [Number(total(plain.stdout).replace(/,/g, '')), Number(total(r.stdout).replace(/,/g, ''))];
    expect(now).toBeGreaterThan(was);
    expect(r.stdout).toContain(`  baseline 基线: ${total(plain.stdout)} a year; Δ +${groupDigits((now - was).toFixed(2))}\n`);
    expect(plain.stdout).not.toContain('baseline 基线');
    expect(plain.stdout.split('\n')[0]).toBe('household H0004 — 广西壮族自治区·南宁市 Guangxi / Nanning — 2024-12-31');
    // a program resting on an estimate in force is marked where its amount is told (dibao: the payment mode, an estimate)
    expect(r.stdout).toMatch(/^ {2}低保 dibao \*: \d persons?, [\d.]+ a month$/m);
    const json = JSON.parse(
      jiuzhu([
        ...['explain', '--policy', NANNING, '--households', SAMPLE, '--household', 'H0004', '--date', '2024-12-31', '--format', 'json'],
        ...['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'],
      ]).stdout,
    );
    expect(json.scenario).toEqual({
      id: 'dibao-standard-plus-10pct',
      title: { zh: '城乡低保标准提高10%', en: 'Urban and rural dibao standards raised by 10 %' },
      file: 'scenarios/dibao-standard-plus-10pct.yaml',
    });
    expect(json.baseline_result.annual_total).toBe(total(plain.stdout).replace(/,/g, ''));
    expect(json.on_estimates).toContain('dibao');
    // JSON cites the locality's own documents, as the text does (Guangdong's 003 and Jiangxi's 004 were in it)
    expect(json.steps.find((st: { program: string }) => st.program === 'dibao').clauses).toEqual(['000（一）', '000（四）']);
    // (the asset test is 000（一）'s 符合当地最低生活保障家庭财产状况规定, and a member alone's 000（四）; rigid spending is
    // 002 三's, not 002 一's, which is the dibao's: a reform author's trial)
    const rigid = jiuzhu([
      ...['explain', '--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30', '--format', 'json'],
      ...['--describe', '{area: urban, rigid_expenditure: 20000, persons: [{age: 40, wage_income: 1000}]}'],
    ]);
    const steps = (JSON.parse(rigid.stdout) as { steps: Array<{ program: string; clauses: string[] }> }).steps;
    expect(steps.find((st) => st.program === 'rest')!.clauses).toEqual(['000（一）', '000（四）']);
    expect(steps.find((st) => st.program === 'rigid_aid')!.clauses).toEqual(['001（一）', '002 三']);
    expect(json.notes[0]).toMatch(/^policies\/guangxi-nanning\.yaml: the newest dibao standards .* carried forward unchanged/);
    // (its provenance, listed once: the reason whole, and the scenario file)
    expect(r.stdout).toContain(
      'scenario:dibao-standard-plus-10pct 000（一）结合财力状况合理确定低保标准……并建立动态调整机制; 003 §14 动态调整机制 — 城乡低保标准提高10%',
    );
  });

  // A caseworker's trial: a refusal's reason was only in step 3, as household totals; families speak of 人均收入
  it('says in one line why a household is not on dibao: its income per person against S, or its assets', () => {
    const dir = tmp();
    const csv = join(dir, 'h.csv');
    // Nanning urban S = 810 (nanning-2022): N1's 1620.01 for 2 is 810.005 a person, not below 810 (000（一）低于);
    // N2's 1620.00 is 810 exactly; R1's assets 50000 are above 24 × 810 × 2 = 38880 (dibao.assets.limit_months)
    writeFileSync(
      csv,
      'household_id,person_id,age,area,wage_income,financial_assets\nN1,a,45,urban,1620.01,0\nN1,b,43,urban,0,0\n' +
        'N2,c,45,urban,1620,0\nN2,d,43,urban,0,0\nR1,e,45,urban,0,50000\nR1,f,43,urban,0,50000\n',
    );
    const why = (id: string) =>
      jiuzhu(['explain', '--policy', NANNING, '--households', csv, '--household', id, '--date', '2024-12-31', '--no-color'])
        .stdout.split('\n')
        .filter((l) => l.startsWith('  not 低保 dibao'));
    expect(why('N1')).toEqual([
      '  not 低保 dibao *: income per person 人均收入 810.005 is not below S 810.00 (I 1,620.01 ≥ S × n 1,620.00)',
    ]);
    expect(why('N2')).toEqual([
      '  not 低保 dibao *: income per person 人均收入 810.00 is not below S 810.00 (I 1,620.00 ≥ S × n 1,620.00)',
    ]);
    expect(why('R1')).toEqual([
      '  not 低保 dibao *: assets above the limit 家庭财产超过规定: 50,000.00 > 38,880.00 (financial_assets ≤ limit_months × S × n)',
    ]);
  });

  // A caseworker's trial: a tekun person with a grade-1 disability had no step 11 at all, nothing saying why
  it('says why a severely disabled tekun person gets no care subsidy: tekun care covers the person (000（十二）)', () => {
    const dir = tmp();
    const csv = join(dir, 'h.csv');
    writeFileSync(csv, 'household_id,person_id,age,area,disability_grade,labor_capacity,has_capable_supporter\nT1,t1,72,urban,1,none,0\n');
    const r = jiuzhu(['explain', '--policy', NANNING, '--households', csv, '--household', 'T1', '--date', '2024-12-31', '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '  check   not tekun-eligible (tekun care covers the person, taken up or not: the layers follow eligibility): tekun ∉ {tekun, tekun-eligible} → no\n',
    );
    expect(r.stdout).toContain('  result  no care subsidy: tekun care covers this person\n');
    // one who did not take tekun up (a draw past take_up.tekun 0.95): said so, as step 10 shows the group after take-up
    // (none); the trace read as contradicting itself, a rules auditor found
    writeFileSync(
      csv,
      'household_id,person_id,age,area,disability_grade,labor_capacity,has_capable_supporter,take_up_draw\nT1,t1,72,urban,1,none,0,0.96\n',
    );
    const d = jiuzhu(['explain', '--policy', NANNING, '--households', csv, '--household', 'T1', '--date', '2024-12-31', '--no-color']);
    expect(d.stdout).toContain('group = tekun (eligible, not taken up)');
    // (its check read "tekun ≠ tekun → no": an auditor's trial)
    expect(d.stdout).toContain(': tekun-eligible ∉ {tekun, tekun-eligible} → no\n');
    expect(d.stdout).toContain(
      '  result  no care subsidy: tekun-eligible, so tekun care is theirs to take up (not taken up: not received)\n',
    );
    expect(r.stdout).not.toMatch(/重度残疾人护理补贴 severe-disability care subsidy \*?: /); // (not paid)
  });

  it('prints the same trace as JSON, with parameter sources', () => {
    const r = jiuzhu([
      'explain',
      '--policy',
      NANNING,
      '--households',
      SAMPLE,
      '--household',
      'H0004',
      '--date',
      '2024-12-31',
      '--format',
      'json',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.household_id).toBe('H0004');
    const dibao = json.steps.find((s: { program: string }) => s.program === 'dibao');
    expect(dibao.params[0]).toMatchObject({
      path: 'dibao.standard.rural',
      value: '566.67',
      from: '2022-04-01',
      source: { id: 'nanning-2022', grade: 'A' },
    });
    expect(json.result.annual_total).toMatch(/^\d+\.\d\d$/);
    // each member's counted income (Nanning deducts nothing: inc(p) = wage + other = 0 + 303.41)
    expect(json.members[0]).toEqual({
      person_id: 'H0004-1',
      wage_income: '0.00',
      employment_deduction: '0.00',
      other_income: '303.41',
      counted_income: '303.41',
    });
  });

  it('an unknown household is a usage error naming some that exist', () => {
    const r = jiuzhu(['explain', '--policy', NANNING, '--households', SAMPLE, '--household', 'nope', '--date', '2024-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`jiuzhu: household "nope" is not in ${SAMPLE}\nhint: it has 600 households, e.g. H0001, H0002, H0003\n`);
    // an id that differs only in case or spaces: the one it may mean (explain and cliff alike)
    const near = jiuzhu(['explain', '--policy', NANNING, '--households', SAMPLE, '--household', ' h0004', '--date', '2024-12-31']);
    expect([near.code, near.stderr.split('\n')[0]]).toEqual([2, `jiuzhu: household " h0004" is not in ${SAMPLE} (did you mean "H0004"?)`]);
    // full-width letters and digits, as an input method types them; an empty id
    const wide = jiuzhu(['explain', '--policy', NANNING, '--households', SAMPLE, '--household', 'Ｈ０００４', '--date', '2024-12-31']);
    expect(wide.stderr.split('\n')[0]).toBe(`jiuzhu: household "Ｈ０００４" is not in ${SAMPLE} (did you mean "H0004"?)`);
    const empty = jiuzhu(['explain', '--policy', NANNING, '--households', SAMPLE, '--household', '', '--date', '2024-12-31']);
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([2, `jiuzhu: --household is empty: give a household_id of ${SAMPLE}`]);
    const cliff = jiuzhu(['cliff', '--policy', NANNING, '--households', SAMPLE, '--household', 'h0004', '--date', '2024-12-31']);
    expect([cliff.code, cliff.stderr.split('\n')[0]]).toEqual([2, `jiuzhu: household "h0004" is not in ${SAMPLE} (did you mean "H0004"?)`]);
  });

  // A cliff researcher swept a household written inline (--describe) and could not explain it without writing a CSV
  it('explains a household described inline, as cliff sweeps it; the same trace as from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-describe-'));
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'household_id,person_id,age,area,wage_income\nD1,p,35,urban,1000\nD1,c,8,urban,0\n');
    const inline = '{area: urban, persons: [{person_id: p, age: 35, wage_income: 1000}, {person_id: c, age: 8}]}';
    const described = jiuzhu(['explain', '--policy', NANNING, '--date', '2024-12-31', '--describe', inline, '-q']);
    const filed = jiuzhu(['explain', '--policy', NANNING, '--date', '2024-12-31', '--households', csv, '--household', 'D1', '-q']);
    expect(described.code, described.stderr).toBe(0);
    // (1000 + 0 < 810 × 2: dibao, the gap 620.00)
    expect(described.stdout).toMatch(/低保 dibao/);
    expect(described.stdout.split('\n').slice(1)).toEqual(filed.stdout.split('\n').slice(1)); // (the first line names it)
    expect(described.stdout.split('\n')[0]).toMatch(/^household described — /);
    const both = jiuzhu(['explain', '--policy', NANNING, '--describe', inline, '--households', csv]);
    expect([both.code, both.stderr]).toEqual([
      2,
      'jiuzhu: --describe gives the household itself: leave --households and --household out\n',
    ]);
    const none = jiuzhu(['explain', '--policy', NANNING]);
    expect([none.code, none.stderr]).toEqual([
      2,
      'jiuzhu: give --households FILE and --household ID, or --describe "{area: …, persons: […]}"\n',
    ]);
  });
});

describe('params', () => {
  it('the table marks estimates and names sources', () => {
    const r = jiuzhu(['params', '--policy', 'policies/jiangxi-fuliang.yaml', '--date', '2025-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dibao\.standard\.urban\s+城市低保标准\s+798\.1 \*/);
    expect(r.stdout).toMatch(/tekun\.basic\.multiplier\s+\S+\s+1\.3\s.*fl-2021-2 §4/);
  });
});

describe('tui', () => {
  it('without a terminal exits 2 and points to compare, with every option given (it dropped --date and --scenario)', () => {
    const r = jiuzhu(['tui', '--policy', NANNING, '--households', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `jiuzhu: tui needs an interactive terminal (stdin and stdout)\nhint: for piped or CI output, run the same comparison with \`jiuzhu compare --policy ${NANNING} --households ${SAMPLE}\`\n`,
    );
    const all = jiuzhu([
      'tui',
      '--policy',
      NANNING,
      '--scenario',
      'scenarios/low-income-2x.yaml',
      '--households',
      SAMPLE,
      '--date',
      '2025-06-30',
    ]);
    expect(all.stderr).toContain(
      `\`jiuzhu compare --policy ${NANNING} --scenario scenarios/low-income-2x.yaml --households ${SAMPLE} --date 2025-06-30\``,
    );
  });

  // An interactive QA trial: a missing households file was said under a loading screen already drawn (0 rows, ETA 0 s)
  it('at a terminal, a missing households file or a directory is refused before the screen is drawn', async () => {
    const { tuiCommand } = await import('../../src/cli/commands/tui.js');
    const out: string[] = [];
    const ctx = {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => out.push(s) },
      env: {},
      now: () => new Date(),
    };
    const at = { stdin: true, stdout: true };
    await expect(tuiCommand(ctx, { policy: [NANNING], households: 'no-such.csv' }, at)).rejects.toThrow(
      'cannot read the households file no-such.csv: no such file or directory',
    );
    await expect(tuiCommand(ctx, { policy: [NANNING], households: 'policies' }, at)).rejects.toThrow(
      'cannot read the households file policies: it is a directory',
    );
    expect(out).toEqual([]); // (nothing drawn)
  });

  // An interactive QA trial: the help said "- reads a CSV from standard input", and `-` was then refused as no terminal,
  // with a hint that rewrote it to /dev/stdin
  it('--households - is refused as such (the keys come from standard input), and its help says not -', () => {
    const r = jiuzhu(['tui', '--policy', NANNING, '--households', '-'], { input: 'h\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'jiuzhu: tui reads its keys from standard input, so it cannot read the households from it (--households -)\n' +
        `hint: give the file by name (--households FILE); for piped households, \`jiuzhu compare --policy ${NANNING} --households -\`\n`,
    );
    const help = jiuzhu(['tui', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('not - (the keys come from standard input)');
    expect(help).not.toContain('- reads a CSV from standard input');
  });
});
