// Take-up end to end, on a generated population (it draws take_up_draw): every output shows the received figures and,
// beside them, the eligible ones; the full-coverage scenario (应保尽保) costs exactly the baseline's eligible total.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-takeup-'));
const households = join(dir, 'g.csv');
const NANNING = 'policies/guangxi-nanning.yaml';
const FULL = 'scenarios/full-coverage.yaml';
const DATE = '2024-12-31';

beforeAll(() => {
  expect(jiuzhu(['generate', '--policy', NANNING, '--households', '4000', '--seed', '11', '--out', households]).code).toBe(0);
});

describe('take-up and the full-coverage scenario', () => {
  it('simulate: received below eligible; full coverage receives what the baseline is eligible for, program by program', () => {
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', households, '--date', DATE, '--scenario', FULL, '--format', 'json']);
    expect(r.code).toBe(0);
    const [base, full] = JSON.parse(r.stdout).scenarios;
    expect(D(base.total_annual_cost).lessThan(base.eligible_total_annual_cost)).toBe(true);
    expect(full.total_annual_cost).toBe(base.eligible_total_annual_cost);
    for (const id of Object.keys(base.programs)) {
      expect(full.programs[id].households).toBe(base.programs[id].eligible_households);
      expect(full.programs[id].annual_cost).toBe(base.programs[id].eligible_annual_cost);
    }
    expect(D(full.total_delta.annual_cost).greaterThan(0)).toBe(true);
  });

  it('the table shows the eligible column; the per-household CSV has eligible_annual_total ≥ annual_total', () => {
    const out = join(dir, 'rows.csv');
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', households, '--date', DATE, '--per-household', out]);
    expect(r.stdout).toContain('if all eligible took up 应保尽保 (yuan 元)');
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', households, '--date', DATE, '--unit', 'wan']).stdout).toContain(
      'if all eligible took up 应保尽保 (万元 10k yuan)',
    );
    const [head, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    const cols = head!.split(',');
    const [a, e] = [cols.indexOf('annual_total'), cols.indexOf('eligible_annual_total')];
    expect(e).toBe(a + 1);
    let declined = 0;
    for (const row of rows) {
      const v = row.split(',');
      expect(D(v[e]!).greaterThanOrEqualTo(v[a]!)).toBe(true);
      if (v[e] !== v[a]) declined++;
    }
    expect(declined).toBeGreaterThan(0);
  });

  it('a generated population answers take_up.dibao: halving it about halves the households receiving dibao', () => {
    // generate marks on_dibao only above the line (the gradual exit's base); below it, receipt is the take-up draw
    // alone. When it marked every recipient on_dibao, DOMAIN's "on_dibao always takes dibao up" kept them all: half
    // of the take-up removed next to nothing (a finance-bureau trial: 0.5 of 0.7 removed 0.03 % of the cost).
    const half = join(dir, 'half.yaml');
    writeFileSync(
      half,
      'scenario: half-take-up\ntitle: {zh: 低保参与率减半, en: Half the dibao take-up}\nreason: a test\nchanges:\n  take_up.dibao: {set: 0.3}\n',
    );
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', households, '--date', DATE, '--scenario', half, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const [base, low] = JSON.parse(r.stdout).scenarios;
    const ratio = Number(low.programs.dibao.households) / Number(base.programs.dibao.households);
    expect(Number(base.programs.dibao.households)).toBeGreaterThan(50);
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.65);
    expect(low.programs.dibao.eligible_households).toBe(base.programs.dibao.eligible_households);
  });

  it('runs in params, compare and check too', () => {
    const params = JSON.parse(jiuzhu(['params', '--policy', NANNING, '--scenario', FULL, '--date', DATE, '--format', 'json']).stdout);
    expect(['tekun', 'dibao', 'rigid', 'low_income', 'temporary'].map((g) => params[`take_up.${g}`])).toEqual(['1', '1', '1', '1', '1']);
    const base = JSON.parse(jiuzhu(['params', '--policy', NANNING, '--date', DATE, '--format', 'json']).stdout);
    expect(base['take_up.dibao']).toBe('0.6');
    const cmp = jiuzhu([
      'compare',
      '--policy',
      NANNING,
      '--policy',
      'policies/jiangxi-fuliang.yaml',
      '--scenario',
      FULL,
      '--households',
      households,
      '--date',
      DATE,
    ]);
    expect(cmp.code).toBe(0);
    expect(cmp.stdout).toMatch(/full-coverage/);
    const snap = join(dir, 'snap.json');
    expect(
      jiuzhu(['check', '--policy', NANNING, '--households', households, '--scenario', FULL, '--snapshot', snap, '--update', '--date', DATE])
        .code,
    ).toBe(0);
    expect(jiuzhu(['check', '--policy', NANNING, '--households', households, '--scenario', FULL, '--snapshot', snap]).code).toBe(0);
  });
});

// A county officer's trial: the table named a scenario by its id alone (a slug to a 中文 reader), and "every eligible
// household takes its programs up" stood beside an estimated take-up rate with nothing saying why.
describe('simulate says each run by its title, and why take-up moved nothing', () => {
  it('the scenario’s title beside its id (table and Markdown); the draw behind "received = eligible"', () => {
    const args = ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', 'policies/samples/households.csv'];
    const run = (format: string) =>
      jiuzhu([...args, '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--date', '2025-06-30', '--format', format, '-q']).stdout;
    const table = run('table');
    expect(table).toContain('\nscenario baseline — 基线（现行政策） the rules in force\n');
    expect(table).toContain(
      '\nscenario tekun-basic-1.6x — 特困人员基本生活标准为低保标准的1.6倍 Tekun basic living standard at 1.6 × the dibao standard\n',
    );
    expect(table).toContain('received = eligible (each take_up_draw, 0 where the file has none, is under every take-up rate)');
    expect(run('markdown')).toContain('#### scenario `tekun-basic-1.6x` — 特困人员基本生活标准为低保标准的1.6倍');
  });
});
