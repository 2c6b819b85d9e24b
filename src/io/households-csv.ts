// The household CSV of DOMAIN "The household data" → a columnar Population, streamed (the file is parsed
// as it is read, never read whole first). Rows of a household need not be adjacent. Every bad value is
// an InputError naming file, line, column, the value and what was expected; mismatched household-level
// values name the household, the column and both rows. BOM, CRLF, quotes, extra and reordered columns work.
import type { Readable } from 'node:stream';
import { InputError, type Problem } from '../errors.js';
import { fenToYuan, parseFen } from '../core/money.js';
import {
  HOUSEHOLD_FIELDS,
  PopulationBuilder,
  type Conflict,
  type HouseholdInput,
  type PersonInput,
  type Population,
} from '../core/population.js';
import { CAPACITY, type Area, type Capacity } from '../core/rules.js';

export const EMPTY_FILE = `the file is empty: expected a header row naming at least household_id, person_id, age, area`;

export const REQUIRED_COLUMNS = ['household_id', 'person_id', 'age', 'area'] as const;
export const OPTIONAL_COLUMNS = [
  'wage_income',
  'other_income',
  'disability_grade',
  'serious_illness',
  'labor_capacity',
  'self_care',
  'has_capable_supporter',
  'financial_assets',
  'rigid_expenditure',
  'on_dibao',
  'prior_dibao',
  'emergency_need',
  'weight',
] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Stop after this many problems: enough to fix a file in one go without flooding the terminal. */
export const MAX_PROBLEMS = 20;

export interface ReadProgress {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly rows: number;
}

export interface ReadOptions {
  readonly onProgress?: (p: ReadProgress) => void;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (expected: string): Parsed<never> => ({ ok: false, expected });

const INT_RE = /^\d{1,3}$/;
const WEIGHT_RE = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

const money = (t: string): Parsed<number> => {
  const fen = parseFen(t);
  return fen === null ? bad('an amount in yuan ≥ 0 with at most two decimals') : ok(fen);
};
const flag = (t: string): Parsed<number> => (t === '0' || t === '1' ? ok(Number(t)) : bad('0 or 1'));
const capacity = (t: string): Parsed<Capacity> =>
  (CAPACITY as readonly string[]).includes(t) ? ok(t as Capacity) : bad('full, partial or none');

/** Each column's parser and default (undefined: required). */
const PARSERS: Record<Column, { parse: (t: string) => Parsed<unknown>; fallback?: string }> = {
  household_id: { parse: (t) => (t ? ok(t) : bad('a household id')) },
  person_id: { parse: (t) => (t ? ok(t) : bad('a person id')) },
  age: { parse: (t) => (INT_RE.test(t) && Number(t) <= 130 ? ok(Number(t)) : bad('a whole number of years from 0 to 130')) },
  area: { parse: (t) => (t === 'urban' || t === 'rural' ? ok(t as Area) : bad('urban or rural')) },
  wage_income: { parse: money, fallback: '0' },
  other_income: { parse: money, fallback: '0' },
  disability_grade: {
    parse: (t) => (/^[0-4]$/.test(t) ? ok(Number(t)) : bad('a disability grade 0–4 (0 none; 1, 2 severe)')),
    fallback: '0',
  },
  serious_illness: { parse: flag, fallback: '0' },
  labor_capacity: { parse: capacity, fallback: 'full' },
  self_care: { parse: capacity, fallback: 'full' },
  has_capable_supporter: { parse: flag, fallback: '1' },
  financial_assets: { parse: money, fallback: '0' },
  rigid_expenditure: { parse: money, fallback: '0' },
  on_dibao: { parse: flag, fallback: '0' },
  prior_dibao: { parse: money, fallback: '0' },
  emergency_need: { parse: money, fallback: '0' },
  weight: {
    parse: (t) => {
      const m = WEIGHT_RE.exec(t);
      const micro = m ? Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0')) : 0;
      return micro > 0 ? ok(micro) : bad('a number > 0 with at most six decimals');
    },
    fallback: '1',
  },
};

export const COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as Column[];

/** The household-level columns: the names of HOUSEHOLD_FIELDS. */
export const HOUSEHOLD_COLUMNS = HOUSEHOLD_FIELDS.map(([, column]) => column as Column);
export const PERSON_COLUMNS = [
  'age',
  'wage_income',
  'other_income',
  'disability_grade',
  'serious_illness',
  'labor_capacity',
  'self_care',
  'has_capable_supporter',
] as const;

/**
 * One column's value, by the same rules as a CSV cell ('' takes the default). For households written
 * inline (case files): returns the parsed value or what was expected.
 */
export function parseField(column: Column, text: string): Parsed<unknown> {
  const spec = PARSERS[column];
  return spec.parse(text === '' && spec.fallback !== undefined ? spec.fallback : text);
}

/** Columns parsed into a person and a household (all columns present, defaults applied). */
export function personOfColumns(v: Partial<Record<Column, unknown>>): PersonInput {
  return personOf(v as Record<Column, unknown>);
}
export function householdOfColumns(v: Partial<Record<Column, unknown>>): HouseholdInput {
  return householdOf(v as Record<Column, unknown>);
}
export type { Column };

/** How a household-level value is shown in a mismatch message. */
const SHOW: Record<string, (v: string) => string> = {
  financial_assets: (v) => fenToYuan(Number(v)),
  rigid_expenditure: (v) => fenToYuan(Number(v)),
  prior_dibao: (v) => fenToYuan(Number(v)),
  emergency_need: (v) => fenToYuan(Number(v)),
  weight: (v) => (Number(v) / 1_000_000).toString(),
};

/** The reference reader, on csv-parse: the fast reader (fast-csv.ts) is tested against it. */
export async function parseHouseholds(input: Readable, file: string, totalBytes = 0, opts: ReadOptions = {}): Promise<Population> {
  const problems: Problem[] = [];
  const builder = new PopulationBuilder();
  let index: Map<Column, number> | null = null;
  let bytes = 0;
  let rows = 0;
  const problem = (line: number, col: number | undefined, subject: string | undefined, message: string) => {
    problems.push({ where: { file, line, col }, subject, message });
  };

  // Each record is taken as csv-parse makes it (on_record), so every record before a CSV error (a misplaced quote,
  // a record of the wrong length) is checked before the error stops the reading: the fast reader does the same.
  const STOP = new Error('enough problems');
  const { CsvError, parse } = await import('csv-parse'); // loaded only by the reference reader
  const take = (record: string[], info: { lines: number }): void => {
    // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
    let newlines = 0;
    for (const f of record) if (f.includes('\n')) newlines += f.split('\n').length - 1;
    const line = info.lines - newlines;
    if (index === null) {
      index = readHeader(record, file, line);
      return;
    }
    rows++;
    if (opts.onProgress && (rows & 0xfff) === 0) opts.onProgress({ bytes, totalBytes, rows });
    const values = {} as Record<Column, unknown>;
    let rowOk = true;
    for (const column of COLUMNS) {
      const at = index.get(column);
      const raw = at === undefined ? '' : record[at]!;
      const spec = PARSERS[column];
      const text = raw === '' && spec.fallback !== undefined ? spec.fallback : raw;
      const parsed = spec.parse(text);
      if (parsed.ok) values[column] = parsed.value;
      else {
        rowOk = false;
        problem(
          line,
          at === undefined ? undefined : at + 1,
          `column ${column}`,
          invalidMessage(raw, parsed.expected, record[index.get('person_id')!]),
        );
      }
    }
    if (rowOk) {
      const pid = values.person_id as string;
      const hid = values.household_id as string;
      const household = householdOf(values);
      const added = builder.add(hid, pid, personOf(values), household, line);
      if ('duplicateOfRow' in added) {
        problem(line, index.get('person_id')! + 1, 'column person_id', duplicateMessage(pid, added.duplicateOfRow));
      } else if ('conflicts' in added) {
        for (const c of added.conflicts)
          problem(line, colNumber(index.get(c.column as Column)), `household ${hid}`, conflictMessage(c, line));
      }
    }
    if (problems.length >= MAX_PROBLEMS) throw STOP;
  };
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    trim: true,
    on_record: (r: unknown) => {
      const { record, info } = r as { record: string[]; info: { lines: number } }; // with info: true, csv-parse hands both
      take(record, info);
      return null;
    },
  });
  input.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length;
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);

  try {
    for await (const _ of parser) void _; // records are taken above; nothing comes out
  } catch (e) {
    const err = e as { code?: string; message: string; lines?: number };
    if (err instanceof InputError) throw err;
    if (e instanceof CsvError)
      problems.push({ where: { file, line: err.lines }, message: `CSV: ${err.message}` }); // any of csv-parse's (its codes do not all start with CSV_)
    else if (e !== STOP) throw e; // STOP: the first MAX_PROBLEMS are reported
  } finally {
    input.destroy();
  }
  if (index === null && problems.length === 0) {
    problems.push({ where: { file, line: 1 }, message: EMPTY_FILE });
  }
  if (!problems.length) opts.onProgress?.({ bytes, totalBytes, rows });
  return finish(problems, builder);
}

export function invalidMessage(raw: string, expected: string, personId: string | undefined): string {
  return `${raw === '' ? 'empty' : JSON.stringify(raw)} is not valid: expected ${expected}${personId ? ` (person ${personId})` : ''}`;
}

export function duplicateMessage(pid: string, firstLine: number): string {
  return `person ${JSON.stringify(pid)} appears again (first on line ${firstLine}); person_id must be unique in the file`;
}

export function finish(problems: Problem[], builder: PopulationBuilder): Population {
  if (problems.length) {
    const more = problems.length >= MAX_PROBLEMS ? ` (stopped after ${MAX_PROBLEMS} problems)` : '';
    throw new InputError(problems.slice(0, MAX_PROBLEMS), `fix the households file and run again${more}`);
  }
  return builder.build();
}

export function readHeader(record: string[], file: string, line: number): Map<Column, number> {
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
    if ((COLUMNS as string[]).includes(name)) index.set(name as Column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    problems.push({
      where: { file, line },
      message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header is: ${record.join(',')}`,
    });
  }
  if (problems.length) throw new InputError(problems);
  return index;
}

function personOf(v: Record<Column, unknown>): PersonInput {
  return {
    age: v.age as number,
    wage: v.wage_income as number,
    other: v.other_income as number,
    disability: v.disability_grade as number,
    ill: v.serious_illness as number,
    labor: v.labor_capacity as Capacity,
    selfCare: v.self_care as Capacity,
    supporter: v.has_capable_supporter as number,
  };
}

function householdOf(v: Record<Column, unknown>): HouseholdInput {
  return {
    area: v.area as Area,
    assets: v.financial_assets as number,
    rigid: v.rigid_expenditure as number,
    onDibao: v.on_dibao as number,
    prior: v.prior_dibao as number,
    emergency: v.emergency_need as number,
    weight: v.weight as number,
  };
}

/** A household-level value that differs from the household's first row, in both readers' words. */
export function conflictMessage(c: Conflict, line: number): string {
  const show = SHOW[c.column] ?? ((v: string) => v);
  return `${c.column} is ${show(c.value)} on line ${line} but ${show(c.firstValue)} on line ${c.firstRow}; a household-level value must be the same on every row of the household`;
}

/** A 0-based field index (or none) as a 1-based column number. */
export const colNumber = (i: number | undefined) => (i === undefined || i < 0 ? undefined : i + 1);
