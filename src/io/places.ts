// What is at a path, asked of the file system (the commands ask here: io/ reads and writes, commands stay thin).
import { mkdirSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** A regular file at the path now, or null. */
export function fileThere(path: string): { readonly size: number } | null {
  // (/dev/stdout, /dev/fd/N: a stream, even where the shell sent it to a file — not "the file that was there")
  if (/^\/dev\/(stdout|stderr|fd\/)/.test(path)) return null;
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isFile() ? { size: st.size } : null;
  } catch {
    return null;
  }
}

/** Anything at the path (a file, a folder, a device). */
export const somethingAt = (path: string): boolean => statSync(path, { throwIfNoEntry: false }) !== undefined;

/** One key for every name of a file (links and `..` followed): the path itself where it cannot be followed. */
export const fileKey = async (path: string): Promise<string> => realpath(path).catch(() => resolve(path));

/** The folder a file is to be written in, made if it is not there (with the folders above it). */
export function makeFolderFor(path: string): void {
  makeFolders(dirname(path));
}

/**
 * A folder and the folders above it, made where missing (mkdir -p), one at a time: Node's own recursive mkdirSync
 * spins for ever on a path under /proc (JIUZHU_CACHE_DIR=/proc/nope hung at 100 % CPU, deaf to every signal but
 * SIGKILL: a QA trial). Throws as mkdir does (ENOENT, ENOTDIR, EACCES) where one cannot be made.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ;) {
    let st: ReturnType<typeof statSync> | 'unknown';
    try {
      st = statSync(d, { throwIfNoEntry: false });
    } catch {
      st = 'unknown'; // (ENOTDIR, EACCES: the mkdir below says so)
    }
    // (the folder itself a file: mkdir says EEXIST, as the recursive one did)
    if (st !== undefined && st !== 'unknown' && !st.isDirectory() && !missing.length) mkdirSync(d);
    if (st !== undefined) break;
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/** The names in the folder of a path (none where it cannot be read). */
export const namesBeside = async (path: string): Promise<string[]> => readdir(dirname(path)).catch(() => [] as string[]);

/**
 * The files the paths name: files as given (a pipe or device too), directories searched for *.yaml / *.yml (any
 * case: c.YAML was skipped), leaving out hidden files and folders (an editor's lock file .#a.yaml, a dangling link,
 * stopped the run); each file once, however named.
 */
export async function yamlFiles(paths: readonly string[], seen = new Set<string>()): Promise<string[]> {
  const out: string[] = [];
  const add = async (f: string) => {
    const key = await fileKey(f);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new UsageError(`no such file or directory: ${p}`);
    // (a pipe or device is read as a file: `test /dev/null` was an internal error, ENOTDIR)
    if (!s.isDirectory()) await add(p);
    else {
      for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.')) continue;
        if (e.isDirectory()) out.push(...(await yamlFiles([join(p, e.name)], seen)));
        else if (/\.ya?ml$/i.test(e.name)) await add(join(p, e.name));
      }
    }
  }
  return out;
}
