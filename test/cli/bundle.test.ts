// bin/jiuzhu.js runs the CLI as bundled by esbuild (package.json "bundle"), with its own worker bundle, and reads a
// big plain CSV ahead (below). An internal error shows no stack without --debug, and with it a stack whose frames name
// the TypeScript sources (source maps), not the bundle's lines. An internal error is forced by a module loaded before
// the CLI that breaks JSON.stringify.
import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const breaker = join(mkdtempSync(join(tmpdir(), 'jiuzhu-bundle-')), 'break-json.mjs');
writeFileSync(breaker, "JSON.stringify = () => { throw new Error('JSON broken by the test'); };\n");
const broken = (args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', breaker, 'bin/jiuzhu.js', 'params', '--policy', 'policies/guangxi-nanning.yaml', '--format', 'json', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    },
  );

describe('the bundled CLI', () => {
  it('is what bin/jiuzhu.js loads, and its pool starts the bundled worker', () => {
    expect(readFileSync('bin/jiuzhu.js', 'utf8')).toMatch(/dist\/cli\/main\.bundle\.js/);
    const chunks = readdirSync('dist/chunks')
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join('dist/chunks', f), 'utf8'));
    const pool = chunks.filter((c) => c.includes('engine/worker.bundle.js'));
    expect(pool).toHaveLength(1);
    expect(pool[0]).not.toMatch(/JIUZHU_BUNDLED/); // replaced by true at build time
    // The worker is bundled apart from the CLI: at start it loads its own file and one chunk of its own (the split
    // CLI's ~20 chunks took a worker thread ~65 ms to load, these ~35), and no module of it is wrapped for lazy
    // evaluation (a bundle without splitting wrapped the engine, reached by the Arrow batches' dynamic import too, and
    // its module constants — the compiled steps — became variables set later: evaluation in the worker slower)
    const worker = readFileSync('dist/engine/worker.bundle.js', 'utf8');
    const statics = [...worker.matchAll(/^(?:import|\})\s*(?:[^'"\n]*\bfrom\s*)?["']\.\.\/chunks\/([^"']+)["']/gm)].map((m) => m[1]!);
    expect(statics).toEqual([expect.stringMatching(/^worker-chunk-[A-Z0-9]+\.js$/)]);
    for (const text of [worker, readFileSync(join('dist/chunks', statics[0]!), 'utf8')]) {
      expect(text).not.toMatch(/__esm\(/);
      expect(text).not.toMatch(/JIUZHU_BUNDLED/);
    }
  });

  it('holds its dependencies: the bundle imports Node built-ins and its own files, and no package by name', () => {
    // Loading yaml's ~50 CommonJS files, or ink's modules (~0.55 s), from node_modules cost every command its share
    // (package.json "bundle": apache-arrow, loaded from its single-file build by path, stays outside).
    const files = [
      ...['dist/cli', 'dist/engine'].flatMap((d) =>
        readdirSync(d)
          .filter((f) => f.endsWith('.bundle.js'))
          .map((f) => join(d, f)),
      ),
      ...readdirSync('dist/chunks')
        .filter((f) => f.endsWith('.js'))
        .map((f) => join('dist/chunks', f)),
    ];
    const named = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\b[^'"\n]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('.') && !isBuiltin(spec)) named.add(spec);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    // ink's devtools, imported only when DEV=true (not installed: the import is left as it is)
    expect([...named]).toEqual(['react-devtools-core']);
  });

  it('shows an internal error without a stack, and with --debug a stack in the TypeScript sources', () => {
    const plain = broken([]);
    expect([plain.status, plain.stderr]).toEqual([
      4,
      'jiuzhu: internal error: JSON broken by the test\nThis is a bug in jiuzhu. Run again with --debug and report the output.\n',
    ]);
    // (in 中文 where the reader's language is: cli/errors-zh.ts)
    expect(broken(['--lang', 'zh']).stderr).toBe(
      'jiuzhu：内部错误：JSON broken by the test\n这是 jiuzhu 的缺陷：请加 --debug 再运行一次，并报告输出。\n',
    );
    const debug = broken(['--debug']);
    expect(debug.status).toBe(4);
    expect(debug.stderr).toMatch(/at paramsCommand \(.*src[/\\]cli[/\\]commands[/\\]params\.ts:\d+:\d+\)/);
    expect(debug.stderr).toMatch(/at async run \(.*src[/\\]cli[/\\]main\.ts:\d+:\d+\)/);
    expect(debug.stderr).not.toMatch(/bundle\.js:\d+/);
  });
});

// With thresholds at 0 even the sample is read on worker threads, its reads posted before the CLI has loaded
// (cli/prestart.ts, engine/read-ahead.ts): the same output as one thread; and a command line the CLI refuses ends at
// once with its message (the prestarted pool, with reads posted to it, is closed: engine/pool.ts closePrestarted).
describe('reading ahead from the command line', () => {
  const ahead = { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' };
  const simulate = (date: string, env: Record<string, string>) =>
    jiuzhu(['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', date, '--format', 'json'], { env });

  it('gives what one thread gives', () => {
    const one = simulate('2025-06-30', { JIUZHU_THREADS: '1' });
    expect(one.code, one.stderr).toBe(0);
    expect(simulate('2025-06-30', ahead)).toEqual(one);
  });

  it('ends a refused command line with its message', () => {
    expect(simulate('2025-13-45', ahead)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'jiuzhu: --date must be a date YYYY-MM-DD, got "2025-13-45" (there is no month 13)\n',
    });
  });
});
