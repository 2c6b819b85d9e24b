// Vitest's global setup: compile src/ to dist/ before any test runs. Worker threads and the CLI (bin/jiuzhu.js) run the
// compiled code, so without this a test run after editing src/ could exercise stale workers and a stale CLI. And the
// CLI's cache of parsed policies (src/io/parsed-cache.ts) is a directory of this run's own, removed at its end: the
// tests never read or fill the user's ~/.cache, and every run of the CLI after the first in a test run reads its
// policies from the cache (so a cache that kept something wrong fails the suite, not only its own test). Every
// temporary file a test makes (mkdtemp under tmpdir(), in the test's process and in the CLIs it starts) is under one
// directory of this run's, removed at its end as the cache is: a run had left ~180 directories, 525 MB, in /tmp.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  // and the bundle bin/jiuzhu.js runs (package.json "bundle")
  execFileSync('npm', ['run', '--silent', 'bundle'], { stdio: 'inherit', shell: process.platform === 'win32' });
  const run = mkdtempSync(join(tmpdir(), 'jiuzhu-test-run-'));
  const cache = join(run, 'cache');
  // (before the test workers start: they and their children inherit it; os.tmpdir() reads TMPDIR at each call)
  process.env.TMPDIR = run;
  process.env.JIUZHU_CACHE_DIR = cache;
  delete process.env.JIUZHU_CACHE;
  return () => rmSync(run, { recursive: true, force: true });
}
