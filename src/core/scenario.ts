// Reforms as data (PolicyEngine's Reform.from_dict, OpenFisca's modify_parameters): a scenario changes
// canonical parameters — set, scale, add, copy another parameter (same_as), or give dated values — and
// derives a new Policy. The baseline is never mutated; every problem is found before anything is returned.
import type { Problem, Where } from '../errors.js';
import { formatWhere, InputError } from '../errors.js';
import { EARLIEST, indexInForce } from './dates.js';
import { D, type Dec } from './money.js';
import { PARAM_BY_PATH, type ParamSpec } from './parameters/schema.js';
import type { DatedValue, ParamValue, Policy, Source } from './parameters/tree.js';

export type Change =
  | { readonly op: 'set'; readonly value: ParamValue }
  | { readonly op: 'scale'; readonly by: Dec }
  | { readonly op: 'add'; readonly by: Dec }
  /** 不低于 / 不高于: each dated value in force raised to a floor, or lowered to a ceiling (the greater, the lesser). */
  | { readonly op: 'at_least'; readonly value: Dec }
  | { readonly op: 'at_most'; readonly value: Dec }
  | { readonly op: 'same_as'; readonly path: string }
  | { readonly op: 'values'; readonly values: ReadonlyArray<{ readonly from: string; readonly value: ParamValue }> };

export interface ScenarioChange {
  readonly path: string;
  readonly change: Change;
  /** From this date on; before it the baseline holds. Absent: every date. */
  readonly from?: string;
  readonly where: Where;
}

export interface Scenario {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly description?: string;
  /** The clause or reason behind the reform. */
  readonly reason: string;
  readonly file: string;
  readonly changes: readonly ScenarioChange[];
}

/** A title in both languages, "zh en" — once where they are one (a title written in one language: a reform author's trial read it twice). */
export const bothTitles = (t: { readonly zh: string; readonly en: string }): string => (t.zh === t.en ? t.zh : `${t.zh} ${t.en}`);

/**
 * A scenario's changes that are valid but read like a slip, as notes at their lines: a scale under 0.5 or of 5 and more
 * (an analyst's {scale: 0.1} for +10 % made Nanning's rural standard 56.67 and the total fell 41 %, without a word).
 */
export function oddChanges(sc: Scenario): string[] {
  return sc.changes.flatMap((c) => {
    const ch = c.change;
    if (ch.op !== 'scale' || ch.by.isZero() || (ch.by.gte(0.5) && ch.by.lt(5))) return [];
    const by = ch.by.toFixed();
    const pct = ch.by.minus(1).times(100).toDecimalPlaces(2);
    return [
      `note: ${formatWhere(c.where)}: scale ${by} multiplies ${c.path} by ${by} (${pct.isNegative() ? '−' : '+'}${pct.abs().toFixed()} %): a rise of 10 % is scale: 1.1, a cut of 10 % scale: 0.9`,
    ];
  });
}

/** Applies a scenario to a policy: a new Policy whose changed values cite the scenario. */
export function applyScenario(policy: Policy, sc: Scenario): Policy {
  const params = new Map(policy.params);
  const problems: Problem[] = [];
  const sourceId = `scenario:${sc.id}`;
  // A copy (same_as) copies the other parameter as the scenario leaves it: after every other change, whatever the
  // lines' order (rural same_as urban before urban × 1.1 gave 810, after it 891: a code review). A copy of a copy
  // would hang on the copies' order: refused.
  const copyTargets = new Set(sc.changes.flatMap((ch) => (ch.change.op === 'same_as' ? [ch.path] : [])));
  // (a parameter's list of dated changes is applied in its order, each on what the one before left — with the copies
  // when one of them copies: "+10 %, then +50 more" was a cut, each on the policy's own values, a budget officer's trial)
  const copies = (ch: ScenarioChange) => copyTargets.has(ch.path);
  for (const ch of [...sc.changes.filter((x) => !copies(x)), ...sc.changes.filter(copies)]) {
    const spec = PARAM_BY_PATH.get(ch.path)!;
    const history = params.get(ch.path) ?? [];
    const stamp = (from: string, value: ParamValue, note: string, basedOn?: DatedValue): DatedValue => ({
      from,
      value,
      source: sourceId,
      clause: sc.reason,
      scenario: sc.id,
      note,
      where: ch.where,
      ...(basedOn?.estimate ? { estimate: `derived from an estimate: ${basedOn.estimate}` } : {}),
      // An estimate only of when the value took effect stays one of its start: at a date its window has passed the
      // value in force is the same either way, and it is not starred (under a scenario that scaled Nanning's 790 it was,
      // in 2022, and not under the baseline: a finance trial)
      ...(basedOn?.range?.from && basedOn.range.low === undefined && basedOn.range.values === undefined
        ? { range: { from: basedOn.range.from, basis: basedOn.range.basis } }
        : {}),
    });
    const fail = (message: string) => problems.push({ where: ch.where, subject: `${policy.id}: ${ch.path}`, message });
    const c = ch.change;
    let derived: DatedValue[] | null = null;
    switch (c.op) {
      case 'set': {
        const start = ch.from ?? history[0]?.from ?? EARLIEST;
        derived = [...before(history, start), stamp(start, c.value, `set by scenario ${sc.id}`)];
        break;
      }
      case 'values': {
        derived = [
          ...before(history, c.values[0]!.from),
          ...c.values.map((v) => stamp(v.from, v.value, `dated value of scenario ${sc.id}`)),
        ];
        break;
      }
      case 'scale':
      case 'add':
      case 'at_least':
      case 'at_most': {
        const op =
          c.op === 'scale'
            ? (v: Dec) => v.times(c.by)
            : c.op === 'add'
              ? (v: Dec) => v.plus(c.by)
              : c.op === 'at_least'
                ? (v: Dec) => D.max(v, c.value)
                : (v: Dec) => D.min(v, c.value);
        const label = opLabel(c);
        derived = transform(history, ch.from, (e) => {
          const v = fit(op(e.value as Dec), spec);
          if (typeof v === 'string') {
            fail(`${label} of ${(e.value as Dec).toFixed()} (from ${e.from}) gives ${v}`);
            return null;
          }
          return stamp(e.from, v, `${label} of ${(e.value as Dec).toFixed()}${e.source ? ` (${e.source})` : ''}`, e);
        });
        break;
      }
      case 'same_as': {
        if (copyTargets.has(c.path)) {
          fail(`copies ${c.path}, which this scenario copies too: copy what ${c.path} copies directly`);
          break;
        }
        const other = params.get(c.path) ?? [];
        const start = ch.from ?? other[0]?.from;
        if (!start) {
          fail(`${c.path} has no values to copy`);
          break;
        }
        const i = indexInForce(other, start);
        const copied = other.filter((e) => e.from > start);
        const first = i >= 0 ? [{ ...other[i]!, from: start }] : [];
        derived = [
          ...before(history, start),
          ...[...first, ...copied].map((e) => stamp(e.from, e.value, `same as ${c.path}${e.source ? ` (${e.source})` : ''}`, e)),
        ];
        break;
      }
    }
    if (derived) params.set(ch.path, derived);
  }
  if (problems.length) throw new InputError(problems, `scenario ${sc.id} does not fit ${policy.id}; nothing was changed`);
  const sources = new Map<string, Source>(policy.sources);
  sources.set(sourceId, { id: sourceId, title: bothTitles(sc.title), file: sc.file });
  return { ...policy, sources, params };
}

/** A change of a number in words: "× 1.1", "+ 50", "− 12.5", "at least 0.7", "at most 2". */
function opLabel(c: Extract<Change, { op: 'scale' | 'add' | 'at_least' | 'at_most' }>): string {
  if (c.op === 'scale') return `× ${c.by.toFixed()}`;
  if (c.op === 'add') return `${c.by.isNegative() ? '−' : '+'} ${c.by.abs().toFixed()}`;
  return `${c.op === 'at_least' ? 'at least' : 'at most'} ${c.value.toFixed()}`;
}

/** A change in words, for people (a workbook's About sheet): "dibao.standard.urban + 80 from 2027-07-01". */
export function changeText(ch: ScenarioChange): string {
  const c = ch.change;
  const show = (v: ParamValue) => (typeof v === 'object' && v !== null && 'toFixed' in v ? (v as Dec).toFixed() : JSON.stringify(v));
  const what =
    c.op === 'set'
      ? `= ${show(c.value)}`
      : c.op === 'same_as'
        ? `same as ${c.path}`
        : c.op === 'values'
          ? c.values.map((v) => `${show(v.value)} from ${v.from}`).join(', ')
          : opLabel(c);
  return `${ch.path} ${what}${c.op === 'values' ? '' : ch.from ? ` from ${ch.from}` : ', every date'}`;
}

function before(history: readonly DatedValue[], date: string): DatedValue[] {
  return history.filter((e) => e.from < date);
}

/**
 * Maps the entries from `from` on (all when undefined) through f; the value in force at `from` is
 * restated at `from`, so the change starts on that day.
 */
function transform(history: readonly DatedValue[], from: string | undefined, f: (e: DatedValue) => DatedValue | null): DatedValue[] {
  const start = from ?? history[0]?.from;
  if (start === undefined) return [];
  const i = indexInForce(history, start);
  const affected = [...(i >= 0 ? [{ ...history[i]!, from: start }] : []), ...history.filter((e) => e.from > start)];
  const mapped = affected.map(f).filter((e): e is DatedValue => e !== null);
  return [...before(history, start), ...mapped];
}

/** A computed value made to fit the parameter's kind, or a message saying why it cannot. */
function fit(v: Dec, spec: ParamSpec): Dec | string {
  const k = spec.kind;
  if (v.isNegative()) return `${v.toFixed()}, below zero`;
  switch (k.type) {
    case 'money': {
      // Money is kept to the fen: a scaled standard is rounded half up (e.g. 566.67 × 1.1 = 623.337 → 623.34).
      const r = v.toDecimalPlaces(2, D.ROUND_HALF_UP);
      return k.positive && r.isZero() ? 'zero, but it must be greater than 0' : r;
    }
    case 'decimal':
      if (v.decimalPlaces() > 6) return `${v.toFixed()}, more than six decimals`;
      if (k.max !== undefined && v.greaterThan(k.max)) return `${v.toFixed()}, above the maximum ${k.max}`;
      return v;
    case 'integer':
      if (!v.isInteger()) return `${v.toFixed()}, not a whole number`;
      if (v.lessThan(k.min) || v.greaterThan(k.max)) return `${v.toFixed()}, outside ${k.min}–${k.max}`;
      return v;
    default:
      return `a ${k.type} cannot be scaled or added to`;
  }
}
