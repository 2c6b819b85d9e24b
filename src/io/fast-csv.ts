// The fast household reader: a byte-level CSV tokenizer that turns fields straight into fen, codes and flags
// (no string per cell, no object per row). It accepts what the csv-parse reference reader accepts — BOM, CRLF,
// quoted fields (also spanning lines, with "" escapes), surrounding spaces, extra and reordered columns, empty
// lines — and reports the same problems with the same words; test/io/fast-csv.test.ts holds them to that.
import type { Readable } from 'node:stream';
import { DUPLICATE_PERSON, PopulationBuilder, type HouseholdInput, type Population } from '../core/population.js';
import type { Problem } from '../errors.js';
import {
  colNumber, COLUMNS, conflictMessage, duplicateMessage, EMPTY_FILE, finish, invalidMessage, MAX_PROBLEMS, parseField, readHeader, type Column, type ReadOptions,
} from './households-csv.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const D0 = 0x30;

/** Column numbers in COLUMNS order. */
const C = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;
const DEFAULTS: Record<Column, number> = {
  household_id: NaN, person_id: NaN, age: NaN, area: NaN, wage_income: 0, other_income: 0, disability_grade: 0, serious_illness: 0,
  labor_capacity: 0, self_care: 0, has_capable_supporter: 1, financial_assets: 0, rigid_expenditure: 0, on_dibao: 0, prior_dibao: 0,
  emergency_need: 0, weight: 1_000_000,
};

// money() and weight() scan digits each on their own: a shared scanner returning its stop position through a
// module variable measured 50 % slower on the whole parse (npm run bench), so the loop is written twice.

/** Digits [. d{1,2}] → fen, or -1. */
function money(b: Buffer, s: number, e: number): number {
  let v = 0;
  let i = s;
  for (; i < e && b[i]! !== DOT; i++) {
    const d = b[i]! - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  const intDigits = i - s;
  if (intDigits === 0 || intDigits > 13) return -1;
  if (i === e) return v * 100;
  const frac = e - i - 1;
  if (frac < 1 || frac > 2) return -1;
  const d1 = b[i + 1]! - D0;
  const d2 = frac === 2 ? b[i + 2]! - D0 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return v * 100 + d1 * 10 + d2;
}

/** Weight: d{1,12} [. d{1,6}] > 0 → millionths, or -1. */
function weight(b: Buffer, s: number, e: number): number {
  let v = 0;
  let i = s;
  for (; i < e && b[i]! !== DOT; i++) {
    const d = b[i]! - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  if (i === s || i - s > 12) return -1;
  let frac = 0;
  let scale = 1_000_000;
  if (i < e) {
    if (e - i - 1 < 1 || e - i - 1 > 6) return -1;
    for (let j = i + 1; j < e; j++) {
      const d = b[j]! - D0;
      if (d < 0 || d > 9) return -1;
      scale /= 10;
      frac += d * scale;
    }
  }
  const w = v * 1_000_000 + frac;
  return w > 0 ? w : -1;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** a holds exactly the bytes b[s, e). */
function sameBytes(a: Uint8Array | null, b: Uint8Array, s: number, e: number): boolean {
  if (a === null || a.length !== e - s) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[s + i]) return false;
  return true;
}

const lit = (t: string) => Buffer.from(t, 'latin1');
const PARTIAL = lit('partial');
const URBAN = lit('urban');
const RURAL = lit('rural');

/** b[s, e) equals the literal. */
function is(b: Buffer, s: number, e: number, l: Buffer): boolean {
  if (e - s !== l.length) return false;
  for (let i = 0; i < l.length; i++) if (b[s + i] !== l[i]) return false;
  return true;
}

function capacity(b: Buffer, s: number, e: number): number {
  const n = e - s;
  if (n === 4 && b[s] === 0x66 && b[s + 1] === 0x75 && b[s + 2] === 0x6c && b[s + 3] === 0x6c) return 0; // full
  if (is(b, s, e, PARTIAL)) return 1;
  if (n === 4 && b[s] === 0x6e && b[s + 1] === 0x6f && b[s + 2] === 0x6e && b[s + 3] === 0x65) return 2; // none
  return -1;
}

/** A field's value as a number (fen, code, flag), or -1 when invalid; an empty field takes its default. */
function convert(col: number, b: Buffer, s: number, e: number): number {
  if (s === e) return Number.isNaN(DEFAULTS[COLUMNS[col]!]) ? -1 : DEFAULTS[COLUMNS[col]!];
  switch (col) {
    case C.age: {
      if (e - s > 3) return -1;
      let v = 0;
      for (let i = s; i < e; i++) {
        const d = b[i]! - D0;
        if (d < 0 || d > 9) return -1;
        v = v * 10 + d;
      }
      return v <= 130 ? v : -1;
    }
    case C.area:
      return is(b, s, e, URBAN) ? 0 : is(b, s, e, RURAL) ? 1 : -1;
    case C.disability_grade:
      return e - s === 1 && b[s]! >= D0 && b[s]! <= D0 + 4 ? b[s]! - D0 : -1;
    case C.serious_illness:
    case C.has_capable_supporter:
    case C.on_dibao:
      return e - s === 1 && (b[s] === D0 || b[s] === D0 + 1) ? b[s]! - D0 : -1;
    case C.labor_capacity:
    case C.self_care:
      return capacity(b, s, e);
    case C.weight:
      return weight(b, s, e);
    default:
      return money(b, s, e);
  }
}

/** The text of a quoted field (without its quotes, "" → "). */
function unquote(b: Buffer, s: number, e: number): string {
  return b.toString('utf8', s + 1, e - 1).replace(/""/g, '"');
}

/**
 * Streaming: households are handed over in chunks of about `households` as soon as they are complete, and
 * nothing is kept. Rows must come grouped by household_id in sorted order (plain or natural, so H2 before
 * H10 is fine), which makes a household complete when the next id starts; person_id uniqueness is then checked
 * within each chunk only.
 */
export interface StreamOptions {
  readonly households: number;
  readonly onChunk: (chunk: Population) => Promise<void>;
}

/** a < b in natural order: digit runs compare as numbers ("H2" < "H10"). */
export function naturalLess(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { numeric: true }) < 0;
}

export async function parseHouseholdsFast(input: Readable, file: string, totalBytes = 0, opts: ReadOptions = {}, stream?: StreamOptions): Promise<Population> {
  const problems: Problem[] = [];
  let builder = new PopulationBuilder();
  // Streaming state: the last household id, whether the ids so far are in plain / natural order, chunks ready.
  let lastId: Uint8Array | null = null;
  let plainOrder = true;
  let naturalOrder = true;
  const ready: Population[] = [];
  const flush = async () => {
    for (const chunk of ready.splice(0)) await stream!.onChunk(chunk);
  };
  /** colOf[fieldIndex] = column number, or -1 for an extra column. */
  let colOf: Int32Array | null = null;
  let fieldCount = 0;
  const at = new Int32Array(COLUMNS.length).fill(-1); // column → field index
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let quoted = new Uint8Array(64);
  let line = 1; // the line the next record starts on
  let bytes = 0;
  let rows = 0;
  let carry: Buffer | null = null;
  let first = true;
  let stop = false;
  const values = new Float64Array(COLUMNS.length);

  const problem = (l: number, col: number | undefined, subject: string | undefined, message: string) => {
    problems.push({ where: { file, line: l, col }, subject, message });
    if (problems.length >= MAX_PROBLEMS) stop = true;
  };

  /** Parses the complete records in b[0, end); sets `stop` after a fatal problem or too many. */
  const records = (b: Buffer, end: number): void => {
    let p = 0;
    while (p < end && !stop) {
      const recordLine = line;
      // skip empty lines
      if (b[p] === LF) { p++; line++; continue; }
      if (b[p] === CR && b[p + 1] === LF) { p += 2; line++; continue; }
      let n = 0;
      let newlines = 0;
      for (;;) {
        while (b[p] === SPACE || b[p] === TAB) p++;
        if (n === starts.length) {
          const grow = (a: Int32Array) => { const x = new Int32Array(a.length * 2); x.set(a); return x; };
          starts = grow(starts); ends = grow(ends);
          const q = new Uint8Array(quoted.length * 2); q.set(quoted); quoted = q;
        }
        if (b[p] === QUOTE) {
          const s = p;
          p++;
          for (;;) {
            if (b[p] === QUOTE) {
              if (b[p + 1] === QUOTE) { p += 2; continue; }
              break;
            }
            if (b[p] === LF) newlines++;
            p++;
          }
          p++; // closing quote
          starts[n] = s; ends[n] = p; quoted[n] = 1;
          while (b[p] === SPACE || b[p] === TAB) p++;
        } else {
          const s = p;
          while (p < end && b[p] !== COMMA && b[p] !== LF) p++;
          let e = p;
          if (e > s && b[e - 1] === CR && b[p] === LF) e--;
          while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
          starts[n] = s; ends[n] = e; quoted[n] = 0;
        }
        n++;
        if (b[p] === COMMA) { p++; continue; }
        if (b[p] === CR) p++;
        p++; // LF, or past the end
        break;
      }
      line += newlines + 1;
      if (colOf === null) {
        const header = Array.from({ length: n }, (_, i) => (quoted[i] ? unquote(b, starts[i]!, ends[i]!) : b.toString('utf8', starts[i]!, ends[i]!)));
        const index = readHeader(header, file, recordLine);
        fieldCount = n;
        colOf = new Int32Array(n).fill(-1);
        for (const [c, i] of index) {
          colOf[i] = C[c];
          at[C[c]] = i;
        }
        continue;
      }
      if (n !== fieldCount) {
        problem(recordLine, undefined, undefined, `CSV: Invalid Record Length: expect ${fieldCount}, got ${n} on line ${recordLine}`);
        stop = true;
        return;
      }
      rows++;
      if (opts.onProgress && (rows & 0xfff) === 0) opts.onProgress({ bytes, totalBytes, rows });
      record(b, recordLine);
    }
  };

  const text = (b: Buffer, i: number) => (quoted[i] ? unquote(b, starts[i]!, ends[i]!) : b.toString('utf8', starts[i]!, ends[i]!));


  const record = (b: Buffer, recordLine: number): void => {
    let ok = true;
    const pidAt = at[C.person_id]!;
    for (let c = 0; c < COLUMNS.length; c++) {
      if (c === C.household_id || c === C.person_id) continue;
      const i = at[c]!;
      let v: number;
      if (i < 0) v = DEFAULTS[COLUMNS[c]!];
      else if (quoted[i]) {
        const parsed = parseField(COLUMNS[c]!, unquote(b, starts[i]!, ends[i]!));
        v = parsed.ok ? numeric(c, parsed.value) : -1;
      } else v = convert(c, b, starts[i]!, ends[i]!);
      if (v < 0 || Number.isNaN(v)) {
        ok = false;
        const raw = i < 0 ? '' : text(b, i);
        const parsed = parseField(COLUMNS[c]!, raw);
        problem(recordLine, i < 0 ? undefined : i + 1, `column ${COLUMNS[c]}`, invalidMessage(raw, parsed.ok ? 'a valid value' : parsed.expected, text(b, pidAt)));
      }
      values[c] = v;
    }
    // The ids as bytes: b itself, or (a quoted id, rare) their unquoted text encoded.
    const hAt = at[C.household_id]!;
    let ids: Uint8Array = b;
    let hs = starts[hAt]!, he = ends[hAt]!, ps = starts[pidAt]!, pe = ends[pidAt]!;
    if (quoted[hAt] || quoted[pidAt]) {
      const h = encoder.encode(text(b, hAt));
      const p = encoder.encode(text(b, pidAt));
      ids = new Uint8Array(h.length + p.length);
      ids.set(h);
      ids.set(p, h.length);
      hs = 0; he = ps = h.length; pe = ids.length;
    }
    if (hs === he || ps === pe) {
      const pid = text(b, pidAt);
      for (const [c, empty] of [[C.household_id, hs === he], [C.person_id, ps === pe]] as const) {
        if (empty) problem(recordLine, at[c]! + 1, `column ${COLUMNS[c]}`, invalidMessage('', c === C.household_id ? 'a household id' : 'a person id', pid));
      }
      return;
    }
    if (!ok) return;
    if (stream && !sameBytes(lastId, ids, hs, he)) {
      const hid = decoder.decode(ids.subarray(hs, he));
      if (lastId !== null) {
        const last = decoder.decode(lastId);
        plainOrder &&= last < hid;
        naturalOrder &&= naturalLess(last, hid);
        if (!plainOrder && !naturalOrder) {
          problem(recordLine, hAt + 1, `household ${hid}`,
            `comes after household ${last}: --stream needs the rows grouped by household_id in sorted order (sort the file, or run without --stream)`);
          stop = true;
          return;
        }
      }
      lastId = ids.slice(hs, he);
      // A household is complete when the next one starts: hand over a chunk at such a boundary.
      if (builder.householdCount >= stream.households) {
        ready.push(builder.build());
        builder = new PopulationBuilder();
      }
    }
    const added = builder.addCodes(ids, hs, he, ps, pe, values[C.age]!, values[C.wage_income]!, values[C.other_income]!, values[C.disability_grade]!,
      values[C.serious_illness]!, values[C.labor_capacity]!, values[C.self_care]!, values[C.has_capable_supporter]!, values[C.area]!,
      values[C.financial_assets]!, values[C.rigid_expenditure]!, values[C.on_dibao]!, values[C.prior_dibao]!, values[C.emergency_need]!,
      values[C.weight]!, recordLine);
    if (added === DUPLICATE_PERSON) {
      const pid = decoder.decode(ids.subarray(ps, pe));
      problem(recordLine, pidAt + 1, 'column person_id', duplicateMessage(pid, builder.firstRowOfPerson(pid)!));
    } else if (added >= 0) conflictProblem(decoder.decode(ids.subarray(hs, he)), added, recordLine);
  };

  /** Household-level values disagree (rare: the objects are made only then); the builder says which, as for the reference. */
  const conflictProblem = (hid: string, first: number, recordLine: number) => {
    const household: HouseholdInput = {
      area: values[C.area] ? 'rural' : 'urban', assets: values[C.financial_assets]!, rigid: values[C.rigid_expenditure]!, onDibao: values[C.on_dibao]!,
      prior: values[C.prior_dibao]!, emergency: values[C.emergency_need]!, weight: values[C.weight]!,
    };
    for (const c of builder.conflicts(hid, household, first)) {
      problem(recordLine, colNumber(at[C[c.column as Column]]), `household ${hid}`, conflictMessage(c, recordLine));
    }
  };

  for await (const piece of input as AsyncIterable<Buffer | string>) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += chunk.length;
    let b: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let boundary = lastRecordEnd(b);
    if (boundary < 0) {
      carry = b;
      continue;
    }
    if (first) {
      // The first complete record is in hand, so a BOM split across chunks is whole here.
      first = false;
      if (hasBom(b)) {
        b = b.subarray(3);
        boundary -= 3;
      }
    }
    records(b, boundary + 1);
    if (stream) {
      // After a problem nothing more is handed over (the run will fail); drop chunks so memory stays bounded.
      if (problems.length) ready.length = 0;
      else await flush();
    }
    carry = boundary + 1 < b.length ? Buffer.from(b.subarray(boundary + 1)) : null;
    if (stop) break;
  }
  input.destroy();
  if (carry && !stop) {
    const rest: Buffer = first && hasBom(carry) ? carry.subarray(3) : carry;
    const b: Buffer = rest[rest.length - 1] === LF ? rest : Buffer.concat([rest, Buffer.from('\n')]);
    records(b, b.length);
  }
  if (colOf === null && problems.length === 0) problems.push({ where: { file, line: 1 }, message: EMPTY_FILE });
  if (!problems.length) opts.onProgress?.({ bytes, totalBytes, rows });
  const last = finish(problems, builder);
  if (!stream) return last;
  ready.push(last);
  await flush();
  return new PopulationBuilder().build();
}

/** A parsed value of a quoted field as the number the fast path uses. */
function numeric(c: number, v: unknown): number {
  if (c === C.area) return v === 'urban' ? 0 : 1;
  if (c === C.labor_capacity || c === C.self_care) return ['full', 'partial', 'none'].indexOf(v as string);
  return v as number;
}

const hasBom = (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** The index of the last LF that ends a record (outside quotes), or -1. */
function lastRecordEnd(b: Buffer): number {
  if (b.indexOf(QUOTE) < 0) return b.lastIndexOf(LF);
  let inQuotes = false;
  let last = -1;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x === QUOTE) inQuotes = !inQuotes;
    else if (x === LF && !inQuotes) last = i;
  }
  return last;
}
