// The households a screen reaches, found without a pass over the others. The screen (programs/screen.ts) reaches a
// household — none of whose members may be tekun — when it has a feature the screen's mask names, or when its counted
// income per member I / n is under a line its features qualify for. So, once per population range, the households are
// put in lists by area and features and sorted by I / n: a screen then reaches, of each list, either all of it (a
// feature in the mask), or a prefix (I / n under the highest line the list's features qualify for), or none; a binary
// search finds each prefix. Households that may be tekun are reached always. The TUI's knob comparison (compare.ts
// compareRange) evaluates just those, instead of asking the screen about every household on every knob move.
// test/core/reach-index.test.ts holds the marks to the screen's answer for every household, and
// test/core/engine-screen.test.ts holds compareWithBaseline to the result of every step run for every household.
import { mulLess } from './money.js';
import type { Population } from './population.js';
import { FEATURE, householdFeatures, type Screen, type Summaries } from './programs/screen.js';

/** The feature bits a screen's mask and lines name: every FEATURE but `unsupported` (those households are reached always). */
const COMBOS = FEATURE.unsupported;
if (COMBOS !== 32 || (FEATURE.severeOrIll as number) * 2 !== COMBOS) throw new Error('reach-index.ts: FEATURE bits moved');

export interface ReachIndex {
  readonly from: number;
  readonly to: number;
  /** Households with a member who may be tekun (FEATURE.unsupported): every screen reaches them. */
  readonly always: Int32Array;
  /** By area × COMBOS + feature bits: the other households, by I / n ascending (ties by h). */
  readonly lists: readonly Int32Array[];
  /** Scratch: 1 where a household (h − from) is reached (set by markReached, cleared by compareRange as it reads it). */
  readonly mark: Uint8Array;
}

const cache = new WeakMap<Summaries, Map<string, ReachIndex | null>>();

/**
 * The index of households [from, to) at the summaries' deduction (made once, kept with the summaries), or null when
 * their incomes per member cannot be put in order exactly with doubles (then the screen is asked household by
 * household).
 */
export function reachIndex(pop: Population, sums: Summaries, from: number, to: number): ReachIndex | null {
  let byRange = cache.get(sums);
  if (!byRange) cache.set(sums, (byRange = new Map()));
  const key = `${from}:${to}`;
  let idx = byRange.get(key);
  if (idx === undefined) byRange.set(key, (idx = build(pop, sums, from, to)));
  return idx;
}

function build(pop: Population, sums: Summaries, from: number, to: number): ReachIndex | null {
  const m = to - from;
  const key = new Float64Array(m);
  // Each household's list: area × COMBOS + features, or ALWAYS.
  const ALWAYS = 2 * COMBOS;
  const listOf = new Uint8Array(m);
  const sizes = new Int32Array(ALWAYS + 1);
  for (let i = 0; i < m; i++) {
    const h = from + i;
    const f = householdFeatures(pop, sums, h); // (and the income, kept in the summaries)
    key[i] = sums.income[h]! / (pop.offsets[h + 1]! - pop.offsets[h]!);
    const l = (f & FEATURE.unsupported) !== 0 ? ALWAYS : pop.area[h]! * COMBOS + (f & (COMBOS - 1));
    listOf[i] = l;
    sizes[l]!++;
  }
  const lists = Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(ALWAYS + 1);
  const order = ascending(key);
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    const l = listOf[i]!;
    lists[l]![filled[l]!++] = from + i;
  }
  // The doubles' order is the exact one (I × n' ≤ I' × n for each neighbour), else no index. (The order of `always`
  // does not matter: it is marked whole.)
  const size = (h: number) => pop.offsets[h + 1]! - pop.offsets[h]!;
  for (const list of lists.slice(0, ALWAYS))
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      if (mulLess(sums.income[b]!, size(a), sums.income[a]!, size(b))) return null;
    }
  return { from, to, always: lists.pop()!, lists, mark: new Uint8Array(m) };
}

/**
 * The indices of non-negative doubles in ascending order, ties in index order: a radix sort on their bits (which order
 * as the doubles do), 16 at a time. With it the index of 500k households is built in ~80–110 ms; with a comparator's
 * sort it took ~400 ms.
 */
export function ascending(key: Float64Array): Int32Array {
  const m = key.length;
  const words = new Uint32Array(key.buffer, key.byteOffset, 2 * m);
  const LITTLE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  let order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  let next = new Int32Array(m);
  const count = new Int32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    const word = (pass >> 1) ^ (LITTLE ? 0 : 1); // the low word first
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < m; i++) count[(words[2 * i + word]! >>> shift) & 0xffff]!++;
    if (count.some((c) => c === m)) continue; // every key has this digit
    for (let d = 0, at = 0; d < count.length; d++) [count[d], at] = [at, at + count[d]!];
    for (let j = 0; j < m; j++) {
      const i = order[j]!;
      next[count[(words[2 * i + word]! >>> shift) & 0xffff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Marks in idx.mark the households that the screens (by area) reach, and returns how many: those that may be tekun,
 * and of each list, the households with a feature in the mask, or under the highest line their features qualify for.
 */
export function markReached(idx: ReachIndex, pop: Population, sums: Summaries, screens: readonly Screen[]): number {
  const { mark, from } = idx;
  let count = 0;
  const put = (list: Int32Array, end: number) => {
    for (let i = 0; i < end; i++) {
      const j = list[i]! - from;
      if (mark[j] === 0) count++;
      mark[j] = 1;
    }
  };
  put(idx.always, idx.always.length);
  for (let area = 0; area < 2; area++) {
    const s = screens[area]!;
    for (let combo = 0; combo < COMBOS; combo++) {
      const list = idx.lists[area * COMBOS + combo]!;
      if (list.length === 0) continue;
      if ((combo & s.mask) !== 0) {
        put(list, list.length);
        continue;
      }
      // The highest line this list's features qualify for (screen.ts quiet: need 0, or a need the household has).
      let line = -1;
      for (let j = 0; j < s.needs.length; j++) {
        const need = s.needs[j]!;
        if ((need === 0 || (combo & need) !== 0) && (line < 0 || mulLess(s.num[line]!, s.den[j]!, s.num[j]!, s.den[line]!))) line = j;
      }
      if (line < 0) continue;
      const [num, den] = [s.num[line]!, s.den[line]!];
      // The first household not under the line: I × den ≥ num × n (a prefix is under it, as the list is by I / n).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const h = list[mid]!;
        if (mulLess(sums.income[h]!, den, num, pop.offsets[h + 1]! - pop.offsets[h]!)) lo = mid + 1;
        else hi = mid;
      }
      put(list, lo);
    }
  }
  return count;
}
