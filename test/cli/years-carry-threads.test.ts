// The gradual exit carried from one year of a window to the next is written by the worker that evaluates each household
// into shared arrays (core/year-exit.ts ExitCarry) and read in the next year's pass: the totals must not depend on the
// thread count (a code review: nothing tested the carry on worker threads). Nanning's sample with its standards cut by
// a tenth from 1 November 2026: households leave then, their 6-month exits paid November–December and carried into
// January–April 2027.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

describe('a window’s carried exits on worker threads', () => {
  it('gives the same JSON on 1, 2 and 4 threads, the November exits paid on into 2027', () => {
    const cut = join(mkdtempSync(join(tmpdir(), 'jiuzhu-carry-')), 'cut.yaml');
    writeFileSync(
      cut,
      'scenario: cut-nov\ntitle: {zh: 十一月降标, en: a cut in November}\nreason: a test\nchanges:\n' +
        '  dibao.standard.urban: {scale: 0.9, from: 2026-11-01}\n  dibao.standard.rural: {scale: 0.9, from: 2026-11-01}\n',
    );
    const run = (threads: string, ...more: string[]) => {
      const r = jiuzhu(
        [
          'simulate',
          '--policy',
          'policies/guangxi-nanning.yaml',
          '--households',
          SAMPLE,
          '--years',
          '2026-2027',
          '--scenario',
          cut,
          ...more,
        ],
        { env: { JIUZHU_THREADS: threads, JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0', JIUZHU_PARALLEL_FROM_BYTES: '0' } },
      );
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const json = (threads: string) => run(threads, '--format', 'json', '-q');
    const one = json('1');
    expect(json('2')).toBe(one);
    expect(json('4')).toBe(one);
    expect(run('2')).toBe(run('1'));
    // the scenario's 2027 pays exits carried from November 2026 (January–April), which the baseline's 2027 has not
    const exit = (s: { years: Array<{ programs: { gradual_exit: { annual_cost: string } } }> }) =>
      s.years.map((y) => y.programs.gradual_exit.annual_cost);
    const [base, sc] = JSON.parse(one).scenarios;
    expect(exit(base)[1]).toBe('0.00');
    expect(D(exit(sc)[1]).gt(0)).toBe(true);
  });
});
