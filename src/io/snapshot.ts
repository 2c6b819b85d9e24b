// Reading and writing the snapshot file of `jiuzhu check` (core/snapshot.ts makes and checks its contents).
import { stat } from 'node:fs/promises';
import { readInputText } from './files.js';
import { snapshotFrom, type TotalsSnapshot } from '../core/snapshot.js';
import { InputError } from '../errors.js';
import { AtomicFile } from './atomic-file.js';

/** The snapshot, or null when the file does not exist. */
export async function readSnapshot(path: string): Promise<TotalsSnapshot | null> {
  if (!(await stat(path).catch(() => null))) return null;
  const text = await readInputText(path, 'snapshot');
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
