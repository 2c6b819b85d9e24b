// An estimate's range (issue 18): beside every `estimate:` in a policy file, how far the truth could be from the value —
// `range: {low, high, basis}` for a number, `range: {values: [...], basis}` for a choice, `range: {from: [earliest,
// latest], basis}` for a start date nobody published (with low/high too when the value is also estimated) — or
// `exact: why` when nothing can be varied. Checked like the value: its type, low ≤ value ≤ high, the date window
// inside its neighbours'.
import { isSeq, type Node } from 'yaml';
import { isIsoDate } from '../core/dates.js';
import type { ParamSpec } from '../core/parameters/schema.js';
import type { EstimateRange, ParamValue } from '../core/parameters/tree.js';
import type { Dec } from '../core/money.js';
import { parseValue } from './param-values.js';
import { isMap, type YamlFile } from './yaml-nodes.js';

const RANGE_KEYS = ['low', 'high', 'values', 'from', 'basis'];
const NUMERIC = new Set(['money', 'decimal', 'integer']);
const CHOICE = new Set(['enum', 'boolean']);
export const RANGE_HINT =
  'range: {low, high, basis} for a number, {values: [...], basis} for a choice, {from: [earliest, latest], basis} for a start date; or exact: why none applies';

/** The range of one dated value (`node` is the `range` mapping), or null after reporting what is wrong. */
export function parseRange(y: YamlFile, node: Node | null, spec: ParamSpec, value: ParamValue | null, from: string): EstimateRange | null {
  const subject = `parameter ${spec.path}, range of the value from ${from}`;
  if (!isMap(node)) {
    y.problem(node, `expected a mapping: ${RANGE_HINT}`, subject);
    return null;
  }
  const k = y.known(node, RANGE_KEYS, 'a range');
  const basis = k.has('basis') ? y.string(k.get('basis')![0], 'the basis of the range', subject) : null;
  if (!k.has('basis'))
    y.problem(node, 'missing "basis": where the band comes from (a clause, a neighbouring place, a national figure)', subject);
  let ok = basis !== null;
  const out: { low?: ParamValue; high?: ParamValue; values?: ParamValue[]; from?: readonly [string, string] } = {};
  if (k.has('low') || k.has('high')) {
    if (!NUMERIC.has(spec.kind.type)) {
      y.problem(
        k.get('low')?.[0] ?? k.get('high')![0],
        `low/high are for numbers; ${spec.path} is a ${spec.kind.type}: use values: [...]`,
        subject,
      );
      return null;
    }
    if (!k.has('low') || !k.has('high')) {
      y.problem(node, 'a range needs both "low" and "high"', subject);
      return null;
    }
    const low = parseValue(y, k.get('low')![0], spec) as Dec | null;
    const high = parseValue(y, k.get('high')![0], spec) as Dec | null;
    if (low === null || high === null) return null;
    if (!low.lessThan(high)) ok = fail(y, k.get('low')![0], `low ${low.toFixed()} must be below high ${high.toFixed()}`, subject);
    else if (value !== null && (low.greaterThan(value as Dec) || high.lessThan(value as Dec)))
      ok = fail(y, node, `the value ${(value as Dec).toFixed()} is outside its own range ${low.toFixed()}–${high.toFixed()}`, subject);
    Object.assign(out, { low, high });
  }
  if (k.has('values')) {
    const list = k.get('values')![0];
    if (!CHOICE.has(spec.kind.type)) {
      y.problem(list, `values: [...] are for a choice; ${spec.path} is a ${spec.kind.type}: use low and high`, subject);
      return null;
    }
    if (!isSeq(list)) return (y.problem(list, 'expected a list of the plausible values, the value itself among them', subject), null);
    const values = (list.items as Node[]).map((n) => parseValue(y, n, spec));
    if (values.some((v) => v === null)) return null;
    const distinct = [...new Set(values)];
    if (distinct.length < 2) ok = fail(y, list, 'list at least two distinct values (else say exact: why)', subject);
    else if (value !== null && !distinct.includes(value))
      ok = fail(y, list, `the value ${String(value)} must be among its own values`, subject);
    out.values = distinct as ParamValue[];
  }
  if (k.has('from')) {
    const n = k.get('from')![0];
    const dates = isSeq(n) ? (n.items as Node[]).map((d) => y.text(d)) : [];
    if (dates.length !== 2 || !dates.every((d) => d !== null && isIsoDate(d)))
      return (y.problem(n, 'from: expected [earliest, latest], two dates YYYY-MM-DD', subject), null);
    const [a, b] = dates as [string, string];
    if (!(a <= from && from <= b && a < b))
      ok = fail(y, n, `from: expected earliest ≤ ${from} ≤ latest with earliest < latest, got [${a}, ${b}]`, subject);
    out.from = [a, b];
  }
  if (!out.low && !out.values && !out.from) {
    y.problem(node, `nothing to vary: ${RANGE_HINT}`, subject);
    return null;
  }
  return ok ? { ...out, basis: basis! } : null;
}

function fail(y: YamlFile, node: Node | null, message: string, subject: string): false {
  y.problem(node, message, subject);
  return false;
}
