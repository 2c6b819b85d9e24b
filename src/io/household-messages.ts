// What both household readers say, in the same words: the header's checks, a bad value, a repeated person, a
// household that disagrees with itself. The fast reader (fast-csv.ts) is tested to word every problem as the
// reference reader (households-csv.ts) does, so both build their messages here.
import { COLUMN_BY_NAME, REQUIRED, type Column } from '../core/columns.js';
import type { Conflict } from '../core/population.js';
import { InputError, type Problem } from '../errors.js';

export const EMPTY_FILE = `the file is empty: expected a header row naming at least ${REQUIRED.join(', ')}`;

/** Stop after this many problems: enough to fix a file in one go without flooding the terminal. */
export const MAX_PROBLEMS = 20;

export function invalidMessage(raw: string, expected: string, personId: string | undefined): string {
  return `${raw === '' ? 'empty' : JSON.stringify(raw)} is not valid: expected ${expected}${personId ? ` (person ${personId})` : ''}`;
}

export function duplicateMessage(pid: string, firstLine: number): string {
  return `person ${JSON.stringify(pid)} appears again (first on line ${firstLine}); person_id must be unique in the file`;
}

/** A household-level value that differs from the household's first row, in both readers' words. */
export function conflictMessage(c: Conflict, line: number): string {
  return `${c.column} is ${c.value} on line ${line} but ${c.firstValue} on line ${c.firstRow}; a household-level value must be the same on every row of the household`;
}

/** The problems of a reading, the first MAX_PROBLEMS, as the error to throw. */
export function householdsError(problems: readonly Problem[]): InputError {
  const more = problems.length >= MAX_PROBLEMS ? ` (stopped after ${MAX_PROBLEMS} problems)` : '';
  return new InputError(problems.slice(0, MAX_PROBLEMS), `fix the households file and run again${more}`);
}

/** The header's known columns → their field index (0-based); throws every problem with the header. */
export function readHeader(record: readonly string[], file: string, line: number): Map<Column, number> {
  const problems: Problem[] = [];
  const index = new Map<Column, number>();
  const seen = new Map<string, number>();
  record.forEach((name, i) => {
    if (seen.has(name))
      problems.push({
        where: { file, line, col: i + 1 },
        message: `column "${name}" appears twice (columns ${seen.get(name)! + 1} and ${i + 1})`,
      });
    seen.set(name, i);
    if (COLUMN_BY_NAME.has(name)) index.set(name as Column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) {
    problems.push({
      where: { file, line },
      message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header is: ${record.join(',')}`,
    });
  }
  if (problems.length) throw new InputError(problems);
  return index;
}

/** A 0-based field index (or none) as a 1-based column number. */
export const colNumber = (i: number | undefined) => (i === undefined || i < 0 ? undefined : i + 1);
