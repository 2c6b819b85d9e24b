// A projection's grown values are held to the parameter rules a policy's own are (a hardening trial's 100 % a year took
// Nanning's standard past the minimum wage, totals to 8.1e13, exit 0 and not a word): a value in the wrong scale
// refused, a relation said, each once per rule and parameter, at the projection's line; the shipped projections give
// none over ten years.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE];

describe('the parameter rules on projected values', () => {
  const file = (uprate: string[], population = '0') => {
    const f = join(mkdtempSync(join(tmpdir(), 'jiuzhu-wild-')), 'wild.yaml');
    writeFileSync(
      f,
      [
        'projection: wild',
        'title: {zh: 猛增, en: steep}',
        'base_year: 2025',
        'uprate:',
        ...uprate.map((u) => `  ${u}`),
        'incomes: {yearly: 0, estimate: none}',
        `population: {yearly: ${population}, estimate: none}`,
        '',
      ].join('\n'),
    );
    return f;
  };

  it('a grown value in the wrong scale is refused at the projection line, once per rule and parameter (exit 3)', () => {
    // 45 % a year (a trial's 1 for 1 % went through with exit 0, an error said and the totals printed): 810 × 1.45 =
    // 1174.50 in 2026, 1703.03 in 2027, 2469.39 in 2028 — past Nanning's minimum wage of 1990 (Guangxi tier 1, 2023-11)
    const f = file(['dibao.standard.: {yearly: 0.45, estimate: a typo for 0.045}']);
    const r = jiuzhu(['simulate', ...NANNING, '--years', '2026-2030', '--projection', f, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l.includes('standard-below-min-wage'));
    expect(lines.map((l) => l.replace(/ \(standard-below-min-wage:.*$/, ''))).toEqual([
      `  ${f}:5:3: projection wild on policies/guangxi-nanning.yaml grows: at 2028-01-01 dibao.standard.urban 2469.39 is not below min_wage.monthly 1990 (a month's amounts both: a yearly figure, or a digit too many?) (and 2 more like it)`,
      // rural 566.67 × 1.45 = 821.67, 1191.42, 1727.56, 2504.96 in 2029
      `  ${f}:5:3: projection wild on policies/guangxi-nanning.yaml grows: at 2029-01-01 dibao.standard.rural 2504.96 is not below min_wage.monthly 1990 (a month's amounts both: a yearly figure, or a digit too many?) (and 1 more like it)`,
    ]);
    expect(r.stderr).toContain(
      'hint: the projection grows a value no policy could have: a rate too high (1 % is 0.01)? fix the projection',
    );
    // and so do a single year of it and its sensitivity
    for (const args of [
      ['simulate', '--year', '2028'],
      ['sensitivity', '--year', '2029'],
    ])
      expect(jiuzhu([args[0]!, ...NANNING, ...args.slice(1), '--projection', f]).code).toBe(3);
  });

  it('a relation between grown values is said, not refused; a rate of 15 % a year or more is said', () => {
    // rural 566.67 at +10 % a year passes urban 810 (grown 0 %) in 2029: 623.34, 685.67, 754.24, 829.66 (each year's to the fen)
    const f = file(
      ['dibao.standard.urban: {yearly: 0, estimate: flat}', 'dibao.standard.rural: {yearly: 0.1, estimate: catching up}'],
      '-0.2',
    );
    const r = jiuzhu(['simulate', ...NANNING, '--years', '2026-2030', '--projection', f, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const grew = r.stderr.split('\n').filter((l) => l.includes('in the values projection wild grew'));
    expect(grew).toEqual([
      `error: ${f}:6:3: at 2029-01-01 rural 829.66 is above urban 810 (rural-at-most-urban: the rural dibao standard is at most the urban one (equal when unified); jiuzhu validate lists them) — in the values projection wild grew (and 1 more like it): a rate too high?`,
    ]);
    expect(JSON.parse(r.stdout).notes.some((n: string) => n.includes('in the values projection wild grew'))).toBe(true);
    expect(r.stderr).toContain(
      'note: projection wild grows population −20% a year: 15 % a year or more, beyond any published series here (a percentage typed? 1 % a year is 0.01)',
    );
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
