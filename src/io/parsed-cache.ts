// Policy, scenario and profile files as parsed and checked before (issue 20: what every command pays, whatever its input). A
// policy of 31 KB took 60–110 ms to parse and check on a fresh process (the YAML parser's code still cold), its five
// scenarios 10–40 ms more: a third of a small simulate. A file that parsed without a problem is kept as JSON in the
// user's cache directory, under a key of its text, the path it was given by, the kind of file and this build of
// jiuzhu; the next run with the same text reads that instead. Only whole successes are kept: a file with any problem
// is parsed, and its problems told, every time. Like bootsnap's YAML cache or ESLint's --cache, it is only ever a
// shortcut: a missing, unreadable or damaged entry is parsed again, and a failed write leaves the run as it was.
//   Where: $JIUZHU_CACHE_DIR, else $XDG_CACHE_HOME/jiuzhu, else ~/.cache/jiuzhu; JIUZHU_CACHE=off turns it off.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { D } from '../core/money.js';
import { UsageError } from '../errors.js';
import { makeFolders } from './places.js';

/** Replaced by `true` in the bundle that bin/jiuzhu.js runs (package.json "bundle"); undefined in tsc's output. */
declare const JIUZHU_BUNDLED: boolean | undefined;

/** Bump when the encoding below changes. */
const FORMAT = 'jiuzhu-parsed/1';
/** Entries not written again for this long are removed (when another is written). */
const KEEP_MS = 30 * 24 * 3600 * 1000;

export type ParsedKind = 'policy' | 'scenario' | 'profile';

export interface ParsedCache {
  /** The value kept for this file's text, or null. */
  get<T>(kind: ParsedKind, path: string, text: string): T | null;
  /** Keeps a value parsed without a problem (anything the encoding cannot hold exactly is not kept). */
  put(kind: ParsedKind, path: string, text: string, value: unknown): void;
}

/**
 * The cache in `dir` for the build `build` (a string that changes whenever the code that parses does): entries of
 * another build are never read.
 */
export function parsedCache(dir: string, build: string): ParsedCache {
  const file = (kind: ParsedKind, path: string, text: string) =>
    join(dir, `${createHash('sha256').update(`${FORMAT}\0${build}\0${kind}\0${path}\0`).update(text).digest('hex')}.json`);
  return {
    get<T>(kind: ParsedKind, path: string, text: string): T | null {
      try {
        return decode(JSON.parse(readFileSync(file(kind, path, text), 'utf8')) as Json) as T;
      } catch {
        return null; // none, unreadable, or damaged: parsed again (and written again)
      }
    },
    put(kind: ParsedKind, path: string, text: string, value: unknown): void {
      let json: string;
      try {
        json = JSON.stringify(encode(value));
      } catch {
        return; // a value it cannot hold exactly (NotKept), or any other failure: the run goes on without the entry
      }
      const target = file(kind, path, text);
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        makeFolders(dir);
        writeFileSync(tmp, json);
        renameSync(tmp, target); // whole or not at all: a reader never sees half an entry
        sweep(dir);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          // never written
        }
      }
    },
  };
}

/** The cache the environment asks for (see the header), or null when it is off or the code is not the bundle. */
export function defaultParsedCache(env: Readonly<Record<string, string | undefined>>): ParsedCache | null {
  if (/^(0|off|false|no)$/i.test(env.JIUZHU_CACHE ?? '')) return null;
  // (any other word was taken as on, unsaid, where every other variable is checked: a QA trial)
  if (!/^(|1|on|true|yes)$/i.test(env.JIUZHU_CACHE ?? ''))
    throw new UsageError(`JIUZHU_CACHE must be on or off (1/0, true/false, yes/no), got "${env.JIUZHU_CACHE}"`);
  // The build: the main bundle's identity (every `npm run build` writes it anew). tsc's output alone has none: a tsc
  // without the bundle would leave an old key over new code.
  if (typeof JIUZHU_BUNDLED === 'undefined' || !JIUZHU_BUNDLED) return null;
  let build: string;
  try {
    const s = statSync(fileURLToPath(new URL('../cli/main.bundle.js', import.meta.url)));
    build = `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
  const dir = env.JIUZHU_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'jiuzhu');
  return parsedCache(join(dir, 'parsed'), build);
}

/** The cache loadPolicy, loadScenario and loadProfile use: none until the CLI sets it (src/cli/main.ts, from its environment). */
let inUse: ParsedCache | null = null;

export function useParsedCache(cache: ParsedCache | null): void {
  inUse = cache;
}

/** `parse(text)`, or what an earlier run kept for the same text. */
export function parsedOnce<T>(kind: ParsedKind, path: string, text: string, parse: (text: string) => T): T {
  const cache = inUse;
  const kept = cache?.get<T>(kind, path, text);
  if (kept) return kept;
  const value = parse(text);
  cache?.put(kind, path, text, value);
  return value;
}

/** The directories swept by this process. */
const swept = new Set<string>();

/**
 * Removes entries not written for KEEP_MS, and temporary files an interrupted write left (older than an hour): once a
 * process (each sweep stats every entry: after a new build a policy and five scenarios written each swept ~370 entries,
 * ~45 ms of a simulate's start).
 */
function sweep(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const age = now - (statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? now);
    if (age > (name.endsWith('.tmp') ? 3600 * 1000 : KEEP_MS)) unlinkSync(join(dir, name));
  }
}

// The encoding: JSON, with a policy's values that JSON does not hold marked by a one-key object {"$": kind, …}: a
// decimal (as its exact text), a Map (its entries in order), undefined (a key present with no value). Anything else
// (another class, a plain object with its own "$" key, a number JSON would change) is not kept.
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class NotKept extends Error {}

export function encode(v: unknown): Json {
  if (v === undefined) return { $: 'u' };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0)) throw new NotKept();
    return v;
  }
  if (typeof v !== 'object') throw new NotKept();
  if (v instanceof D) return { $: 'd', v: v.toString() };
  if (v instanceof Map) return { $: 'm', v: [...(v as Map<unknown, unknown>)].map(([k, x]) => [encode(k), encode(x)]) };
  if (Array.isArray(v)) return v.map(encode);
  if (Object.getPrototypeOf(v) !== Object.prototype || '$' in v || Object.isFrozen(v)) throw new NotKept();
  const o: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '__proto__') throw new NotKept(); // (decoded, it would set the prototype)
    o[k] = encode(x);
  }
  return o;
}

export function decode(j: Json): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(decode);
  if ('$' in j) {
    if (j.$ === 'u') return undefined;
    if (j.$ === 'd' && typeof j.v === 'string') return D(j.v);
    if (j.$ === 'm' && Array.isArray(j.v)) return new Map(j.v.map((e) => (e as Json[]).map(decode) as [unknown, unknown]));
    throw new Error('not an entry of this format');
  }
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(j)) o[k] = decode(j[k]!);
  return o;
}
