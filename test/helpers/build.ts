// Vitest's global setup: compile src/ to dist/ before any test runs. Worker threads and the CLI (bin/jiuzhu.js) run the
// compiled code, so without this a test run after editing src/ could exercise stale workers and a stale CLI.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  // and the bundle bin/jiuzhu.js runs (package.json "bundle")
  execFileSync('npm', ['run', '--silent', 'bundle'], { stdio: 'inherit', shell: process.platform === 'win32' });
}
