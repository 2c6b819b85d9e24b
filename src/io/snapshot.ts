// Reading and writing the snapshot file of `jiuzhu check` (core/snapshot.ts makes and checks its contents).
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { readInputText } from './files.js';
import { snapshotFrom, type TotalsSnapshot } from '../core/snapshot.js';
import { isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { InputError, type Problem } from '../errors.js';
import { AtomicFile } from './atomic-file.js';

/** The snapshot, or null when the file does not exist. */
export async function readSnapshot(path: string): Promise<TotalsSnapshot | null> {
  if (!(await stat(path).catch(() => null))) return null;
  const text = await readInputText(path, 'snapshot');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // (a merge's conflict markers are the likeliest cause in a repository: said so)
    const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
    const at = conflict?.index ?? Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? NaN);
    const where = Number.isNaN(at) ? { file: path } : { file: path, ...lineCol(text, at) };
    throw new InputError(
      [
        {
          where,
          message: conflict
            ? 'a merge conflict marker: the snapshot was merged by hand'
            : text.trim() === ''
              ? 'empty: no snapshot in it'
              : `not valid JSON: ${(e as Error).message}`,
        },
      ],
      'recreate it with jiuzhu check … --update',
    );
  }
  // A key given twice (JSON.parse keeps the last, unseen: a hand merge's leftover) is a problem at both places
  const doc = parseDocument(text, { uniqueKeys: true });
  const twice = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  if (twice.length)
    throw new InputError(
      twice.map((e) => ({
        where: { file: path, ...lineCol(text, e.pos[0]) },
        message: `key ${/^"(?:[^"\\]|\\.)*"/.exec(text.slice(e.pos[0]))?.[0] ?? '?'} given twice in one object: JSON keeps the last, unseen`,
      })),
      'recreate it with jiuzhu check … --update',
    );
  const s = snapshotFrom(json, path);
  if (Array.isArray(s))
    throw new InputError(
      s.map((q) => placed(q, doc, text)),
      'recreate it with jiuzhu check … --update',
    );
  return s;
}

/**
 * A problem at its line (README: "an input error at its line"): the value its subject names (`scenarios[0].date`,
 * `snapshot` for the whole), or for an unknown key the key itself. (The JSON read as YAML, of which it is a subset,
 * for the places.)
 */
function placed(q: Problem, doc: Document, text: string): Problem {
  const path = (q.subject ?? '')
    .replace(/^snapshot\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((x) => x !== undefined && x !== '')
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  // (a key that is missing: at the object that lacks it, the nearest there is — it had no line, a fuzzing trial found)
  let node: Node | undefined;
  for (let n = path.length; n >= 0 && !node; n--) node = (n ? doc.getIn(path.slice(0, n), true) : doc.contents) as Node | undefined;
  const key = /^unknown (?:key|program) "([^"]*)"/.exec(q.message)?.[1];
  const pair = key !== undefined && isMap(node) ? node.items.find((it) => isScalar(it.key) && it.key.value === key) : undefined;
  const at = (pair?.key as Node | undefined)?.range?.[0] ?? node?.range?.[0];
  return at === undefined || !q.where ? q : { ...q, where: { file: q.where.file, ...lineCol(text, at) } };
}

/** Writes the snapshot; false, and the file left alone, where it already holds these bytes (said: not "Updated"). */
export async function writeSnapshot(path: string, s: TotalsSnapshot): Promise<boolean> {
  const text = JSON.stringify(s, null, 2) + '\n';
  if (
    await readFile(path, 'utf8').then(
      (had) => had === text,
      () => false,
    )
  )
    return false;
  const out = await AtomicFile.open(path);
  await out.write(text);
  await out.commit();
  return true;
}

/** The 1-based line and column of a character offset. */
function lineCol(text: string, at: number): { line: number; col: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, col: at - before.lastIndexOf('\n') };
}

/** Whether a file begins as JSON does (`{`): a snapshot that cannot be read may be replaced, another kind of file not. */
export function looksLikeJson(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(64);
      const n = readSync(fd, b, 0, 64, 0);
      const head = b
        .subarray(0, n)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      // (an empty file, or white space alone — a snapshot's name made ready, an editor's new file — holds nothing to
      // lose: a QA trial was told to recreate it with --update, which then refused it)
      return /^\s*\{/.test(head) || (n < 64 && /^\s*$/.test(head));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
