// Where an output goes, beyond its name (a QA trial): standard output sent to a file jiuzhu reads or replaces, and a
// file replaced keeps its mode (the rename that makes an output appear whole had made a file of 600 one of 644).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'jiuzhu-'));
/** jiuzhu with its standard output sent to a file, as a shell's > or >> does. */
const shell = (args: string[], redirect: string) =>
  spawnSync('sh', ['-c', `"${process.execPath}" bin/jiuzhu.js "$@" ${redirect}`, 'sh', ...args], { encoding: 'utf8' });

describe('standard output sent to a file', () => {
  it('the file an output replaces: refused before any work (the totals had gone with the file replaced)', () => {
    const dir = tmp();
    const m = join(dir, 'm.csv');
    const args = ['simulate', '--policy', NANNING, '--households', SAMPLE, '--per-household', m, '--format', 'csv'];
    const r = shell(args, `> "${m}"`);
    expect([r.status, r.stderr]).toEqual([
      2,
      `jiuzhu: --per-household ${m} is the file standard output goes to: one would replace the other\nhint: send standard output to another file, or give --per-household another name\n`,
    ]);
  });
  it('a file it reads (>> appended the totals to the households): refused, the file as it was', () => {
    const dir = tmp();
    const h = join(dir, 'h.csv');
    copyFileSync(SAMPLE, h);
    const r = shell(['simulate', '--policy', NANNING, '--households', h, '--format', 'csv'], `>> "${h}"`);
    expect([r.status, r.stderr]).toEqual([
      2,
      `jiuzhu: standard output goes to the households file ${h}: jiuzhu never writes over a file it reads\nhint: send standard output to another file\n`,
    ]);
    expect(readFileSync(h, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
  });
  it('another file: written as ever', () => {
    const dir = tmp();
    const r = shell(['simulate', '--policy', NANNING, '--households', SAMPLE, '--format', 'csv', '-q'], `> "${join(dir, 'out.csv')}"`);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/^scenario,program,/);
  });
});

describe('a long name', () => {
  // A QA trial: a name of 250 bytes, which the system takes, was refused as too long (its temporary file's name added
  // ~20 bytes); the temporary name is cut to fit, and none is left
  it('is written', () => {
    const dir = tmp();
    const name = join(dir, `${'行'.repeat(80)}${'r'.repeat(6)}.csv`); // (250 bytes: 80 × 3 + 10)
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--per-household', name, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([name.slice(dir.length + 1)]);
  });
});

describe('a file replaced', () => {
  it('keeps its mode', () => {
    const dir = tmp();
    const out = join(dir, 'rows.csv');
    writeFileSync(out, 'old\n');
    for (const mode of [0o600, 0o640]) {
      chmodSync(out, mode);
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--per-household', out, '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect([statSync(out).mode & 0o777, readFileSync(out, 'utf8').startsWith('household_id,')]).toEqual([mode, true]);
    }
  });
});
