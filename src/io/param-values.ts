// Parses one dated value of a canonical parameter by its kind, exactly (decimal text, never a float).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { D, MONEY_RE } from '../core/money.js';
import { numberHint as hintFor } from '../core/number-hints.js';
import type { ParamSpec } from '../core/parameters/schema.js';
import type { ParamValue, Tier } from '../core/parameters/tree.js';
import { didYouMean, type YamlFile } from './yaml-nodes.js';

const DECIMAL_RE = /^\d{1,9}(\.\d{1,6})?$/;
const INTEGER_RE = /^\d{1,9}$/;

export function parseValue(y: YamlFile, node: Node | null, spec: ParamSpec): ParamValue | null {
  const subject = `parameter ${spec.path}`;
  const kind = spec.kind;
  switch (kind.type) {
    case 'money': {
      const t = y.text(node);
      if (t === null || !MONEY_RE.test(t)) {
        y.problem(
          node,
          `expected an amount in yuan (${spec.unit}) ≥ 0 with at most two decimals, got ${show(node)}${numberHint(node)}`,
          subject,
        );
        return null;
      }
      if (kind.positive && D(t).isZero()) {
        y.problem(node, `must be greater than 0`, subject);
        return null;
      }
      return D(t);
    }
    case 'decimal': {
      const t = y.text(node);
      if (t === null || !DECIMAL_RE.test(t)) {
        y.problem(
          node,
          `expected a non-negative decimal (${spec.unit}) with at most six decimals, got ${show(node)}${numberHint(node)}`,
          subject,
        );
        return null;
      }
      if (kind.max !== undefined && D(t).greaterThan(kind.max)) {
        // (a share written as a percentage without its sign: a policy author's 20 for 0.2 was told "at most 1" alone)
        const pct =
          D(kind.max).equals(1) && D(t).gte(5) && D(t).lessThanOrEqualTo(100)
            ? ` (a percentage? ${t} % is ${D(t).dividedBy(100).toFixed()})`
            : '';
        y.problem(node, `must be at most ${kind.max} (${spec.unit}), got ${t}${pct}`, subject);
        return null;
      }
      return D(t);
    }
    case 'integer': {
      const t = y.text(node);
      if (t === null || !INTEGER_RE.test(t) || Number(t) < kind.min || Number(t) > kind.max) {
        y.problem(
          node,
          `expected a whole number from ${kind.min} to ${kind.max} (${spec.unit}), got ${show(node)}${numberHint(node)}`,
          subject,
        );
        return null;
      }
      return D(t);
    }
    case 'enum': {
      const t = isScalar(node) && typeof node.value === 'string' ? node.value : null;
      if (t === null || !kind.values.includes(t)) {
        y.problem(node, `expected one of ${kind.values.join(', ')}, got ${show(node)}${t ? didYouMean(t, kind.values) : ''}`, subject);
        return null;
      }
      return t;
    }
    case 'boolean': {
      if (!isScalar(node) || typeof node.value !== 'boolean') {
        // (YAML 1.2 reads yes/no as words, not booleans: an author's trial wrote yes)
        const word = isScalar(node) && node.value !== null ? String(node.value).trim().toLowerCase() : '';
        const meant = YES.has(word) ? ': write true' : NO.has(word) ? ': write false' : '';
        y.problem(node, `expected true or false, got ${show(node)}${meant}`, subject);
        return null;
      }
      return node.value;
    }
    case 'tiers':
      return parseTiers(y, node, spec);
  }
}

/** 000（四）分档: ordered bands of per-capita income as a share of S, each with a per-person amount. */
function parseTiers(y: YamlFile, node: Node | null, spec: ParamSpec): readonly Tier[] | null {
  const subject = `parameter ${spec.path}`;
  if (!isSeq(node)) {
    y.problem(node, 'expected a list of bands, each {below_share, per_person}', subject);
    return null;
  }
  const tiers: Tier[] = [];
  let ok = true;
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      y.problem(item, 'expected a band {below_share, per_person}', subject);
      ok = false;
      continue;
    }
    const keys = y.known(item, ['below_share', 'per_person'], 'a tier band');
    const share = y.text(keys.get('below_share')?.[0] ?? null);
    const amount = y.text(keys.get('per_person')?.[0] ?? null);
    if (share === null || !DECIMAL_RE.test(share)) {
      const at = keys.get('below_share')?.[0] ?? null;
      y.problem(at ?? item, `below_share: expected a share of S, e.g. 0.5, got ${show(at)}${numberHint(at)}`, subject);
      ok = false;
      continue;
    }
    if (amount === null || !MONEY_RE.test(amount)) {
      y.problem(keys.get('per_person')?.[0] ?? item, 'per_person: expected yuan per person per month, at most two decimals', subject);
      ok = false;
      continue;
    }
    const prev = tiers[tiers.length - 1];
    if (prev && !D(share).greaterThan(prev.below_share)) {
      y.problem(item, `bands must be in increasing order of below_share: ${share} after ${prev.below_share.toFixed()}`, subject);
      ok = false;
    } else if (prev && prev.below_share.greaterThanOrEqualTo(1)) {
      // (an author's trial wrote 30 for 0.3: the first band took every household, and the rest were never reached)
      y.problem(
        item,
        `this band is never reached: the band before it (below_share ${prev.below_share.toFixed()}) already takes every dibao household (I < S × n); below_share is a share of S (0.3, not 30)`,
        subject,
      );
      ok = false;
    }
    if (prev && D(amount).greaterThan(prev.per_person)) {
      // (a reviewer's scenario paid 100 below 0.5 × S and 300 below S: a household with a member in a supplement
      // category, raised one band (002 一 调高救助档次), was paid 100 where its own band paid 300)
      y.problem(
        keys.get('per_person')![0]!,
        `per_person must not rise from band to band: a poorer band pays at least what a richer one does, and a household with a member in a supplement category is raised to the band before its own (002 一 调高救助档次); got ${amount} after ${prev.per_person.toFixed()}`,
        subject,
      );
      ok = false;
    }
    tiers.push({ below_share: D(share), per_person: D(amount) });
  }
  const last = tiers[tiers.length - 1];
  if (ok && last && last.below_share.lessThan(1)) {
    y.problem(
      node,
      `the last band's below_share must be at least 1, so every dibao household (I < S × n) falls in a band; got ${last.below_share.toFixed()}`,
      subject,
    );
    ok = false;
  }
  return ok ? tiers : null;
}

function show(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.source ?? node.value);
  return isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'an unexpected value';
}

const numberHint = (node: Node | null): string => (isScalar(node) && typeof node.value === 'string' ? textHint(node.value) : '');

/** A number's hint (core/number-hints.ts), or a comment begun with a full-width ＃, which YAML reads as part of the value. */
export function textHint(text: string, yuan = true): string {
  const at = text.search(/\s＃/);
  if (at < 0) return hintFor(text, undefined, yuan);
  const before = text.slice(0, at).trim();
  const comment = text.slice(at).trim();
  return ` ("＃" is full-width: a comment starts with a half-width "#" after a space, so "${comment}" was read as part of the value; write ${before} #${comment.slice(1)})`;
}

const YES = new Set(['yes', 'y', 'on', '是', '1']);
const NO = new Set(['no', 'n', 'off', '否', '0']);
