// Vitest's global setup: compile src/ to dist/ before any test runs. Worker threads and the CLI (bin/jiuzhu.js) run the
// compiled code, so without this a test run after editing src/ could exercise stale workers and a stale CLI. And the
// CLI's cache of parsed policies (src/io/parsed-cache.ts) is a directory of this run's own, removed at its end: the
// tests never read or fill the user's ~/.cache, and every run of the CLI after the first in a test run reads its
// policies from the cache (so a cache that kept something wrong fails the suite, not only its own test).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  // and the bundle bin/jiuzhu.js runs (package.json "bundle")
  execFileSync('npm', ['run', '--silent', 'bundle'], { stdio: 'inherit', shell: process.platform === 'win32' });
  const cache = mkdtempSync(join(tmpdir(), 'jiuzhu-test-cache-'));
  process.env.JIUZHU_CACHE_DIR = cache;
  delete process.env.JIUZHU_CACHE;
  return () => rmSync(cache, { recursive: true, force: true });
}
