// Which profile a households file was drawn from, where `jiuzhu generate` drew it: its ids run G000001 … G<n> and every
// household's weight is the profile's for n households (core/generate.ts weightOf), to the millionth. A researcher's
// Nanning population run under Guangzhou's policy was told its incomes were of Guangzhou's profile's year, and its
// emergencies Guangzhou's, because a generated-looking id was taken to mean the policy's own profile (a trial).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { weightOf } from '../core/generate.js';
import { generatedId, GENERATED_ID } from '../core/ids.js';
import type { Profile } from '../core/profile.js';
import { fileEnds, millionths, type FileEnds } from './households-kind.js';
import { loadProfile, profileFor } from './profile-file.js';

/** A profile a population was drawn from: its file and its values. */
export interface Drawn {
  readonly file: string;
  readonly profile: Profile;
}

const asked = new Map<string, Promise<Drawn | null>>();
// (a file's ends and a profile read once a command, whichever policies ask: compare asks with the first and with all)
const endsAsked = new Map<string, Promise<FileEnds | null>>();
const profiles = new Map<string, Promise<Profile | null>>();
const once = <T>(m: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
  let p = m.get(key);
  if (!p) m.set(key, (p = make()));
  return p;
};

/**
 * The profile `households` was generated from, among the given policies' own profiles and the others in their profiles'
 * folders (the given first); null where it is not a generated population or none of them drew it. Asked once a file.
 */
export function drawnFrom(households: string, policies: readonly string[]): Promise<Drawn | null> {
  return once(asked, [households, ...policies].join('\0'), () => find(households, policies));
}

async function find(households: string, policies: readonly string[]): Promise<Drawn | null> {
  const ends = await once(endsAsked, households, () => fileEnds(households));
  if (!ends || !GENERATED_ID.test(ends.lastId) || ends.firstWeight === null) return null;
  const n = Number(ends.lastId.slice(1));
  if (ends.firstId !== generatedId(1, ends.lastId.length - 1)) return null;
  const own = policies.map(profileFor);
  for (const file of [...new Set([...own, ...own.flatMap(siblings)])]) {
    const profile = await once(profiles, file, () => loadProfile(file).catch(() => null)); // (none there, or one that does not load)
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
