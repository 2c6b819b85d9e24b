// A column mapping file (--columns mapping.yaml): how a bureau's export becomes the households file jiuzhu reads,
// without editing it — its headers → canonical columns, its words → canonical values per column, and columns it lacks
// given one value for every row (a county's rural roll: `area: rural`). Validated like a policy: every problem located,
// unknown names with the nearest one.
//
//   columns: {户主身份证号: household_id, 成员身份证号: person_id, 实足年龄: age}
//   values: {self_care: {能自理: full, 半护理: partial, 全护理: none}}
//   constants: {area: rural}
//   per_year: [wage_income, other_income]   # a survey's yearly amounts: divided by 12 (half up, to the fen) as read
import type { Node } from 'yaml';
import { COLUMN_BY_ALIAS, COLUMN_BY_NAME, COLUMN_NAMES, MONTHLY, wordValue } from '../core/columns.js';
import { parseCell } from '../core/cells.js';
import { titleAbove, YEARLY_HEADER } from './household-messages.js';
import { fenToYuan, parseFen } from '../core/money.js';
import { InputError, type Problem } from '../errors.js';
import { readInputText } from './files.js';
import { didYouMean, isMap, isScalar, isSeq, openMapping, type YamlFile } from './yaml-nodes.js';

export interface ColumnMapping {
  readonly file: string;
  /** The file's headers the mapping leaves out on purpose (mapped to ~): not named as unread. */
  readonly ignored: ReadonlySet<string>;
  /** The file's headers it maps to a column. */
  readonly headers: ReadonlySet<string>;
  /** A problem's words with a column the file heads otherwise named by its header too: `column 存款 (financial_assets)`. */
  words(message: string): string;
  /** Canonical records (header first) from the file's records: renamed, mapped, constants appended. */
  apply(records: readonly (readonly string[])[], dataFile: string): string[][];
  /**
   * CSV text turned the same way, each field the mapping leaves as it was kept byte for byte (its quotes, spaces and
   * line breaks too): the reader then reads it as it would the file, and tells a problem at the file's line.
   */
  applyText(text: string, dataFile: string): string;
  /** The same, a piece of the text at a time (a file turned as it is read: memory bounded by the piece, not the file). */
  turner(dataFile: string): TextTurner;
}

/** Turns CSV text a piece at a time: each piece's whole records now, the rest with the next piece or at the end. */
export interface TextTurner {
  push(text: string): string;
  end(): string;
}

export async function loadColumnMapping(path: string): Promise<ColumnMapping> {
  return parseColumnMapping(await readInputText(path, 'column mapping file'), path);
}

export function parseColumnMapping(text: string, file: string): ColumnMapping {
  const { y, top } = openMapping(text, file, 'column mapping', ['columns', 'values', 'constants', 'required', 'per_year', 'per_month']);
  const renames = new Map<string, string>();
  /** Where each header and constant is in the mapping file: a problem with the data file's header is told there. */
  const at = new Map<string, Node>();
  const values = new Map<string, Map<string, string>>();
  const constants = new Map<string, string>();
  const column = (node: Node | null, text: string | null, what: string): string | null => {
    if (text === null) return null;
    if (COLUMN_BY_NAME.has(text)) return text;
    y.problem(
      node,
      `${what} "${text}" is not a column jiuzhu reads${didYouMean(text, COLUMN_NAMES)}; the columns are ${COLUMN_NAMES.join(', ')}`,
    );
    return null;
  };
  const mapOf = (key: string, each: (k: string, v: Node | null, keyNode: Node) => void) => {
    const node = top.get(key)?.[0] ?? null;
    if (!top.has(key)) return;
    if (!isMap(node)) return y.problem(node ?? top.get(key)![1], `"${key}" is a mapping`, key);
    for (const [k, v, pair] of y.entries(node)) each(k, v, pair.key as Node);
  };
  // A header mapped to nothing (`身份证号: ~`) is one the job knows and leaves out: not named in the unread columns' note.
  const ignored = new Set<string>();
  mapOf('columns', (header, v, keyNode) => {
    if (v === null || (isScalar(v) && v.value === null)) {
      // (a column jiuzhu reads, mapped to ~, was still read, in silence: `{wage_income: ~}` changed nothing — a QA trial)
      const read = COLUMN_BY_NAME.get(header) ?? COLUMN_BY_ALIAS.get(header);
      if (read)
        return y.problem(
          keyNode,
          `"${header}" is ${read.name === header ? 'a column' : `a name of the column ${read.name}`} jiuzhu reads: mapped to ~ it is read all the same (a mapping cannot leave out a column jiuzhu reads: rename or remove it in the file)`,
          'columns',
        );
      return void ignored.add(header);
    }
    const c = column(v, y.text(v), `the column for header "${header}"`);
    if (c && [...renames.values()].includes(c)) y.problem(v, `${c} is given to two headers`, 'columns');
    if (c) renames.set(header, c);
    at.set(`columns:${header}`, keyNode);
  });
  mapOf('values', (name, v, keyNode) => {
    const c = column(keyNode, name, 'values: column');
    if (!c) return;
    if (!isMap(v)) return y.problem(v ?? keyNode, `${c}: a mapping of the file's word → ${c}'s value`, 'values');
    const words = new Map<string, string>();
    for (const [word, to, pair] of y.entries(v)) {
      const t = y.text(to) ?? (typeof (to as { value?: unknown })?.value === 'boolean' ? String((to as { value: boolean }).value) : null);
      if (t === null) y.problem(to ?? (pair.key as Node), `${c}: expected the value "${word}" stands for`, 'values');
      else if (!readable(c, t))
        y.problem(to, `${c}: "${t}" is not valid: expected ${COLUMN_BY_NAME.get(c)!.expected}${hint(c, t)}`, 'values');
      else words.set(word, t);
    }
    values.set(c, words);
    at.set(`values:${c}`, keyNode);
  });
  mapOf('constants', (name, v, keyNode) => {
    const c = column(keyNode, name, 'constants: column');
    const t = y.text(v);
    if (!c) return;
    if (t === null || !readable(c, t))
      y.problem(
        v ?? keyNode,
        `${c} "${t ?? ''}" is not valid: expected ${COLUMN_BY_NAME.get(c)!.expected}${t ? hint(c, t) : ''}`,
        'constants',
      );
    else constants.set(c, t);
    if (c) at.set(`constants:${c}`, keyNode);
  });
  const listOf = (key: string, example: string, only?: readonly string[]) => {
    const out = new Set<string>();
    const node = top.get(key)?.[0] ?? null;
    if (!top.has(key)) return out;
    if (!isSeq(node)) y.problem(node ?? top.get(key)![1], `"${key}" is a list of columns: ${example}`, key);
    else
      for (const n of node.items as Node[]) {
        const c = column(n, y.text(n), `${key}: column`);
        if (c && only && !only.includes(c)) y.problem(n, `${c} is not a month's amount (those are ${only.join(', ')})`, key);
        else if (c) {
          out.add(c);
          at.set(`${key}:${c}`, n);
        }
      }
    return out;
  };
  // Columns the file must have, by whatever header (an optional column missing takes its default with a note only: a
  // nightly export that dropped 权重 ran with every weight 1, exit 0, in a data engineer's trial).
  const required = listOf('required', '[weight, disability_grade]');
  // A month's columns given as a year's (a survey's 年工资收入): divided by 12 as read — or, said so, a month's already.
  // A header that says a year mapped to a month's column must say which (a researcher's yearly wages ran as monthly).
  const perYear = listOf('per_year', '[wage_income, other_income]', MONTHLY);
  const perMonth = listOf('per_month', '[wage_income]', MONTHLY);
  for (const c of perYear)
    if (perMonth.has(c)) y.problem(top.get('per_month')![0], `${c} is in per_year and per_month: give it in one`, 'per_month');
  for (const [header, c] of renames)
    if (MONTHLY.includes(c as never) && YEARLY_HEADER.test(header) && !perYear.has(c) && !perMonth.has(c))
      y.problem(
        top.get('columns')![0],
        `the header "${header}" reads as a year's amount, and ${c} is yuan a month: add per_year: [${c}] (its values divided by 12, to the fen, as they are read) — or, if they are a month's, per_month: [${c}]`,
        'columns',
      );
  if (y.problems.length) throw new InputError(y.problems, 'fix the column mapping file; every problem found is listed');
  const m = { renames, values, constants, required, perYear, at };
  const headerOf = new Map([...renames].filter(([h, c]) => h !== c).map(([h, c]) => [c, h]));
  return {
    file,
    ignored,
    headers: new Set(renames.keys()),
    // (`column financial_assets: "5,000.00"` of a file headed 存款: a clerk's trial; a workbook's said both already)
    words: (message) =>
      message.replace(/\bcolumn ([a-z_]+)\b(?! \()/g, (said, c: string) => (headerOf.has(c) ? `column ${headerOf.get(c)!} (${c})` : said)),
    apply: (records, dataFile) => apply(y, records, dataFile, m),
    applyText(text, dataFile) {
      const t = this.turner(dataFile); // (the whole text as one piece)
      return t.push(text) + t.end();
    },
    turner: (dataFile) => {
      const state: TurnState = { p: null, tail: '' };
      let carry = '';
      return {
        push(text) {
          const all = carry + text;
          const cut = lastRecordEnd(all);
          carry = all.slice(cut);
          return cut ? applyText(y, state, all.slice(0, cut), dataFile, m) : '';
        },
        end() {
          const rest = carry;
          carry = '';
          return rest || !state.p ? applyText(y, state, rest, dataFile, m) : '';
        },
      };
    },
  };
}

/** "did you mean" among a code column's values. */
const hint = (c: string, text: string) => {
  const k = COLUMN_BY_NAME.get(c)!.kind;
  return k.type === 'code' ? didYouMean(text, k.codes) : '';
};

const readable = (c: string, text: string) => {
  const def = COLUMN_BY_NAME.get(c)!;
  return def.kind.type === 'id' ? text !== '' : parseCell(def, text).ok || wordValue(def, text) !== undefined;
};

interface Mapping {
  readonly renames: Map<string, string>;
  readonly values: Map<string, Map<string, string>>;
  readonly constants: Map<string, string>;
  readonly required: ReadonlySet<string>;
  readonly perYear: ReadonlySet<string>;
  readonly at: ReadonlyMap<string, Node>;
}

/** A year's amount → the month's: a twelfth, half up, to the fen; undefined where it is not money (the reader tells it). */
function twelfth(text: string): string | undefined {
  const f = parseFen(text);
  return f === null ? undefined : fenToYuan(Math.floor((2 * f + 12) / 24));
}

/** How a column's fields are turned: its words mapped, then a year's amount made a month's; null where neither. */
function turnOf(c: string, m: Mapping): ((v: string) => string | undefined) | null {
  const words = m.values.get(c) ?? null;
  if (!m.perYear.has(c)) return words && ((v) => words.get(v));
  return (v) => {
    const w = words?.get(v);
    return v === '' && w === undefined ? undefined : (twelfth(w ?? v) ?? w);
  };
}

/** The header's columns, renamed; each column's words; the constants' values — or the mapping's problems with it. */
function plan(y: YamlFile, fileHeader: readonly string[], dataFile: string, m: Mapping) {
  const problems: Problem[] = [];
  const header = fileHeader.map((h) => h.trim());
  // A title above the header (本表为2024年低保名册,,,): the file's, not the mapping's, as the reader says it without one
  // (each header mapped was told missing, at the mapping file: a clerk's trial)
  const cells = header.filter((h) => h !== '');
  if (cells.length === 1 && !m.renames.has(cells[0]!) && !COLUMN_BY_NAME.has(cells[0]!) && !COLUMN_BY_ALIAS.has(cells[0]!))
    throw new InputError([{ where: { file: dataFile, line: 1 }, message: titleAbove(cells[0]!) }]);
  for (const h of m.renames.keys())
    if (!header.includes(h))
      problems.push({
        where: y.where(m.at.get(`columns:${h}`)),
        message: `columns: the header "${h}" is not in ${dataFile} (its headers: ${header.join(', ')})`,
      });
  const named = header.map((h) => m.renames.get(h) ?? h);
  // Each header's column: renamed here, else its name or 中文 header (core/columns.ts).
  const canonical = named.map((h) => (COLUMN_BY_NAME.get(h) ?? COLUMN_BY_ALIAS.get(h))?.name ?? h);
  for (const c of m.required)
    if (!canonical.includes(c) && !m.constants.has(c))
      problems.push({
        where: { file: y.file },
        message: `required: ${dataFile} has no column ${c} (under that name, its 中文 header${[...m.renames].some(([, to]) => to === c) ? ' or the header mapped to it' : ''}; its headers: ${header.join(', ')})`,
      });
  // (words or yearly amounts for a column the file does not have were ignored in silence: a QA trial)
  for (const [key, cs] of [
    ['values', [...m.values.keys()]],
    ['per_year', [...m.perYear]],
  ] as const)
    for (const c of cs)
      if (!canonical.includes(c) && !m.constants.has(c))
        problems.push({
          where: y.where(m.at.get(`${key}:${c}`)),
          message: `${key}: ${dataFile} has no column ${c} (under that name, its 中文 header or a header mapped to it; its headers: ${header.join(', ')}): map its header under columns, or leave ${c} out`,
        });
  for (const c of m.constants.keys())
    if (canonical.includes(c))
      problems.push({
        where: y.where(m.at.get(`constants:${c}`)),
        message: `constants: ${dataFile} has a column ${c} already: give it as a constant or in the file, not both`,
      });
  if (problems.length) throw new InputError(problems, 'fix the column mapping file');
  return {
    header: [...named, ...m.constants.keys()],
    maps: canonical.map((c) => turnOf(c, m)),
    extra: [...m.constants.values()],
  };
}

function apply(y: YamlFile, records: readonly (readonly string[])[], dataFile: string, m: Mapping): string[][] {
  const { header, maps, extra } = plan(y, records[0] ?? [], dataFile, m);
  // A blank line stays blank (the readers skip it); every other record gets the constants after its own fields.
  return records.map((r, i) =>
    i === 0 ? header : r.every((v) => v === '') ? [] : [...r.map((v, k) => maps[k]?.(v.trim()) ?? v), ...extra],
  );
}

/** What a turning keeps from one piece of the text to the next: the header's plan, and the constants' fields. */
interface TurnState {
  p: ReturnType<typeof plan> | null;
  tail: string;
}

/** Where the text's last whole record ends (after its line feed, outside quotes); 0 when it has none. */
export function lastRecordEnd(text: string): number {
  let inQuotes = false;
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) end = i + 1;
  }
  return end;
}

function applyText(y: YamlFile, state: TurnState, text: string, dataFile: string, m: Mapping): string {
  const out: string[] = [];
  let { p, tail } = state;
  let copied = 0; // text before this is in out
  eachRawRecord(text, (r) => {
    const field = (k: number) => text.slice(r.starts[k], r.ends[k]);
    if (!p) {
      p = plan(
        y,
        Array.from({ length: r.count }, (_, k) => unquoted(field(k))),
        dataFile,
        m,
      );
      tail = p.extra.length ? ',' + p.extra.join(',') : '';
      out.push(p.header.map(quoted).join(','));
      copied = r.end;
      return;
    }
    let blank = true;
    for (let k = 0; blank && k < r.count; k++) blank = r.ends[k]! - r.starts[k]! === 0 || field(k) === '""';
    if (blank) {
      out.push(text.slice(copied, r.starts[0]));
      copied = r.end; // the line stays, empty
      return;
    }
    for (let k = 0; k < r.count && k < p.maps.length; k++) {
      const to = p.maps[k]?.(unquoted(field(k)).trim());
      if (to === undefined) continue;
      out.push(text.slice(copied, r.starts[k]), to);
      copied = r.ends[k]!;
    }
    if (tail) {
      out.push(text.slice(copied, r.end), tail);
      copied = r.end;
    }
  });
  out.push(text.slice(copied));
  state.p = p;
  state.tail = tail;
  return out.join('');
}

/** A record's fields as offsets in the text (quotes included), and where its line end starts. */
export interface RawRecord {
  count: number;
  readonly starts: number[];
  readonly ends: number[];
  /** The record's end: its line end (CRLF or LF) or the text's end. */
  end: number;
}

/**
 * Each record of CSV text, its fields as written (quotes kept): a quoted comma or line break stays in its field. A stray
 * quote is left for the reader to tell at its line (every byte before it is as written). The record is reused.
 */
export function eachRawRecord(text: string, each: (r: RawRecord) => void): void {
  const n = text.length;
  const r: RawRecord = { count: 0, starts: [], ends: [], end: 0 };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    r.count = 0;
    let start = i;
    let inQuotes = false;
    for (; ; i++) {
      if (i === n) {
        r.starts[r.count] = start;
        r.ends[r.count++] = r.end = i;
        return each(r);
      }
      const c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (inQuotes) continue;
      else if (c === 44) {
        r.starts[r.count] = start;
        r.ends[r.count++] = i;
        start = i + 1;
      } else if (c === 10) {
        const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
        r.starts[r.count] = start;
        r.ends[r.count++] = r.end = end;
        each(r);
        i++;
        break;
      }
    }
  }
}

/** A field's text as written → its value (`"a ""b"""` → `a "b"`). */
function unquoted(f: string): string {
  const t = f.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : f;
}

const quoted = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
