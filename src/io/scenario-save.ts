// The TUI's `w`: the knobs' scenario as a new file under a folder (made when missing), named <prefix>-<n>.yaml with
// the first n free. An existing file is never written over, and no file is ever half-written: the text is written
// whole to a temporary file and linked in under its name (which fails, rather than replaces, when the name is taken).
// A failure is returned, for the TUI to tell: it threw, with a stack trace, and the session was lost (a TUI trial).
import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function saveNewScenario(
  dir: string,
  prefix: string,
  yaml: (id: string) => string,
): { readonly path: string } | { readonly error: string } {
  const tmp = join(dir, `.${prefix}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    for (let n = 1; ; n++) {
      const id = `${prefix}-${n}`;
      const path = join(dir, `${id}.yaml`);
      if (existsSync(path)) continue;
      writeFileSync(tmp, yaml(id));
      try {
        linkSync(tmp, path);
        return { path };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // (no folder: no temporary file either)
    }
  }
}
