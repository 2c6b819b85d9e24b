// The order of a byte range's ids, told as the reader goes (io/part.ts): where each id comes after the one before, no id
// repeats, and assemble.ts needs only each range's first and last to know none repeats in the file (ascendAcross).

/**
 * A byte range's first and last ids, of persons (rows) and households (segments), each pair where each id is after the
 * one before in shortlex order (shorter first, then by bytes: P9 before P10, G0000001-2 before G0000002-1), as most
 * files number them; else null. No id then repeats within the range, and where each range's last comes before the next
 * range's first, none repeats in the file: assemble needs only the ends (ascendAcross), and a part without values
 * whose ranges' ids of a kind all ascend does not group their hashes (its buckets empty: grouped only if asked).
 */
export interface RangeIds {
  readonly index: number;
  readonly pid: IdEnds | null;
  readonly hid: IdEnds | null;
}

/** The first and last id, as bytes. */
export type IdEnds = readonly [Uint8Array, Uint8Array];

/**
 * Whether ids given one by one each come after the one before in shortlex order (shorter first, then by bytes), and
 * the first and last of them: one comparison with the last id and a copy of a few bytes per id, where grouping the
 * part's hashes for assemble's check cost ~50 ms per reading worker and the check ~50 ms after them on the plain 1M file.
 */
export class Ascending {
  private ascending = true;
  private first: Uint8Array | null = null;
  private last = new Uint8Array(64);
  private length = 0;

  reset(): void {
    [this.ascending, this.first, this.length] = [true, null, 0];
  }

  next(b: Uint8Array, s: number, e: number): void {
    if (!this.ascending) return;
    const n = e - s;
    let i = 0;
    // (a copy: b is the reader's chunk, read into again — and a Buffer's slice is a view)
    if (this.first === null) this.first = Uint8Array.prototype.slice.call(b, s, e);
    else if (n < this.length) return void (this.ascending = false);
    else if (n === this.length) {
      const last = this.last;
      while (i < n && last[i] === b[s + i]) i++;
      if (i === n || b[s + i]! < last[i]!) return void (this.ascending = false);
    }
    // (the bytes before i are the last id's already)
    if (n > this.last.length) {
      const more = new Uint8Array(2 * n);
      more.set(this.last);
      this.last = more;
    }
    const last = this.last;
    for (; i < n; i++) last[i] = b[s + i]!;
    this.length = n;
  }

  /** The first and last id when they ascend (and there were any), else null. */
  ends(): IdEnds | null {
    return this.ascending && this.first ? [this.first, this.last.slice(0, this.length)] : null;
  }
}

/** Whether a comes before b in shortlex order (shorter first, then by bytes). */
export function shortlexBefore(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return a.length < b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * Whether the file's ids of a kind ascend (the RangeIds of io/part.ts's parts, for assemble.ts): every byte range's,
 * read in any part, do, and each range's last comes before the next one's first; then none repeats (a household split
 * between ranges does not ascend).
 */
export function ascendAcross(
  parts: ReadonlyArray<{ readonly rows: number; readonly segments: number; readonly ranges: readonly RangeIds[] }>,
  k: 'pid' | 'hid',
): boolean {
  const ranges = parts.flatMap((p) => p.ranges).sort((a, b) => a.index - b.index);
  // (every range read, each in one part: a part read without a sink, which kept its values, tells none)
  if (!ranges.every((r, i) => r.index === i) || parts.some((p) => (k === 'pid' ? p.rows : p.segments) > 0 && !p.ranges.length))
    return false;
  let last: Uint8Array | null = null;
  for (const r of ranges) {
    const ends = r[k];
    if (!ends || (last && !shortlexBefore(last, ends[0]))) return false;
    last = ends[1];
  }
  return true;
}
