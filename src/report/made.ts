// How an output was made: the command line as typed again, jiuzhu's version, and (a workbook or a page) each input
// file with its size and SHA-256 — the same files and command give the same figures.

/** An input file: its role, path, size and SHA-256 (null: a pipe or standard input, read once, not hashed). */
export interface InputFile {
  readonly role: string;
  readonly path: string;
  readonly sha256: string | null;
  readonly bytes: number | null;
}

export interface MadeBy {
  readonly command: string;
  readonly version: string;
  /** The inputs, where the output lists them (a workbook's About sheet, a report's last section). */
  readonly files?: readonly InputFile[];
}

/** A report's: when it was made (ISO time) too, and every input. */
export interface Made extends MadeBy {
  readonly generated: string;
  readonly files: readonly InputFile[];
}

/** An input as one line: its path, size and SHA-256 (or why it has none). */
export const inputLine = (f: InputFile): string =>
  f.sha256 === null ? `${f.path} (not hashed: a pipe or standard input, read once)` : `${f.path} · ${f.bytes} bytes · SHA-256 ${f.sha256}`;
