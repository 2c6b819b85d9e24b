// A workbook's sheet as canonical CSV (io/foreign.ts): exceljs's stream reader, given the parts it needs by name; a cell
// as the text a CSV would hold, a problem at its sheet, column letter and row.
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { COLUMN_BY_ALIAS, COLUMN_BY_NAME, REQUIRED } from '../core/columns.js';
import { InputError, UsageError, type Problem } from '../errors.js';
import { rowWords, toCsv, whole, type Converted } from './converted.js';
import type { SourceOptions } from './foreign.js';
import { resembles, titleAbove } from './household-messages.js';
import { columnLetter, withCellRefs } from './sheet-refs.js';
import { entryText, zipEntries } from './zip-entries.js';

type CellValue = ExcelJS.CellValue;

/** A cell as the text a CSV would hold: numbers as written, TRUE/FALSE as words, a date its day, a formula's result, rich text's text. */
function cellText(v: CellValue): string | { problem: string } {
  if (v === null || v === undefined) return '';
  // (16 digits or more: Excel keeps 15, the rest were lost as typed — two families' 18-digit ids were one household, exit
  // 0: a clerk's trial. As Excel shows such a number, 4.50101E+17, which every id check refuses, saying why.)
  if (typeof v === 'number')
    return Math.abs(v) >= 1e15 ? v.toExponential(5).toUpperCase() : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'; // (a yes/no word: a flag's 1 or 0, not a number of years or yuan)
  // a date as its day (a birth date in a column jiuzhu does not read passes; in one it reads, the value is told)
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('result' in v) return cellText((v as { result?: CellValue }).result ?? null);
  if ('text' in v) return String((v as { text: unknown }).text).trim();
  if ('error' in v) return { problem: errorCell(String((v as { error: unknown }).error)) };
  if ('formula' in v || 'sharedFormula' in v) return { problem: NO_SAVED_VALUE };
  return { problem: 'a value of a kind jiuzhu does not read' };
}

const NO_SAVED_VALUE =
  'a formula with no saved value (the program that wrote the workbook did not compute it): open it in Excel or WPS and save it, or paste the values';
const errorCell = (error: string) => `the cell holds an error (${error})`;

/** The cells of a sheet's XML (references written in) whose value is an error (t="e"): reference → its error (#DIV/0!). */
async function errorResults(xml: AsyncIterable<string>): Promise<Map<string, string>> {
  let text = '';
  for await (const chunk of xml) text += chunk;
  const found = new Map<string, string>();
  for (const m of text.matchAll(/<c\s([^>]*?)>([\s\S]*?)<\/c>/g)) {
    const ref = /\br="([A-Z]+\d+)"/.exec(m[1]!)?.[1];
    const value = /<v>([^<]*)<\/v>/.exec(m[2]!)?.[1];
    if (ref && value !== undefined && /\bt="e"/.test(m[1]!)) found.set(ref, value);
  }
  return found;
}

/** exceljs's stream reader's own steps, each given one part of the workbook (zip-entries.ts reads them by name). */
interface ReaderSteps {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: Array<{ name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
}

/** The first sheet (or --sheet) of a workbook, its XML read row by row as it is unzipped, as canonical CSV (the rows kept as text). */
export async function fromWorkbook(path: string, o: SourceOptions): Promise<Converted> {
  // exceljs is loaded for a workbook only (a third of a second)
  const mod = await import('exceljs');
  const Excel = (mod as unknown as { default?: typeof ExcelJS }).default ?? mod; // loaded for a workbook only
  // (styles: a date cell is a date, not its serial number)
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  const steps = reader as unknown as ReaderSteps;
  const unreadable = (e: unknown) =>
    new InputError([{ where: { file: path }, message: `not a readable .xlsx workbook (${(e as Error).message})` }]);
  const records: string[][] = [];
  const rows: number[] = [];
  let sheetName: string | null = null;
  const problems: Problem[] = [];
  let names: string[];
  let hiddenBefore: string[];
  try {
    // Its parts by name (not in the order they lie in the file): the sheets' names and parts, the shared strings
    // and styles, then the one sheet read.
    const entries = await zipEntries(path);
    const part = async (name: string) => {
      const e = entries.get(name);
      return e ? entryText(path, e) : null;
    };
    const book = await part('xl/workbook.xml');
    if (!book) {
      // a zip of CSVs (as a data portal sends them) is not a workbook: say what it holds
      const held = [...entries.keys()].filter((n) => !n.endsWith('/'));
      const shown = held.slice(0, 3).join(', ') + (held.length > 3 ? `, … (${held.length} files)` : '');
      throw new Error(`a ZIP archive with no xl/workbook.xml${held.length ? `; it holds ${shown}: extract the CSV and give it` : ''}`);
    }
    await steps._parseWorkbook(book);
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (rels) await steps._parseRels(rels);
    const strings = await part('xl/sharedStrings.xml');
    if (strings) for await (const _ of steps._parseSharedStrings(strings));
    const styles = await part('xl/styles.xml');
    if (styles) await steps._parseStyles(styles);
    // A sheet's part as its relation names it: relative to xl/, or (openpyxl, pandas) from the root (/xl/…).
    const sheets = (steps.model?.sheets ?? []).map((sh) => {
      const target = steps.workbookRels?.find((r) => r.Id === sh.rId)?.Target ?? '';
      const hidden = (sh as { state?: string }).state === 'hidden' || (sh as { state?: string }).state === 'veryHidden';
      return { name: sh.name, part: target.startsWith('/') ? target.slice(1) : `xl/${target}`, hidden };
    });
    names = sheets.map((sh) => sh.name);
    // By default the first sheet shown: a hidden one before it (an old register kept out of sight) was read instead of
    // the register on screen, exit 0 (a clerk's trial)
    const shown = sheets.findIndex((sh) => !sh.hidden);
    hiddenBefore = sheets.slice(0, Math.max(0, shown)).map((sh) => sh.name);
    const chosen = o.sheet !== undefined ? sheets.find((sh) => sh.name === o.sheet) : (sheets.find((sh) => !sh.hidden) ?? sheets[0]);
    const sheet = chosen && (await part(chosen.part));
    if (chosen && !sheet) throw new Error(`its sheet ${chosen.name} has no part ${chosen.part}`);
    if (chosen && sheet) {
      sheetName = chosen.name;
      const [{ value: worksheet }] = [
        ...steps._parseWorksheet(Readable.from(withCellRefs(sheet)), /(\d+)\.xml$/.exec(chosen.part)?.[1] ?? '1'),
      ];
      for await (const row of worksheet) {
        const values = row.values as CellValue[];
        const record: string[] = [];
        for (let c = 1; c < values.length; c++) {
          const t = cellText(values[c] ?? null);
          if (typeof t === 'string') record[c - 1] = t;
          else {
            problems.push({ where: { file: `${path}:${chosen.name}!${columnLetter(c)}${row.number}` }, message: t.problem });
            record[c - 1] = '';
          }
        }
        for (let c = 0; c < record.length; c++) record[c] ??= '';
        if (!record.some((x) => x !== '')) continue; // an empty row
        records.push(record);
        rows.push(row.number);
      }
      // A formula whose saved result is an error (#DIV/0!) reaches here as one with none (exceljs keeps no error
      // result): told as the error, the sheet's XML read again for it (a clerk's #DIV/0! was "no saved value")
      if (problems.some((q) => q.message === NO_SAVED_VALUE)) {
        const errors = await errorResults(withCellRefs((await part(chosen.part))!));
        problems.forEach((q, k) => {
          const error = q.message === NO_SAVED_VALUE ? errors.get(q.where!.file!.slice(q.where!.file!.lastIndexOf('!') + 1)) : undefined;
          if (error !== undefined) problems[k] = { ...q, message: errorCell(error) };
        });
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable(e);
  }
  if (sheetName === null)
    throw new UsageError(
      o.sheet !== undefined ? `${path} has no sheet "${o.sheet}" (its sheets: ${names.join(', ')})` : `${path} has no sheet`,
    );
  // A cell (D17), or a whole row (17:17) where a problem has no column.
  const at = (line: number, col?: number) => {
    const row = rows[line - 1] ?? line;
    return `${path}:${sheetName}!${col !== undefined ? `${columnLetter(col)}${row}` : `${row}:${row}`}`;
  };
  const column = (h: string) => COLUMN_BY_NAME.has(h.trim()) || COLUMN_BY_ALIAS.has(h.trim()) || resembles(h.trim()) !== undefined;
  // The header: every column with values needs a header of its own (a merged header cell leaves the others empty).
  const header = records[0] ?? [];
  // (a title above it, merged across the columns or not, was told as a merged header cell in each column: a clerk's)
  const cells = header.filter((h) => h !== '');
  const title = cells.length === 1 && records.length > 1 && !column(cells[0]!) ? cells[0]! : null;
  // (a loop: spread into Math.max, 120,000 rows overflowed the stack — a determinism audit's 125,000-row workbook)
  let width = 0;
  for (const r of records) width = Math.max(width, r.length);
  // A row whose last cells are blank holds fewer cells than the header (a remark left empty): blank, as in the middle
  for (const r of records) while (r.length < width) r.push('');
  for (let c = 0; c < width; c++)
    if (title === null && (header[c] === undefined || header[c] === ''))
      if (records.some((r, i) => i > 0 && (r[c] ?? '') !== ''))
        problems.push({
          where: { file: at(1, c + 1) },
          message: 'the header cell is empty but the column has values (a merged header cell?): give every column its own header',
        });
  if (problems.length) throw new InputError(problems, 'fix the workbook, or save the sheet as "CSV UTF-8"');
  // The first sheet, read by default, with none of the columns a households file must have where the workbook has
  // others (an import trial's 说明 sheet before its 低保名册 was told "missing required columns" alone): which to name
  // (not where a header names or resembles a column: that sheet is the households', its names told one by one — a
  // review's sheet of Household_ID, Age was sent to the 说明 after it)
  if (o.sheet === undefined && names.length > 1 && !header.some((h) => column(h) || o.columns?.headers.has(h.trim())))
    throw new InputError(
      [
        {
          where: { file: at(1) },
          message: `its first sheet, "${sheetName}", has none of the columns a households file must have (${REQUIRED.join(', ')}); the workbook's sheets: ${names.join(', ')}`,
        },
      ],
      `name the households' sheet with --sheet (--sheet ${quotedSheet(names.find((n) => n !== sheetName)!)}, if it is that one)`,
    );
  if (title !== null) throw new InputError([{ where: { file: at(1) }, message: titleAbove(title) }]);
  return {
    ...whole(toCsv(o.columns ? o.columns.apply(records, path) : records), [], (w) => w),
    // (its other sheets named: a register in two sheets, 城区 and 乡镇, was read as the first's alone, said only by this note
    // — a clerk's trial)
    notes: [
      `note: ${path} read from sheet "${sheetName}"${o.sheet === undefined ? hiddenWords(hiddenBefore) + otherSheets(names, [sheetName, ...hiddenBefore]) : ''}`,
    ],
    where: (w) => (w.file === path && w.line !== undefined ? { file: at(w.line, w.col) } : w),
    // ("area is rural on line 4 but urban on line 2" of a sheet whose blank rows were skipped: the sheet's rows — a review)
    text: (message) => rowWords((line) => rows[line - 1] ?? line)(o.columns ? o.columns.words(message) : message),
  };
}

/** The hidden sheets before the one read by default, said (it is not the first sheet of the file). */
const hiddenWords = (hidden: readonly string[]) =>
  hidden.length ? `, the first shown (before it, hidden: ${hidden.map((n) => `"${n}"`).join(', ')})` : '';

/** A workbook's sheets not read (nor said already), said after the one read: another goes with --sheet, and a register in several is one. */
function otherSheets(names: readonly string[], said: readonly string[]): string {
  const others = names.filter((n) => !said.includes(n));
  if (!others.length) return '';
  return `, not its other sheet${others.length > 1 ? 's' : ''} (${others.map((n) => `"${n}"`).join(', ')}): --sheet NAME reads another; households in several sheets are read as one file only once put in one sheet`;
}

/** A sheet's name as a command line takes it (quoted where it holds a space or a quote: 低保 名册). */
const quotedSheet = (name: string) => (/^[^\s'"\\$`]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`);
