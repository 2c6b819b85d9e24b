// A register's prior_dibao far above what dibao pays (core/prior-check.ts): a caseworker supervisor typed 50,000 for a
// person on dibao and read 150,000 of gradual exit without a word. Said beyond twice what dibao and its supplement pay
// every member at no income; kept as given.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyReader, jiuzhu } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const AT = ['--date', '2025-06-30'];
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-prior-above-'));

// Nanning at 2025-06-30 (hand-worked): urban S 810, rural 566.67 (nanning-2022); supplement rates 0.2 / 0.2 / 0.1 / 0.1
// stacked by max (002 一), so a person's most is S + round(0.2 × S): urban 810 + 162 = 972.00, rural 566.67 + 113.33
// = 680.00. Twice that for every member: E (urban, 1 person) 1,944.00 is at it, F 1,944.01 above; G (rural, 2 persons)
// 2 × 680 × 2 = 2,720.00 at it, H 2,720.01 above; J is F's amount off dibao (the other note's, not this one's).
const f = join(dir, 'prior-above.csv');
writeFileSync(
  f,
  'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao\n' +
    'E,e1,40,urban,3000,1,1944.00\nF,f1,40,urban,3000,1,1944.01\n' +
    'G,g1,40,rural,3000,1,2720.00\nG,g2,12,rural,0,1,2720.00\nH,h1,40,rural,3000,1,2720.01\nH,h2,12,rural,0,1,2720.01\n' +
    'J,j1,40,urban,3000,0,1944.01\n',
);
const note = `note: 2 households of ${f} on dibao now (on_dibao 1) give a prior_dibao more than twice what dibao and its supplement pay`;

describe('a prior_dibao more than twice what dibao pays (003 §11: the exit keeps the dibao received)', () => {
  it('is said with how many, by every reader (loaded, --stream, on worker threads, Arrow) and by compare, and paid as given', () => {
    for (const [households, more, env] of everyReader(f, join(dir, 'prior-above.arrow'))) {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', households, ...AT, ...more, '--format', 'json'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, `${households} ${more.join(' ')} ${JSON.stringify(env)}`).toContain(note.replace(f, households));
      // every household above the line with wages: the four on dibao keep their prior_dibao 3 months (kept as given)
      const exit = JSON.parse(r.stdout).scenarios[0].programs.gradual_exit;
      expect(exit.annual_cost).toBe('27984.06'); // (1,944.00 + 1,944.01 + 2,720.00 + 2,720.01) × 3
    }
    // and once by compare, and by a budget year and years (the baseline's first period: the file's register)
    for (const args of [
      ['compare', ...AT],
      ['simulate', '--year', '2025'],
      ['simulate', '--years', '2025-2026'],
    ]) {
      const c = jiuzhu([args[0]!, '--policy', NANNING, '--households', f, ...args.slice(1)]);
      expect(c.code, c.stderr).toBe(0);
      expect(c.stderr.split(note).length - 1, args.join(' ')).toBe(1);
    }
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--quiet']).stderr).toBe('');
  });

  it('is said by explain of the household, in its language; not at twice', () => {
    const one = (prior: string, ...more: string[]) =>
      jiuzhu([
        'explain',
        '--policy',
        NANNING,
        ...AT,
        '--brief',
        ...more,
        '--describe',
        `{area: urban, on_dibao: 1, prior_dibao: ${prior}, persons: [{age: 30, wage_income: 3000}]}`,
      ]).stderr;
    expect(one('1944.01')).toContain(
      'note: prior_dibao 1,944.01 is more than twice what dibao and its supplement pay the household’s 1 person at no income (972.00 a month)'.replace(
        '’',
        "'",
      ),
    );
    expect(one('1944.01', '--lang', 'zh')).toContain(
      '注：prior_dibao 1,944.01 超过该户 1 人在无收入时可领的低保金与分类施保之和（972.00）的两倍',
    );
    expect(one('1944.00')).not.toContain('prior_dibao');
  });
});
