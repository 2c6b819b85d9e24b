// The edit distance of two names (insertions, deletions and substitutions of one character each), for "did you mean
// …?": a parameter path (parameters/author-hints.ts suggestPath), a YAML key (io/yaml-nodes.ts), a column's header
// (io/household-messages.ts).
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
