// A damaged workbook is refused, not read short: a fuzzing trial cut a 299-row sheet's data mid-cell (its checksum made
// again) and got 57 households, exit 0 — and `import` kept the loss in an Arrow file. Each part's bytes are now checked
// against the CRC-32 and length its zip directory gives, and an XML part must end by closing its first element.
// The workbooks here are exceljs's, taken apart (src/io/zip-entries.ts) and put together again as a stored zip (zipOf).
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryText, zipEntries } from '../../src/io/zip-entries.js';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { zipOf } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-workbook-'));
const P = ['--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30', '--format', 'json', '--quiet'];

let parts: Array<{ name: string; data: Buffer }>;
const SHEET = 'xl/worksheets/sheet1.xml';

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const [i, line] of readFileSync(SAMPLE, 'utf8').trimEnd().split('\n').entries())
    ws.addRow(line.split(',').map((v) => (i > 0 && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
  const file = join(dir, 'roll.xlsx');
  await wb.xlsx.writeFile(file);
  const entries = await zipEntries(file);
  parts = [];
  for (const e of entries.values()) {
    const chunks: Buffer[] = [];
    for await (const c of await entryText(file, e)) chunks.push(Buffer.from(c as string, 'utf8'));
    parts.push({ name: e.name, data: Buffer.concat(chunks) });
  }
});

/** The parts, one of them replaced (and what the directory claims of it). */
const storedZip = (replace: Record<string, Buffer> = {}, claims: Record<string, { crc: number; size: number }> = {}) =>
  zipOf(Object.fromEntries(parts.map((p) => [p.name, replace[p.name] ?? p.data])), claims);

const simulate = (name: string, zip: Buffer) => {
  writeFileSync(join(dir, name), zip);
  return jiuzhu(['simulate', ...P, '--households', join(dir, name)]);
};

describe('a damaged workbook', () => {
  it('put together again whole, reads as the CSV (the checks pass a sound workbook, stored or deflated)', () => {
    const csv = jiuzhu(['simulate', ...P, '--households', SAMPLE]);
    const strip = (s: string) => s.replace(/"households_file": "[^"]*"/, '').replace(/"[^"\s]+\.(?:csv|xlsx|parquet|txt): /g, '"FILE: ');
    const whole = simulate('whole.xlsx', storedZip());
    expect(whole.code, whole.stderr).toBe(0);
    expect(strip(whole.stdout)).toBe(strip(csv.stdout));
    expect(strip(jiuzhu(['simulate', ...P, '--households', join(dir, 'roll.xlsx')]).stdout)).toBe(strip(csv.stdout));
  });

  it('a sheet cut mid-cell, its checksum made again: refused, exit 3 (it read the rows before, exit 0)', () => {
    const sheet = parts.find((p) => p.name === SHEET)!.data;
    const cut = sheet.subarray(0, sheet.indexOf('<c ', Math.floor(sheet.length * 0.4)) + 5);
    const r = simulate('cut.xlsx', storedZip({ [SHEET]: cut }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`its part ${SHEET} ends before its XML does: the workbook is damaged or cut short`);
    // cut just after a row's end: every tag well formed, the sheet still unclosed
    const atRow = sheet.subarray(0, sheet.indexOf('</row>', Math.floor(sheet.length * 0.4)) + 6);
    const r2 = simulate('cut-row.xlsx', storedZip({ [SHEET]: atRow }));
    expect(r2.code).toBe(3);
    expect(r2.stderr).toContain('ends before its XML does');
  });

  it('a part whose bytes do not match its directory’s checksum: refused, exit 3', () => {
    const sheet = parts.find((p) => p.name === SHEET)!.data;
    const flipped = Buffer.from(sheet);
    const k = flipped.indexOf('<v>', Math.floor(sheet.length / 2)) + 3; // a digit of a value: still a number
    flipped[k] = flipped[k] === 0x31 ? 0x32 : 0x31;
    const claim = { crc: crc32(sheet), size: sheet.length };
    const r = simulate('flip.xlsx', storedZip({ [SHEET]: flipped }, { [SHEET]: claim }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`its part ${SHEET} is damaged (its bytes do not match the checksum its zip directory gives)`);
  });
});

// A researcher's trial: a workbook pandas wrote (openpyxl: text as inline strings in the sheet, not shared) lost every
// character a chunk's end split — 家庭编号01044 read 家庭��号01044, a household of its own, exit 0 (3,002 households
// of 3,000). The sheet here is such a sheet, stored: its chunks end every 64 KiB, and one ends inside a character.
describe('text in a workbook is decoded whole', () => {
  it('a character split by a chunk’s end reads as itself: the same households and totals as the CSV', () => {
    const cell = (ref: string, v: string | number) =>
      typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const rows: Array<Array<string | number>> = [['household_id', 'person_id', 'age', 'area', 'wage_income']];
    for (let n = 0; n < 3000; n++)
      for (let i = 0; i < 2; i++) rows.push([`家庭编号${String(n).padStart(5, '0')}`, `p${n}_${i}`, 40, 'urban', i ? 0 : 1500]);
    const xml = (pad: number) =>
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          `<!--${'x'.repeat(pad)}-->` +
          rows.map((r, k) => `<row r="${k + 1}">${r.map((v, c) => cell(`${'ABCDE'[c]}${k + 1}`, v)).join('')}</row>`).join('') +
          '</sheetData></worksheet>',
      );
    // (padded so the first chunk's end, at byte 65,536, falls inside a 3-byte character)
    const sheet = Array.from({ length: 400 }, (_, pad) => xml(pad)).find(
      (b) => (b[65536]! & 0xc0) === 0x80 && (b[65535]! & 0xc0) !== 0x80,
    )!;
    expect(sheet).toBeDefined();
    const csv = join(dir, 'split.csv');
    writeFileSync(csv, rows.map((r) => r.join(',')).join('\n') + '\n');
    const strip = (s: string) => s.replace(/"households_file": "[^"]*"/, '').replace(/"[^"\s]+\.(?:csv|xlsx|parquet|txt): /g, '"FILE: ');
    const r = simulate('split.xlsx', storedZip({ [SHEET]: sheet }));
    expect(r.code, r.stderr).toBe(0);
    expect(strip(r.stdout)).toBe(strip(jiuzhu(['simulate', ...P, '--households', csv]).stdout));
    expect(JSON.parse(r.stdout).scenarios[0].total_annual_cost).toBe('6000000.00');
  });

  it('bytes that are not UTF-8 in a part: refused, exit 3, never read as U+FFFD', () => {
    const sheet = Buffer.from(parts.find((p) => p.name === SHEET)!.data);
    const k = sheet.indexOf('<sheetData>') - 1;
    sheet[k] = 0xff; // (inside the worksheet's start tag's attributes' end: a byte no UTF-8 has)
    const r = simulate('not-utf8.xlsx', storedZip({ [SHEET]: sheet }));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`its part ${SHEET} is not UTF-8 text`);
  });
});

// A determinism audit: a workbook of 125,000 rows ended in "internal error: Maximum call stack size exceeded" (its
// rows' widths spread into Math.max), exit 4; 115,000 read. A county's roll is that long.
describe('a long sheet', () => {
  it('150,000 rows read as their CSV', () => {
    const rows: Array<Array<string | number>> = [['household_id', 'person_id', 'age', 'area', 'wage_income']];
    for (let n = 0; n < 150_000; n++) rows.push([`H${n}`, `p${n}`, 40, n % 2 ? 'urban' : 'rural', n % 7 ? 0 : 1500]);
    const cells = (r: Array<string | number>, k: number) =>
      r
        .map((v, c) =>
          typeof v === 'number'
            ? `<c r="${'ABCDE'[c]}${k}"><v>${v}</v></c>`
            : `<c r="${'ABCDE'[c]}${k}" t="inlineStr"><is><t>${v}</t></is></c>`,
        )
        .join('');
    const sheet = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        rows.map((r, k) => `<row r="${k + 1}">${cells(r, k + 1)}</row>`).join('') +
        '</sheetData></worksheet>',
    );
    const csv = join(dir, 'long.csv');
    writeFileSync(csv, rows.map((r) => r.join(',')).join('\n') + '\n');
    const r = simulate('long.xlsx', storedZip({ [SHEET]: sheet }));
    expect(r.code, r.stderr).toBe(0);
    const strip = (s: string) => s.replace(/"households_file": "[^"]*"/, '').replace(/"[^"\s]+\.(?:csv|xlsx|parquet|txt): /g, '"FILE: ');
    expect(strip(r.stdout)).toBe(strip(jiuzhu(['simulate', ...P, '--households', csv]).stdout));
    expect(JSON.parse(r.stdout).households).toEqual({ rows: 150_000, weighted: '150000' });
  }, 120_000);
});

// A QA trial: a sheet whose cells and rows leave out their references (r="B2", r="2": OOXML places them after the one
// before, as streaming writers write them) was "not a readable .xlsx workbook (Cannot read properties of undefined
// (reading 'length'))". Read as the CSV of the same rows, across the chunks a part is unzipped in, an empty row and a
// cell that gives its reference among ones that do not.
describe('a sheet without cell references', () => {
  it('reads as its CSV', () => {
    const rows: Array<Array<string | number>> = [['household_id', 'person_id', 'age', 'area', 'wage_income']];
    for (let n = 0; n < 3_000; n++) rows.push([`H${n}`, `p${n}`, 30 + (n % 50), n % 3 ? 'urban' : 'rural', n % 5 ? 0 : 900 + n]);
    const cell = (v: string | number, ref = '') =>
      typeof v === 'number' ? `<c${ref}><v>${v}</v></c>` : `<c${ref} t="inlineStr"><is><t>${v}</t></is></c>`;
    const body = rows.map((r, k) =>
      // row 10 gives its last cell's reference (E10) after four that do not; row 20 is followed by an empty row
      k === 9
        ? `<row>${r
            .slice(0, 4)
            .map((v) => cell(v))
            .join('')}${cell(r[4]!, ' r="E10"')}</row>`
        : `<row>${r.map((v) => cell(v)).join('')}</row>${k === 19 ? '<row/>' : ''}`,
    );
    const sheet = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        body.join('') +
        '</sheetData></worksheet>',
    );
    expect(sheet.length).toBeGreaterThan(200_000); // (many chunks)
    const csv = join(dir, 'norefs.csv');
    writeFileSync(csv, rows.map((r) => r.join(',')).join('\n') + '\n');
    const r = simulate('norefs.xlsx', storedZip({ [SHEET]: sheet }));
    expect(r.code, r.stderr).toBe(0);
    const strip = (s: string) => s.replace(/"households_file": "[^"]*"/, '').replace(/"[^"\s]+\.(?:csv|xlsx|parquet|txt): /g, '"FILE: ');
    expect(strip(r.stdout)).toBe(strip(jiuzhu(['simulate', ...P, '--households', csv]).stdout));
    expect(JSON.parse(r.stdout).households).toEqual({ rows: 3_000, weighted: '3000' });
  });
});
