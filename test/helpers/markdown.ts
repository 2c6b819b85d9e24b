// Markdown as GitHub and CommonMark render it: a line right under a table's rows is one more row of it (GFM spec,
// "Tables (extension)": the table ends at the first blank line or another block).

/** Lines (1-based, with their text) that are not table rows nor blank and come right after a table row. */
export function underTables(md: string): string[] {
  const lines = md.split('\n');
  return lines.flatMap((l, i) => (i > 0 && lines[i - 1]!.startsWith('|') && l !== '' && !l.startsWith('|') ? [`${i + 1}: ${l}`] : []));
}
