// --stream's order check: household ids in natural order (fast-csv.ts newHousehold).
/** a < b in natural order: digit runs compare as numbers ("H2" < "H10"), as localeCompare's numeric collation has it. */
export function naturalLess(a: string, b: string): boolean {
  // The common case without collation (a file's next id, ≈ 4 µs each by localeCompare): the ids are the same up to
  // an ASCII digit inside ASCII digit runs of the same length in both, which compare as their digits do.
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < n && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(i))) {
    let ea = i + 1;
    while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
    let eb = i + 1;
    while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
    // (a run that goes on in a character beyond ASCII, which may be a digit to collation: the fall-back decides)
    if (ea === eb && !(a.charCodeAt(ea) >= 0x80) && !(b.charCodeAt(eb) >= 0x80)) return a.charCodeAt(i) < b.charCodeAt(i);
  }
  return a.localeCompare(b, 'en', { numeric: true }) < 0;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
