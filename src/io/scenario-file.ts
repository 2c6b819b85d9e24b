// A scenario file (YAML) → Scenario, validated as strictly as a policy: unknown keys and paths are named
// with the nearest valid one, every problem is listed with file:line:col, and nothing is applied until the
// whole file is valid.
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { isIsoDate, notADay, notIncreasing } from '../core/dates.js';
import { D, type Dec } from '../core/money.js';
import { BRANCHES, ID_RE, PARAM_BY_PATH, type ParamSpec } from '../core/parameters/schema.js';
import { localShareWritten, suggestPath } from '../core/parameters/author-hints.js';
import type { ParamValue } from '../core/parameters/tree.js';
import type { Change, Scenario, ScenarioChange } from '../core/scenario.js';
import { InputError } from '../errors.js';
import { parseValue, textHint } from './param-values.js';
import { parsedOnce } from './parsed-cache.js';
import { readText } from './policy-file.js';
import { didYouMean, got, isMap, isScalar, isSeq, openMapping, type YamlFile } from './yaml-nodes.js';

const TOP_KEYS = ['scenario', 'title', 'description', 'reason', 'changes'];
const OPS = ['set', 'scale', 'add', 'at_least', 'at_most', 'same_as', 'values'] as const;
const CHANGE_KEYS = [...OPS, 'from'];
const SIGNED_DECIMAL_RE = /^-?\d{1,9}(\.\d{1,6})?$/;

export async function loadScenario(path: string): Promise<Scenario> {
  return parsedOnce('scenario', path, await readText(path, 'scenario'), (text) => parseScenario(text, path));
}

export function parseScenario(text: string, file: string): Scenario {
  const { y, root, top } = openMapping(text, file, 'scenario', TOP_KEYS);
  for (const key of ['scenario', 'title', 'reason', 'changes']) if (!top.has(key)) y.problem(root, `missing key "${key}"`);
  const id = top.has('scenario') ? y.string(top.get('scenario')![0], 'the scenario id', 'scenario') : null;
  if (id && (!ID_RE.test(id) || id === 'baseline')) {
    y.problem(
      top.get('scenario')![0],
      `the id must be lower-case letters, digits, ".", "_" or "-", and not "baseline"; got "${id}"`,
      'scenario',
    );
  }
  let title = { zh: '', en: '' };
  const titleNode = top.get('title')?.[0] ?? null;
  // (a title in one language is said in both: a county officer who writes no English was refused for want of one)
  if (top.has('title')) {
    if (isScalar(titleNode) && typeof titleNode.value === 'string' && titleNode.value.trim()) {
      title = { zh: titleNode.value, en: titleNode.value };
    } else if (!isMap(titleNode)) y.problem(titleNode, 'expected a title: text, or {zh: …, en: …}', 'title');
    else {
      const t = y.known(titleNode, ['zh', 'en'], 'title');
      const [zh, en] = (['zh', 'en'] as const).map((l) =>
        t.has(l) ? y.string(t.get(l)![0], l === 'zh' ? 'the Chinese title' : 'the English title', `title.${l}`) : null,
      );
      if (!t.has('zh') && !t.has('en')) y.problem(titleNode, 'expected {zh: …, en: …} (or one of them)', 'title');
      title = { zh: zh ?? en ?? '', en: en ?? zh ?? '' };
    }
  }
  const reason = top.has('reason') ? (y.string(top.get('reason')![0], 'the clause or reason behind the reform', 'reason') ?? '') : '';
  const description = top.has('description') ? (y.string(top.get('description')![0], 'a description') ?? undefined) : undefined;
  const changes: ScenarioChange[] = [];
  const changesNode = top.get('changes')?.[0] ?? null;
  if (top.has('changes')) {
    if (isMap(changesNode)) walk(y, changesNode, '', changes);
    else if (!(isScalar(changesNode) && changesNode.value === null))
      y.problem(changesNode, 'expected a mapping of parameter paths to changes ({} for none)', 'changes');
  }
  if (y.problems.length) throw new InputError(y.problems, 'fix the scenario file; nothing was applied');
  return { id: id!, title, description, reason, file, changes };
}

function walk(y: YamlFile, map: YAMLMap, prefix: string, out: ScenarioChange[]): void {
  for (const [key, value, pair] of y.entries(map)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const spec = PARAM_BY_PATH.get(path);
    if (spec) {
      if (out.some((c) => c.path === path))
        y.problem(pair.key as Node, `${path} is changed twice; give one change per parameter (several, dated: a list of them)`);
      if (isSeq(value)) out.push(...changeList(y, value, spec));
      else {
        const change = parseChange(y, value, spec);
        if (change) out.push({ ...change, path, where: y.where(pair.key as Node) });
      }
    } else if (BRANCHES.has(path) && isMap(value)) {
      walk(y, value, path, out);
    } else if (prefix && (OPS as readonly string[]).includes(key)) {
      // `dibao.standard: {add: 80}`: a change given to a group (it was "unknown parameter dibao.standard.add (did you
      // mean dibao.standard?)", the very key written)
      const members = [...PARAM_BY_PATH.keys()].filter((p) => p.startsWith(`${prefix}.`) && !p.slice(prefix.length + 1).includes('.'));
      y.problem(
        pair.key as Node,
        `${prefix} is a group of parameters, not one: give the change to each${members.length ? ` (${members.join(', ')})` : ' of its parameters'}`,
      );
    } else if (path.includes('：') && PARAM_BY_PATH.has(path.split(/\s*：/)[0]!)) {
      // `dibao.standard.urban：{set: 900}`: a full-width colon, which YAML reads as part of the key (a clerk's trial was told
      // unknown parameter "dibao.standard.urban：{set")
      const [name] = path.split(/\s*：/);
      y.problem(pair.key as Node, `a full-width colon "：" (U+FF1A) after "${name}": YAML needs ":" and a space (${name}: {set: …})`);
    } else if (localShareWritten(path)) {
      y.problem(pair.key as Node, `unknown parameter "${path}": ${localShareWritten(path)}`);
    } else {
      const near = suggestPath(path);
      y.problem(pair.key as Node, `unknown parameter "${path}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
}

/**
 * Several changes of one parameter, each from its date on, on the values the one before left (an analyst's reform: rural × 1.1 from
 * 2025-07-01, then the urban standard from 2027-01-01 — "changed twice" was refused, and dated numbers fitted one
 * locality alone): `[{scale: 1.1, from: 2025-07-01}, {same_as: dibao.standard.urban, from: 2027-01-01}]`.
 */
function changeList(y: YamlFile, list: YAMLSeq, spec: ParamSpec): ScenarioChange[] {
  const items = list.items as Node[];
  const subject = `changes of ${spec.path}`;
  // (at the list: a QA trial's `[]` was told without a line)
  if (!items.length) y.problem(list, 'an empty list: give one change or more', subject);
  const parsed = items.flatMap((item, i) => {
    const c = parseChange(y, item, spec);
    if (!c) return [];
    if (c.change.op === 'values') {
      y.problem(item, '"values" carry their own dates: give them as the one change of the parameter, not in a list', subject);
      return [];
    }
    if (i > 0 && !c.from) y.problem(item, 'each change after the first needs "from": the date it applies from', subject);
    return [{ ...c, where: y.where(item), node: item }];
  });
  let last: string | undefined;
  for (const c of parsed) {
    if (c.from && last && last >= c.from) y.problem(c.node, notIncreasing(c.from, last), subject);
    last = c.from && (!last || c.from > last) ? c.from : last;
  }
  return parsed.map(({ node: _node, ...c }) => ({ ...c, path: spec.path }));
}

function parseChange(y: YamlFile, node: Node | null, spec: ParamSpec): { change: Change; from?: string } | null {
  const subject = `change of ${spec.path}`;
  if (!isMap(node)) {
    // (a value alone, the natural way to write one: a county officer's `tekun.basic.multiplier: 1.5`)
    const alone = isScalar(node) && node.value !== null ? ` (to set it: {set: ${y.text(node) ?? String(node.value)}})` : '';
    y.problem(
      node,
      `expected one of {set: V}, {scale: K}, {add: X}, {at_least: V}, {at_most: V}, {same_as: PATH}, {values: [{from, value}]}, optionally with from: YYYY-MM-DD${alone}`,
      subject,
    );
    return null;
  }
  const k = y.known(node, CHANGE_KEYS, `a change of ${spec.path}`);
  const ops = OPS.filter((op) => k.has(op));
  if (ops.length !== 1) {
    y.problem(
      node,
      ops.length ? `give one operation, not ${ops.join(' and ')}` : `missing the operation: one of ${OPS.join(', ')}`,
      subject,
    );
    return null;
  }
  const op = ops[0]!;
  const arg = k.get(op)![0];
  let from: string | undefined;
  if (k.has('from')) {
    const f = k.get('from')![0];
    from = isScalar(f) && typeof f.value === 'string' && isIsoDate(f.value) ? f.value : undefined;
    if (!from) y.problem(f, `"from" must be a date YYYY-MM-DD${got(f)}${isScalar(f) ? notADay(String(f.value)) : ''}`, subject);
    if (op === 'values') y.problem(f, '"values" carry their own dates; "from" does not apply', subject);
  }
  const numeric = ['money', 'decimal', 'integer'].includes(spec.kind.type);
  switch (op) {
    case 'set': {
      const value = parseValue(y, arg, spec);
      return value === null ? null : { change: { op, value }, from };
    }
    case 'scale':
    case 'add': {
      if (!numeric) {
        y.problem(arg, `${spec.path} is ${spec.kind.type === 'enum' ? 'a choice' : `a ${spec.kind.type}`}; it can only be set`, subject);
        return null;
      }
      const t = y.text(arg);
      // (at most six decimals, named — "a factor ≥ 0" was said of 1.0000001; an amount added to money at most two: 0.004
      // was rounded away, and the scenario then "changed nothing": a QA trial)
      const places = spec.kind.type === 'money' && op === 'add' ? 2 : 6;
      const ok =
        t !== null && SIGNED_DECIMAL_RE.test(t) && (op === 'add' || !t.startsWith('-')) && (t.split('.')[1] ?? '').length <= places;
      if (!ok) {
        const what =
          op === 'scale' ? 'expected a factor ≥ 0, e.g. 1.1' : `expected a number to add, e.g. 50 or ${places === 2 ? '-12.5' : '-0.1'}`;
        // (what the text is, as a policy's value is told: {scale: 115%} was told only what was expected, a county officer's
        // trial; a percentage added is a scale; a number with a decimal too many is told by the words alone)
        const hint =
          t === null || /^-?\d+(\.\d+)?$/.test(t)
            ? ''
            : op === 'add' && /[%％]\s*$/.test(t)
              ? ' (a percentage: a change by a share is {scale: …})'
              : textHint(t);
        y.problem(arg, `${what}, with at most ${places === 2 ? 'two decimals (money: fen)' : 'six decimals'}${got(arg)}${hint}`, subject);
        return null;
      }
      // (a percentage written as a factor: a reform author's {scale: 150} ran into 12 unit rules' errors about the
      // minimum wage and the premium, where {scale: 150%} was told at once to write 1.5)
      if (op === 'scale' && D(t).gte(20)) {
        const pct = D(t).dividedBy(100).toFixed();
        y.problem(
          arg,
          `{scale: ${t}} multiplies by ${t}: a percentage? ${t} % is {scale: ${pct}}; to give the value itself, {set: V}`,
          subject,
        );
        return null;
      }
      return { change: { op, by: D(t) }, from };
    }
    case 'at_least':
    case 'at_most': {
      // 不低于 / 不高于: a floor or a ceiling on the value in force, each dated value its own (002 四's care standard
      // 不低于 70 % of the minimum wage was written {set: 0.7}, a cut where a locality pays more: a provincial trial)
      if (!numeric) {
        y.problem(arg, `${spec.path} is ${spec.kind.type === 'enum' ? 'a choice' : `a ${spec.kind.type}`}; it can only be set`, subject);
        return null;
      }
      const value = parseValue(y, arg, spec);
      return value === null ? null : { change: { op, value: value as Dec }, from };
    }
    case 'same_as': {
      const other = isScalar(arg) && typeof arg.value === 'string' ? arg.value : '';
      const otherSpec = PARAM_BY_PATH.get(other);
      if (!otherSpec) {
        y.problem(arg, `unknown parameter "${other}"${didYouMean(other, PARAM_BY_PATH.keys())}`, subject);
        return null;
      }
      if (JSON.stringify(otherSpec.kind) !== JSON.stringify(spec.kind) || otherSpec.unit !== spec.unit) {
        y.problem(arg, `${other} (${otherSpec.unit}) is not the same kind of value as ${spec.path} (${spec.unit})`, subject);
        return null;
      }
      return { change: { op, path: other }, from };
    }
    case 'values': {
      if (!isSeq(arg) || arg.items.length === 0) {
        y.problem(arg, 'expected a list of {from: YYYY-MM-DD, value: …}', subject);
        return null;
      }
      const values: Array<{ from: string; value: ParamValue }> = [];
      for (const item of arg.items as Node[]) {
        if (!isMap(item)) {
          y.problem(item, 'expected {from, value}', subject);
          continue;
        }
        const e = y.known(item, ['from', 'value'], `a dated value of ${spec.path}`);
        const f = e.get('from')?.[0] ?? null;
        const date = isScalar(f) && typeof f.value === 'string' && isIsoDate(f.value) ? f.value : null;
        // (its value checked all the same: each problem told at once, as a policy's are)
        if (!date) y.problem(f ?? item, `"from" must be a date YYYY-MM-DD${got(f)}${isScalar(f) ? notADay(String(f.value)) : ''}`, subject);
        else if (values.length && date <= values[values.length - 1]!.from)
          y.problem(f, notIncreasing(date, values[values.length - 1]!.from), subject);
        const value = e.has('value') ? parseValue(y, e.get('value')![0], spec) : (y.problem(item, 'missing "value"', subject), null);
        if (value !== null && date) values.push({ from: date, value });
      }
      return values.length ? { change: { op, values } } : null;
    }
  }
}

/** What was written instead, for a message (an author's trial: `add: 50元` was told only what was expected). */
