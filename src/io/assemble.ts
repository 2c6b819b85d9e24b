// Parts of a households file (part.ts, one per worker or one for the whole file) → one Population, with the
// checks that need the whole file: rows of a household anywhere in the file join one household, its
// household-level values must agree with its first row, and person_id is unique. Both are found bucket by bucket
// (each part groups its id hashes by their top bits; sameIds reads every part's share of a bucket in file order
// through a small table), comparing bytes only where hashes are equal: no string per id. Parts evaluated as they were
// read keep their ids as two hashes, grouped in place (id-buckets.ts groupInPlace), and are only asked whether an id
// occurs twice (anyPairTwice). Problems come out in the reference reader's words and order (by line, first 20).
import { typed, type Typed, type TypedCtor } from '../core/grow.js';
import { IdList } from '../core/ids.js';
import { columnArray, COLUMNS, HOUSEHOLD_COLS, HOUSEHOLD_KEYS, PERSON_COLS, type HouseholdKey, type PersonKey } from '../core/columns.js';
import { householdConflicts, populationFrom, type Population } from '../core/population.js';
import type { Problem } from '../errors.js';
import type { Apart } from './apart-rows.js';
import type { EmptyCells } from './empty-cells.js';
import { conflictMessage, duplicateMessage, householdsError } from './household-messages.js';
import { anyPairTwice, BUCKET_BITS, groupInPlace } from './id-buckets.js';
import { ascendAcross } from './id-order.js';
import type { HouseholdValues, Part } from './part.js';

/** What the fast reader made of one part of the file. */
export interface ParsedPart {
  readonly part: Part;
  /** Invalid values and empty ids, lines counted from the part's first line (1). */
  readonly problems: Problem[];
  /**
   * What ends the reading, as csv-parse words it (a record of the wrong length, a misplaced quote): its line,
   * counted from the part's first line, and the message with "{line}" where the file's line number goes.
   */
  readonly fatal: { readonly line: number; readonly col?: number; readonly message: string } | null;
  /** Line ends in the part's bytes: the next part starts that many lines further. */
  readonly lines: number;
  /** Empty cells per column in the part's rows (io/empty-cells.ts). */
  readonly empties: EmptyCells;
}

export interface Assembled {
  /** Every problem found (the parts' own and the whole-file checks'); none when the file is good. */
  readonly problems: Problem[];
  /** Some household has rows in more than one segment: not adjacent in the file, or split between parts. */
  readonly joined: boolean;
  /**
   * The parts were evaluated as they were read (Part.values false), and the file needs their values or lines: a
   * problem, a household in two segments, a repeated person id, a household-level value that differs. Read the file
   * again keeping them (the problems and population then come from that reading).
   */
  readonly readAgain: boolean;
  /** The households whose rows lie apart in the file (not a household split between two parts), or null. */
  readonly apart: Apart | null;
  /** Builds the population (when there are no problems). */
  population(): Population;
}

/**
 * Joins the parts (in file order; `firstLines[i]` is the file line part i starts on) into a Population, or
 * gives every problem found, by line. `columnOf` gives the file's column number of a column, for locations.
 */
export function assemble(
  parsed: readonly ParsedPart[],
  firstLines: readonly number[],
  file: string,
  columnOf: (column: string) => number | undefined,
): Assembled {
  const shift = firstLines.map((l) => l - 1);
  const problems: Problem[] = parsed.flatMap((p, i) => p.problems.map((q) => moved(q, shift[i]!)));
  // A record of the wrong length stops the reference reader there: nothing after it is reported.
  const fatalAt = parsed.findIndex((p) => p.fatal);
  let lastLine = Infinity;
  if (fatalAt >= 0) {
    const f = parsed[fatalAt]!.fatal!;
    lastLine = f.line + shift[fatalAt]!;
    problems.push({ where: { file, line: lastLine, col: f.col }, message: f.message.replace('{line}', String(lastLine)) });
  }
  const parts = parsed.map((p) => p.part);
  // Rows and segments of all parts are numbered in file order; part i's row k is row rowBase[i] + k. Nothing is
  // copied for the checks: a row's line, a segment's values and the ids are read from their part.
  const rowBase = prefix(parts.map((p) => p.rows));
  const segBase = prefix(parts.map((p) => p.segments));
  const R = rowBase.at(-1)!;
  const S = segBase.at(-1)!;
  const lineOf = (r: number) => {
    const i = partOf(rowBase, r);
    return parts[i]!.line[r - rowBase[i]!]! + shift[i]!;
  };
  const valuesOf = (s: number): HouseholdValues => {
    const i = partOf(segBase, s);
    const p = parts[i]!;
    const k = s - segBase[i]!;
    return HOUSEHOLD_KEYS.map((key) => p[key][k]!);
  };
  // Parts whose values were evaluated as they were read (Part.values false): the ids are checked, and anything
  // that would need the values or lines (a problem, a household-level value that differs, a repeated id, a household
  // in two segments) asks for the file to be read again keeping them. Their ids' bytes were not kept: two rows with
  // both hashes alike are taken as one id repeated (by chance only for different ids: the reading again then finds
  // none).
  if (!parts.every((p) => p.values)) {
    if (problems.length || parts.some((p) => p.odd.length)) return READ_AGAIN;
    const twice = (k: 'pid' | 'hid') => !ascendAcross(parts, k) && anyPairTwice(parts.map((p) => hashPairs(p, k)));
    return twice('pid') || twice('hid') ? READ_AGAIN : { problems: [], joined: false, readAgain: false, apart: null, population: noValues };
  }
  const pid = new PartIds(parts.map((p) => new IdList(p.pidBytes, p.pidStart)));
  const hid = new PartIds(parts.map((p) => new IdList(p.hidBytes, p.hidStart)));

  // person_id unique: a row whose id an earlier row has is a duplicate of the earliest.
  const duplicate = new Uint8Array(R);
  sameIds(
    parts.map((p) => [p.pidOrdered, p.pidOrder, p.pidBuckets]),
    rowBase,
    pid,
    (first, r) => {
      duplicate[r] = 1;
      problems.push({
        where: { file, line: lineOf(r), col: columnOf('person_id') },
        subject: 'column person_id',
        message: duplicateMessage(pid.at(r), lineOf(first)),
      });
    },
  );

  // Households: segments with the same id are one household, numbered by first appearance.
  const canon = new Int32Array(S);
  for (let s = 0; s < S; s++) canon[s] = s;
  sameIds(
    parts.map((p) => [p.hidOrdered, p.hidOrder, p.hidBuckets]),
    segBase,
    hid,
    (first, s) => {
      canon[s] = canon[first]!;
    },
  );
  const household = new Int32Array(S);
  let H = 0;
  for (let s = 0; s < S; s++) household[s] = canon[s] === s ? H++ : household[canon[s]!]!;

  const segFirst = new Int32Array(S + 1);
  const odd = new Map<number, HouseholdValues>();
  parts.forEach((p, i) => {
    for (let s = 0; s < p.segments; s++) segFirst[segBase[i]! + s] = p.firstRow[s]! + rowBase[i]!;
    for (const o of p.odd) odd.set(o.row + rowBase[i]!, o.values);
  });
  segFirst[S] = R;
  // A segment of a household seen before, after another household's rows (one straight after its own household's
  // segment is the household split between two parts): its rows lie apart (io/apart-rows.ts)
  let apart: Apart | null = null;
  const seenApart = new Uint8Array(H);
  for (let s = 1; s < S; s++) {
    const h = household[s]!;
    if (canon[s] === s || household[s - 1] === h) continue;
    if (!seenApart[h]) seenApart[h] = 1;
    apart ??= { households: 0, id: hid.at(canon[s]!), first: lineOf(segFirst[canon[s]!]!), again: lineOf(segFirst[s]!) };
  }
  if (apart) apart = { ...apart, households: seenApart.reduce((a, x) => a + x, 0) };

  // Household-level values must be those of the household's first row on every row; a repeated person's row is
  // left out (the reference reader does not add it). Only households with something unusual are looked at row by
  // row: rows in several segments, a row whose values differ from its segment's, a repeated person.
  const special = new Uint8Array(H);
  const segmentOfRow = (r: number) => {
    const i = partOf(rowBase, r);
    return parts[i]!.segment[r - rowBase[i]!]! + segBase[i]!;
  };
  for (let s = 0; s < S; s++) if (canon[s] !== s) special[household[s]!] = 1;
  for (const r of odd.keys()) special[household[segmentOfRow(r)]!] = 1;
  for (let r = 0; r < R; r++) if (duplicate[r]) special[household[segmentOfRow(r)]!] = 1;
  const firstRow = new Map<number, { values: HouseholdValues; line: number }>();
  for (let s = 0; s < S; s++) {
    const h = household[s]!;
    if (!special[h]) continue;
    const own = valuesOf(s);
    for (let r = segFirst[s]!; r < segFirst[s + 1]!; r++) {
      if (duplicate[r]) continue;
      const v = odd.get(r) ?? own;
      const first = firstRow.get(h);
      if (!first) firstRow.set(h, { values: v, line: lineOf(r) });
      else if (!sameValues(v, first.values)) {
        for (const x of householdConflicts(first.values, v, first.line)) {
          problems.push({
            where: { file, line: lineOf(r), col: columnOf(x.column) },
            subject: `household ${hid.at(canon[s]!)}`,
            message: conflictMessage(x, lineOf(r)),
          });
        }
      }
    }
  }

  return {
    problems: problems.filter((p) => p.where!.line! <= lastLine),
    joined: H < S,
    readAgain: false,
    apart,
    population: () => {
      if (problems.some((p) => p.where!.line! <= lastLine)) throw new Error('assemble: no population for a file with problems');
      return build();
    },
  };

  function build(): Population {
    // Persons grouped by household (counting sort, file order inside each household); when every household is
    // one segment, they already are.
    const offsets = shared(Int32Array, H + 1);
    const members = shared(Int32Array, R);
    const householdOfRow = (each: (r: number, h: number) => void) =>
      parts.forEach((p, i) => {
        for (let k = 0; k < p.rows; k++) each(rowBase[i]! + k, household[p.segment[k]! + segBase[i]!]!);
      });
    if (H === S) {
      offsets.set(segFirst);
      for (let r = 0; r < R; r++) members[r] = r;
    } else {
      householdOfRow((_, h) => offsets[h + 1]!++);
      for (let h = 0; h < H; h++) offsets[h + 1]! += offsets[h]!;
      const cursor = offsets.slice(0, H);
      householdOfRow((r, h) => (members[cursor[h]!++] = r));
    }
    // Household values from each household's first segment.
    const hh = Object.fromEntries(HOUSEHOLD_COLS.map((c) => [COLUMNS[c]!.key, columnArray(COLUMNS[c]!, H, true)])) as Record<
      HouseholdKey,
      Uint8Array | Float64Array
    >;
    // Each household's first segment (its values), as (part, index in the part) → household; copied column by column.
    const firsts: number[] = [];
    parts.forEach((p, i) => {
      const at = new Int32Array(p.segments);
      const to = new Int32Array(p.segments);
      let n = 0;
      for (let k = 0; k < p.segments; k++) {
        const s = segBase[i]! + k;
        if (canon[s] !== s) continue;
        at[n] = k;
        to[n++] = household[s]!;
        firsts.push(s);
      }
      for (const key of HOUSEHOLD_KEYS) copyAt(p[key], at, hh[key], to, n);
    });
    const persons = new Map<string, Uint8Array | Float64Array>();
    for (const c of PERSON_COLS) {
      const def = COLUMNS[c]!;
      const out = columnArray(def, R, true);
      parts.forEach((p, i) => out.set(p[def.key as PersonKey], rowBase[i]!));
      persons.set(def.key, out);
    }
    const households = hid.joined();
    return populationFrom({
      householdCount: H,
      personCount: R,
      householdIds: H === S ? households : households.select(firsts),
      personIds: pid!.joined(),
      offsets,
      members,
      column: (key) => persons.get(key) ?? hh[key as HouseholdKey],
    });
  }
}

function noValues(): never {
  throw new Error('assemble: no population from parts evaluated as they were read');
}
const READ_AGAIN: Assembled = { problems: [], joined: true, readAgain: true, apart: null, population: noValues };

function prefix(counts: readonly number[]): number[] {
  const out = [0];
  for (const n of counts) out.push(out.at(-1)! + n);
  return out;
}

/** The part holding item g, given the parts' starts (few parts: a scan). */
function partOf(base: readonly number[], g: number): number {
  let i = 0;
  while (base[i + 1]! <= g) i++;
  return i;
}

/**
 * A part's ids as (hash, check) pairs grouped by bucket, for anyPairTwice: a part without values has them grouped in
 * place; one that kept its values (read before its sink was ready, beside parts that were not) has its hashes grouped
 * with their order, and its checks are put in that order.
 */
function hashPairs(p: Part, k: 'pid' | 'hid'): { hash: Int32Array; check: Int32Array; bounds: Int32Array } {
  const [hash, order, bounds, check] =
    k === 'pid' ? [p.pidOrdered, p.pidOrder, p.pidBuckets, p.pidCheck] : [p.hidOrdered, p.hidOrder, p.hidBuckets, p.hidCheck];
  if (!p.values) return { hash, check, bounds: bounds.length ? bounds : groupInPlace(hash, check) };
  const inOrder = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) inOrder[i] = check[order[i]!]!;
  return { hash, check: inOrder, bounds };
}

/** The ids of several parts, numbered across them, read in place; joined into one list only for the population. */
class PartIds {
  private readonly base: number[];
  constructor(private readonly lists: readonly IdList[]) {
    this.base = prefix(lists.map((l) => l.length));
  }
  at(g: number): string {
    const i = partOf(this.base, g);
    return this.lists[i]!.at(g - this.base[i]!);
  }
  equal(a: number, b: number): boolean {
    const i = partOf(this.base, a);
    const j = partOf(this.base, b);
    return IdList.equalAcross(this.lists[i]!, a - this.base[i]!, this.lists[j]!, b - this.base[j]!);
  }
  joined(): IdList {
    return this.lists.length === 1 ? this.lists[0]! : IdList.concat(this.lists);
  }
}

/** Throws the problems of a reading: the first 20 by line (the reference reader's order). */
export function failWith(problems: readonly Problem[]): never {
  throw householdsError(sortByLine([...problems]));
}

/** A typed array in shared memory: evaluation workers read the population without a copy (eval-pool.ts). */
const shared = <T extends Typed>(Ctor: TypedCtor<T>, n: number): T => typed(Ctor, n, true);

function moved(q: Problem, by: number): Problem {
  return by === 0 || !q.where?.line ? q : { ...q, where: { ...q.where, line: q.where.line + by } };
}

/** Stable: problems of one line keep their order (columns left to right, as the reference reports them). */
function sortByLine(ps: Problem[]): Problem[] {
  return ps
    .map((p, i) => [p, i] as const)
    .sort((a, b) => a[0].where!.line! - b[0].where!.line! || a[1] - b[1])
    .map(([p]) => p);
}

/** to[into[j]] = from[at[j]] for j < n (one column at a time). */
function copyAt(from: Uint8Array | Float64Array, at: Int32Array, to: Uint8Array | Float64Array, into: Int32Array, n: number): void {
  for (let j = 0; j < n; j++) to[into[j]!] = from[at[j]!]!;
}

function sameValues(a: HouseholdValues, b: HouseholdValues): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Calls same(first, i) for every i whose id equals that of an earlier index, `first` the earliest such (indices
 * global: part p's index k is base[p] + k); each part gives its hashes in bucket order, that order, and the buckets'
 * bounds. One bucket at a time (part.ts bucketed), every part's share of it in
 * file order, through an open-addressing table of the bucket's ids keyed by the rest of their hash: bytes are
 * compared only where hashes agree.
 */
function sameIds(
  parts: ReadonlyArray<readonly [Int32Array, Int32Array, Int32Array]>,
  base: readonly number[],
  ids: PartIds,
  same: (first: number, i: number) => void,
): void {
  const buckets = 1 << BUCKET_BITS;
  let most = 0;
  for (let b = 0; b < buckets; b++) {
    let n = 0;
    for (const [, , bounds] of parts) n += bounds[b + 1]! - bounds[b]!;
    if (n > most) most = n;
  }
  const size = 1 << Math.ceil(Math.log2(2 * most + 2));
  const slots = new Int32Array(size); // global index + 1 (0: empty)
  const hashes = new Int32Array(size);
  const mask = size - 1;
  for (let b = 0; b < buckets; b++) {
    slots.fill(0);
    for (let p = 0; p < parts.length; p++) {
      const [ordered, order, bounds] = parts[p]!;
      for (let k = bounds[b]!; k < bounds[b + 1]!; k++) {
        const h = ordered[k]!;
        const g = base[p]! + order[k]!;
        for (let slot = h & mask; ; slot = (slot + 1) & mask) {
          const there = slots[slot]!;
          if (there === 0) {
            slots[slot] = g + 1;
            hashes[slot] = h;
            break;
          }
          if (hashes[slot] === h && ids.equal(there - 1, g)) {
            same(there - 1, g);
            break;
          }
        }
      }
    }
  }
}
