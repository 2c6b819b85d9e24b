// The fast reader against the csv-parse reference: the same population for odd-but-valid input, the same
// problems (same words, same places) for bad input, whatever the chunk boundaries.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Population } from '../../src/core/population.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { COLUMNS, HOUSEHOLD_COLS } from '../../src/core/columns.js';
import { parseHouseholds } from '../../src/io/households-csv.js';

const HOUSEHOLD_COLUMNS = HOUSEHOLD_COLS.map((c) => COLUMNS[c]!.name);
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
  // A data engineer's register saved from Excel: four families' 18-digit ids shown as 4.50102E+17 were read as one
  // household of 11 persons, exit 0. Refused by both readers at each row, quoted or not, either id; an id with a "+"
  // that is not Excel's number still reads.
  it('an id Excel showed in scientific notation is refused; other ids with "+" read', async () => {
    const head = 'household_id,person_id,age,area\n';
    const refused = head + '4.50102E+17,p1,40,urban\n"4.50102E+17",p2,5,urban\nH2,1.2e+5,30,rural\n';
    await sameProblems(refused);
    expect(await problemsOf(() => parseHouseholdsFast(chunks(refused, 4096), 'h.csv'))).toEqual([
      expect.stringMatching(
        /^h\.csv:2:1: column household_id: "4\.50102E\+17" is not valid: expected a household id as written, not a number in scientific notation: 4\.50102E\+17 is how Excel shows an id of 12 digits or more, its digits lost .*format the column as Text \(文本\)/,
      ),
      expect.stringMatching(/^h\.csv:3:1: column household_id: "4\.50102E\+17"/),
      expect.stringMatching(/^h\.csv:4:2: column person_id: "1\.2e\+5" is not valid: expected a person id as written/),
    ]);
    await same(head + 'A+B,A+B-1,40,urban\n4.5E+17x,p2,30,rural\nC1,+1,20,urban\n');
  });

  // (a data engineer's "H00\n01": a broken export read as an ordinary id)
  it('an id with a line break, tab or other control character inside its quotes is refused', async () => {
    const text = 'household_id,person_id,age,area\n"H00\n01",p1,40,urban\nH2,"p\t2",30,rural\nH3,"p\u00073",30,rural\n';
    await sameProblems(text);
    // unquoted too: a form feed, a bell, DEL (the fuzzing test found "H\f007" read by the fast reader alone)
    await sameProblems('household_id,person_id,age,area\nH\f7,p1,40,urban\nH\u00078,p2,40,urban\nH9,p\u007f9,40,urban\n');
    expect((await problemsOf(() => parseHouseholdsFast(chunks(text, 4096), 'h.csv'))).map((p) => p.replace(/ \(household.*$/, ''))).toEqual(
      [
        'h.csv:2:1: column household_id: "H00\\n01" is not valid: expected a household id on one line, without a line break, tab or other control character in it',
        'h.csv:4:2: column person_id: "p\\t2" is not valid: expected a person id on one line, without a line break, tab or other control character in it',
        'h.csv:5:2: column person_id: "p\\u00073" is not valid: expected a person id on one line, without a line break, tab or other control character in it',
      ],
    );
  });

  it('the bundled sample', async () => {
    await same(readFileSync('policies/samples/households.csv', 'utf8'));
  });
  it('BOM, CRLF, quoted fields with commas, quotes and newlines, spaces, extra and reordered columns, empty lines', async () => {
    await same(
      '\uFEFF' +
        [
          'weight, note ,area,age,person_id,household_id,financial_assets,wage_income,labor_capacity',
          '2.5,"likes, commas",urban,70,p1,H1,1000.5,0,none',
          '',
          '2.5,"a ""quoted"" note\nover two lines",urban, 40 ,"p2","H1",1000.5,1500,"partial"',
          '1,,rural,30,p3,H2,0,2000.25,',
          '0.000001,"汉字",rural,5,p4,H3,,,',
        ].join('\r\n') +
        '\r\n',
    );
  });
  // A spreadsheet saved as CSV writes its empty rows as commas: read as empty lines, the same population as without them
  it('rows of only commas (empty, spaces, or "") skipped as empty lines are', async () => {
    const rows = ['household_id,person_id,age,area', 'H1,p1,40,urban', ',,,', ' , ,"", ', 'H1,p2,5,urban', ',,,'];
    await same(rows.join('\r\n') + '\r\n');
    const without = plain(await parseHouseholds(Readable.from([[rows[0], rows[1], rows[4]].join('\n') + '\n']), 'h.csv'));
    expect(plain(await parseHouseholdsFast(chunks(rows.join('\n'), 7), 'h.csv'))).toBe(without);
  });
  it('a last line without a line end, and rows of a household far apart', async () => {
    await same('household_id,person_id,age,area\nA,1,5,rural\nB,2,40,urban\nA,3,35,rural');
  });
});

describe('the fast reader reports what the reference reports', () => {
  it('invalid values, with line, column, value and expectation', async () => {
    await sameProblems(
      'household_id,person_id,age,area,wage_income,serious_illness,labor_capacity,weight\nH1,p1,abc,urban,12.345,2,some,0\nH2,p2,131,suburb,-1,1,full,1.0000001\n',
    );
  });
  it('household-level values that differ, and repeated person ids', async () => {
    await sameProblems(
      'household_id,person_id,age,area,financial_assets,weight\nH1,p1,40,urban,100,1\nH2,p9,1,rural,0,1\nH1,p2,41,rural,100.5,2\nH3,p1,5,urban,0,1\n',
    );
  });
  it('a missing column, an empty file, and a record of the wrong length', async () => {
    await sameProblems('household_id,person_id,area\nH1,p1,urban\n');
    await sameProblems('');
    await sameProblems('household_id,person_id,age,area\nH1,p1,40,urban,extra\n');
  });
  it('after rows of only commas, a problem at its own line; a row of commas of another length is one', async () => {
    const problems = await problemsOf(() =>
      parseHouseholds(Readable.from(['household_id,person_id,age,area\n,,,\nH1,p1,x,urban\n']), 'h.csv'),
    );
    expect(problems).toEqual([
      'h.csv:3:3: column age: "x" is not valid: expected a whole number of years from 0 to 130 (household H1, person p1)',
    ]);
    await sameProblems('household_id,person_id,age,area\n,,,\nH1,p1,x,urban\n');
    await sameProblems('household_id,person_id,age,area\nH1,p1,40,urban\n,,\n');
  });
  it('a bad value after a quoted field spanning lines is located on the line its record starts', async () => {
    await sameProblems('household_id,person_id,age,area,note\nH1,p1,40,urban,"two\nlines"\nH1,p2,x,urban,\n');
  });
  // A QA trial: csv-parse's "a quote is found on field 1" counted fields from 0 and gave no column
  it('a quote inside a field that does not start with one: its column, and how to write it, by both readers', async () => {
    const text = 'household_id,person_id,age,area\nH1,p1",40,urban\n';
    await sameProblems(text);
    expect(await problemsOf(() => parseHouseholds(Readable.from([text]), 'h.csv'))).toEqual([
      'h.csv:2:2: CSV: a quote inside the field "p1", which does not start with one: a field with a quote in it is written in quotes, its own quotes doubled ("a""b" for a"b); reading stopped at this row',
    ]);
  });
  it('empty ids and quoted bad values', async () => {
    await sameProblems('household_id,person_id,age,area\n,p1,40,urban\nH2,,40,urban\nH3,p3,"4x",urban\n');
  });

  // A caseworker's trial: "F1 " (quoted, as pandas' quote-all writes) was another household than F1, silently split off
  it('an id with spaces inside its quotes: told at its place by both readers (unquoted, the spaces are trimmed)', async () => {
    const text = 'household_id,person_id,age,area\n"F1","f1",40,urban\n"F1 ","f2",38,urban\n"F2",\u0020" f3\u3000",5,urban\n';
    await sameProblems(text);
    expect(await problemsOf(() => parseHouseholds(Readable.from([text]), 'h.csv'))).toEqual([
      'h.csv:3:1: column household_id: "F1 " is not valid: expected a household id without spaces or invisible characters around it (kept, they would make another id) (household F1 , person f2)',
      'h.csv:4:2: column person_id: " f3\u3000" is not valid: expected a person id without spaces or invisible characters around it (kept, they would make another id) (household F2, person  f3\u3000)',
    ]);
    await same('household_id,person_id,age,area\n"F1","f1",40,urban\n F1 ,"f2",38,urban\n');
    // unquoted, a full-width space or a BOM before an id (not trimmed) is told too; Chinese ids are read
    await sameProblems('household_id,person_id,age,area\n\u3000F1,f1,40,urban\n\uFEFFF2,f2,38,urban\nF3,\u00a0f3,5,urban\n');
    await same('household_id,person_id,age,area\n南宁001,甲,40,urban\n南宁001,乙,38,urban\n');
  });

  // A QA trial: a zero-width space before "H1" made another household that looks the same (trim() keeps it): the
  // total 3.7 times the file's without it. Every format character (Cf) is told, at the start, the end or inside; the
  // joiner inside an emoji, and a flag's tags, are not.
  it('an id with an invisible character in it (U+200B, U+200E, U+2060, U+00AD…): told at its place by both readers', async () => {
    const text =
      'household_id,person_id,age,area\nH1,p1,40,urban\n\u200bH1,p2,8,urban\nH2\u200e,p3,40,urban\nH3,p\u00ad4,40,urban\nH\u20605,p5,1,urban\n';
    await sameProblems(text);
    expect(await problemsOf(() => parseHouseholds(Readable.from([text]), 'h.csv'))).toEqual([
      'h.csv:3:1: column household_id: "\u200bH1" is not valid: expected a household id without the invisible character U+200B in it (it would make another id that looks the same) (household \u200bH1, person p2)',
      'h.csv:4:1: column household_id: "H2\u200e" is not valid: expected a household id without the invisible character U+200E in it (it would make another id that looks the same) (household H2\u200e, person p3)',
      'h.csv:5:2: column person_id: "p\u00ad4" is not valid: expected a person id without the invisible character U+00AD in it (it would make another id that looks the same) (household H3, person p\u00ad4)',
      'h.csv:6:1: column household_id: "H\u20605" is not valid: expected a household id without the invisible character U+2060 in it (it would make another id that looks the same) (household H\u20605, person p5)',
    ]);
    // a family emoji (joiners between pictographs) and England's flag (tags) are ids like any other
    await same(
      'household_id,person_id,age,area\n\u{1F468}\u200d\u{1F469}\u200d\u{1F467},p1,40,urban\nF\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F},p2,3,urban\n',
    );
  });
});

describe('the fast reader against the reference on random fields', () => {
  // Fields drawn from valid, odd-but-valid and invalid spellings of each kind; columns in random order, some
  // left out, an extra one; LF or CRLF, a BOM or not; random chunk sizes. Whatever the reference reads, the fast
  // reader reads the same; whatever it reports, the fast reader reports the same.
  const MONEY = [
    '0',
    '12',
    '12.5',
    '12.34',
    '12.345',
    '.5',
    '5.',
    '007',
    '1234567890123',
    '12345678901234',
    ' 3 ',
    '',
    'x',
    '-1',
    '1e3',
    '"4.5"',
    '+1',
    '3.4.5',
  ];
  const POOL: Record<string, string[]> = {
    household_id: ['H1', 'H1', 'H2', 'H2', ' H3', 'H 4', '"H5"', '', '户1', 'H1 '],
    person_id: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', ' p10', '"p11"', '', 'P 12'],
    age: ['0', '5', '40', '70', '130', '131', '007', '0070', '', 'x', ' 40', '4.0'],
    area: ['urban', 'rural', 'rural', 'Urban', '', 'urbanx', '"rural"', 'urba', ' urban'],
    disability_grade: ['0', '1', '4', '5', '01', '', 'x'],
    serious_illness: ['0', '1', '2', '', '01'],
    has_capable_supporter: ['0', '1', '', ' 1'],
    on_dibao: ['0', '1', '11'],
    labor_capacity: ['full', 'partial', 'none', 'fulll', '', 'Full', ' none', 'part'],
    self_care: ['full', 'partial', 'none', 'nonee', ''],
    weight: ['1', '1', '0', '0.5', '2.000001', '2.0000001', '1234567890123', '', ' 1', '1.', '.1', '1.5.'],
    take_up_draw: ['0.5', '0', '0.999999', '1', '', '0.1234567', '-0.1', ' .3', '00.5', '0.'],
    note: ['', 'x', 'a b', '"q,x"', '汉字', 'say "hi"'],
  };
  for (const c of ['wage_income', 'other_income', 'financial_assets', 'rigid_expenditure', 'prior_dibao', 'emergency_need'])
    POOL[c] = MONEY;

  it('gives the same population or the same problems for 300 random files', async () => {
    let seed = 20261122;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
    let read = 0;
    for (let file = 0; file < 300; file++) {
      const optional = Object.keys(POOL).filter((c) => !['household_id', 'person_id', 'age', 'area'].includes(c) && rand(3) > 0);
      const columns = ['household_id', 'person_id', 'age', 'area', ...optional].sort(() => rand(3) - 1);
      // Mostly good rows (so that files are read too, not only rejected): a field is one of its pool's first
      // entries most of the time, and a household's own columns keep their values from row to row.
      const odd = rand(3) === 0 ? 8 : 60;
      const field = (c: string) => (rand(odd) === 0 ? pick(POOL[c]!) : pick(POOL[c]!.slice(0, c === 'household_id' ? 4 : 2)));
      const households = new Map<string, Map<string, string>>();
      const rows = Array.from({ length: 1 + rand(30) }, (_, r) => {
        const hid = field('household_id');
        if (!households.has(hid)) households.set(hid, new Map(HOUSEHOLD_COLUMNS.map((c) => [c, field(c)])));
        return columns
          .map((c) =>
            c === 'household_id'
              ? hid
              : c === 'person_id' && rand(odd)
                ? `q${r}`
                : households.get(hid)!.has(c) && rand(odd)
                  ? households.get(hid)!.get(c)!
                  : field(c),
          )
          .join(',');
      });
      const eol = rand(2) ? '\n' : '\r\n';
      const text = (rand(4) ? '' : '\uFEFF') + [columns.join(','), ...rows].join(eol) + (rand(4) ? eol : '');
      const reference = await problemsOf(() => parseHouseholds(Readable.from([text]), 'h.csv'));
      const size = 1 + rand(200);
      if (reference.length) expect(await problemsOf(() => parseHouseholdsFast(chunks(text, size), 'h.csv')), text).toEqual(reference);
      else {
        read++;
        expect(plain(await parseHouseholdsFast(chunks(text, size), 'h.csv')), text).toBe(
          plain(await parseHouseholds(Readable.from([text]), 'h.csv')),
        );
      }
    }
    expect(read).toBeGreaterThan(50); // enough files are good for the populations to be compared too
  });
});
