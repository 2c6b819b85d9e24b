// An output whose folder is not there is refused before any work (io/outputs.ts). An author's trial: `test --junit
// out/j.xml` ran every case, then said only that out/j.xml could not be written — the cases' problems lost, exit 2.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', '2025-06-30'];

describe('an output in a folder that is not there', () => {
  it('is refused at once, exit 2, naming the folder and how to make it; nothing is made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-folders-'));
    const missing = join(dir, 'out');
    const junit = jiuzhu(['test', 'policies/cases', '--junit', join(missing, 'j.xml')]);
    expect([junit.code, junit.stdout, junit.stderr]).toEqual([
      2,
      '', // (no case ran)
      `jiuzhu: --junit ${missing}/j.xml: its folder ${missing} does not exist\nhint: make the folder first (mkdir -p ${missing}), or give --junit another path\n`,
    ]);
    for (const args of [
      ['simulate', ...NANNING, '--out', join(missing, 't.json'), '--format', 'json'],
      ['simulate', ...NANNING, '--per-household', join(missing, 'rows.csv')],
      ['check', ...NANNING, '--snapshot', join(missing, 's.json'), '--update'],
      ['report', ...NANNING, '--out', join(missing, 'r.html')],
    ]) {
      const r = jiuzhu(args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr).toContain(`its folder ${missing} does not exist`);
    }
    expect(existsSync(missing)).toBe(false);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = jiuzhu(['simulate', ...NANNING, '--out', join(file, 't.json'), '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([
      2,
      `jiuzhu: --out ${file}/t.json: ${file} is a file, not a folder\nhint: give --out another path\n`,
    ]);
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('with the folder there, the JUnit is written and the run goes as before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-folders-'));
    const r = jiuzhu(['test', 'policies/cases', '--junit', join(dir, 'j.xml')]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'j.xml'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['j.xml']); // (the probe of the folder removed)
  });
});

// A budget officer's trial: a workbook to a read-only folder was refused only after 10 s of computing (a missing folder
// at once). /sys cannot be written in, even by root (a chmod'ed folder can, by root).
describe('an output in a folder that cannot be written in', () => {
  it('is refused at once, exit 2, naming the folder and why', () => {
    for (const args of [
      ['simulate', ...NANNING, '--format', 'xlsx', '--out', '/sys/budget.xlsx'],
      ['simulate', ...NANNING, '--per-household', '/sys/rows.csv'],
      ['test', 'policies/cases', '--junit', '/sys/j.xml'],
    ]) {
      const r = jiuzhu(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^jiuzhu: --[\w-]+ \/sys\/[\w.]+: its folder \/sys cannot be written in \((permission denied|a read-only file system)\)\nhint: give --[\w-]+ a path in a folder you can write in\n$/,
      );
    }
  });
});
