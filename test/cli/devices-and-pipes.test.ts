// A hardening trial's findings, each a hang, a lost output or a silent slip before: a device named as a policy or a
// snapshot (read for ever), a pipe read twice (import and report took the data, then waited for ever), two outputs
// through a link to a file not there yet, `test` on a device, an empty option value, `--out -`, check --update over a
// file that is no snapshot, and the top of the weight range that its own message gave.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-devices-'));
const AT = ['--date', '2025-06-30'];

/** Runs jiuzhu with a FIFO as its households, writes the sample into it once, and gives the exit code and stderr. */
async function throughFifo(args: (fifo: string) => string[]): Promise<{ code: number | null; stderr: string }> {
  const fifo = join(mkdtempSync(join(dir, 'fifo-')), 'h.csv');
  spawnSync('mkfifo', [fifo]);
  const child = spawn(process.execPath, ['bin/jiuzhu.js', ...args(fifo)], { env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000); // (a hang fails the test, not the run)
  const exit = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  writeFileSync(fifo, readFileSync(SAMPLE)); // (opens once the reader waits; one writer, as `cat f > fifo`)
  const code = await exit;
  clearTimeout(killer);
  return { code, stderr };
}

describe('a device named as a text input is refused at once, not read for ever', () => {
  it('a policy, scenario or projection of /dev/zero, a snapshot of /dev/full: "is binary", exit 3', () => {
    const runs = [
      ['simulate', '--policy', '/dev/zero', '--households', SAMPLE],
      ['simulate', '--policy', NANNING, '--households', SAMPLE, '--scenario', '/dev/zero'],
      ['simulate', '--policy', NANNING, '--households', SAMPLE, '--years', '2026-2027', '--projection', '/dev/zero'],
      ['check', '--policy', NANNING, '--households', SAMPLE, '--snapshot', '/dev/full'],
    ];
    for (const args of runs) {
      const r = spawnSync(process.execPath, ['bin/jiuzhu.js', ...args], { encoding: 'utf8', timeout: 30_000 });
      expect(r.signal, args.join(' ')).toBeNull(); // (it hung: killed by the timeout)
      expect(r.status, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(
        /\/dev\/(zero|full): is binary \(it holds NUL bytes\): not a (policy file|scenario file|projection file|snapshot), which is text/,
      );
    }
  });

  it('a UTF-16 policy is named so', () => {
    const f = join(dir, 'u16.yaml');
    writeFileSync(f, Buffer.from('\ufeffid: x\n', 'utf16le'));
    const r = jiuzhu(['simulate', '--policy', f, '--households', SAMPLE]);
    expect([r.code, r.stderr]).toEqual([
      3,
      `jiuzhu: invalid input (1 problem):\n  ${f}: is UTF-16: a policy file is UTF-8 (save it as UTF-8)\n`,
    ]);
  });
});

describe('a pipe is read once', () => {
  it('import from a FIFO writes the Arrow file (it took the data, then waited for a second writer)', { timeout: 90_000 }, async () => {
    const out = join(dir, 'fifo.arrow');
    const r = await throughFifo((fifo) => ['import', fifo, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('600 households');
    const sim = jiuzhu(['simulate', '--policy', NANNING, '--households', out, ...AT, '--format', 'json', '-q']);
    const csv = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT, '--format', 'json', '-q']);
    expect(sim.stdout).toBe(csv.stdout.replace(`"households_file": "${SAMPLE}"`, `"households_file": "${out}"`));
  });

  // (the budget year's look at a file's first id, to say whether generate wrote it, opened the FIFO a second time once
  // it had been read: it waited for a writer for ever, and SIGTERM could not end it — found re-reading the change)
  it('simulate --year from a FIFO ends, its first id never looked at again', { timeout: 90_000 }, async () => {
    const r = await throughFifo((fifo) => ['simulate', '--policy', NANNING, '--households', fifo, '--year', '2026', '-q']);
    expect(r.code, r.stderr).toBe(0);
  });

  it(
    'report from a FIFO and from standard input: the page, its input "not hashed" (it was hashed after the read)',
    { timeout: 90_000 },
    async () => {
      const out = join(dir, 'fifo.html');
      const r = await throughFifo((fifo) => ['report', '--policy', NANNING, '--households', fifo, ...AT, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('not hashed: a pipe or standard input, read once');
      const stdin = join(dir, 'stdin.html');
      const s = jiuzhu(['report', '--policy', NANNING, '--households', '-', ...AT, '--out', stdin], { input: readFileSync(SAMPLE) });
      expect(s.code, s.stderr).toBe(0);
      expect(readFileSync(stdin, 'utf8')).toContain('600');
    },
  );
});

describe('Ctrl-C while a FIFO is read', () => {
  // Its reads waited in a libuv thread, and the exit waited for that thread: with its writer alive but quiet, Ctrl-C
  // ended the run only once the writer wrote again or closed (a stuck writer: never). The writer here stays 40 s.
  it('exits 130 at once, though the writer holds the FIFO and writes nothing more', { timeout: 90_000 }, async () => {
    const fifo = join(mkdtempSync(join(dir, 'fifo-')), 'h.csv');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `head -c 3000 ${SAMPLE}; sleep 40`], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    const child = spawn(process.execPath, ['bin/jiuzhu.js', 'simulate', '--policy', NANNING, '--households', fifo, ...AT]);
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const exit = new Promise<{ code: number | null; at: number }>((r) => child.on('exit', (code) => r({ code, at: Date.now() })));
    // (the writer's output goes into the FIFO: opened for writing once the reader waits)
    const sink = await import('node:fs').then((fs) => fs.createWriteStream(fifo));
    writer.stdout!.pipe(sink);
    await new Promise((r) => setTimeout(r, 3000)); // (read the 3,000 bytes, and waiting for more)
    const sent = Date.now();
    child.kill('SIGINT');
    const { code, at } = await exit;
    clearTimeout(killer);
    if (writer.exitCode === null) process.kill(-writer.pid!, 'SIGKILL');
    sink.destroy();
    expect(code).toBe(130);
    expect(at - sent, 'it waited for the writer').toBeLessThan(20_000);
  });
});

describe('outputs and options a run would have lost or misread', () => {
  it('two outputs through a link to a file not there yet are one file: refused before anything is written', () => {
    const d = mkdtempSync(join(dir, 'link-'));
    symlinkSync('o2.csv', join(d, 'o2link.csv'));
    const r = jiuzhu([
      'simulate',
      '--policy',
      NANNING,
      '--households',
      SAMPLE,
      '--per-household',
      join(d, 'o2.csv'),
      '--format',
      'csv',
      '--out',
      join(d, 'o2link.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('are the same file: one would replace the other');
    expect(existsSync(join(d, 'o2.csv'))).toBe(false);
  });

  it('an empty option value, and --out -, are refused with what to write', () => {
    const empty = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--per-household', '']);
    expect([empty.code, empty.stderr]).toEqual([
      2,
      'jiuzhu: --per-household is empty\nhint: give it a value, or leave --per-household out\n',
    ]);
    const dash = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, '--format', 'json', '--out', '-'], { cwd: dir });
    expect([dash.code, dash.stderr]).toEqual([
      2,
      'jiuzhu: --out - would write a file named "-"\nhint: give a file name, or leave --out out to write to standard output\n',
    ]);
    expect(existsSync(join(dir, '-'))).toBe(false);
    // generate needs its --out: not "leave --out out" (a QA trial), but how to reach standard output
    const gen = jiuzhu(['generate', '--policy', NANNING, '--households', '10', '--out', '-'], { cwd: dir });
    expect([gen.code, gen.stderr]).toEqual([
      2,
      'jiuzhu: --out - would write a file named "-"\nhint: give a file name, or --out /dev/stdout to write to standard output\n',
    ]);
  });

  it('the per-household rows are put in place with the totals, or not at all (the totals failed: the old rows stay)', () => {
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, 'the rows of the run before\n');
    const r = jiuzhu([
      'simulate',
      '--policy',
      NANNING,
      '--households',
      SAMPLE,
      ...AT,
      '--per-household',
      rows,
      '--format',
      'json',
      '--out',
      '/dev/full',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/full');
    expect(readFileSync(rows, 'utf8')).toBe('the rows of the run before\n');
  });

  it('test on a device is a cases file that says what it lacks (exit 3), not an internal error (exit 4)', () => {
    const r = jiuzhu(['test', '/dev/null']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('internal error');
  });

  it('check --update leaves a file that is no snapshot as it was; a broken snapshot is said replaced, not created', () => {
    const arrow = join(dir, 'population.arrow');
    expect(jiuzhu(['import', SAMPLE, '--out', arrow, '-q']).code).toBe(0);
    const before = readFileSync(arrow);
    // named .arrow: refused by its name, before any work; named otherwise, by what it holds
    const named = jiuzhu(['check', '--policy', NANNING, '--households', SAMPLE, '--snapshot', arrow, '--update']);
    expect([named.code, named.stderr.split('\n')[0]]).toEqual([2, `jiuzhu: --snapshot ${arrow} ends in .arrow, but it gets JSON`]);
    const dat = join(dir, 'population.dat');
    writeFileSync(dat, before);
    const r = jiuzhu(['check', '--policy', NANNING, '--households', SAMPLE, '--snapshot', dat, '--update']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('does not replace it');
    expect(readFileSync(arrow).equals(before)).toBe(true);
    expect(readFileSync(dat).equals(before)).toBe(true);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"scenarios": [\n<<<<<<< HEAD\n');
    const u = jiuzhu(['check', '--policy', NANNING, '--households', SAMPLE, '--snapshot', broken, ...AT, '--update']);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toMatch(/^Replaced .*broken\.json \(1 scenario, 2025-06-30\)\.\n$/);
  });

  it('the largest weight the message gives is taken (2^53 − 1 millionths: it read …740992 and refused it)', () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    const f = join(dir, 'heavy.csv');
    writeFileSync(f, [lines[0], lines[1]!.replace(/,[^,]*$/, ',9007199254.740991')].join('\n') + '\n');
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '-q']).code).toBe(0);
    writeFileSync(f, [lines[0], lines[1]!.replace(/,[^,]*$/, ',9007199254.740992')].join('\n') + '\n');
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('from 0.000001 to 9007199254.740991');
  });
});

describe('an Arrow file changed since import wrote it', () => {
  it('is checked again and said so: one weight one greater (a flipped byte) gives another total, not unsaid', () => {
    const arrow = join(dir, 'flip.arrow');
    expect(jiuzhu(['import', SAMPLE, '--out', arrow, '-q']).code).toBe(0);
    const b = readFileSync(arrow);
    const at = b.indexOf(Buffer.from(new Float64Array([382_500_000]).buffer)); // H0001's weight, 382.5, in millionths
    expect(at).toBeGreaterThan(0);
    b[at + 3]! ^= 0x01; // (a mantissa bit worth 1 millionth: a valid weight, 382.500001)
    const flipped = join(dir, 'flipped.arrow');
    writeFileSync(flipped, b);
    const args = ['simulate', '--policy', NANNING, ...AT, '--format', 'json'];
    const before = jiuzhu([...args, '--households', arrow]);
    const after = jiuzhu([...args, '--households', flipped]);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toContain(`note: ${flipped} has changed since jiuzhu import wrote it (its values differ from what import wrote)`);
    expect(before.stderr).not.toContain('has changed since');
    expect(JSON.parse(after.stdout).scenarios[0].total_annual_cost).not.toBe(JSON.parse(before.stdout).scenarios[0].total_annual_cost);
  });
});
