// jiuzhu init --projection and --scenario (report/projection-template.ts): a policy author's trial found neither (both
// options refused, the projection's keys prose in a long bullet) and copied Nanning's. Each value is left to give (~),
// said at its line; filled in, the file runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-init-'));
const NANNING = 'policies/guangxi-nanning.yaml';

describe('jiuzhu init --projection', () => {
  it('writes every line with its rate to give; the run says each at its line; filled in, it runs', () => {
    const file = join(dir, 'guangxi-nanning-mine.yaml');
    const r = jiuzhu(['init', '--projection', '--policy', NANNING, '--out', file, '--from', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^base_year: 2025 /m);
    expect(text).toMatch(/^localities: \[guangxi-nanning\] /m);
    const run = (f: string) => jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--years', '2026-2027', '--projection', f]);
    const empty = run(file);
    expect(empty.code).toBe(3);
    // every value at once (an officer was told them in three rounds): the two titles; each uprating line's rate, basis
    // and range (low, high, basis); each of the five other lines' rate and basis — 2 + 5 × 5 + 5 × 2, on 11 lines
    const lines = [...empty.stderr.matchAll(/:(\d+):\d+: /g)].map((m) => Number(m[1]));
    expect(lines).toHaveLength(37);
    expect(new Set(lines).size).toBe(11);
    // the standards raised in the month the policy's newest one took effect (Nanning's April)
    expect(text).toMatch(/^ {2}dibao\.standard\.: \{yearly: ~, month: 4, /m);
    const doc = parseDocument(text);
    doc.setIn(['title', 'zh'], '南宁自拟');
    doc.setIn(['title', 'en'], 'Nanning, mine');
    for (const key of ['dibao.standard.', 'min_wage.monthly', 'rigid.disposable_income.', 'disability.', 'medical.premium']) {
      doc.setIn(['uprate', key, 'yearly'], 0.03);
      doc.setIn(['uprate', key, 'estimate'], 'as the last years');
      doc.setIn(['uprate', key, 'range'], { low: 0.01, high: 0.05, basis: 'the last years, ± 2 points' });
    }
    for (const path of [
      ['incomes'],
      ['population'],
      ...['rigid_expenditure', 'emergency_need', 'financial_assets'].map((c) => ['households', c]),
    ]) {
      doc.setIn([...path, 'yearly'], 0.02);
      doc.setIn([...path, 'estimate'], 'as the last years');
    }
    const filled = join(dir, 'filled.yaml');
    writeFileSync(filled, String(doc));
    const ok = run(filled);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('dibao.standard. +3% from 1 April each year (range +1% to +5%)');
  });

  it('names the policy by the id its file gives, which its name need not be', () => {
    const copy = join(dir, 'other-name.yaml');
    writeFileSync(copy, readFileSync(NANNING, 'utf8'));
    const file = join(dir, 'other-4pct.yaml');
    expect(jiuzhu(['init', '--projection', '--policy', copy, '--out', file, '-q']).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^localities: \[guangxi-nanning\] /m);
  });

  it('--projection needs the policy it is for; --scenario takes none; one kind at a time', () => {
    const out = join(dir, 'x.yaml');
    expect(jiuzhu(['init', '--projection', '--out', out]).stderr).toContain(
      '--projection needs --policy FILE: the policy the projection is for',
    );
    expect(jiuzhu(['init', '--scenario', '--policy', NANNING, '--out', out]).stderr).toContain(
      '--policy names the policy a profile or projection is for',
    );
    expect(jiuzhu(['init', '--projection', '--scenario', '--policy', NANNING, '--out', out]).stderr).toContain(
      '--projection and --scenario write different files: give one',
    );
  });
});

describe('jiuzhu init --scenario', () => {
  it('writes its keys to give; filled in, the reform runs', () => {
    const file = join(dir, 'mouxian-li-2x.yaml');
    expect(jiuzhu(['init', '--scenario', '--out', file]).code).toBe(0);
    const run = (f: string) => jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--scenario', f, '--date', '2025-06-30']);
    const empty = run(file);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/:11:\d+: parameter low_income\.multiplier: expected a non-negative decimal/);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['title', 'zh'], '低保边缘2倍');
    doc.setIn(['title', 'en'], 'Low-income line at 2 × S');
    doc.set('reason', '001（一） 低于当地低保标准2倍');
    doc.setIn(['changes', 'low_income.multiplier', 'set'], 2);
    writeFileSync(file, String(doc));
    const ok = run(file);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('mouxian-li-2x');
  });
});
