// A population profile (YAML) → Profile. Validated like a policy: unknown keys named with the nearest one,
// each value typed and ranged, each naming a source or marked an estimate, every problem with file:line:col.
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Node } from 'yaml';
import { isIsoDate } from '../core/dates.js';
import { D } from '../core/money.js';
import { PLACEHOLDER_SOURCE } from '../core/parameters/schema.js';
import { PROFILE_KEYS, withEmptyArea, type Profile, type ProfileSpec, type ProfileValue } from '../core/profile.js';
import { InputError } from '../errors.js';
import { textHint } from './param-values.js';
import { readText } from './policy-file.js';
import { parsedOnce } from './parsed-cache.js';
import { didYouMean, isMap, isScalar, isSeq, openMapping, type YamlFile } from './yaml-nodes.js';

const TOP_KEYS = ['profile', 'policy', 'date', 'sources', 'values'];
const VALUE_KEYS = ['value', 'source', 'clause', 'estimate', 'tolerance', 'bound'];
const KEYS = PROFILE_KEYS.map((k) => k.key);
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** A policy's own profile, beside it: policies/x.yaml → policies/profiles/x.yaml */
export function profileFor(policy: string): string {
  return join(dirname(policy), 'profiles', basename(policy));
}

export async function loadProfile(path: string): Promise<Profile> {
  // (as parsed before, where it was: a generated file's notes ask its profile on every run, ~50 ms to parse cold)
  return parsedOnce('profile', path, await readText(path, 'profile'), (text) => parseProfile(text, path));
}

export function parseProfile(text: string, file: string): Profile {
  const { y, root, top } = openMapping(text, file, 'profile', TOP_KEYS);
  for (const k of TOP_KEYS) if (!top.has(k)) y.problem(root, `missing key "${k}"`);
  const id = top.has('profile') ? y.string(top.get('profile')![0], 'the profile id') : null;
  const policy = top.has('policy') ? y.string(top.get('policy')![0], 'the policy file, relative to this file') : null;
  const dateNode = top.get('date')?.[0] ?? null;
  const date = isScalar(dateNode) && typeof dateNode.value === 'string' && isIsoDate(dateNode.value) ? dateNode.value : null;
  if (top.has('date') && !date) y.problem(dateNode, 'expected the date of the targets, YYYY-MM-DD');
  const sources = new Set<string>();
  const sourcesNode = top.get('sources')?.[0] ?? null;
  if (isMap(sourcesNode)) {
    for (const [sid, v, pair] of y.entries(sourcesNode)) {
      sources.add(sid);
      if (!isMap(v)) y.problem(pair.key as Node, `source ${sid}: expected {title, file or url, grade}`);
      else {
        const k = y.known(v, ['title', 'file', 'url', 'grade', 'date', 'note'], `source ${sid}`);
        if (!k.has('title')) y.problem(pair.key as Node, 'missing "title"', `source ${sid}`);
        if (k.has('url') && !k.has('grade')) y.problem(pair.key as Node, 'a url needs its "grade" (A, B or C)', `source ${sid}`);
        for (const key of ['title', 'url'] as const) {
          const node = k.get(key)?.[0] ?? null;
          if (node && y.text(node) === PLACEHOLDER_SOURCE[key])
            y.problem(node, `jiuzhu init's placeholder: give the document's ${key === 'title' ? 'title' : 'address'}`, `source ${sid}`);
        }
      }
    }
  } else if (top.has('sources')) y.problem(sourcesNode, 'expected a mapping of source ids to {title, file or url, grade}');
  const values = new Map<string, ProfileValue>();
  const valuesNode = top.get('values')?.[0] ?? null;
  if (isMap(valuesNode)) {
    const given = new Set<string>();
    for (const [key, v, pair] of y.entries(valuesNode)) {
      given.add(key);
      const spec = PROFILE_KEYS.find((k) => k.key === key);
      if (!spec) {
        const near = didYouMean(key, KEYS);
        y.problem(pair.key as Node, `unknown profile value "${key}"${near}`);
        given.add(/"([^"]+)"/.exec(near)?.[1] ?? key); // (the key it was meant for: told there, not missing too)
        continue;
      }
      const parsed = value(y, v, spec.kind, key, sources);
      if (parsed && spec.bounds && !withinBounds(y, v, parsed.value, spec.bounds, key)) continue;
      if (parsed) values.set(key, parsed);
    }
    // Every key missing, at once (one a run took an onboarding trial eleven runs); a key given but wrong is told as such
    // (the keys of an area no one lives in need not be given: urban_share 1 or 0)
    const none = withEmptyArea(values);
    for (const spec of PROFILE_KEYS)
      if (!given.has(spec.key) && !spec.optional && !(none && spec.key.endsWith(`.${none}`)))
        y.problem(top.get('values')![1], `missing ${spec.key} (${spec.en})`);
  } else if (top.has('values')) y.problem(valuesNode, 'expected a mapping of profile values');
  if (y.problems.length) throw new InputError(y.problems, 'fix the profile');
  return { id: id!, file, policy: isAbsolute(policy!) ? policy! : join(dirname(file), policy!), date: date!, values };
}

/** A value of its kind that has no sense here (a mean income of 0, a dispersion of 50): said, with why. */
function withinBounds(
  y: YamlFile,
  v: Node | null,
  got: ProfileValue['value'],
  b: NonNullable<ProfileSpec['bounds']>,
  key: string,
): boolean {
  if (typeof got !== 'number') return true;
  const want =
    b.above !== undefined && !(got > b.above) ? `above ${b.above}` : b.max !== undefined && !(got <= b.max) ? `at most ${b.max}` : null;
  if (!want) return true;
  y.problem(isMap(v) ? ((v.get('value', true) as Node | null) ?? v) : v, `expected a value ${want}, got ${got}: ${b.why}`, key);
  return false;
}

function value(y: YamlFile, node: Node | null, kind: string, key: string, sources: Set<string>): ProfileValue | null {
  if (!isMap(node)) {
    y.problem(node, 'expected {value: …, source: … or estimate: …}', key);
    return null;
  }
  const k = y.known(node, VALUE_KEYS, `the value of ${key}`);
  if (!k.has('source') && !k.has('estimate'))
    y.problem(node, 'needs a "source" or, where nothing is published, an "estimate" with its basis', key);
  const source = k.has('source') ? (y.string(k.get('source')![0], 'a source id', key) ?? undefined) : undefined;
  if (source && !sources.has(source)) y.problem(k.get('source')![0], `unknown source "${source}"${didYouMean(source, sources)}`, key);
  const estimate = k.has('estimate') ? (y.string(k.get('estimate')![0], 'the basis of the estimate', key) ?? undefined) : undefined;
  const clause = k.has('clause') ? (y.text(k.get('clause')![0]) ?? undefined) : undefined;
  let tolerance: number | undefined;
  if (k.has('tolerance')) {
    const t = y.text(k.get('tolerance')![0]);
    if (!key.startsWith('target.') || key === 'target.tolerance') y.problem(k.get('tolerance')![0], 'only a target has a tolerance', key);
    else if (t === null || !/^\d+(\.\d+)?$/.test(t) || Number(t) > 10)
      y.problem(k.get('tolerance')![0], 'expected a relative gap such as 0.25', key);
    else tolerance = Number(t);
  }
  // (a published figure that is a ceiling: the rigid-expenditure rate's, a register group it is part of — a realism audit
  // saw it held two-sided, a figure below it failing)
  let bound: 'upper' | undefined;
  if (k.has('bound')) {
    const b = y.text(k.get('bound')![0]);
    if (!key.startsWith('target.') || key === 'target.tolerance') y.problem(k.get('bound')![0], 'only a target has a bound', key);
    else if (b !== 'upper') y.problem(k.get('bound')![0], 'expected "upper" (the published figure is a ceiling)', key);
    else bound = 'upper';
  }
  const v = k.get('value')?.[0] ?? null;
  const number = (n: Node | null): number | null => {
    const t = y.text(n);
    return t !== null && /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
  };
  if (kind === 'quintiles') {
    // Each fifth's mean as a multiple of the overall mean: five increasing numbers whose average is 1 (± rounding).
    const texts = isSeq(v) ? (v.items as Node[]).map((n) => y.text(n)) : [];
    const ok = texts.length === 5 && texts.every((t) => t !== null && /^\d+(\.\d+)?$/.test(t));
    const xs = texts.map(Number);
    const mean = xs.reduce((a, b) => a + b, 0) / 5;
    if (!ok || xs.some((x, i) => i > 0 && x < xs[i - 1]!) || Math.abs(mean - 1) > 0.02) {
      y.problem(v ?? node, 'expected five increasing multiples of the mean income (the fifths, poorest first), averaging 1', key);
      return null;
    }
    return { value: xs, source, clause, estimate, tolerance, bound };
  }
  if (kind === 'distribution') {
    const texts = isSeq(v) ? (v.items as Node[]).map((n) => y.text(n)) : [];
    const bad = texts.findIndex((t) => t === null || !/^\d+(\.\d+)?$/.test(t));
    const ok = texts.length === 6 && bad < 0;
    // Summed as decimals, exactly: 0.35 + 0.30 + … is 1.1, not 1.0999999999999999.
    const sum = ok ? texts.reduce((a, t) => a.plus(t!), D(0)) : D(NaN);
    if (!ok || !sum.equals(1)) {
      // what is wrong with it: how many there are, the one that is not a share (−0.1), or the sum
      const what = !isSeq(v)
        ? ''
        : texts.length !== 6
          ? `, got ${texts.length}`
          : bad >= 0
            ? `; the ${ORDINAL[bad]} (households of ${bad + 1}), ${y.text((v.items as Node[])[bad]!) ?? 'not a number'}, is not a share from 0 to 1`
            : `, they add up to ${sum.toFixed()}`;
      y.problem(v ?? node, `expected six shares (households of 1, 2, … 6 persons) adding up to 1${what}`, key);
      return null;
    }
    return { value: texts.map(Number), source, clause, estimate, tolerance, bound };
  }
  const n = number(v);
  const ok =
    n !== null && (kind === 'share' ? n <= 1 : kind === 'positive' ? n > 0 : kind === 'count' ? Number.isInteger(n) && n > 0 : true);
  if (!ok) {
    const want = {
      share: 'a share from 0 to 1',
      positive: 'a number above 0',
      count: 'a whole number above 0',
      money: 'an amount in yuan ≥ 0',
    }[kind];
    y.problem(
      v ?? node,
      `expected ${want}, got ${y.text(v) ?? 'nothing'}${isScalar(v) && typeof v.value === 'string' ? textHint(v.value, kind === 'money') : ''}`,
      key,
    );
    return null;
  }
  return { value: n, source, clause, estimate, tolerance, bound, where: y.where(v) };
}
