// A projection's grown values are held to the parameter rules a policy's own are (a hardening trial's 100 % a year took
// Nanning's standard past the minimum wage, totals to 8.1e13, exit 0 and not a word): each finding said once per rule
// and parameter, at the projection's line; the shipped projections give none over ten years.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE];

describe('the parameter rules on projected values', () => {
  it('a standard doubled each year (yearly: 1 for 0.01) is said at the projection line, once per rule and parameter', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'jiuzhu-wild-')), 'wild.yaml');
    writeFileSync(
      f,
      [
        'projection: wild',
        'title: {zh: 翻倍, en: doubling}',
        'base_year: 2025',
        'uprate:',
        '  dibao.standard.: {yearly: 1, estimate: a typo for 0.01}',
        'incomes: {yearly: 0, estimate: none}',
        'population: {yearly: 0, estimate: none}',
        '',
      ].join('\n'),
    );
    const r = jiuzhu(['simulate', ...NANNING, '--years', '2026-2030', '--projection', f, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const grew = r.stderr.split('\n').filter((l) => l.includes('in the values projection wild grew'));
    // 810 × 2 = 1620 in 2026, 3240 in 2027: past Nanning's minimum wage of 1990 (Guangxi tier 1, 2023-11) from 2027
    expect(grew.find((l) => l.includes('standard-below-min-wage'))).toMatch(
      new RegExp(
        `^error: ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:3: at 2027-01-01 dibao\\.standard\\.urban 3240 is not below min_wage\\.monthly 1990`,
      ),
    );
    expect(
      grew.filter((l) => l.includes('standard-yearly-change dibao.standard.urban') || l.includes('dibao.standard.urban goes')).length,
    ).toBe(1);
    expect(JSON.parse(r.stdout).notes.some((n: string) => n.includes('standard-below-min-wage'))).toBe(true);
  });

  it('the projections jiuzhu ships give no finding over ten years', () => {
    for (const [policy, projection] of [
      ['policies/guangxi-nanning.yaml', 'scenarios/projections/guangxi-nanning-4pct.yaml'],
      ['policies/guangdong-guangzhou.yaml', 'scenarios/projections/guangdong-3.5pct.yaml'],
    ]) {
      const r = jiuzhu([
        'simulate',
        '--policy',
        policy!,
        '--households',
        SAMPLE,
        '--years',
        '2026-2035',
        '--projection',
        projection!,
        '--format',
        'json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('grew');
    }
  });
});
