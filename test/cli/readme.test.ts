// README's examples run as written: the example test case (its numbers worked by hand there) passes, and the example
// CI job's jiuzhu commands exit 0 on the shipped files. Both had gone stale: the case still expected 7194.00 after
// the premium subsidy (step 9) added 2 × 280.00, and the job's snapshot holds a scenario the command did not run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/sanity.js';
import { COLUMNS, MEANING, showValue, type Column, type ColumnDef } from '../../src/core/columns.js';
import { jiuzhu } from '../helpers/cli.js';

const README = readFileSync('README.md', 'utf8');
/** The fenced blocks of a language. */
const blocks = (lang: string) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe("README's examples", () => {
  it('the example test case passes', () => {
    const example = blocks('yaml').find((b) => b.startsWith('policy: ../guangxi-nanning.yaml'));
    expect(example).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'jiuzhu-readme-')), 'case.yaml');
    // its policy path is relative to policies/cases/, where such a file would live
    writeFileSync(file, example!.replace('policy: ../guangxi-nanning.yaml', `policy: ${resolve('policies/guangxi-nanning.yaml')}`));
    const r = jiuzhu(['test', file]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("the example CI job's jiuzhu commands exit 0", () => {
    const job = blocks('yaml').find((b) => b.startsWith('name: policy'));
    expect(job).toBeDefined();
    const commands = [...job!.matchAll(/npx jiuzhu ((?:\\\n|[^\n#>])+)/g)].map((m) => m[1]!.replace(/\\\n/g, ' ').trim().split(/\s+/));
    expect(commands.map((c) => c[0])).toEqual(['test', 'check']);
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-readme-'));
    for (const args of commands) {
      // (the JUnit files it writes, in a folder of the test's own)
      const r = jiuzhu(args.map((a) => (a.endsWith('.xml') ? join(dir, a) : a)));
      expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    for (const xml of ['junit.xml', 'check.xml']) expect(readFileSync(join(dir, xml), 'utf8')).toMatch(/failures="0"/);
  });

  // A reform analyst pieced the budget-year briefing together from 1,500 lines: the recipe near the top runs as written
  it("the briefing recipe's commands run (its population smaller) and give the year's winners and who pays", () => {
    const recipe = blocks('sh').find((b) => b.startsWith('npx jiuzhu generate'));
    expect(recipe).toBeDefined();
    const commands = [...recipe!.matchAll(/npx jiuzhu ((?:\\\n|[^\n#])+)/g)].map((m) => m[1]!.replace(/\\\n/g, ' ').trim().split(/\s+/));
    expect(commands.map((c) => c[0])).toEqual(['generate', 'compare']);
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-readme-'));
    const [generate, compare] = commands.map((args) => args.map((a) => (a === '100000' ? '3000' : a.endsWith('.csv') ? join(dir, a) : a)));
    const g = jiuzhu(generate!);
    // (3,000 households: --report's figures are noisy, and a figure outside its tolerance exits 1 — the file is written)
    expect(g.stderr).toMatch(/^wrote .*nanning\.csv: 3,000 households, seed 7/m);
    const c = jiuzhu(compare!);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/^- winners 受益 [\d,]+ households, [\d,]+ persons \(\+[\d,.]+ 万元/m);
    expect(c.stdout).toMatch(/^- who pays 分级负担 \(万元 10k yuan\), dibao-standard-plus-10pct: 中央 central/m);
  });

  // A README trial ran the cliff example's household and found no cliff in it: the one named now has them, as said.
  it("the cliff example's household has the cliffs its comment says, on the population the block generates", () => {
    const block = blocks('sh').find((b) => b.includes('--household G0'));
    expect(block).toBeDefined();
    const said = /# (G\d+) has two cliffs and a jump up .* at (\d{4}-\d{2}-\d{2})/.exec(block!);
    expect(said).not.toBeNull();
    const commands = [...block!.matchAll(/^npx jiuzhu ((?:\\\n|[^\n#])+)/gm)].map((m) => m[1]!.replace(/\\\n/g, ' ').trim().split(/\s+/));
    const generate = commands.find((c) => c[0] === 'generate')!;
    const cliff = commands.find((c) => c.includes('--household') && c.includes('json'))!;
    expect(cliff).toEqual(expect.arrayContaining(['--household', said![1], '--date', said![2]]));
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-readme-'));
    const inDir = (args: string[]) => args.map((a) => (a.endsWith('.csv') ? join(dir, a) : a));
    expect(jiuzhu([...inDir(generate), '--quiet']).code).toBe(0);
    const r = jiuzhu(inDir(cliff));
    expect(r.code, r.stderr).toBe(0);
    const baseline = (JSON.parse(r.stdout) as { scenarios: { cliffs: unknown[]; jumps: unknown[] }[] }).scenarios[0]!;
    expect([baseline.cliffs.length, baseline.jumps.length]).toEqual([2, 1]);
  });

  // A researcher could not tell that incomes are monthly: the README named the columns and pointed to a file it lacks
  it('the table of household columns gives every column, what it is, a valid value and its default, as core/columns.ts', () => {
    const rows = [...README.matchAll(/^\| `([a-z_]+)` \| (person|household) \| (.*) \| (.*) \| (.*) \|$/gm)].map((m) => m.slice(1));
    expect(rows).toEqual(
      (COLUMNS as readonly ColumnDef[]).map((c) => [
        c.name,
        c.level === 'household' ? 'household' : 'person',
        MEANING[c.name as Column],
        c.expected,
        c.default === undefined ? 'required' : showValue(c, c.default),
      ]),
    );
  });

  it('the parameter rules table lists every rule, with its severity', () => {
    const rows = new Map([...README.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1]!, m[2]!]));
    expect(rows).toEqual(new Map(Object.values(RULES).map((r) => [r.id, r.severity])));
  });
});
