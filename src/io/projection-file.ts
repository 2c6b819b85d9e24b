// A projection file (YAML) → Projection, validated like a scenario: unknown keys and paths named with the nearest
// valid one, each growth with its source or estimate basis, every problem with file:line:col.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Node } from 'yaml';
import { D, type Dec } from '../core/money.js';
import { PARAMS } from '../core/parameters/schema.js';
import { suggestPath } from '../core/parameters/author-hints.js';
import { COLUMNS } from '../core/columns.js';
import { columnNamed, notGrowable, pathsOf, type ColumnGrowth, type Growth, type Projection } from '../core/projection.js';
import type { RateRange } from '../core/parameters/tree.js';
import { InputError } from '../errors.js';
import { readText } from './policy-file.js';
import { didYouMean, isMap, isSeq, openMapping, type YamlFile } from './yaml-nodes.js';

const TOP_KEYS = ['projection', 'title', 'description', 'localities', 'base_year', 'uprate', 'incomes', 'population', 'households'];
const GROWTH_KEYS = ['yearly', 'month', 'source', 'estimate', 'range'];
// (between -0.5 and 0.5: a trial's `population: {yearly: -0.5}` for −0.5 % halved the caseload each year, and
// `incomes: {yearly: 1}` for 1 % doubled the incomes, both unsaid; no published series moves half or more in a year)
const RATE_RE = /^-?0(\.[0-4]\d{0,5})?$/;
/** What a rate outside the band was likely meant as: a percentage (1 for 1 %). */
const percentHint = (text: string | null) => {
  const n = text?.replace(/\s*%$/, '');
  return n && /^-?\d+(\.\d+)?$/.test(n) && D(n).abs().greaterThanOrEqualTo(0.5)
    ? ` (a percentage? ${n} % a year is ${D(n).dividedBy(100).toFixed()}; half or more a year is no projection rate: give the policy its dated values)`
    : '';
};

/** The projections beside a policy made for it by name (policies/x.yaml → scenarios/projections/x-*.yaml), for a hint. */
export function projectionsNamedFor(policy: string): string[] {
  const dir = join(dirname(policy), '..', 'scenarios', 'projections');
  const id = basename(policy).replace(/\.ya?ml$/i, '');
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(`${id}-`) && /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export async function loadProjection(path: string): Promise<Projection> {
  return parseProjection(await readText(path, 'projection'), path);
}

export function parseProjection(text: string, file: string): Projection {
  const { y, root, top } = openMapping(text, file, 'projection', TOP_KEYS);
  for (const key of ['projection', 'title', 'base_year', 'uprate', 'incomes', 'population'])
    if (!top.has(key)) y.problem(root, `missing key "${key}"`);
  const id = top.has('projection') ? (y.string(top.get('projection')![0], 'the projection id') ?? '') : '';
  let title = { zh: '', en: '' };
  const t = top.get('title')?.[0] ?? null;
  if (isMap(t)) {
    const k = y.known(t, ['zh', 'en'], 'title');
    title = {
      zh: y.string(k.get('zh')?.[0] ?? t, 'the Chinese title') ?? '',
      en: y.string(k.get('en')?.[0] ?? t, 'the English title') ?? '',
    };
  } else if (top.has('title')) y.problem(t, 'expected {zh: …, en: …}', 'title');
  const description = top.has('description') ? (y.string(top.get('description')![0], 'a description') ?? undefined) : undefined;
  // The policies whose locality the rates were made for: applied to another, the reader is told so.
  const l = top.get('localities')?.[0] ?? null;
  const localities = !top.has('localities')
    ? undefined
    : isSeq(l) && l.items.length
      ? l.items.map((item) => y.string(item as Node, 'a policy id, e.g. guangdong-guangzhou') ?? '')
      : (y.problem(l, 'expected a list of the policy ids the rates were made for, e.g. [guangdong-guangzhou]', 'localities'), undefined);
  const baseText = top.has('base_year') ? y.text(top.get('base_year')![0]) : null;
  const baseYear = baseText !== null && /^\d{4}$/.test(baseText) ? Number(baseText) : 0;
  if (top.has('base_year') && !baseYear)
    y.problem(top.get('base_year')![0], 'expected a year such as 2025: the last year of published values', 'base_year');
  const uprate: Growth[] = [];
  const u = top.get('uprate')?.[0] ?? null;
  if (isMap(u)) {
    for (const [read, v, pair] of y.entries(u)) {
      const g = growth(y, v, `uprate ${read}`);
      if (!g) continue;
      const growthRead =
        read.endsWith('.') || PARAMS.some((p) => p.path === read)
          ? read
          : PARAMS.some((p) => p.path.startsWith(`${read}.`))
            ? `${read}.`
            : read;
      if (!pathsOf({ read: growthRead }).length) {
        // The nearest path or group that holds money parameters, if it is another name.
        const guess = suggestPath(read.replace(/\.$/, ''));
        const near = guess && PARAMS.some((p) => p.path === guess) ? guess : guess ? `${guess}.` : undefined;
        const hint = near && near !== read && pathsOf({ read: near }).length ? `; did you mean "${near}"?` : '';
        y.problem(pair.key as Node, `"${read}" names no money parameter (uprating applies to amounts in yuan)${hint}`, 'uprate');
        continue;
      }
      uprate.push({
        read: growthRead,
        yearly: g.yearly,
        month: g.month,
        basis: g.basis,
        ...(g.range ? { range: g.range } : {}),
        where: y.where(pair.key as Node),
      });
    }
  } else if (top.has('uprate'))
    y.problem(u, 'expected a mapping of parameter paths (or prefixes) to {yearly: 0.035, source or estimate}', 'uprate');
  const incomes = growth(y, top.get('incomes')?.[0] ?? null, 'incomes');
  const population = growth(y, top.get('population')?.[0] ?? null, 'population');
  const households = columnGrowths(y, top.get('households')?.[0] ?? null, top.has('households'));
  if (y.problems.length) throw new InputError(y.problems, 'fix the projection file');
  return {
    id,
    title,
    description,
    file,
    baseYear,
    uprate,
    incomes: incomes!,
    population: population!,
    ...(households.length ? { households } : {}),
    ...(localities ? { localities } : {}),
  };
}

/** `households:`: household money columns, each with its own growth (rigid_expenditure: {yearly: 0.012, estimate: …}). */
function columnGrowths(y: YamlFile, node: Node | null, given: boolean): ColumnGrowth[] {
  const out: ColumnGrowth[] = [];
  const seen = new Set<string>();
  if (!given) return out;
  if (!isMap(node)) {
    y.problem(node, 'expected a mapping of household columns to {yearly: 0.02, source or estimate}, e.g. rigid_expenditure', 'households');
    return out;
  }
  for (const [column, v, pair] of y.entries(node)) {
    const why = notGrowable(column);
    if (why) {
      // (a misspelt name: the nearest column that can grow, by either of its names)
      const growable = COLUMNS.filter((c) => !notGrowable(c.name)).flatMap((c) => [c.name, ...c.zh]);
      y.problem(pair.key as Node, `"${column}" ${why}${columnNamed(column) ? '' : didYouMean(column, growable)}`, 'households');
      continue;
    }
    // (by its canonical name: 金融资产 is financial_assets, as in the households file)
    const name = columnNamed(column)!.name;
    if (seen.has(name)) {
      y.problem(pair.key as Node, `"${column}" is ${name}, given already: one growth a column`, 'households');
      continue;
    }
    seen.add(name);
    const g = growth(y, v, `households ${name}`);
    if (g) out.push({ column: name, yearly: g.yearly, basis: g.basis, where: y.where(pair.key as Node) });
  }
  return out;
}

function growth(
  y: YamlFile,
  node: Node | null,
  subject: string,
): { yearly: ReturnType<typeof D>; month: number; basis: string; range?: RateRange } | null {
  if (!isMap(node)) {
    y.problem(node, 'expected {yearly: 0.035, source: … or estimate: …}', subject);
    return null;
  }
  const k = y.known(node, GROWTH_KEYS, subject);
  const text = k.has('yearly') ? y.text(k.get('yearly')![0]) : null;
  // (a bad rate said, and the line's other keys checked all the same: an officer filling init's template was told its
  // values in three rounds, the rates, then the bases, then the ranges)
  const rateOk = text !== null && RATE_RE.test(text);
  if (!rateOk)
    y.problem(
      k.get('yearly')?.[0] ?? node,
      `expected "yearly": a growth a year above -0.5 and below 0.5 with at most six decimals, e.g. 0.035${percentHint(text)}`,
      subject,
    );
  // (uprating only: the month each year's raise takes effect on its 1st; incomes and the population grow by the year)
  const monthText = k.has('month') ? y.text(k.get('month')![0]) : '1';
  const month = monthText !== null && /^(?:[1-9]|1[0-2])$/.test(monthText) ? Number(monthText) : 0;
  if (!month) y.problem(k.get('month')![0], 'expected "month": the month each year\'s raise takes effect, 1 to 12 (7: on 1 July)', subject);
  else if (month !== 1 && !subject.startsWith('uprate '))
    y.problem(
      k.get('month')![0],
      `"month" is for uprating a parameter: ${subject.startsWith('households ') ? `${subject.slice(11)} grows` : `${subject} grow`} by the year`,
      subject,
    );
  // (both given: the estimate was dropped unsaid, a code review; a growth is published or estimated, not both)
  if (k.has('source') && k.has('estimate')) {
    y.problem(k.get('estimate')![0], 'give "source" (a published rate) or "estimate" (its basis), not both', subject);
    return null;
  }
  const basis = k.has('source')
    ? y.string(k.get('source')![0], 'the source', subject)
    : k.has('estimate')
      ? y.string(k.get('estimate')![0], 'the basis of the estimate', subject)
      : null;
  // (an empty one is told at its place already)
  if (!basis && !k.has('source') && !k.has('estimate'))
    y.problem(node, 'needs a "source" or, where nothing is published, an "estimate" with its basis', subject);
  const range = k.has('range') ? rateRange(y, k.get('range')![0], rateOk ? D(text) : null, subject, k.has('estimate')) : undefined;
  if (!rateOk || !month || !basis || range === null) return null;
  return { yearly: D(text), month, basis: k.has('source') ? `source: ${basis}` : `estimate: ${basis}`, ...(range ? { range } : {}) };
}

/**
 * An estimated uprating rate's range, `range: {low, high, basis}` (low ≤ yearly ≤ high), or null after saying what is
 * wrong. Only an uprating line's rate is varied (sensitivity, --ranges); the households' growth is not, so a range there
 * is refused rather than kept unused.
 */
function rateRange(y: YamlFile, node: Node | null, yearly: Dec | null, subject: string, estimate: boolean): RateRange | null {
  if (!subject.startsWith('uprate ')) {
    y.problem(
      node,
      "a range is varied for uprate lines only: the households' growth (incomes, population, households) is one figure a run; remove the range, and say in the estimate how far it could be off",
      subject,
    );
    return null;
  }
  if (!estimate) {
    y.problem(node, 'only an estimated rate has a range: a published one ("source") is run as published', subject);
    return null;
  }
  if (!isMap(node)) {
    y.problem(node, 'expected {low: 0.02, high: 0.06, basis: …}: the lowest and highest yearly rate, and why', subject);
    return null;
  }
  const k = y.known(node, ['low', 'high', 'basis'], 'a range');
  const [low, high] = (['low', 'high'] as const).map((end) => {
    const t = k.has(end) ? y.text(k.get(end)![0]) : null;
    if (t !== null && RATE_RE.test(t)) return D(t);
    y.problem(
      k.get(end)?.[0] ?? node,
      `expected "${end}": a yearly rate as "yearly" is written (above -0.5, below 0.5), e.g. 0.02${percentHint(t)}`,
      subject,
    );
    return null;
  });
  const basis = k.has('basis') ? y.string(k.get('basis')![0], 'the basis of the range', subject) : null;
  if (!k.has('basis'))
    y.problem(node, 'missing "basis": where the band comes from (past years\' rates, another locality, a plan)', subject);
  if (!low || !high || !basis) return null;
  if (!low.lessThan(high)) return (y.problem(k.get('low')![0], `low ${low.toFixed()} must be below high ${high.toFixed()}`, subject), null);
  // (a rate that is itself wrong is said at its own place: its range is held to it once it is right)
  if (yearly !== null && (low.greaterThan(yearly) || high.lessThan(yearly)))
    return (y.problem(node, `the rate ${yearly.toFixed()} is outside its own range ${low.toFixed()}–${high.toFixed()}`, subject), null);
  return { low, high, basis };
}
