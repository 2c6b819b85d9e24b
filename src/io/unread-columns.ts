// The header's columns jiuzhu does not read, said on stderr (a researcher's trial: a roll headed 工资 for 工资收入, or
// wgt for weight, read with every income 0 and every weight 1, and not a word). DOMAIN allows unknown columns — a
// file may carry names, notes, a village — so they are a note, not an error; a name that resembles a column is an
// error already (household-messages.ts). With them, the note names the optional columns the file does not have,
// whose defaults every row then takes: the likeliest reason for an unknown name is one of those under another name.
import { open } from 'node:fs/promises';
import { foreclosedWords } from '../core/absent-columns.js';
import { COLUMN_BY_ALIAS, COLUMN_BY_NAME, COLUMNS, type ColumnDef } from '../core/columns.js';
import { defaultText } from './empty-cells.js';
import { resembles, squeezed } from './household-messages.js';
import { showText, sniffFormat } from './text-checks.js';
import { inputFile } from './files.js';
import type { ReadOptions } from './households-csv.js';

/** A name that is a column the file has but for case or spacing (`Area` beside area): an error already. */
const sameButCase = (n: string, has: ReadonlySet<string | undefined>) => {
  const like = resembles(n);
  return like !== undefined && has.has(like) && squeezed(n) === squeezed(like);
};

/** The note for a header's names, or null when jiuzhu reads every one. */
export function unreadColumnsNote(given: readonly string[], file: string, ignored: ReadonlySet<string> = new Set()): string | null {
  // (as the reader takes them: `, wage_income` is wage_income — the note had said the file has none, a QA trial)
  const names = given.map((n) => n.trim());
  const known = (n: string) => COLUMN_BY_NAME.get(n) ?? COLUMN_BY_ALIAS.get(n);
  const has = new Set<string | undefined>(names.map((n) => known(n)?.name));
  // (a name like a column the file lacks is an error already; one like a column it has, `wgt` beside age, is not)
  const unread = names.filter(
    (n) => n.trim() !== '' && !ignored.has(n) && !known(n) && !(resembles(n) && !has.has(resembles(n))) && !sameButCase(n, has),
  );
  // columns without a name, by their place (1-based): a spreadsheet's empty columns, or a column whose name was lost
  const unnamed = names.flatMap((n, i) => (n.trim() === '' && !ignored.has(n) ? [i + 1] : []));
  // (one field: a file cut by tabs or semicolons, which the header's error tells)
  if (names.length === 1) return null;
  // (a column a name of the file resembles is not said to be missing: that name is an error, which says so — a note
  // "the file has no weight: every row takes weight 1" stood before the error on its column "Weight")
  const likened = new Set<string | undefined>(names.map((n) => (known(n) ? undefined : resembles(n))));
  const absent = (COLUMNS as readonly ColumnDef[])
    .filter((c) => c.default !== undefined && !has.has(c.name) && !likened.has(c.name))
    .map((c) => c.name);
  if (!unread.length && !unnamed.length) {
    // Nothing left out, but a column that moves every figure is not there: said all the same (a file without
    // wage_income read every income as 0, and one without weight every weight as 1, in silence: a QA trial).
    // The other columns it lacks are named too, once the note is said (a researcher's file of the four required
    // columns was told of four and not of the ten others that took their defaults as well).
    const key = WEIGHTY.filter((c) => absent.includes(c));
    const others = absent.filter((c) => !(WEIGHTY as readonly string[]).includes(c));
    const nor = others.length ? `; nor ${listed(others)}, which take${others.length > 1 ? ' their defaults' : 's its default'}` : '';
    const takes = (cs: readonly string[]) => cs.map((c) => `${c} ${defaultText(COLUMN_BY_NAME.get(c)!)}`).join(', ');
    if (key.length)
      return `note: ${file}: the file has no ${key.join(', ')}: every row takes ${takes(key)}${nor}${foreclosedWords(absent)} (give the column, or map one to it with --columns)`;
    // The others alone are said too (a data engineer's file without disability_grade paid no disability subsidy, in
    // silence), but take_up_draw: a register without draws is one whose households take up what they are eligible
    // for (draw 0, README "Take-up"), the bundled sample's reading.
    const left = others.filter((c) => c !== 'take_up_draw');
    return left.length
      ? `note: ${file}: the file has no ${listed(left)}: every row takes ${takes(left)}${foreclosedWords(left)} (give the column, or map one to it with --columns)`
      : null;
  }
  const named = unread.length ? `no column named ${listed(unread.map((n) => `"${showText(n, 40)}"`))}` : '';
  const nameless = unnamed.length
    ? `${named ? `, nor the column${unnamed.length > 1 ? 's' : ''}` : 'no column'} without a name (column${unnamed.length > 1 ? 's' : ''} ${listed(unnamed.map(String))})`
    : '';
  return (
    `note: ${file}: jiuzhu reads ${named}${nameless}: left out of every figure` +
    (absent.length ? `; the file has no ${absent.join(', ')}: every row takes their defaults${foreclosedWords(absent)}` : '') +
    ' (to read a column under another name, map it with --columns)'
  );
}

/**
 * A column that gives a household's size (人数, 家庭人口, household_size), which jiuzhu does not read: it counts a
 * household's persons by its rows. A register of one row per household, headed 人数, ran each family as one person —
 * a family of 4 at 2,000 a month as one person earning it, no dibao, exit 0 and an unread-column note only (a clerk's
 * trial). Said as a warning of its own, with what a row is.
 */
export function sizeColumnWarning(given: readonly string[], file: string): string | null {
  const size = given.map((n) => n.trim()).find((n) => SIZE.test(n) && !COLUMN_BY_NAME.has(n) && !COLUMN_BY_ALIAS.has(n));
  return size === undefined
    ? null
    : `warning: ${file}: column "${showText(size, 40)}" gives a household's size, which jiuzhu does not read: it counts a household's persons by its rows, one row per person (household_id the same on each). A file of one row per household is read as households of one person each`;
}
const SIZE =
  /^(?:家庭|家庭成员|户|共同生活|保障)?(?:人口|人数|人口数|成员数|总人口|总人数)(?:（人）|\(人\))?$|^(?:household|hh)[ _-]?(?:size|members|persons)$|^(?:persons|members|family[ _-]?size)$/i;

/** The optional columns whose absence moves every figure (the rest default to what most households have). */
const WEIGHTY = ['wage_income', 'other_income', 'financial_assets', 'weight'] as const;

/** Items joined by commas, the first SHOWN of a long list and how many in all (a header of 20,000 extra columns). */
function listed(items: readonly string[]): string {
  const SHOWN = 12;
  return items.length <= SHOWN ? items.join(', ') : `${items.slice(0, SHOWN).join(', ')} … (${items.length.toLocaleString('en')} in all)`;
}

/** The first line of a CSV (its header), split into names (quotes as CSV has them); null when there is none to read. */
export function headerNames(bytes: Uint8Array): string[] | null {
  const end = lineEnd(bytes);
  if (end < 0 || sniffFormat(bytes)) return null; // not a text CSV (UTF-16, compressed): the reader says what it is
  // (a header that is not UTF-8: none — the reader says what it is; "�����" was named as a column no one reads, a
  // fuzzing trial's GB18030 file under --encoding utf-8)
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
  const line = text.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') field += line[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') [names[names.length], field] = [field, ''];
    else field += ch;
  }
  names.push(field);
  return names;
}

/**
 * Where the first line ends: at its \n, or its \r in a file of CR line endings (old Mac, some exports: the header
 * was not found there, and a wgt or notes column was left out in silence, every weight 1 — a QA trial), or -1.
 */
function lineEnd(bytes: Uint8Array): number {
  const [lf, cr] = [bytes.indexOf(0x0a), bytes.indexOf(0x0d)];
  return cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
}

/** The head of a households file read as it is (a file, not a pipe: reading would consume it). */
export async function fileHead(path: string): Promise<Uint8Array | null> {
  if (!(await inputFile(path, 'households file')).seekable) return null;
  const f = await open(path, 'r');
  try {
    // 64 KiB, or up to the header's end when it is longer (20,000 extra columns), within the reader's 1 MiB a record
    let b = new Uint8Array(1 << 16);
    let got = (await f.read(b, 0, b.length, 0)).bytesRead;
    while (got === b.length && lineEnd(b) < 0 && b.length <= 1 << 20) {
      const more = new Uint8Array(b.length * 2);
      more.set(b);
      got += (await f.read(more, got, more.length - got, got)).bytesRead;
      b = more;
    }
    return b.subarray(0, got);
  } finally {
    await f.close();
  }
}

/**
 * A pipe's or a FIFO's header, told once it is read (its head cannot be read ahead, as a file's is: a pipe's unknown
 * columns were left out in silence, a QA trial found — `wt` for weight, every weight 1).
 */
export function noteUnreadColumns(names: readonly string[], file: string, opts: Pick<ReadOptions, 'onNote' | 'source'>): void {
  const note = opts.onNote && unreadColumnsNote(names, file, opts.source?.columns?.ignored);
  if (note) opts.onNote!(note);
}
