// The engine's objects keep the shape they were made with (core/records.ts DOUBLE_ZERO): a number field first set to 0
// and later to a fraction or a value past 2^31 changes the shape of every object that has it, and V8 throws away the
// optimized code that relied on the old one (on the plain 1M file, 1,034 sums migrated and the evaluation loop was
// compiled again per window). V8 reports each such migration with --trace-migration (Node 20's V8); the first test
// shows that it does, so that the second cannot pass by reporting nothing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers/cli.js';

/** The fields whose objects migrated while `args` ran under --trace-migration. */
function migrated(args: string[], env: Record<string, string> = {}): string[] {
  const r = spawnSync(process.execPath, ['--trace-migration', ...args], {
    encoding: 'utf8',
    env: { ...process.env, JIUZHU_HUGE_PAGES: '0', ...env },
    maxBuffer: 64 << 20,
  });
  expect(r.status, r.stderr).toBe(0);
  // Each report after its "[migrating]": two threads' reports may share a line ("[migrating][migrating]max:s->d", a
  // CI run), so the text is split at the marker rather than matched a line at a time.
  return r.stdout
    .split('[migrating]')
    .slice(1)
    .map((x) => x.split('\n')[0]!.trim())
    .filter(Boolean);
}

// Fields of the parameter tables, read at start-up (never in the households' loop).
const AT_START_UP = new Set(['max:s->d', 'num:s->d den:s->d']);

describe('object shapes in the evaluation', () => {
  it('V8 reports a field that goes from a small integer to a double', () => {
    expect(migrated(['-e', 'const o = { a: 0 }; const p = { a: 0 }; p.a = 0.5; void o.a;'])).toEqual(['a:s->d']);
  });

  it.each([
    ['one thread', { JIUZHU_THREADS: '1' }],
    ['two worker threads', { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' }],
  ])('simulating the sample with a scenario, on %s, migrates no object after start-up', (_, env) => {
    const args = ['bin/jiuzhu.js', 'simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE];
    const more = ['--date', '2025-06-30', '--scenario', 'scenarios/low-income-2x.yaml', '--format', 'json'];
    expect(migrated([...args, ...more], env).filter((m) => !AT_START_UP.has(m))).toEqual([]);
  });
});
