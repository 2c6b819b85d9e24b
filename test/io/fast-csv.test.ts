// The fast reader against the csv-parse reference: the same population for odd-but-valid input, the same
// problems (same words, same places) for bad input, whatever the chunk boundaries.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Population } from '../../src/core/population.js';
import { parseHouseholdsFast } from '../../src/io/fast-csv.js';
import { parseHouseholds } from '../../src/io/households-csv.js';
import { problemsOf } from '../helpers/problems.js';

/** Feeds text in chunks of `size` bytes (splitting anywhere, even inside a field or a UTF-8 character). */
const chunks = (text: string, size: number) => {
  const buf = Buffer.from(text);
  return Readable.from(Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size)));
};
const plain = (p: Population) => JSON.stringify(p, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

async function same(text: string) {
  const reference = plain(await parseHouseholds(Readable.from([text]), 'h.csv'));
  for (const size of [1, 3, 17, 4096]) expect(plain(await parseHouseholdsFast(chunks(text, size), 'h.csv'))).toBe(reference);
}

async function sameProblems(text: string) {
  const reference = await problemsOf(() => parseHouseholds(Readable.from([text]), 'h.csv'));
  expect(reference.length).toBeGreaterThan(0);
  for (const size of [1, 5, 4096]) expect(await problemsOf(() => parseHouseholdsFast(chunks(text, size), 'h.csv'))).toEqual(reference);
}

describe('the fast reader reads what the reference reads', () => {
  it('the bundled sample', async () => {
    await same(readFileSync('policies/samples/households.csv', 'utf8'));
  });
  it('BOM, CRLF, quoted fields with commas, quotes and newlines, spaces, extra and reordered columns, empty lines', async () => {
    await same('\uFEFF' + [
      'weight, note ,area,age,person_id,household_id,financial_assets,wage_income,labor_capacity',
      '2.5,"likes, commas",urban,70,p1,H1,1000.5,0,none',
      '',
      '2.5,"a ""quoted"" note\nover two lines",urban, 40 ,"p2","H1",1000.5,1500,"partial"',
      '1,,rural,30,p3,H2,0,2000.25,',
      '0.000001,"汉字",rural,5,p4,H3,,,',
    ].join('\r\n') + '\r\n');
  });
  it('a last line without a line end, and rows of a household far apart', async () => {
    await same('household_id,person_id,age,area\nA,1,5,rural\nB,2,40,urban\nA,3,35,rural');
  });
});

describe('the fast reader reports what the reference reports', () => {
  it('invalid values, with line, column, value and expectation', async () => {
    await sameProblems('household_id,person_id,age,area,wage_income,serious_illness,labor_capacity,weight\nH1,p1,abc,urban,12.345,2,some,0\nH2,p2,131,suburb,-1,1,full,1.0000001\n');
  });
  it('household-level values that differ, and repeated person ids', async () => {
    await sameProblems('household_id,person_id,age,area,financial_assets,weight\nH1,p1,40,urban,100,1\nH2,p9,1,rural,0,1\nH1,p2,41,rural,100.5,2\nH3,p1,5,urban,0,1\n');
  });
  it('a missing column, an empty file, and a record of the wrong length', async () => {
    await sameProblems('household_id,person_id,area\nH1,p1,urban\n');
    await sameProblems('');
    await sameProblems('household_id,person_id,age,area\nH1,p1,40,urban,extra\n');
  });
  it('a bad value after a quoted field spanning lines is located on the line its record starts', async () => {
    await sameProblems('household_id,person_id,age,area,note\nH1,p1,40,urban,"two\nlines"\nH1,p2,x,urban,\n');
  });
  it('empty ids and quoted bad values', async () => {
    await sameProblems('household_id,person_id,age,area\n,p1,40,urban\nH2,,40,urban\nH3,p3,"4x",urban\n');
  });
});
