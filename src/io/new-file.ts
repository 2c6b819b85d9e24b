// Files jiuzhu makes new, never over one that is there (the TUI's saved scenarios, `jiuzhu init`'s policy): the text is
// written whole to a temporary file beside it and linked in under its name, which fails, rather than replaces, when the
// name is taken. No file is ever half-written, and the temporary one is always removed.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileError } from './files.js';
import { makeFolders } from './places.js';

/** Writes the file if no file has its name: true, or false when one has (nothing written). Errors are thrown. */
export function writeNewFile(path: string, text: string): boolean {
  const tmp = join(dirname(path), `.${basename(path)}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // (no folder: no temporary file either)
    }
  }
}

/**
 * The TUI's `w`: a scenario as a new file under a folder (made when missing), named <prefix>-<n>.yaml with the first n
 * free. A failure is returned, for the TUI to tell: it threw, with a stack trace, and the session was lost (a TUI trial).
 */
export function saveNewScenario(
  dir: string,
  prefix: string,
  yaml: (id: string) => string,
): { readonly path: string } | { readonly error: string } {
  try {
    makeFolders(dir);
  } catch (e) {
    // (in words: a file named `scenarios` gave Node's "EEXIST: file already exists, mkdir 'scenarios'")
    return { error: said(e, 'make the folder', dir) };
  }
  let path: string | undefined;
  try {
    for (let n = 1; ; n++) {
      const id = `${prefix}-${n}`;
      path = join(dir, `${id}.yaml`);
      if (!existsSync(path) && writeNewFile(path, yaml(id))) return { path };
    }
  } catch (e) {
    return { error: said(e, 'write', path ?? dir) };
  }
}

/** A file system error as words (the path, and its cause: files.ts fileError); another error as its message. */
function said(e: unknown, doing: string, path: string): string {
  const u = fileError(e, doing, path);
  return u instanceof Error ? u.message : String(u);
}
