// bin/jiuzhu.js starts the CLI again with glibc's huge-page tunable for a big households file (src/cli/relaunch.ts):
// when it does (the decision, on a described machine), and that the relaunched CLI is the same CLI to its user — its
// output, exit code and stderr, and a SIGTERM sent to the first process ends both, with the signal's exit code.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUGE_PAGES_FROM_BYTES, relaunch, relaunchEnv, type Machine } from '../../src/cli/relaunch.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const big = HUGE_PAGES_FROM_BYTES;
const machine = (
  o: Partial<{ platform: NodeJS.Platform; execArgv: string[]; thp: string | null; glibc: string | null; size: number | null }> = {},
): Machine => ({
  platform: o.platform ?? 'linux',
  execArgv: o.execArgv ?? [],
  thpMode: () => (o.thp === undefined ? 'madvise' : o.thp),
  glibc: () => (o.glibc === undefined ? '2.36' : o.glibc),
  fileSize: () => (o.size === undefined ? big : o.size),
});
const argv = ['compare', '--policy', NANNING, '--households', 'h.csv'];
const tunables = (env: NodeJS.ProcessEnv | null) => env && env.GLIBC_TUNABLES;

describe('relaunchEnv', () => {
  it('asks for huge pages for a households file from 64 MB, on Linux with glibc ≥ 2.35 and THP on madvise', () => {
    expect(tunables(relaunchEnv(argv, {}, machine()))).toBe('glibc.malloc.hugetlb=1');
    expect(tunables(relaunchEnv(['cliff', '--households=h.csv'], {}, machine()))).toBe('glibc.malloc.hugetlb=1');
    // simulate, when it reads the file whole: a row per household, a file turned first; sensitivity (the population read
    // once for its passes)
    for (const args of [
      ['sensitivity', '--households', 'h.csv', '--draws', '20'],
      ['sensitivity', '--households', 'H.ARROW'],
      ['simulate', '--households', 'h.csv', '--per-household', 'out.csv'],
      ['simulate', '--households', 'h.arrow', '--per-household', 'out.csv'],
      ['--debug', 'sensitivity', '--households', 'h.parquet'],
      ['simulate', '--households', 'h.csv', '--columns=map.yaml'],
      ['simulate', '--encoding', 'gb18030', '--households', 'h.csv'],
      ['simulate', '--households', 'h.csv', '--years', '2025-2027'],
      ['simulate', '--households', 'h.csv', '--ranges'],
      ['simulate', '--households', 'h.csv', '--year', '2027', '--projection', 'p.yaml'],
      ['simulate', '--households', 'h.csv', '--format', 'html'],
      ['simulate', '--households', 'h.csv', '--format=html'],
      // import's file given as its argument, wherever it stands among the options
      ['import', 'h.csv', '--out', 'h.arrow'],
      ['-q', 'import', '--out', 'h.arrow', '--encoding', 'gbk', 'h.csv'],
    ])
      expect(tunables(relaunchEnv(args, {}, machine())), args.join(' ')).toBe('glibc.malloc.hugetlb=1');
    // other tunables kept, other variables passed on
    const env = relaunchEnv(argv, { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2', JIUZHU_THREADS: '2' }, machine());
    expect(env).toMatchObject({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1', JIUZHU_THREADS: '2' });
    expect(tunables(relaunchEnv(argv, {}, machine({ glibc: '2.35' })))).toBe('glibc.malloc.hugetlb=1');
    expect(tunables(relaunchEnv(argv, {}, machine({ glibc: '3.0' })))).toBe('glibc.malloc.hugetlb=1');
  });

  it('runs here otherwise', () => {
    expect(relaunchEnv(argv, {}, machine({ size: big - 1 }))).toBeNull();
    expect(relaunchEnv(argv, {}, machine({ size: null }))).toBeNull(); // no such file: the CLI says so
    expect(relaunchEnv(['params', '--policy', NANNING], {}, machine())).toBeNull();
    expect(relaunchEnv([...argv, '--help'], {}, machine())).toBeNull();
    expect(relaunchEnv(['simulate', '--households'], {}, machine())).toBeNull();
    expect(relaunchEnv(['import', '--out', 'h.arrow'], {}, machine())).toBeNull(); // (no file: the CLI says so)
    // simulate evaluates a CSV as it reads it (or streams it): little memory, no gain
    expect(relaunchEnv(['simulate', '--policy', NANNING, '--households', 'h.csv'], {}, machine())).toBeNull();
    expect(relaunchEnv(['--debug', 'simulate', '--households=H.CSV', '--stream'], {}, machine())).toBeNull();
    // and an Arrow file a record batch at a time
    expect(relaunchEnv(['simulate', '--households', 'h.arrow'], {}, machine())).toBeNull();
    expect(relaunchEnv(argv, {}, machine({ platform: 'darwin' }))).toBeNull();
    expect(relaunchEnv(argv, {}, machine({ thp: 'always' }))).toBeNull(); // the kernel gives them anyway
    expect(relaunchEnv(argv, {}, machine({ thp: 'never' }))).toBeNull();
    expect(relaunchEnv(argv, {}, machine({ thp: null }))).toBeNull();
    expect(relaunchEnv(argv, {}, machine({ glibc: '2.34' }))).toBeNull();
    expect(relaunchEnv(argv, {}, machine({ glibc: null }))).toBeNull(); // musl
    expect(relaunchEnv(argv, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' }, machine())).toBeNull(); // the relaunched one
    expect(relaunchEnv(argv, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, machine())).toBeNull(); // the user's choice
    expect(relaunchEnv(argv, { JIUZHU_HUGE_PAGES: '0' }, machine())).toBeNull();
    expect(relaunchEnv(argv, { JIUZHU_HUGE_PAGES: 'yes' }, machine())).toBeNull(); // the CLI reports it
    expect(relaunchEnv(argv, {}, machine({ execArgv: ['--inspect-brk'] }))).toBeNull(); // being debugged
    expect(relaunchEnv(argv, { JIUZHU_HUGE_PAGES: '1' }, machine({ execArgv: ['--inspect=9230'] }))).toBeNull();
    expect(tunables(relaunchEnv(argv, {}, machine({ execArgv: ['--max-old-space-size=8000'] })))).toBe('glibc.malloc.hugetlb=1');
  });

  it('JIUZHU_HUGE_PAGES=1 asks whatever the file, on Linux', () => {
    const small = machine({ size: 10, thp: 'never', glibc: null });
    expect(tunables(relaunchEnv(['params', '--policy', NANNING], { JIUZHU_HUGE_PAGES: '1' }, small))).toBe('glibc.malloc.hugetlb=1');
    expect(relaunchEnv(argv, { JIUZHU_HUGE_PAGES: '1' }, machine({ platform: 'win32' }))).toBeNull();
  });
});

describe('the relaunched CLI', () => {
  it('gives the same output, stderr and exit code, and says in --debug that it asked for huge pages', () => {
    for (const args of [
      ['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2024-12-31', '--format', 'json'],
      ['simulate', '--policy', NANNING, '--households', 'nowhere.csv'],
    ]) {
      const here = jiuzhu(args, { env: { JIUZHU_HUGE_PAGES: '0' } });
      const relaunched = jiuzhu(args, { env: { JIUZHU_HUGE_PAGES: '1' } });
      expect(relaunched).toEqual(here);
    }
    expect(
      jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--debug'], { env: { JIUZHU_HUGE_PAGES: '1' } }).stderr,
    ).toMatch(/huge pages asked of malloc/);
    expect(
      jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--debug'], { env: { JIUZHU_HUGE_PAGES: '0' } }).stderr,
    ).toMatch(/no huge pages asked/);
    const bad = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE], { env: { JIUZHU_HUGE_PAGES: 'yes' } });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'jiuzhu: JIUZHU_HUGE_PAGES must be 0 (never) or 1 (always; unset: for a households file from 64 MB read whole), got "yes"\n',
    ]);
  });

  // A fuzzing trial: from 10 threads Node warned of an EventEmitter leak on stderr (each worker listens to the output's
  // errors), under --quiet too; above 64 the number was taken as 64 without a word.
  it('JIUZHU_THREADS: 12 workers say nothing on stderr under --quiet; more than 64 is refused, saying the range', () => {
    const args = ['simulate', '--policy', NANNING, '--households', SAMPLE, '--quiet', '--format', 'json'];
    const many = jiuzhu(args, { env: { JIUZHU_THREADS: '12', JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' } });
    expect([many.code, many.stderr]).toEqual([0, '']);
    expect(many.stdout).toBe(jiuzhu(args, { env: { JIUZHU_THREADS: '1' } }).stdout);
    const over = jiuzhu(args, { env: { JIUZHU_THREADS: '65' } });
    expect([over.code, over.stderr]).toEqual([2, 'jiuzhu: JIUZHU_THREADS must be a whole number from 1 to 64, got "65"\n']);
  });

  it('gives the exit code of the process it started, or null when none could be started (the CLI then runs here)', async () => {
    expect(await relaunch('-e', ['process.exit(7)'], process.env)).toBe(7);
    expect(await relaunch('-e', ["process.kill(process.pid, 'SIGTERM')"], process.env)).toBe(143);
    expect(await relaunch('bin/jiuzhu.js', ['--version'], process.env, '/nonexistent/node')).toBeNull();
  });

  it('SIGTERM to the first process ends the relaunched one, which removes its temporary file: exit 143', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const out = join(dir, 'big.csv');
    const first = spawn(process.execPath, ['bin/jiuzhu.js', 'generate', '--policy', NANNING, '--households', '50000000', '--out', out], {
      env: { ...process.env, JIUZHU_HUGE_PAGES: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    // Wait until the relaunched CLI writes its temporary file.
    for (let i = 0; i < 200 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)).toHaveLength(1);
    const child = Number(execFileSync('pgrep', ['-P', String(first.pid)], { encoding: 'utf8' }).trim());
    expect(child).toBeGreaterThan(0);
    first.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(() => process.kill(child, 0)).toThrow(/ESRCH/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  // A QA trial: after kill -9 of the first process, the relaunched one ran on as an orphan and later replaced a newer
  // run's output with its own; and a relaunched one killed (as the out-of-memory killer does) ended it without a word.
  const writing = async (stderr: 'ignore' | 'pipe') => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const out = join(dir, 'big.csv');
    const first = spawn(process.execPath, ['bin/jiuzhu.js', 'generate', '--policy', NANNING, '--households', '50000000', '--out', out], {
      env: { ...process.env, JIUZHU_HUGE_PAGES: '1' },
      stdio: ['ignore', 'ignore', stderr],
    });
    let said = '';
    first.stderr?.on('data', (d: Buffer) => (said += d.toString()));
    const exited = new Promise<number | null>((resolve) => first.on('close', (code) => resolve(code)));
    for (let i = 0; i < 200 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir)).toHaveLength(1);
    const child = Number(execFileSync('pgrep', ['-P', String(first.pid)], { encoding: 'utf8' }).trim());
    return { dir, out, first, child, exited, said: () => said };
  };
  const gone = async (pid: number) => {
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };

  it('SIGKILL to the first process: the relaunched one stops too, its temporary file removed', async () => {
    const { dir, out, first, child, exited } = await writing('ignore');
    first.kill('SIGKILL');
    await exited;
    expect(await gone(child)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('the relaunched one killed: the first says so, exit 137', async () => {
    const { first, child, exited, said } = await writing('pipe');
    process.kill(child, 'SIGKILL');
    expect(await exited).toBe(137);
    expect(
      said().endsWith(
        '\njiuzhu: the run was ended by SIGKILL (the system sends it when memory runs out): any file it was writing was not written, none left half-written\n',
      ),
    ).toBe(true);
    expect(first.exitCode).toBe(137);
  });
});
