// Ids grouped by the top bits of their hash: a part hands over its id hashes in these buckets, and assemble.ts checks
// repeated ids bucket by bucket, every part's share of a bucket together.

/** The bits of a hash that pick its bucket (the top ones: the low ones pick a slot in assemble's table). */
export const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;
const SHIFT = 32 - BUCKET_BITS;

/** Where each bucket starts (BUCKETS + 1 bounds): one counting pass. */
function boundsOf(hash: Int32Array): Int32Array {
  const bounds = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < hash.length; i++) bounds[(hash[i]! >>> SHIFT) + 1]!++;
  for (let b = 0; b < BUCKETS; b++) bounds[b + 1]! += bounds[b]!;
  return bounds;
}

/**
 * Indices 0…n-1 grouped by the top BUCKET_BITS bits of their hash, in index order within a group (one counting pass,
 * one pass placing them); the hashes in that order (assemble reads them in a row, not one cache miss per id:
 * its checks on the plain 1M file ~0.6 → ~0.2 s); and where each group starts (2^BUCKET_BITS + 1 bounds).
 */
export function bucketed(hash: Int32Array): [Int32Array, Int32Array, Int32Array] {
  const n = hash.length;
  const bounds = boundsOf(hash);
  const at = bounds.slice(0, -1);
  const order = new Int32Array(n);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hash[i]!;
    const k = at[h >>> SHIFT]!++;
    order[k] = i;
    hashes[k] = h;
  }
  return [order, hashes, bounds];
}

/**
 * Pairs (hash[i], check[i]) grouped by the top BUCKET_BITS bits of the hash in place (both arrays permuted alike, the
 * order within a group not kept: an American flag sort), for ids compared by their two hashes only, where which row
 * holds an id does not matter (a part evaluated as it was read: any repeat has the file read again). Returns where
 * each group starts. Nothing is allocated but the bounds: memory first written costs a page fault per 4 KB, on the
 * bench's VM ~12 µs each, and bucketed()'s two new arrays were ~15 MB per reading worker on the plain 1M file.
 */
export function groupInPlace(hash: Int32Array, check: Int32Array): Int32Array {
  const bounds = boundsOf(hash);
  const next = bounds.slice(0, -1);
  for (let b = 0; b < BUCKETS; b++) {
    const end = bounds[b + 1]!;
    for (let i = next[b]!; i < end; i = ++next[b]!) {
      let h = hash[i]!;
      let c = check[i]!;
      // Carry the pair to its group's next place, taking the one there on, until one belongs here.
      for (let t = h >>> SHIFT; t !== b; t = h >>> SHIFT) {
        const j = next[t]!++;
        const h2 = hash[j]!;
        const c2 = check[j]!;
        hash[j] = h;
        check[j] = c;
        h = h2;
        c = c2;
      }
      hash[i] = h;
      check[i] = c;
    }
  }
  return bounds;
}

/**
 * Whether any (hash, check) pair occurs twice among the parts' pairs, each part's grouped by groupInPlace (`bounds` its
 * result): one bucket at a time, every part's share of it through an open-addressing table keyed by the rest of the
 * hash.
 */
export function anyPairTwice(
  parts: ReadonlyArray<{ readonly hash: Int32Array; readonly check: Int32Array; readonly bounds: Int32Array }>,
): boolean {
  let most = 0;
  for (let b = 0; b < BUCKETS; b++) {
    let n = 0;
    for (const p of parts) n += p.bounds[b + 1]! - p.bounds[b]!;
    if (n > most) most = n;
  }
  const size = 1 << Math.ceil(Math.log2(2 * most + 2));
  const used = new Uint8Array(size);
  const hashes = new Int32Array(size);
  const checks = new Int32Array(size);
  const mask = size - 1;
  for (let b = 0; b < BUCKETS; b++) {
    used.fill(0);
    for (const { hash, check, bounds } of parts) {
      for (let k = bounds[b]!; k < bounds[b + 1]!; k++) {
        const h = hash[k]!;
        const c = check[k]!;
        for (let slot = h & mask; ; slot = (slot + 1) & mask) {
          if (!used[slot]) {
            used[slot] = 1;
            hashes[slot] = h;
            checks[slot] = c;
            break;
          }
          if (hashes[slot] === h && checks[slot] === c) return true;
        }
      }
    }
  }
  return false;
}
