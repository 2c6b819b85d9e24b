// Reading and writing the snapshot file of `jiuzhu check` (core/snapshot.ts makes and checks its contents).
import { readFile } from 'node:fs/promises';
import { snapshotFrom, type TotalsSnapshot } from '../core/snapshot.js';
import { InputError, UsageError } from '../errors.js';
import { AtomicFile } from './atomic-file.js';

/** The snapshot, or null when the file does not exist. */
export async function readSnapshot(path: string): Promise<TotalsSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new UsageError(`cannot read the snapshot ${path}: ${code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError([{ where: { file: path }, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const s = snapshotFrom(json, path);
  if (Array.isArray(s)) throw new InputError(s, 'recreate it with jiuzhu check … --update');
  return s;
}

export async function writeSnapshot(path: string, s: TotalsSnapshot): Promise<void> {
  const out = await AtomicFile.open(path);
  await out.write(JSON.stringify(s, null, 2) + '\n');
  await out.commit();
}
