import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Deterministic output whatever the caller's shell says (CI=true breaks Ink frames; colour breaks snapshots).
    env: { CI: 'false', FORCE_COLOR: '0', NO_COLOR: '1' },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // dist/ is built from src/ first: worker threads and the CLI run it (test/helpers/build.ts).
    globalSetup: ['./test/helpers/build.ts'],
    // Generous: CLI tests spawn processes, and a shared CI machine can run two or three times slower than a quiet one.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
