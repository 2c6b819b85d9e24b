// A fuzzing trial's smaller findings, each said in words now: JavaScript's own "Maximum call stack size exceeded" for a
// deeply nested YAML file, a value of a million characters echoed whole (a megabyte on stderr), a snapshot's missing
// key told as "got undefined" with no line, and a note naming GB18030 headers read as UTF-8 ("�����") before the error.
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-fuzz-'));

describe('a fuzzing trial’s findings, said in words', () => {
  it('a YAML file nested thousands deep: "nested too deeply", at its line, exit 3', () => {
    const f = join(dir, 'deep.yaml');
    writeFileSync(f, `id: x\nchanges: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const r = jiuzhu(['params', '--policy', NANNING, '--scenario', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/deep\.yaml:\d+:\d+: YAML: nested too deeply to read/);
    expect(r.stderr).not.toContain('call stack');
  });

  it('a value of a million characters: cut to 80 in the message, its length said', () => {
    const f = join(dir, 'long.yaml');
    const long = '1'.repeat(1_000_000);
    const policy = readFileSync(NANNING, 'utf8');
    const at = policy.indexOf('value: ', policy.indexOf('\n      urban:\n')) + 'value: '.length;
    writeFileSync(f, policy.slice(0, at) + long + policy.slice(policy.indexOf('\n', at)));
    const r = jiuzhu(['validate', '--policy', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`got "${'1'.repeat(80)}…" (1,000,000 characters)`);
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it('a snapshot missing a figure: "missing", at the line of the program that lacks it', () => {
    const snap = join(dir, 'snap.json');
    const made = jiuzhu(['check', '--policy', NANNING, '--households', SAMPLE, '--date', '2025-06-30', '--snapshot', snap, '--update']);
    expect(made.code, made.stderr).toBe(0);
    const text = readFileSync(snap, 'utf8');
    const json = JSON.parse(text);
    delete json.scenarios[0].programs.gradual_exit.persons;
    const edited = JSON.stringify(json, null, 2);
    writeFileSync(snap, edited);
    const line = edited.split('\n').findIndex((l) => l.includes('"gradual_exit"')) + 1;
    const r = jiuzhu(['check', '--policy', NANNING, '--households', SAMPLE, '--date', '2025-06-30', '--snapshot', snap]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(`snap\\.json:${line}:\\d+: scenarios\\[0\\]\\.programs\\.gradual_exit\\.persons: missing: expected a decimal string`),
    );
    expect(r.stderr).not.toContain('undefined');
  });

  it('GB18030 headers under --encoding utf-8: the error alone, no note naming "�" columns', () => {
    const f = join(dir, 'gb.csv');
    writeFileSync(f, iconv.encode('户编号,个人编号,年龄,城乡\nH1,p1,40,城镇\n', 'gb18030'));
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', f, '--encoding', 'utf-8']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the file is not UTF-8');
    expect(r.stderr).not.toContain('\ufffd');
    expect(r.stderr).not.toContain('jiuzhu reads no column named');
  });
});
