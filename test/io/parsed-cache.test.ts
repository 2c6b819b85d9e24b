// The cache of parsed policy and scenario files (src/io/parsed-cache.ts): what it gives back is what parsing gives,
// exactly (every shipped file, decimals and maps and keys with no value included); an entry is found only for the
// same text, path, kind and build; a damaged entry is parsed again; a file with a problem is never kept. Through the
// CLI: a second run reads the cache and prints the same, an edited policy is never answered from an old entry, and
// JIUZHU_CACHE=off writes nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decode, encode, parsedCache } from '../../src/io/parsed-cache.js';
import { parsePolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { D } from '../../src/core/money.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'jiuzhu-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const roundTrip = (v: unknown) => decode(JSON.parse(JSON.stringify(encode(v))));
const yamls = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

describe('the encoding', () => {
  it('gives back every shipped policy and scenario exactly as parsed', () => {
    const files = [
      ...yamls('policies').map((f) => [f, parsePolicy(readFileSync(f, 'utf8'), f)] as const),
      ...yamls('scenarios').map((f) => [f, parseScenario(readFileSync(f, 'utf8'), f)] as const),
    ];
    expect(files.length).toBeGreaterThanOrEqual(18);
    // toStrictEqual: the same classes (a decimal is a decimal, a Map a Map), and a key with no value is still there
    for (const [f, parsed] of files) expect(roundTrip(parsed), f).toStrictEqual(parsed);
  });

  it('keeps decimals exact, maps in their order, and a key present with no value', () => {
    const v = {
      a: D('0.1'),
      b: D('123456789012345678901234567890.000000000000000000000001'),
      m: new Map<string, unknown>([
        ['z', 1],
        ['a', [true, null]],
      ]),
      u: undefined,
    };
    const back = roundTrip(v) as typeof v;
    expect(back).toStrictEqual(v);
    expect(back.b.toString()).toBe('123456789012345678901234567890.000000000000000000000001');
    expect([...back.m.keys()]).toEqual(['z', 'a']);
    expect(Object.keys(back)).toEqual(['a', 'b', 'm', 'u']);
  });
});

describe('parsedCache', () => {
  const policy = readFileSync('policies/guangxi-nanning.yaml', 'utf8');
  const parsed = parsePolicy(policy, 'p.yaml');

  it('finds an entry for the same text, path, kind and build only', () => {
    const dir = freshDir();
    const cache = parsedCache(dir, 'build-1');
    expect(cache.get('policy', 'p.yaml', policy)).toBeNull();
    cache.put('policy', 'p.yaml', policy, parsed);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(cache.get('policy', 'p.yaml', policy)).toStrictEqual(parsed);
    expect(cache.get('policy', 'p.yaml', policy.replace('640', '641'))).toBeNull(); // the text
    expect(cache.get('policy', 'other.yaml', policy)).toBeNull(); // the path its problems would name
    expect(cache.get('scenario', 'p.yaml', policy)).toBeNull(); // the kind
    expect(parsedCache(dir, 'build-2').get('policy', 'p.yaml', policy)).toBeNull(); // another build of jiuzhu
  });

  it('removes entries not written for 30 days and an hour-old unfinished write, once a process', () => {
    const dir = freshDir();
    const old = (name: string, days: number) => {
      writeFileSync(join(dir, name), '{}');
      const t = new Date(Date.now() - days * 24 * 3600 * 1000);
      utimesSync(join(dir, name), t, t);
    };
    old('stale.json', 31);
    old('recent.json', 29);
    old('left.json.abc.tmp', 0.05); // (over an hour)
    old('writing.json.def.tmp', 0.01); // (a quarter of an hour: another run may be writing it)
    const cache = parsedCache(dir, 'b');
    cache.put('policy', 'p.yaml', policy, parsed);
    const others = () =>
      readdirSync(dir)
        .filter((f) => !/^[0-9a-f]{64}\.json$/.test(f))
        .sort();
    expect(others()).toEqual(['recent.json', 'writing.json.def.tmp']);
    // Once a process: each sweep stats every entry (~45 ms over ~370 entries for a policy and five scenarios)
    old('stale2.json', 31);
    parsedCache(dir, 'b').put('scenario', 's.yaml', 'x: 1', { x: 1 });
    expect(others()).toEqual(['recent.json', 'stale2.json', 'writing.json.def.tmp']);
    expect(readdirSync(dir).length).toBe(5); // (and both entries written)
  });

  it('parses again over a damaged entry, and keeps nothing it cannot give back exactly', () => {
    const dir = freshDir();
    const cache = parsedCache(dir, 'b');
    cache.put('policy', 'p.yaml', policy, parsed);
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry!), '{"id": "guangxi-nanning", "params": {"$": "m", "v": [[');
    expect(cache.get('policy', 'p.yaml', policy)).toBeNull();
    writeFileSync(join(dir, entry!), '{"$": "date", "v": 1}');
    expect(cache.get('policy', 'p.yaml', policy)).toBeNull();
    rmSync(join(dir, entry!));
    for (const odd of [{ at: new Date(0) }, { $: 'u' }, { n: -0 }, { n: Infinity }, Object.freeze({ a: 1 }), new Set([1])]) {
      cache.put('policy', 'p.yaml', policy, odd);
      expect(readdirSync(dir), String(odd)).toEqual([]);
    }
  });
});

describe('the CLI with the cache', () => {
  const simulate = (policy: string, env: Record<string, string>) =>
    jiuzhu(
      [
        'simulate',
        '--policy',
        policy,
        '--households',
        SAMPLE,
        '--scenario',
        'scenarios/low-income-2x.yaml',
        '--date',
        '2025-06-30',
        '--format',
        'json',
        '--quiet',
      ],
      { env },
    );

  it('reads the second run from the cache, with the same output; an edited policy is parsed again', () => {
    const dir = freshDir();
    const env = { JIUZHU_CACHE_DIR: dir };
    const first = simulate('policies/guangxi-nanning.yaml', env);
    expect(first.code, first.stderr).toBe(0);
    const entries = readdirSync(join(dir, 'parsed'));
    expect(entries).toHaveLength(2); // the policy and the scenario
    const second = simulate('policies/guangxi-nanning.yaml', env);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(join(dir, 'parsed'))).toEqual(entries);
    // a policy edited where the result shows it: the urban dibao standard from 2022-04-01, 810 → 999 yuan a month
    const edited = join(dir, 'edited.yaml');
    const text = readFileSync('policies/guangxi-nanning.yaml', 'utf8');
    writeFileSync(edited, text.replace('          value: 810\n', '          value: 999\n'));
    expect(readFileSync(edited, 'utf8')).not.toBe(text);
    const costs = (r: { stdout: string }) => JSON.stringify(JSON.parse(r.stdout).scenarios);
    const raised = simulate(edited, env);
    writeFileSync(edited, text);
    const back = simulate(edited, env);
    expect(costs(raised)).not.toBe(costs(back));
    expect(costs(back)).toBe(costs(first));
  });

  it('never keeps a file with a problem, and JIUZHU_CACHE=off writes nothing', () => {
    const dir = freshDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('policies/guangxi-nanning.yaml', 'utf8').replace('sources:', 'sourcez:'));
    const env = { JIUZHU_CACHE_DIR: join(dir, 'c') };
    for (let i = 0; i < 2; i++) {
      const r = simulate(bad, env);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('sourcez');
    }
    expect(readdirSync(join(dir, 'c', 'parsed'))).toHaveLength(1); // the scenario only
    const off = simulate('policies/guangxi-nanning.yaml', { JIUZHU_CACHE_DIR: join(dir, 'off'), JIUZHU_CACHE: 'off' });
    expect(off.code, off.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'c']);
  });

  it("a cache folder that cannot be made runs without it: under /proc (Node's recursive mkdir spun there for ever), under a file", () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'file'), '');
    for (const where of ['/proc/jiuzhu-nope/deeper', join(dir, 'file', 'c')]) {
      const args = ['simulate', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE, '--date', '2025-06-30', '-q'];
      const r = jiuzhu(args, { env: { JIUZHU_CACHE_DIR: where }, timeout: 60_000 }); // (killed: a hang fails here)
      expect(r.code, `${where}: ${r.stderr}`).toBe(0);
    }
    // and one that can is made, the folders above it with it
    expect(simulate('policies/guangxi-nanning.yaml', { JIUZHU_CACHE_DIR: join(dir, 'a', 'b', 'c') }).code).toBe(0);
    expect(readdirSync(join(dir, 'a', 'b', 'c', 'parsed'))).toHaveLength(2);
  });
});
