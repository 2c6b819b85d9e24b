// A missing input's neighbours, said under "no such file or directory": the file most likely meant, as a person at a
// Chinese keyboard gets it wrong — a part of the name (policies/nanning.yaml), no extension, .yml for .yaml, a bare name
// given in the project's root (guangxi-nanning for policies/guangxi-nanning.yaml), the locality by its 中文 name (南宁),
// two files joined by a comma (a.yaml，b.yaml) — else the folder's few files of that kind. On the error path only.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';
import { editDistance } from '../core/edit-distance.js';

/** Folders never searched: a dependency tree, a build, anything hidden. */
const SKIP = new Set(['node_modules', 'dist', 'coverage']);

/** A file where it could be offered: its path as the reader would write it, and its name. */
interface Found {
  readonly at: string;
  readonly name: string;
}

/**
 * The hint under a missing input (`doing`: "read the policy file", as the error says it), or undefined when nothing
 * is there to offer.
 */
export function besideIt(path: string, doing = 'read'): string | undefined {
  const dir = dirname(path);
  const name = basename(path);
  // (two files joined by a comma: a researcher's `--policy a.yaml，b.yaml`; each goes with its own option)
  if (/[,，、]/.test(path)) {
    const flag = /policy/.test(doing) ? '--policy' : /scenario/.test(doing) ? '--scenario' : null;
    return flag
      ? `one file to each ${flag}: repeat it (${flag} A.yaml ${flag} B.yaml), not a comma between them`
      : 'one file to each option: the name holds a comma';
  }
  // (in quotation marks, as a chat message quotes a path — “policies/x.csv”: its quotes read as the message's own)
  const quoted = /^[“”「『‘’"'](.+?)[“”」』‘’"']?$/u.exec(path.trim()) ?? /^(.+?)[“”」』‘’"']$/u.exec(path.trim());
  if (quoted && isFileThere(quoted[1]!.trim()))
    return `did you mean ${quoted[1]!.trim()}? (the name given is in quotation marks, which are part of it as given)`;
  // (a space at either end, as a path pasted from a spreadsheet's cell has it)
  if (path !== path.trim() && isFileThere(path.trim()))
    return `did you mean "${path.trim()}"? (the path given ends or begins with a space)`;
  const here = filesIn(dir, path);
  if (!here) {
    // a folder mistyped (scenarios/projection/x.yaml, a finance officer's): the file by its name in one beside it
    const up = dirname(dir);
    const beside =
      dir === up
        ? []
        : subfolders(up)
            .map((d) => join(up, d, name))
            .filter(isFileThere);
    return beside.length === 1 ? `did you mean ${beside[0]}?` : undefined;
  }
  const found = meant(name, here);
  if (found) return `did you mean ${found}?`;
  // a bare name, in no folder: the folders one down (policies/, scenarios/ …) as well
  const bare = dir === '.' && !path.startsWith('.');
  const below = subfolders(dir).flatMap((d) => filesIn(join(dir, d), join(dir, d, 'x')) ?? []);
  const down = (bare ? meant(name, below) : null) ?? below.find((f) => f.name === name)?.at; // (scenarios/projections/x.yaml)
  if (down) return `did you mean ${down}?`;
  // …and two down, for the name itself (households.csv for the bundled policies/samples/households.csv)
  // (…or the name meant there: a projection's id for scenarios/projections/guangdong-3.5pct.yaml)
  if (bare) {
    const folders = subfolders(dir).flatMap((d) => subfolders(join(dir, d)).map((e) => join(dir, d, e)));
    const there = folders.map((f) => join(f, name)).filter(isFileThere);
    if (there.length === 1) return `did you mean ${there[0]}?`;
    const two = meant(
      name,
      folders.flatMap((f) => filesIn(f, join(f, 'x')) ?? []),
    );
    if (two) return `did you mean ${two}?`;
  }
  // a 中文 name: the YAML file of the kind asked for that names it (a policy's locality, a scenario's title)
  if (/\p{Script=Han}/u.test(name)) {
    const words = name.replace(/\.ya?ml$/i, '');
    const role = /policy|scenario|projection/.exec(doing)?.[0];
    const holding = [...here, ...below].filter((f) => {
      const head = /\.ya?ml$/i.test(f.name) ? headOf(f.at) : '';
      return head.includes(words) && (!role || new RegExp(`^${role}:`, 'm').test(head));
    });
    if (holding.length === 1) return `did you mean ${holding[0]!.at}?`;
    if (holding.length > 1 && holding.length <= 8) return `files that name ${words}: ${holding.map((f) => f.at).join(', ')}`;
  }
  const ext = extOf(name);
  const names = here.filter((f) => kind(f.name) === kind(name));
  // (up to 20, by name alone past 8: the 15 bundled scenarios were not listed, and a TUI trial's `--scenario
  // scenarios/nope.yaml` got no word of what is there, where a missing policy got the three policies)
  const folder = dir === '.' ? 'this folder' : `${dir}${sep}`;
  if (ext && names.length && names.length <= 8)
    return `the ${ext} files in ${folder}: ${names
      .map((f) => f.at)
      .sort()
      .join(', ')}`;
  if (ext && names.length && names.length <= 20)
    return `the ${names.length} ${ext} files in ${folder}: ${names
      .map((f) => f.name)
      .sort()
      .join(', ')}`;
  return undefined;
}

/**
 * A name's extension, where it is one (`.yaml`, `.csv`): not the end of a scenario's id (`tekun-basic-1.6x`, whose
 * `.6x` hid scenarios/tekun-basic-1.6x.yaml from an economist's `--scenario tekun-basic-1.6x`).
 */
const extOf = (n: string) => {
  const e = extname(n);
  return /^\.[a-z][a-z0-9]{0,7}$/i.test(e) ? e : '';
};

/** .yml and .yaml: one kind. */
const kind = (n: string) =>
  extOf(n)
    .toLowerCase()
    .replace(/^\.yml$/, '.yaml');

/**
 * The one file of `files` the name likely meant: the name with an extension (policies/guangxi-nanning — a finance
 * clerk's), one of its kind holding the name (a 科长's policies/nanning.yaml), or one a few edits from it.
 */
function meant(name: string, files: readonly Found[]): string | null {
  const ext = extOf(name);
  const extended = ext ? [] : files.filter((f) => f.name.startsWith(`${name}.`));
  if (extended.length === 1) return extended[0]!.at;
  const names = files.filter((f) => kind(f.name) === kind(name) || (!ext && /\.ya?ml$/i.test(f.name)));
  const stem = name.slice(0, name.length - ext.length).toLowerCase();
  const holding = stem.length >= 3 ? names.filter((f) => f.name.toLowerCase().includes(stem)) : [];
  if (holding.length === 1) return holding[0]!.at;
  // (a few edits, among names of the same script, and not every character changed: 南宁 was offered a file named `e`)
  const han = (x: string) => /\p{Script=Han}/u.test(x);
  const near = names
    .filter((f) => kind(f.name) === kind(name) && han(f.name) === han(name))
    .map((f) => [f.at, editDistance(name.toLowerCase(), f.name.toLowerCase()), Math.min(name.length, f.name.length)] as const)
    .filter(([, d, shorter]) => d <= Math.max(2, Math.floor(name.length / 4)) && d < shorter)
    .sort((a, b) => a[1] - b[1]);
  return near[0]?.[0] ?? null;
}

/**
 * The files of a folder (never the one given: a dangling link offered itself, a review), each at its path as the
 * reader would write it (`given`: a path in that folder); null when the folder cannot be read.
 */
function filesIn(dir: string, given: string): Found[] | null {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  } catch {
    return null;
  }
  const at = (n: string) => (dir === '.' && !given.startsWith('.') ? n : join(dir, n));
  return entries
    .filter((e) => e.name !== basename(given) && (e.isFile() || (e.isSymbolicLink() && isFileThere(join(dir, e.name)))))
    .map((e) => ({ at: at(e.name), name: e.name }));
}

/** The folders one down (a dependency tree, a build and hidden ones aside). */
function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name))
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/** A file's first 4 KB as text (where a policy names its locality, a scenario its title); '' when it cannot be read. */
function headOf(path: string): string {
  try {
    return readFileSync(path).subarray(0, 4096).toString('utf8');
  } catch {
    return '';
  }
}

/** Whether a regular file is at the path (any error: not). */
function isFileThere(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
