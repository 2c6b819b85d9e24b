import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Deterministic output whatever the caller's shell says (CI=true breaks Ink frames; colour breaks snapshots).
    env: { CI: 'false', FORCE_COLOR: '0', NO_COLOR: '1' },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // dist/ is built from src/ first: worker threads and the CLI run it (test/helpers/build.ts).
    globalSetup: ['./test/helpers/build.ts'],
    testTimeout: 30_000,
  },
});
