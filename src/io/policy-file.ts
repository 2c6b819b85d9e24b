// A locality's policy file (YAML) → Policy. Validates the whole file and reports every problem with
// file:line:col: unknown keys and paths (with the nearest valid one), wrong types, impossible values,
// unsorted or duplicate dates, sources that do not exist, parameters missing. No key is ignored.
import { parse, type Node, type Pair, type YAMLMap } from 'yaml';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { readInputText } from './files.js';
import { isIsoDate, notADay, notIncreasing } from '../core/dates.js';
import {
  BRANCHES,
  ID_RE,
  PARAMS,
  PARAM_BY_PATH,
  PLACEHOLDER_POLICY,
  PLACEHOLDER_SOURCE,
  type ParamSpec,
} from '../core/parameters/schema.js';
import { expectedOf, localShareWritten, suggestPath } from '../core/parameters/author-hints.js';
import type { DatedValue, Policy, Source } from '../core/parameters/tree.js';
import { parseValue } from './param-values.js';
import { parsedOnce } from './parsed-cache.js';
import { parseRange, RANGE_HINT } from './estimate-range.js';
import { didYouMean, got, isMap, isScalar, isSeq, openMapping, type YamlFile } from './yaml-nodes.js';

const TOP_KEYS = ['policy', 'name', 'description', 'sources', 'parameters'];
const SOURCE_KEYS = ['title', 'file', 'url', 'grade', 'date', 'note'];
const ENTRY_KEYS = ['from', 'value', 'source', 'clause', 'estimate', 'range', 'exact', 'note'];
const GRADES = ['A', 'B', 'C'];

export async function loadPolicy(path: string): Promise<Policy> {
  return parsedOnce('policy', path, await readText(path, 'policy'), (text) => parsePolicy(text, path));
}

export const readText = (path: string, what: string): Promise<string> => readInputText(path, `${what} file`);

export function parsePolicy(text: string, file: string): Policy {
  const { y, root, top } = openMapping(text, file, 'policy', TOP_KEYS);
  const id = top.has('policy') ? y.string(top.get('policy')![0], 'the policy id, e.g. guangxi-nanning', 'policy') : null;
  if (!top.has('policy')) y.problem(root, 'missing key "policy" (the policy id)');
  // (as init's and a scenario's: an author's "henan gongyi!" headed every column and run)
  else if (id && !ID_RE.test(id))
    y.problem(
      top.get('policy')![0],
      `the id must be lower-case letters, digits, ".", "_" or "-"; got "${id}" (e.g. henan-gongyi)`,
      'policy',
    );
  const name = parseName(y, top.get('name'), root);
  const description = top.has('description') ? (y.string(top.get('description')![0], 'a description') ?? undefined) : undefined;
  if (description?.trim() === PLACEHOLDER_POLICY.description)
    y.problem(
      top.get('description')![0],
      "jiuzhu init's placeholder: say what this policy covers, and which values are estimates",
      'description',
    );
  const sources = parseSources(y, top.get('sources')?.[0] ?? null, root);
  const params = new Map<string, DatedValue[]>();
  const paramsNode = top.get('parameters')?.[0] ?? null;
  if (!isMap(paramsNode))
    y.problem(paramsNode ?? root, 'missing or invalid "parameters": a mapping of canonical parameter paths to dated values');
  else {
    const suggested = new Set<string>();
    walk(y, paramsNode, '', params, sources, suggested);
    for (const spec of PARAMS) {
      // (a misspelt key told "did you mean" it is not told missing as well: a policy author's trial heard both)
      if (!params.has(spec.path) && !spec.optional && !spec.default && !suggested.has(spec.path)) {
        y.problem(top.get('parameters')![1], `missing parameter ${spec.path} (${spec.zh} ${spec.en}: ${expectedOf(spec)})`, 'parameters');
      }
    }
  }
  if (y.problems.length) throw new InputError(y.problems, 'fix the file; every problem found is listed');
  return { id: id!, name: name!, description, file, sources, params };
}

function parseName(y: YamlFile, entry: [Node | null, Pair] | undefined, root: Node): { zh: string; en: string } | null {
  if (!entry || !isMap(entry[0])) {
    y.problem(entry?.[0] ?? root, 'missing or invalid "name": expected {zh: …, en: …}');
    return null;
  }
  const keys = y.known(entry[0], ['zh', 'en'], 'name');
  const zh = y.string(keys.get('zh')?.[0] ?? entry[0], 'the Chinese name', 'name.zh');
  const en = y.string(keys.get('en')?.[0] ?? entry[0], 'the English name', 'name.en');
  for (const [key, value] of [
    ['zh', zh],
    ['en', en],
  ] as const)
    if (value === PLACEHOLDER_POLICY[key])
      y.problem(
        keys.get(key)![0],
        `jiuzhu init's placeholder: give the locality's ${key === 'zh' ? 'Chinese' : 'English'} name`,
        `name.${key}`,
      );
  return zh && en ? { zh, en } : null;
}

function parseSources(y: YamlFile, node: Node | null, root: Node): Map<string, Source> {
  const sources = new Map<string, Source>();
  if (!isMap(node)) {
    y.problem(node ?? root, 'missing or invalid "sources": a mapping of source ids to {title, file or url, grade}');
    return sources;
  }
  for (const [id, value, pair] of y.entries(node)) {
    if (!isMap(value)) {
      y.problem(pair.key as Node, `source ${id}: expected {title, file or url, grade}`);
      continue;
    }
    const k = y.known(value, SOURCE_KEYS, `source ${id}`);
    const get = (key: string) => (k.has(key) ? (y.string(k.get(key)![0], key, `source ${id}`) ?? undefined) : undefined);
    const src: Source = { id, title: get('title') ?? '', file: get('file'), url: get('url'), grade: get('grade'), date: get('date') };
    if (!k.has('title')) y.problem(pair.key as Node, 'missing "title"', `source ${id}`);
    if (!src.file && !src.url) y.problem(pair.key as Node, 'needs a "file" (a document) or a "url"', `source ${id}`);
    if (src.url && !src.grade) y.problem(pair.key as Node, 'a url needs its "grade" (A official, B media, C other)', `source ${id}`);
    for (const key of ['title', 'url'] as const)
      if (src[key] === PLACEHOLDER_SOURCE[key])
        y.problem(
          k.get(key)![0],
          `jiuzhu init's placeholder: give the document's ${key === 'title' ? 'title' : 'address'}`,
          `source ${id}`,
        );
    if (src.grade && !GRADES.includes(src.grade))
      y.problem(k.get('grade')![0], `grade must be A, B or C, got ${src.grade}`, `source ${id}`);
    if (src.date && !isIsoDate(src.date))
      y.problem(k.get('date')![0], `date must be YYYY-MM-DD, got ${src.date}${notADay(src.date)}`, `source ${id}`);
    sources.set(id, src);
  }
  return sources;
}

/** Walks nested (or dotted) keys down to canonical paths; a canonical path's value is its history. */
function walk(
  y: YamlFile,
  map: YAMLMap,
  prefix: string,
  out: Map<string, DatedValue[]>,
  sources: Map<string, Source>,
  suggested: Set<string>,
  firstAt = new Map<string, Node>(),
): void {
  for (const [key, value, pair] of y.entries(map)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const spec = PARAM_BY_PATH.get(path);
    if (spec) {
      const first = firstAt.get(path);
      // (written dotted and nested both: where the first is)
      if (first) y.problem(pair.key as Node, `parameter ${path} is given twice (first on line ${y.where(first).line})`);
      else {
        firstAt.set(path, pair.key as Node);
        out.set(path, history(y, value, pair, spec, sources));
      }
    } else if (BRANCHES.has(path)) {
      if (isMap(value)) walk(y, value, path, out, sources, suggested, firstAt);
      else y.problem(value ?? (pair.key as Node), `"${path}" groups parameters; expected a mapping under it`);
    } else if (localShareWritten(path)) {
      y.problem(pair.key as Node, `unknown parameter "${path}": ${localShareWritten(path)}`);
    } else {
      const near = suggestPath(path);
      if (near) suggested.add(near);
      y.problem(pair.key as Node, `unknown parameter "${path}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
}

function history(y: YamlFile, node: Node | null, pair: Pair, spec: ParamSpec, sources: Map<string, Source>): DatedValue[] {
  const subject = `parameter ${spec.path}`;
  if (!isSeq(node) || node.items.length === 0) {
    y.problem(
      node ?? (pair.key as Node),
      'expected a list of dated values: - {from: YYYY-MM-DD, value: …, source: … or estimate: …}',
      subject,
    );
    return [];
  }
  const entries: DatedValue[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      y.problem(item, 'expected {from, value, source or estimate}', subject);
      continue;
    }
    const k = y.known(item, ENTRY_KEYS, `a value of ${spec.path}`);
    const fromNode = k.get('from')?.[0] ?? null;
    const written = isScalar(fromNode) && typeof fromNode.value === 'string' ? fromNode.value : null;
    const from = written && isIsoDate(written) ? written : null;
    // (the entry's other keys checked all the same: a county officer's 2025年7月1日 and 850元 were told one at a time,
    // under "every problem found is listed")
    if (!from)
      y.problem(
        fromNode ?? item,
        `"from" must be a date YYYY-MM-DD${got(fromNode)}${isScalar(fromNode) ? notADay(String(fromNode.value)) : ''}`,
        subject,
      );
    const prev = entries[entries.length - 1];
    // (where the first is too: a county officer was shown the second alone)
    if (from && prev && from === prev.from)
      y.problem(
        fromNode,
        `duplicate date ${from}${prev.where.line ? ` (first on line ${prev.where.line}): one value a date` : ''}`,
        subject,
      );
    else if (from && prev && from < prev.from) y.problem(fromNode, notIncreasing(from, prev.from), subject);
    if (!k.has('value')) {
      y.problem(item, 'missing "value"', subject);
      continue;
    }
    const value = parseValue(y, k.get('value')![0], spec);
    const text = (key: string) => (k.has(key) ? (y.string(k.get(key)![0], key, subject) ?? undefined) : undefined);
    const source = text('source');
    const estimate = text('estimate');
    if (source !== undefined && !sources.has(source)) {
      const ids = [...sources.keys()];
      y.problem(k.get('source')![0], `unknown source "${source}"${didYouMean(source, ids)}${knownIds(ids)}`, subject);
    }
    if (!k.has('source') && !k.has('estimate')) {
      y.problem(item, 'each value needs a "source" (and clause) or, where nothing is published, an "estimate" stating its basis', subject);
    }
    const exact = text('exact');
    const range = k.has('range') ? parseRange(y, k.get('range')![0], spec, value, from ?? written ?? '?') : undefined;
    if (estimate !== undefined && !k.has('range') && !k.has('exact'))
      y.problem(item, `an estimate needs its range — ${RANGE_HINT}`, subject);
    if (k.has('range') && k.has('exact')) y.problem(k.get('exact')![0], 'give a range or exact, not both', subject);
    if ((k.has('range') || k.has('exact')) && estimate === undefined)
      y.problem(
        k.get('range')?.[0] ?? k.get('exact')![0],
        'only an estimate has a range or exact: add its "estimate" basis, or remove this',
        subject,
      );
    if (value === null || !from) continue;
    entries.push({
      from,
      value,
      source,
      clause: text('clause'),
      estimate,
      ...(range ? { range } : {}),
      ...(exact !== undefined ? { exact } : {}),
      note: text('note'),
      where: y.where(item),
    });
  }
  checkDateWindows(y, entries, subject);
  return entries;
}

/** A start-date window lies between the neighbouring values' dates. */
function checkDateWindows(y: YamlFile, entries: readonly DatedValue[], subject: string): void {
  entries.forEach((e, i) => {
    const w = e.range?.from;
    if (!w) return;
    const [prev, next] = [entries[i - 1]?.from, entries[i + 1]?.from];
    if (prev && w[0] <= prev)
      y.problems.push({ where: e.where, subject, message: `from: the earliest date ${w[0]} must come after the previous value's ${prev}` });
    if (next && w[1] >= next)
      y.problems.push({ where: e.where, subject, message: `from: the latest date ${w[1]} must come before the next value's ${next}` });
  });
}

function knownIds(ids: string[]): string {
  return ids.length ? `; sources are ${ids.join(', ')}` : '; the file has no sources';
}

/**
 * A policy file's `policy:` id (its file's name where the file cannot be read or gives none), and the month its newest
 * urban standard took effect.
 */
export async function policyFacts(file: string): Promise<{ readonly id: string; readonly raiseMonth?: number }> {
  const name = basename(file, extname(file));
  try {
    const doc: unknown = parse(await readFile(file, 'utf8'));
    const at = (o: unknown, key: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);
    const id = at(doc, 'policy');
    // (the month of its newest urban standard: the month a projection raises it each year — Nanning's April, where a
    // template's January was easy to miss: a finance officer's trial)
    const urban = at(at(at(at(doc, 'parameters'), 'dibao'), 'standard'), 'urban');
    const from = Array.isArray(urban) ? String(at(urban.at(-1), 'from') ?? '') : '';
    const month = /^\d{4}-(\d\d)-\d\d$/.exec(from)?.[1];
    return { id: typeof id === 'string' && id ? id : name, ...(month ? { raiseMonth: Number(month) } : {}) };
  } catch {
    // (unreadable or not YAML yet: the run says so when the projection is used)
    return { id: name };
  }
}
