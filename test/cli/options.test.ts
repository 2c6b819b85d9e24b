// Options given to the wrong command, said as such (a reform author's `compare --years 2027-2029` was told
// "Did you mean --year?", not that --years is simulate's).
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = ['--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE];

describe('an option of another command', () => {
  it('names the commands that have it (exit 2); a slip still gets the nearest option', () => {
    const years = jiuzhu(['compare', ...NANNING, '--years', '2027-2029']);
    expect([years.code, years.stderr]).toEqual([
      2,
      "error: unknown option '--years': compare has none; it is an option of simulate\n(run with --help for usage)\n",
    ]);
    const rows = jiuzhu(['explain', ...NANNING, '--household', 'H0001', '--per-household', 'x.csv']);
    expect([rows.code, rows.stderr.split('\n')[0]]).toEqual([
      2,
      "error: unknown option '--per-household': explain has none; it is an option of simulate, cliff",
    ]);
    const slip = jiuzhu(['simulate', ...NANNING, '--yeers', '2027']);
    expect([slip.code, slip.stderr.split('\n').slice(0, 2)]).toEqual([2, ["error: unknown option '--yeers'", '(Did you mean --years?)']]);
  });
});
