// An English reader's trial (a social-protection economist who reads no Chinese, LANG=en_US.UTF-8): what it found read
// in Chinese alone or in bad English, and what it expected instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE, succeeds } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-english-'));
const NANNING = ['--policy', 'policies/guangxi-nanning.yaml'];
const AT = ['--date', '2025-06-30', '--lang', 'en'];
const ONE = join(dir, 'one.csv');
writeFileSync(ONE, 'household_id,person_id,age,area,wage_income,other_income\nH1,H1-1,40,urban,500,0\n');

describe('an English reader', () => {
  it('reads one household and one person in the singular (it read "1 households (1 weighted), 1 persons")', () => {
    const s = succeeds(['simulate', ...NANNING, '--households', ONE, ...AT, '-q']).stdout;
    expect(s).toContain(`${ONE}: 1 household (1 weighted), 1 person (1 weighted)\n`);
    // 12 × (810 × 1.1 − 500) − 12 × (810 − 500) = 12 × 81 = 972: the one household gains
    const c = succeeds(['compare', ...NANNING, '--households', ONE, ...AT, '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '-q']);
    expect(c.stdout).toContain(`${ONE}: 1 household (1 weighted), 1 person (1 weighted) — at 2025-06-30`);
    expect(c.stdout).toContain('  winners 受益 1 household, 1 person (+972.00 yuan 元/year), of which new entrants 0;');
    const r = succeeds(['cliff', ...NANNING, '--households', ONE, ...AT, '-q']).stdout;
    expect(r).toContain('shares of the 1 household with a main earner (weighted);');
    expect(r).toContain('0 households have none');
    expect(r).toMatch(/^baseline: 1 household of the file \(1 weighted\) faces ≥ 100 %, e\.g\. H1$/m);
    const i = succeeds(['import', '--households', ONE, '--out', join(dir, 'one.arrow')]).stderr;
    expect(i).toContain('wrote ' + join(dir, 'one.arrow') + ': 1 household, 1 person (');
  });

  it('reads a caseload’s Δ in households 户, as the column heads say it (it read "+17,103 (+91.49%) 户")', () => {
    const args = ['simulate', '--policy', 'policies/guangdong-guangzhou.yaml', '--households', SAMPLE, ...AT];
    const s = succeeds([...args, '--scenario', 'scenarios/low-income-2x.yaml', '-q']).stdout;
    expect(s).toMatch(
      /^低保边缘 low-income \*\s+35,797\s+104,981\s+caseload, no cost 仅计对象，不计支出\s+\+17,103 \(\+91\.49%\) households 户$/m,
    );
    expect(s).not.toMatch(/\d \(\+[\d.]+%\) 户/);
  });

  it('reads every column head of params in English too (it read 名称 alone)', () => {
    const p = succeeds(['params', ...NANNING, '--date', '2025-06-30', '--format', 'table']).stdout;
    expect(p.split('\n')[1]).toMatch(/^parameter 参数\s+name 名称\s+value 值\s+range 范围\s+unit 单位\s+since 起始\s+source 依据/);
  });

  it('reads cliff’s locality in English (it read 广西壮族自治区·南宁市 alone)', () => {
    const r = succeeds(['cliff', ...NANNING, '--households', SAMPLE, '--household', 'H0004', ...AT, '-q']).stdout;
    expect(r).toContain('Guangxi / Nanning (policies/guangxi-nanning.yaml), at 2025-06-30');
    expect(r).not.toContain('南宁市');
  });

  it('reads the flows’ columns in English at the terminal and in full in Markdown (they were 中文 alone)', () => {
    const args = ['compare', ...NANNING, '--households', SAMPLE, ...AT, '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '-q'];
    expect(succeeds(args).stdout).toMatch(
      /^ {4}baseline \\ scenario 基线 \\ 方案\s+tekun\s+dibao\s+single\s+rigid aid\s+exit\s+low-inc\.\s+rigid fam\.\s+none$/m,
    );
    expect(succeeds([...args, '--format', 'markdown']).stdout).toContain(
      '| baseline \\ scenario 基线 \\ 方案 | 特困 tekun | 低保 dibao | 单人户施保 single-person dibao | 刚性支出救助 rigid-expenditure aid |',
    );
    // the 中文 reader keeps the 中文 heads
    const zh = ['compare', ...NANNING, '--households', SAMPLE, '--date', '2025-06-30', '--lang', 'zh', ...args.slice(-3)];
    expect(succeeds(zh).stdout).toMatch(/^ {4}baseline \\ scenario 基线 \\ 方案\s+特困\s+低保\s+单人户施保/m);
  });

  // `script` gives the command a terminal (bsdutils: on every Debian); a file written from one held escape codes, and a
  // legend of red and green that the file does not have
  it('gets a text file without colour from a terminal, and no colours named in it', () => {
    const out = join(dir, 'cmp.txt');
    const cmd = [process.execPath, resolve('bin/jiuzhu.js'), 'compare', ...NANNING, '--households', SAMPLE, ...AT];
    const sc = ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml', '-q'];
    const tty = (args: string[]) =>
      spawnSync('script', ['-qec', args.map((a) => `'${a}'`).join(' '), '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: '', LANG: 'C.UTF-8', TERM: 'xterm' },
      });
    const shown = tty([...cmd, ...sc]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('\u001b['); // (the terminal has its colours: the test's own check)
    expect(shown.stdout).toContain('(red more spending, green less)');
    const written = tty([...cmd, ...sc, '--out', out]);
    expect(written.status, written.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('\u001b[');
    expect(text).toContain("  Δ: change in annual cost against this locality's baseline; caseloads in households (户)\n");
  });

  it('is offered the scenario file for its id (tekun-basic-1.6x: its ".6x" was taken for an extension)', () => {
    const r = jiuzhu(['simulate', ...NANNING, '--households', SAMPLE, ...AT, '--scenario', 'tekun-basic-1.6x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: did you mean scenarios/tekun-basic-1.6x.yaml?');
  });

  it('is not told a column is missing where its own column resembles it (the note said no weight, the error "Weight")', () => {
    const bad = join(dir, 'weight.csv');
    writeFileSync(bad, 'household_id,person_id,age,area,wage_income,other_income,Weight\nH1,H1-1,40,urban,500,0,2\n');
    const r = jiuzhu(['simulate', ...NANNING, '--households', bad, ...AT]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('column "Weight" looks like weight but is not named so');
    expect(r.stderr).toMatch(/note: .*the file has no financial_assets: every row takes financial_assets 0;/);
    expect(r.stderr).not.toMatch(/the file has no [^:]*weight/);
  });

  it('reads why a child with parents is not tekun without a double negative', () => {
    const child = '{area: urban, persons: [{person_id: a, age: 40, wage_income: 900}, {person_id: c, age: 8}]}';
    const r = succeeds(['explain', ...NANNING, ...AT, '--describe', child, '-q']).stdout;
    // 000（一）: tekun needs no capable supporter; the child's parents are (the file's default 1)
    expect(r).toContain('  not 特困 tekun * (person c): has a capable supporter (has_capable_supporter = 1)\n');
    // an id written as "id" is offered person_id (it was offered 年龄: two edits from any two-letter key)
    const id = jiuzhu(['explain', ...NANNING, ...AT, '--describe', '{area: urban, persons: [{id: a, age: 40}]}']);
    expect(id.stderr).toContain('unknown key "id" in a person (did you mean "person_id"?)');
    // the step's own check as the rule writes it
    expect(r).toContain('  check   no capable supporter (has_capable_supporter = 0): has_capable_supporter 1 = 0 → no');
  });
});
