// A household whose rows lie apart in the file, said. A households file may list a household's rows anywhere (README);
// the readers join them. But two files concatenated, or a family listed twice, join the same way: a data engineer's
// H0002, appended again with new person ids, became one household of four with twice the dibao, exit 0, no word. The
// readers count such households and keep the first (in file order); the note names it with both lines.

/** The households whose rows lie apart: how many, and the first, its first row's line and where its rows come again. */
export interface Apart {
  readonly households: number;
  readonly id: string;
  readonly first: number;
  readonly again: number;
}

/** Counts, as a reader meets each row, the households whose rows come again after another household's. */
export class ApartRows {
  private readonly firstLine = new Map<string, number>();
  private readonly apart = new Set<string>();
  private last: string | null = null;
  private example: Apart | null = null;

  row(id: string, line: number): void {
    if (id === this.last) return;
    this.last = id;
    const first = this.firstLine.get(id);
    if (first === undefined) this.firstLine.set(id, line);
    else {
      this.apart.add(id);
      this.example ??= { households: 0, id, first, again: line };
    }
  }

  result(): Apart | null {
    return this.example && { ...this.example, households: this.apart.size };
  }
}

/** The note for households whose rows lie apart, or null. */
export function apartNote(a: Apart | null, file: string): string | null {
  if (!a) return null;
  const n = a.households;
  return (
    `note: ${file}: ${n.toLocaleString('en')} household${n === 1 ? "'s" : "s'"} rows lie apart in the file (household ${a.id}: line ${a.first}, and again from line ${a.again})` +
    ': each read as one household of all its rows — if they are two families, or one listed twice, give each its own household_id'
  );
}

/** Says the note (ReadOptions.onNote), when there is one. */
export function noteApart(a: Apart | null, file: string, opts: { readonly onNote?: (note: string) => void }): void {
  const note = opts.onNote && apartNote(a, file);
  if (note) opts.onNote!(note);
}
