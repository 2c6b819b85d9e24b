// A CI author's trial of `jiuzhu test` and `check` (a provincial department's regression job): what each slip in a case
// file is told, a case dated past the policy's standards, a failure log without traces, an --update that changes nothing.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'jiuzhu-'));
const POLICY = resolve('policies/guangxi-nanning.yaml');

/** A case file of one policy at a date, its cases as YAML lines (each `- name: …` and what follows, indented 2). */
const caseFile = (date: string, cases: string) => `policy: ${POLICY}\ndate: ${date}\ncases:\n${cases}`;

// Nanning 2022-04-01: urban dibao standard S = 810 (policies/guangxi-nanning.yaml, seed 000（一）); a single adult with
// no income gets the gap S × 1 − 0 = 810.00 a month (000（四）差额).
const ALONE = `    household: {area: urban, persons: [{age: 40, wage_income: 0}]}\n`;

describe('a case file a CI author writes', () => {
  it('an expected amount written as a document writes it is told what it most likely meant; each slip at its case', () => {
    const dir = tmp();
    const file = join(dir, 'slips.yaml');
    writeFileSync(
      file,
      caseFile(
        '2025-06-30',
        [
          `  - name: negative\n${ALONE}    scenarios: x.yaml\n    expect: {dibao: {amount: -5}}\n`,
          `  - name: nobody\n    household: {area: urban, persons: []}\n    expect: {dibao: {amount: "6,868.00"}}\n`,
          `  - name: units\n${ALONE}    expect: {dibao: {amount: 0.081万}, annual_total: 9720元}\n`,
        ].join(''),
      ),
    );
    const r = jiuzhu(['test', file]);
    expect(r.code).toBe(3);
    const told: Array<[number, number, string]> = [
      [
        7,
        30,
        'case "negative": dibao.amount: expected yuan ≥ 0 with at most two decimals, got "-5" (an amount received is never negative)',
      ],
      [6, 16, 'case "negative": expected a list of scenario files: write [x.yaml]'],
      [9, 39, 'case "nobody": expected "persons": a list of persons {age, …}, got an empty list (a household has one person at least)'],
      [
        10,
        30,
        'case "nobody": dibao.amount: expected yuan with at most two decimals, got "6,868.00" (no thousands separator: write 6868.00)',
      ],
      [
        13,
        30,
        'case "units": dibao.amount: expected yuan with at most two decimals, got "0.081万" (in yuan, the number alone: 0.081万 is 810)',
      ],
      [13, 53, 'case "units": annual_total.amount: expected yuan with at most two decimals, got "9720元" (the number alone: write 9720)'],
    ];
    expect(r.stderr).toBe(
      [
        'jiuzhu: invalid input (6 problems):',
        ...told.map(([line, col, text]) => `  ${file}:${line}:${col}: ${text}`),
        'hint: fix the case',
        '',
      ].join('\n'),
    );
    // (written as the hint says, the case passes: 810.00 a month)
    const fixed = join(dir, 'fixed.yaml');
    writeFileSync(fixed, caseFile('2025-06-30', `  - name: units\n${ALONE}    expect: {dibao: {amount: 810, persons: 1}}\n`));
    expect(jiuzhu(['test', fixed, '--quiet']).code).toBe(0);
  });

  it('in 中文: a key misspelt in an expectation, its case, and the hint (it was half English: "the expectation of dibao中没有键")', () => {
    const dir = tmp();
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, caseFile('2025-06-30', `  - name: one\n${ALONE}    expect: {dibao: {amout: 810}}\n`));
    const r = jiuzhu(['test', file], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `${file}:6:22: 案例 “one”：dibao 的预期中没有键 “amout”（是不是 “amount”？）；应为 amount, persons, flag 之一\n`,
    );
    expect(r.stderr).toMatch(/\n提示：改正该案例\n$/);
  });

  it('a case dated years past the policy’s newest standard is said as simulate says it; --quiet keeps it', () => {
    const dir = tmp();
    const file = join(dir, 'later.yaml');
    writeFileSync(file, caseFile('2031-06-30', `  - name: alone\n${ALONE}    expect: {dibao: {amount: 810}}\n`));
    const r = jiuzhu(['test', file]);
    expect(r.code).toBe(0);
    const simulated = jiuzhu(['simulate', '--policy', POLICY, '--households', 'policies/samples/households.csv', '--date', '2031-06-30']);
    // (the dibao standards and the disposable incomes, both carried forward from 2022 and 2024)
    const stale = simulated.stderr.split('\n').filter((l) => l.includes('years older than 2031-06-30: carried forward unchanged'));
    expect(stale.map((l) => /the newest (.+?) it gives/.exec(l)![1])).toEqual([
      'dibao standards',
      'disposable incomes (the rigid-expenditure line)',
    ]);
    expect(stale[0]).toContain('(urban 810 from 2022-04-01, rural 566.67 from 2022-04-01) are 9+ years older');
    expect(r.stderr).toBe(stale.map((l) => `${l}\n`).join(''));
    expect(jiuzhu(['test', file, '--quiet']).stderr).toBe('');
  });

  it('--brief: each failure as its expected and got lines and where, without the trace of the steps', () => {
    const dir = tmp();
    const file = join(dir, 'wrong.yaml');
    writeFileSync(file, caseFile('2022-07-01', `  - name: alone\n${ALONE}    expect: {dibao: {amount: 800}}\n`));
    const full = jiuzhu(['test', file]);
    const brief = jiuzhu(['test', file, '--brief']);
    expect([full.code, brief.code]).toEqual([1, 1]);
    const failure = `      dibao.amount: expected 800.00, got 810.00  ${file}:6:30`;
    expect(full.stdout).toContain(`${failure}\n\n      step 2 · 其余家庭成员 the rest of the household (R)`);
    expect(brief.stdout).toBe(
      `${file}\n  ✗ alone  ${file}:4:5 · 2022-07-01\n${failure}\n\ncases: 0 passed, 1 failed · parameter rules on 1 policy: 0 errors, 0 warnings\n`,
    );
  });
});

describe('check --update', () => {
  it('says a snapshot already holding the figures is unchanged, and leaves the file alone', () => {
    const dir = tmp();
    const snapshot = join(dir, 's.json');
    const args = [
      'check',
      '--policy',
      POLICY,
      '--households',
      'policies/samples/households.csv',
      '--snapshot',
      snapshot,
      '--date',
      '2025-06-30',
    ];
    expect(jiuzhu([...args, '--update']).stdout).toMatch(/^Created /);
    const [text, mtime] = [readFileSync(snapshot, 'utf8'), statSync(snapshot).mtimeMs];
    const again = jiuzhu([...args, '--update']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`\\n${snapshot.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} unchanged: it already holds these figures and parameters\\.\\n$`),
    );
    expect(again.stdout).not.toContain('Updated');
    expect([readFileSync(snapshot, 'utf8'), statSync(snapshot).mtimeMs]).toEqual([text, mtime]);
  });

  it('names the households file it was made from as the one given is written (both absolute, or both relative)', () => {
    const dir = tmp();
    const snapshot = join(dir, 's.json');
    const made = join(dir, 'h.csv');
    const other = join(dir, 'other.csv');
    for (const f of [made, other]) writeFileSync(f, readFileSync('policies/samples/households.csv'));
    const args = (households: string) => [
      'check',
      '--policy',
      POLICY,
      '--households',
      households,
      '--snapshot',
      snapshot,
      '--date',
      '2025-06-30',
    ];
    expect(jiuzhu([...args(made), '--update']).code).toBe(0);
    expect(jiuzhu(args(other)).stderr).toContain(`was made from the households file ${made}, not ${other}\n`);
    const fromDir = jiuzhu(['check', '--policy', POLICY, '--households', 'other.csv', '--snapshot', 's.json', '--date', '2025-06-30'], {
      cwd: dir,
    });
    expect(fromDir.stderr).toContain('was made from the households file h.csv, not other.csv\n');
  });
});
