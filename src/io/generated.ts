// Which profile a households file was drawn from, where `jiuzhu generate` drew it: its ids run G000001 … G<n> and every
// household's weight is the profile's for n households (core/generate.ts weightOf), to the millionth. A researcher's
// Nanning population run under Guangzhou's policy was told its incomes were of Guangzhou's profile's year, and its
// emergencies Guangzhou's, because a generated-looking id was taken to mean the policy's own profile (a trial).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { weightOf } from '../core/generate.js';
import { generatedId, GENERATED_ID } from '../core/ids.js';
import type { Profile } from '../core/profile.js';
import { fileEnds, millionths } from './households-kind.js';
import { loadProfile, profileFor } from './profile-file.js';

/** A profile a population was drawn from: its file and its values. */
export interface Drawn {
  readonly file: string;
  readonly profile: Profile;
}

const asked = new Map<string, Promise<Drawn | null>>();

/**
 * The profile `households` was generated from, among the given policies' own profiles and the others in their profiles'
 * folders (the given first); null where it is not a generated population or none of them drew it. Asked once a file.
 */
export function drawnFrom(households: string, policies: readonly string[]): Promise<Drawn | null> {
  const key = [households, ...policies].join('\0');
  let found = asked.get(key);
  if (!found) asked.set(key, (found = find(households, policies)));
  return found;
}

async function find(households: string, policies: readonly string[]): Promise<Drawn | null> {
  const ends = await fileEnds(households);
  if (!ends || !GENERATED_ID.test(ends.lastId) || ends.firstWeight === null) return null;
  const n = Number(ends.lastId.slice(1));
  if (ends.firstId !== generatedId(1, ends.lastId.length - 1)) return null;
  const own = policies.map(profileFor);
  for (const file of [...new Set([...own, ...own.flatMap(siblings)])]) {
    const profile = await loadProfile(file).catch(() => null); // (no profile there, or one that does not load)
    if (profile && millionths(weightOf(profile, n)) === ends.firstWeight) return { file, profile };
  }
  return null;
}

/** The other profiles in a profile's folder. */
function siblings(file: string): string[] {
  try {
    return readdirSync(dirname(file))
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .map((f) => join(dirname(file), f));
  } catch {
    return [];
  }
}
