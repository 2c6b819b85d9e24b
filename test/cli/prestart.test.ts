// The workers a command will use start before the CLI has loaded (src/cli/prestart.ts), and for simulate on a plain CSV
// the file's reads are posted too. Only where the command takes them: sensitivity reads the population once for its
// passes, and reads posted ahead for it were dropped, the file read a second time (1M households: 6.2–6.6 s → 4.7 s).
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { prestartFor } from '../../src/cli/prestart.js';
import { closePrestarted, prestart } from '../../src/engine/pool.js';
import { takeAhead } from '../../src/engine/read-ahead.js';

const SAMPLE = 'policies/samples/households.csv';
const env = { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_BYTES: '0' };
const argv = (command: string, ...more: string[]) => [
  command,
  '--policy',
  'policies/guangxi-nanning.yaml',
  '--households',
  SAMPLE,
  ...more,
];
/** Whether reads of the sample were posted ahead (taken here, then let go). */
const readAhead = () => {
  const reads = takeAhead(prestart(2), SAMPLE, statSync(SAMPLE).size, true);
  reads?.drop();
  return reads !== null;
};

afterEach(() => closePrestarted());

describe('prestartFor', () => {
  it('posts the reads of a plain CSV that simulate evaluates as it reads', () => {
    prestartFor(argv('simulate', '--date', '2025-06-30'), env);
    expect(readAhead()).toBe(true);
  });

  it('posts none for sensitivity (it reads the population), nor where simulate reads the file whole (--ranges too)', () => {
    for (const args of [
      argv('sensitivity', '--date', '2025-06-30'),
      argv('simulate', '--per-household', 'rows.csv'),
      argv('simulate', '--date', '2025-06-30', '--ranges'),
      argv('simulate', '--year', '2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml'),
      argv('compare'),
    ]) {
      prestartFor(args, env);
      expect(readAhead(), args.join(' ')).toBe(false);
      closePrestarted();
    }
  });
});
