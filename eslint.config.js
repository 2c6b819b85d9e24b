// ESLint: typescript-eslint's recommended rules, React hooks in the TUI, and the layering as import boundaries:
// core/ is pure (no I/O, no Node built-ins that touch the world), io/ reads and writes but never renders or
// evaluates, report/ and ui/ receive data and never open files. Formatting is Prettier's (eslint-config-prettier
// turns off the rules it owns).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Node built-ins that read, write or start things: not in pure code. */
const WORLD = [
  'node:fs',
  'node:fs/*',
  'fs',
  'fs/*',
  'node:child_process',
  'node:worker_threads',
  'node:net',
  'node:http',
  'node:https',
  'node:os',
  'node:process',
];
const layer = (what, groups) => ({ group: groups, message: `${what} (see the layering in README "Development")` });

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'read settings from the CLI (src/cli) and pass them down' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('core/ is pure: no I/O', WORLD),
            layer('core/ does not depend on the layers above it', ['**/io/**', '**/engine/**', '**/report/**', '**/ui/**', '**/cli/**']),
          ],
        },
      ],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer("io/ reads and writes; evaluating is engine/'s, rendering report/'s and ui/'s", [
              '**/engine/**',
              '**/report/**',
              '**/ui/**',
              '**/cli/**',
              '**/core/engine.js',
              '**/core/simulate.js',
              '**/core/compare.js',
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('engine/ runs the core on threads; it does not render', ['**/report/**', '**/ui/**', '**/cli/**'])] },
      ],
    },
  },
  {
    files: ['src/report/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('report/ and ui/ receive data and never open files', [...WORLD, '**/io/**', '**/engine/**', '**/cli/**'])] },
      ],
    },
  },
  {
    // The CLI is the one place that reads the process: argv, environment, streams, exit codes.
    files: ['src/cli/**/*.ts', 'bin/*.js', 'test/**/*.{ts,tsx,mjs}', 'eslint.config.js'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs}', 'bin/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
