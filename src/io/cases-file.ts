// A YAML file of test cases → Case[]. Strict like the policy reader: unknown keys are named with the nearest
// valid one, household fields are checked by the same rules as CSV cells, every problem has file:line:col.
// Paths (policy, scenarios) are relative to the case file.
import { dirname, isAbsolute, join } from 'node:path';
import type { Node, YAMLMap } from 'yaml';
import { FIELDS, isTotal, type Case, type Expectation, type Field, type Target } from '../core/cases.js';
import { PROGRAM_BY_ID } from '../core/programs/index.js';
import { isIsoDate, notADay } from '../core/dates.js';
import { parseFen } from '../core/money.js';
import { numberHint } from '../core/number-hints.js';
import type { HouseholdSpec } from '../core/population.js';
import { InputError, type Problem } from '../errors.js';
import { COLUMN_BY_NAME, COLUMNS, HOUSEHOLD_COLS, PERSON_COLS, type ColumnDef } from '../core/columns.js';
import { parseCell } from '../core/cells.js';
import { readText } from './policy-file.js';
import { didYouMean, isMap, isScalar, isSeq, openMapping, YamlFile } from './yaml-nodes.js';

const TOP_KEYS = ['policy', 'scenarios', 'date', 'cases'];
const CASE_KEYS = ['name', 'clause', 'date', 'scenarios', 'tolerance', 'household', 'expect'];
const TARGETS = Object.keys(FIELDS) as Target[];

export async function loadCaseFile(path: string): Promise<ReturnType<typeof parseCaseFile>> {
  return parseCaseFile(await readText(path, 'cases'), path);
}

export function parseCases(text: string, file: string): Case[] {
  const { cases, errors } = parseCaseFile(text, file);
  if (errors.length)
    throw new InputError(
      errors.flatMap((e) => e.problems),
      'fix the case file',
    );
  return cases;
}

/** A case that could not be read: its name (or its place in the list), and its problems. */
export interface UnreadCase {
  readonly name: string;
  readonly problems: readonly Problem[];
}

/**
 * The file's cases, and each case that could not be read with its problems: the others still run (a CI trial's one
 * misspelt key stopped every case of its file, and the JUnit lost their names). A problem outside the cases (the
 * file's policy, date, scenarios, its YAML) is the whole file's: thrown.
 */
export function parseCaseFile(text: string, file: string): { cases: Case[]; errors: UnreadCase[] } {
  const { y, root, top } = openMapping(text, file, 'cases', TOP_KEYS);
  const errors: UnreadCase[] = [];
  const rel = (p: string) => (isAbsolute(p) ? p : join(dirname(file), p));
  const policy = top.has('policy')
    ? y.string(top.get('policy')![0], 'the policy file, relative to this file', 'policy')
    : (y.problem(root, 'missing key "policy"'), null);
  const defaultDate = top.has('date') ? date(y, top.get('date')![0]) : undefined;
  const defaultScenarios = top.has('scenarios') ? paths(y, top.get('scenarios')![0]) : [];
  const cases: Case[] = [];
  const list = top.get('cases')?.[0] ?? null;
  if (isSeq(list) && list.items.length === 0)
    y.problem(list, '"cases" is empty: give at least one case (a file that tests nothing must not pass)');
  else if (!isSeq(list)) y.problem(list ?? root, 'expected "cases": a list of cases');
  else {
    const names = new Set<string>();
    const fileWide = y.problems.splice(0); // (the file's own, before any case's: put back below)
    (list.items as Node[]).forEach((item, i) => {
      const c = parseCase(y, item, top.has('date') ? (defaultDate ?? null) : undefined, defaultScenarios);
      if (c && names.has(c.name)) y.problem(item, `two cases are named "${c.name}"`);
      if (y.problems.length) {
        const named = isMap(item) ? (item as YAMLMap).get('name') : undefined;
        errors.push({ name: c?.name ?? (typeof named === 'string' && named ? named : `case ${i + 1}`), problems: y.problems.splice(0) });
        return;
      }
      if (!c || !policy) return;
      names.add(c.name);
      const own = (key: string) => isMap(item) && (item as YAMLMap).has(key);
      const at = (key: string) => (top.has(key) && !own(key) ? y.where(top.get(key)![0]) : undefined);
      const given = { policy: y.where(top.get('policy')![0]), date: at('date'), scenarios: at('scenarios') };
      cases.push({ ...c, file, policy: rel(policy), scenarios: c.scenarios.map(rel), given });
    });
    y.problems.push(...fileWide);
  }
  // (the file's own problems: no case runs, and every case's problems are said with them)
  if (y.problems.length) throw new InputError([...y.problems, ...errors.flatMap((e) => e.problems)], 'fix the case file');
  return { cases, errors };
}

function date(y: YamlFile, node: Node | null, subject?: string): string | undefined {
  const d = isScalar(node) && typeof node.value === 'string' ? node.value : '';
  if (isIsoDate(d)) return d;
  // (the case it belongs to, and why not a date: a QA trial's 2024-13-01 was told without either)
  y.problem(node, `expected a date YYYY-MM-DD, got ${d || 'nothing'}${d ? notADay(d) : ''}`, subject);
  return undefined;
}

function paths(y: YamlFile, node: Node | null, subject?: string): string[] {
  if (!isSeq(node)) {
    // (a CI trial's `scenarios: x.yaml` was told without its case, or how to write one file as a list)
    const one = isScalar(node) && typeof node.value === 'string' && node.value ? `: write [${node.value}]` : '';
    y.problem(node, `expected a list of scenario files${one}`, subject);
    return [];
  }
  return (node.items as Node[]).map((n) => y.string(n, 'a scenario file') ?? '').filter(Boolean);
}

function parseCase(
  y: YamlFile,
  node: Node,
  /** The file's date; null when it gives one that is not a date (said once, at its line). */
  defaultDate: string | null | undefined,
  defaultScenarios: string[],
): Omit<Case, 'file' | 'policy'> | null {
  if (!isMap(node)) {
    y.problem(node, 'expected a case {name, household, expect, …}');
    return null;
  }
  const k = y.known(node, CASE_KEYS, 'a case');
  const name = k.has('name') ? y.string(k.get('name')![0], 'the case name') : (y.problem(node, 'missing "name"'), null);
  const subject = name ? `case "${name}"` : 'case';
  const when = k.has('date') ? date(y, k.get('date')![0], subject) : (defaultDate ?? undefined);
  // (not where the file's date is said wrong: it gave nine cases' "no date" after the one that mattered, a trial)
  if (!when && !k.has('date') && defaultDate !== null)
    y.problem(node, 'no date: give "date" in the case or at the top of the file', subject);
  let tolerance = 0;
  if (k.has('tolerance')) {
    const t = parseFen(y.text(k.get('tolerance')![0]) ?? '');
    if (t === null) y.problem(k.get('tolerance')![0], 'expected a tolerance in yuan, e.g. 0.01', subject);
    else tolerance = t;
  }
  const household = k.has('household')
    ? parseHousehold(y, k.get('household')![0], name ?? 'case', subject)
    : (y.problem(node, 'missing "household"', subject), null);
  const expect = k.has('expect') ? parseExpect(y, k.get('expect')![0], subject) : (y.problem(node, 'missing "expect"', subject), []);
  // A case that expects nothing checks nothing: it would pass without being a test.
  if (k.has('expect') && expect.length === 0 && isMap(k.get('expect')![0]) && (k.get('expect')![0] as YAMLMap).items.length === 0)
    y.problem(k.get('expect')![0], `expect names no program: give at least one expected value (${TARGETS.join(', ')})`, subject);
  const scenarios = k.has('scenarios') ? paths(y, k.get('scenarios')![0], subject) : defaultScenarios;
  if (!name || !when || !household || expect.length === 0) return null;
  const clause = k.has('clause') ? (y.text(k.get('clause')![0]) ?? undefined) : undefined;
  return { name, clause, date: when, scenarios, tolerance, household, expect, where: y.where(node) };
}

/** A field's YAML scalar as CSV-cell text, then read by the column table's rules; an absent field takes its default later. */
function field(
  y: YamlFile,
  entry: [Node | null, unknown] | undefined,
  def: ColumnDef,
  subject: string,
  values: Record<string, number>,
): void {
  if (!entry) return;
  const node = entry[0];
  const text = isScalar(node) && typeof node.value === 'boolean' ? (node.value ? '1' : '0') : y.text(node);
  const parsed = parseCell(def, text ?? '');
  // (the value given, as the CSV reader says it: a caseworker could not tell which of two numbers was meant)
  const got = text === null ? '' : `, got ${JSON.stringify(text)}`;
  if (text === null || !parsed.ok) y.problem(node, `${def.name}: expected ${parsed.ok ? 'a value' : parsed.expected}${got}`, subject);
  else values[def.key] = parsed.value;
}

const HOUSEHOLD_DEFS: readonly ColumnDef[] = HOUSEHOLD_COLS.map((c) => COLUMNS[c]!);
const PERSON_DEFS: readonly ColumnDef[] = PERSON_COLS.map((c) => COLUMNS[c]!);

/** The 中文 words for a household's persons, beside `persons`. */
const PERSONS_ZH = ['成员', '家庭成员'];

/**
 * A household's or person's keys, each by its column's name or one of its 中文 headers (城乡, 年龄 …: core/columns.ts),
 * as a households file takes them (a caseworker's {城乡: 农村} was an unknown key, where the file's header is read);
 * a key given both ways is told.
 */
function known(
  y: YamlFile,
  map: YAMLMap,
  defs: readonly ColumnDef[],
  others: readonly string[],
  what: string,
  subject: string,
  /** The other level's columns: read, to be told where they belong, but not offered (a QA trial was offered area in a person). */
  elsewhere: readonly ColumnDef[] = [],
) {
  const names = (ds: readonly ColumnDef[]) => ds.flatMap((d) => [d.name, ...d.zh]);
  const k = y.known(map, [...names(defs), ...others, ...names(elsewhere)], what, [...names(defs), ...others], subject);
  for (const d of [...defs, ...elsewhere])
    for (const zh of d.zh) {
      if (!k.has(zh)) continue;
      if (k.has(d.name)) y.problem(k.get(zh)![1].key as Node, `${zh} is ${d.name} again: give it once`, subject);
      else k.set(d.name, k.get(zh)!);
      k.delete(zh);
    }
  return k;
}

function parseHousehold(y: YamlFile, node: Node | null, id: string, subject: string): HouseholdSpec | null {
  if (!isMap(node)) {
    y.problem(node, 'expected a household {area, …, persons: [...]}', subject);
    return null;
  }
  const k = known(y, node, HOUSEHOLD_DEFS, ['persons', ...PERSONS_ZH], 'a household', subject, PERSON_DEFS);
  for (const zh of PERSONS_ZH) {
    if (!k.has(zh)) continue;
    if (k.has('persons')) y.problem(k.get(zh)![1].key as Node, `${zh} is persons again: give it once`, subject);
    else k.set('persons', k.get(zh)!);
    k.delete(zh);
  }
  // A column at the wrong level is told where it belongs (it read "unknown key", or "did you mean age?" for area).
  for (const def of PERSON_DEFS)
    if (k.has(def.name)) y.problem(k.get(def.name)![0], `${def.name} is a person's: give it in each person under "persons"`, subject);
  const hh: Record<string, number> = {};
  for (const def of HOUSEHOLD_DEFS) field(y, k.get(def.name), def, subject, hh);
  for (const def of HOUSEHOLD_DEFS)
    if (def.default === undefined && !k.has(def.name)) y.problem(node, `missing "${def.name}" (${def.expected})`, subject);
  const list = k.get('persons')?.[0] ?? null;
  if (!isSeq(list) || list.items.length === 0) {
    const empty = isSeq(list) ? ', got an empty list (a household has one person at least)' : '';
    y.problem(list ?? node, `expected "persons": a list of persons {age, …}${empty}`, subject);
    return null;
  }
  // (an alias of a person, *a after &a, is that person again: a QA trial's was "expected a person")
  const persons = (list.items as Node[])
    .map((p) => y.deref(p))
    .map((p, i) => {
      if (!isMap(p)) {
        y.problem(p, 'expected a person {age, …}', subject);
        return null;
      }
      const pk = known(y, p, [...PERSON_DEFS, COLUMN_BY_NAME.get('person_id')!], [], 'a person', subject, HOUSEHOLD_DEFS);
      for (const def of HOUSEHOLD_DEFS)
        if (pk.has(def.name))
          y.problem(pk.get(def.name)![0], `${def.name} is the household's (the same for every member): give it beside "persons"`, subject);
      for (const def of PERSON_DEFS) if (def.default === undefined && !pk.has(def.name)) y.problem(p, `missing "${def.name}"`, subject);
      const v: Record<string, number> = {};
      const pid = pk.has('person_id') ? y.text(pk.get('person_id')![0]) : null;
      // (whose: the person, by id or place — it said "the household" for every member's field)
      const whose = `${subject}, person ${pid ?? i + 1}`;
      for (const def of PERSON_DEFS) field(y, pk.get(def.name), def, whose, v);
      return { ...v, id: pid ?? `p${i + 1}` };
    });
  if (persons.some((p) => p === null)) return null;
  // Each person's id once (a person without one is p1, p2 … by place): two alike were an internal error (exit 4).
  const first = new Map<string, number>();
  persons.forEach((p, i) => {
    const at = first.get(p!.id);
    if (at === undefined) first.set(p!.id, i);
    else
      y.problem(
        list.items[i] as Node,
        `person_id "${p!.id}" is person ${at + 1}'s too${/^p\d+$/.test(p!.id) ? ' (a person without an id is p1, p2 … by place)' : ''}: each person needs an id of their own`,
        subject,
      );
  });
  return { id, household: hh as unknown as HouseholdSpec['household'], persons: persons as unknown as HouseholdSpec['persons'] };
}

function parseExpect(y: YamlFile, node: Node | null, subject: string): Expectation[] {
  if (!isMap(node)) {
    y.problem(node, `expected a mapping of program ids to expected values (${TARGETS.join(', ')})`, subject);
    return [];
  }
  const out: Expectation[] = [];
  for (const [target, value, pair] of y.entries(node as YAMLMap)) {
    if (!(TARGETS as string[]).includes(target)) {
      y.problem(
        pair.key as Node,
        `unknown program "${target}"${didYouMean(target, TARGETS)}; expected one of ${TARGETS.join(', ')}`,
        subject,
      );
      continue;
    }
    const t = target as Target;
    const fields = FIELDS[t];
    if (isMap(value)) {
      // An empty expectation checks nothing: the case vanished from the run and the count (a CI trial).
      if (!value.items.length) y.problem(value, `expected ${t}'s ${fields.join(', ')} (at least one): {} checks nothing`, subject);
      for (const [f, v] of y.known(value, fields as string[], `the expectation of ${t}`, fields, subject)) {
        const e = expectation(y, v[0], t, f as Field, subject);
        if (e) out.push(e);
      }
    } else {
      const e = expectation(y, value, t, fields[0]!, subject);
      if (e) out.push(e);
    }
  }
  return out;
}

function expectation(y: YamlFile, node: Node | null, target: Target, f: Field, subject: string): Expectation | null {
  // (a flag may be true or false, as a household's flags may: a QA trial's flag: true was 'expected 0 or 1, got ""')
  const bool = isScalar(node) && typeof node.value === 'boolean' ? node.value : null;
  const text = f === 'flag' && bool !== null ? (bool ? '1' : '0') : (y.text(node) ?? (bool === null ? '' : String(bool)));
  // A tier is one of the program's tier names (or empty: no grant).
  const tiers = isTotal(target) ? [] : (PROGRAM_BY_ID.get(target)!.tiers ?? []);
  const expected: number | string | null =
    f === 'amount'
      ? parseFen(text)
      : f === 'flag'
        ? text === '0' || text === '1'
          ? Number(text)
          : null
        : f === 'persons' || f === 'months'
          ? /^\d{1,4}$/.test(text)
            ? Number(text)
            : null
          : tiers.includes(text)
            ? text
            : null;
  if (expected === null) {
    const negative = /^\s*-\s*\d/.test(text);
    const want = {
      // (told as a household's amounts are, with what the text most likely meant: a CI trial's -5, 6,868.00, 0.6868万
      // and 539元 were each told only "yuan with at most two decimals")
      amount: `yuan${negative ? ' ≥ 0' : ''} with at most two decimals`,
      flag: '0 or 1',
      persons: 'a whole number',
      months: 'a whole number',
      tier: tiers.filter(Boolean).join(', '),
    }[f];
    const hint = f !== 'amount' ? '' : negative ? ' (an amount received is never negative)' : numberHint(text, 2);
    y.problem(node, `${target}.${f}: expected ${want}, got ${JSON.stringify(text)}${hint}`, subject);
    return null;
  }
  return { target, field: f, expected, where: y.where(node) };
}

/** A household written as in a case file ({area, …, persons: [...]}), e.g. on the command line (cliff --describe). */
export function parseHouseholdText(text: string, source: string): HouseholdSpec {
  const y = new YamlFile(source, text);
  if (y.broken) throw new InputError(y.problems, 'the household is not valid YAML');
  const spec = parseHousehold(y, y.doc.contents as Node | null, 'described', 'the household');
  // (a caseworker gave a file's name: the text is wanted)
  const named = /^[^\s{}[\]:]+\.(ya?ml|json|txt)$/i.test(text.trim()) ? `; for a file, its text: ${source} "$(cat ${text.trim()})"` : '';
  if (y.problems.length || !spec)
    throw new InputError(
      y.problems,
      `write the household as in a case file: {area: urban, persons: [{age: 40, wage_income: 1500}]}${named}`,
    );
  return spec;
}
