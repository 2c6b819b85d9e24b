// A QA trial hunting silent defaults: a file without wage_income read every income as 0 without a word (the note came
// only beside an unknown column), a pipe's unknown columns were left out in silence, --sheet with --describe and
// --encoding with a workbook or Parquet file were taken and did nothing, --help gave yuan as the HTML page's unit,
// --ranges with --stream spoke of the date and the format, and JIUZHU_CACHE=bogus meant "on".
import ExcelJS from 'exceljs';
import { parquetWriteFile } from 'hyparquet-writer';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyReader, jiuzhu, SAMPLE } from '../helpers/cli.js';

const NANNING = 'policies/guangxi-nanning.yaml';
const AT = ['--date', '2025-06-30'];
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-silent-'));
const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n').slice(0, 30);
/** The sample's first rows without the named columns. */
const without = (...cols: string[]) => {
  const header = lines[0]!.split(',');
  const keep = header.map((h, i) => (cols.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return lines.map((l) => keep.map((i) => l.split(',')[i]).join(',')).join('\n') + '\n';
};

/** A line of the sample without its has_capable_supporter field (the header's 11th). */
const dropSupporter = (line: string) =>
  line
    ? line
        .split(',')
        .filter((_, i) => i !== 10)
        .join(',')
    : line;

describe('a column that moves every figure, absent: said', () => {
  it('no wage_income and no weight: a note, with nothing else unread (it came only beside an unknown column)', () => {
    const f = join(dir, 'nowage.csv');
    writeFileSync(f, without('wage_income', 'weight'));
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${f}: the file has no wage_income, weight: every row takes wage_income 0, weight 1; nor take_up_draw, which takes its default (give the column, or map one to it with --columns)\n`,
    );
    // a file of the required columns alone: every column it lacks is named (a researcher was told of four of fourteen)
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, without(...lines[0]!.split(',').slice(4)));
    const b = jiuzhu(['simulate', '--policy', NANNING, '--households', bare, ...AT, '--format', 'csv']);
    expect(b.stderr).toMatch(
      /the file has no wage_income, other_income, financial_assets, weight: every row takes [^;]*; nor disability_grade, serious_illness, labor_capacity, self_care, has_capable_supporter, rigid_expenditure, on_dibao, prior_dibao, emergency_need, take_up_draw, which take their defaults/,
    );
    // the sample itself, with every such column: no note
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT, '--format', 'csv']).stderr).not.toContain(
      'the file has no',
    );
  });

  // A tekun register without has_capable_supporter gave 0 tekun with no more than "which take their defaults" (each
  // person then has a capable supporter): the note says what the default forecloses, and it is so.
  it('a column whose default forecloses a program: the note says which (no has_capable_supporter: no one is tekun)', () => {
    const f = join(dir, 'nosupporter.csv');
    writeFileSync(f, readFileSync(SAMPLE, 'utf8').split('\n').map(dropSupporter).join('\n'));
    const tekun = (file: string) => {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', file, ...AT, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      return [JSON.parse(r.stdout).scenarios[0].programs.tekun.persons, r.stderr] as const;
    };
    const [without, said] = tekun(f);
    expect(said).toContain(
      `note: ${f}: the file has no has_capable_supporter: every row takes has_capable_supporter 1; so no one is tekun (step 1 asks has_capable_supporter 0) (give the column`,
    );
    expect(without).toBe('0');
    expect(Number(tekun(SAMPLE)[0])).toBeGreaterThan(0); // (the sample's own column makes some)
  });

  it('from a pipe, an unknown column is said once read, by both readers and --stream (it was left out in silence)', () => {
    const piped = lines.join('\n').replace(/,weight$/m, ',wt') + '\n';
    for (const [env, more] of [
      [{}, []],
      [{ JIUZHU_CSV_READER: 'reference' }, []],
      [{}, ['--stream']],
    ] as const) {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', '-', ...AT, '--format', 'csv', ...more], {
        input: piped,
        env: { ...env },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.match(/jiuzhu reads no column named "wt": left out of every figure; the file has no weight/g)).toHaveLength(1);
    }
  });
});

describe('options that would do nothing: refused (exit 2)', () => {
  it('--sheet, --encoding or --columns with explain --describe', () => {
    const r = jiuzhu(['explain', '--policy', NANNING, ...AT, '--describe', '{area: urban, persons: [{age: 40}]}', '--sheet', 'x']);
    expect([r.code, r.stderr]).toEqual([
      2,
      'jiuzhu: --describe gives the household itself: --sheet would do nothing (it turns a households file)\nhint: leave it out\n',
    ]);
  });

  it('--encoding with a Parquet file (its text is Unicode as it holds it)', () => {
    const f = join(dir, 'h.parquet');
    parquetWriteFile({
      filename: f,
      columnData: [
        { name: 'household_id', type: 'STRING', data: ['H1'] },
        { name: 'person_id', type: 'STRING', data: ['p1'] },
        { name: 'age', type: 'INT32', data: [40] },
        { name: 'area', type: 'STRING', data: ['urban'] },
      ],
    });
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--encoding', 'gbk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f} is a Parquet file, whose text is Unicode as it holds it: --encoding would do nothing to it`);
  });

  it('--ranges with --stream names --stream; a JIUZHU_CACHE that is neither on nor off', () => {
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT, '--stream', '--ranges', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^jiuzhu: --ranges does not go with --stream:/);
    const c = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT], { env: { JIUZHU_CACHE: 'bogus' } });
    expect([c.code, c.stderr]).toEqual([2, 'jiuzhu: JIUZHU_CACHE must be on or off (1/0, true/false, yes/no), got "bogus"\n']);
  });

  it('a JIUZHU_ variable jiuzhu does not read is a usage error naming the one it resembles (JIUZHU_THREAD ran on every core)', () => {
    for (const args of [
      ['params', '--policy', NANNING],
      ['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT],
    ]) {
      const r = jiuzhu(args, { env: { JIUZHU_THREAD: '1', JIUZHU_FAST: 'yes' } });
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(
        /^jiuzhu: JIUZHU_FAST, JIUZHU_THREAD \(did you mean JIUZHU_THREADS\?\) are not settings jiuzhu reads\nhint: the settings it reads: JIUZHU_THREADS, /,
      );
      expect(r.stdout).toBe('');
    }
    expect(jiuzhu(['params', '--policy', NANNING], { env: { JIUZHU_THREADS: '1', JIUZHU_CACHE: 'off' } }).code).toBe(0);
  });

  // A README trial: JIUZHU_THREADS=0, JIUZHU_HUGE_PAGES=2 or JIUZHU_CSV_READER=foo with params: exit 0, nothing said
  it('a setting’s bad value is a usage error in a command that reads no households too', () => {
    for (const [k, v, said] of [
      ['JIUZHU_THREADS', '0', 'JIUZHU_THREADS must be a whole number from 1 to 64, got "0"'],
      ['JIUZHU_CSV_READER', 'foo', 'JIUZHU_CSV_READER must be fast or reference, got "foo"'],
      ['JIUZHU_HUGE_PAGES', '2', 'JIUZHU_HUGE_PAGES must be 0 (never) or 1'],
    ]) {
      const r = jiuzhu(['params', '--policy', NANNING], { env: { [k!]: v! } });
      expect([r.code, r.stderr, r.stdout], k).toEqual([2, expect.stringContaining(`jiuzhu: ${said}`), '']);
    }
  });

  it('--help gives the HTML page’s unit (万元) beside the default', () => {
    for (const command of ['simulate', 'compare'])
      expect(jiuzhu([command, '--help']).stdout.replace(/\s+/g, ' ')).toContain('(default: yuan; wan with --format html)');
  });
});

// An onboarding trial: at 50,000 households tekun came out 0.006 to 0.024 per 100 persons over four seeds, a scenario
// +56 %, and nothing said the figures rest on ~40 sampled households
describe('a sample that few of its households stand behind', () => {
  it('names each program received by fewer than 100 of its households, with ±2/√n; a register (weights 1) is not a sample', () => {
    const r = jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT]);
    const note = r.stderr.split('\n').find((l) => l.startsWith('note: few households of'))!;
    // 7 households of the sample receive single-person dibao: 200 / √7 = 75.6 → ±76 %; tekun 69: 200 / √69 = 24.1 → ±24 %
    expect(note).toContain('单人户施保 single-person dibao (7: ±76 %)');
    expect(note).toContain('特困 tekun (69: ±24 %)');
    expect(note).not.toContain('低保 dibao (');
    const register = join(dir, 'register.csv');
    const all = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const w = all[0]!.split(',').indexOf('weight');
    writeFileSync(
      register,
      all
        .map((l, i) =>
          i
            ? l
                .split(',')
                .map((x, k) => (k === w ? '1' : x))
                .join(',')
            : l,
        )
        .join('\n') + '\n',
    );
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', register, ...AT]).stderr).not.toContain('few households');
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT, '--quiet']).stderr).toBe('');
  });

  // A finance clerk's --year on the sample said nothing of it: the same note, from the year's (the first year's) periods
  it('is said of a budget year and of years too: each program’s households in the period it has the most', () => {
    const noteOf = (...more: string[]) =>
      jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...more])
        .stderr.split('\n')
        .find((l) => l.startsWith('note: few households of'));
    // 2025-06-30 and the year 2025 have the same parameters (no change inside 2025): the same households receive each
    // program; the gradual exit's 11 pay in the year's first period (January–March), where the year has them
    const atDate = noteOf('--date', '2025-06-30');
    expect(atDate).toContain('低保渐退 gradual exit (11: ±60 %)');
    expect(noteOf('--year', '2025')).toBe(atDate);
    expect(noteOf('--years', '2025-2026')).toBe(atDate);
    expect(noteOf('--year', '2025', '--quiet')).toBeUndefined();
  });
});

describe('a value no rule reads in a household', () => {
  // DOMAIN step 7 (003 §11): the gradual exit keeps prior_dibao of a household with on_dibao = 1; a household not on
  // dibao now is never read for it. Households A (one row) and B (two rows) give prior_dibao with on_dibao 0; C is on
  // dibao with its prior_dibao; D gives neither.
  const f = join(dir, 'prior.csv');
  writeFileSync(
    f,
    'household_id,person_id,age,area,wage_income,on_dibao,prior_dibao\n' +
      'A,a1,40,urban,3000,0,600\nB,b1,40,urban,3000,0,450.50\nB,b2,12,urban,0,0,450.50\nC,c1,40,urban,3000,1,600\nD,d1,30,rural,0,0,0\n',
  );
  const note = `note: 2 households of ${f} give prior_dibao but are not on dibao now (on_dibao 0): no rule reads it there`;
  it('prior_dibao where on_dibao is 0: said with how many, by every reader (loaded, --stream, on worker threads, Arrow)', () => {
    for (const [households, more, env] of everyReader(f, join(dir, 'prior.arrow'))) {
      const r = jiuzhu(['simulate', '--policy', NANNING, '--households', households, ...AT, ...more], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, `${households} ${more.join(' ')} ${JSON.stringify(env)}`).toContain(note.replace(f, households));
    }
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--quiet']).stderr).toBe('');
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', SAMPLE, ...AT]).stderr).not.toContain('prior_dibao');
  });

  it('and by every other command that reads the file: simulate --year, --years, --ranges, compare, sensitivity, once each', () => {
    for (const args of [
      ['simulate', '--year', '2025'],
      ['simulate', '--years', '2024-2025'],
      ['simulate', ...AT, '--ranges'],
      ['simulate', ...AT, '--per-household', join(dir, 'prior-rows.csv')],
      ['compare', ...AT],
      ['compare', '--year', '2025'],
      ['sensitivity', ...AT],
    ]) {
      const r = jiuzhu([args[0]!, '--policy', NANNING, '--households', f, ...args.slice(1)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.split(note).length - 1, args.join(' ')).toBe(1);
    }
  });
});

describe('empty cells: said with how many and as what (DOMAIN reads one as the default, which a survey means as unknown)', () => {
  // The sample's first rows, twice: with the defaults written out (wage_income 0, other_income 0), and with those
  // cells empty — unquoted, quoted ("") and spaces only. Same figures; the second is told. (A weight empty where the
  // others give one is refused: below.)
  const cut = lines.map((l) => l.split(','));
  const [W, O] = ['wage_income', 'other_income'].map((c) => cut[0]!.indexOf(c));
  const written = cut.map((r) => [...r]);
  const emptied = written.map((r) => [...r]);
  for (const i of [1, 2]) emptied[i]![W!] = ''; // H0001, H0002-1: wage 0
  emptied[3]![W!] = '  '; // H0002-2: wage 0
  emptied[3]![O!] = ''; // H0002-2: other income 0
  const full = join(dir, 'written.csv');
  const holes = join(dir, 'holes.csv');
  const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
  writeFileSync(full, csv(written));
  writeFileSync(holes, csv(emptied));
  // (a quoted field is never split between worker threads: the same holes, one of them quoted, read on this thread)
  const quoted = join(dir, 'holes-quoted.csv');
  emptied[3]![O!] = '""';
  writeFileSync(quoted, csv(emptied));
  const note = (f: string) =>
    `note: ${f}: 4 empty cells read as the column's default: wage_income 3 (as 0), other_income 1 (as 0) — an empty cell is read as none, not unknown (fill in what is known, or leave the household out)\n`;
  const run = (f: string, more: readonly string[] = [], env = {}, input?: string) =>
    jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--format', 'csv', ...more], { env, input });

  it('by every reader: this thread, worker threads, --stream, the reference reader, a pipe; the figures are the defaults', () => {
    const expected = run(full);
    expect(expected.code, expected.stderr).toBe(0);
    expect(expected.stderr).not.toContain('empty cell');
    for (const [more, env] of [
      [[], {}],
      [[], { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' }],
      [['--stream'], {}],
      [[], { JIUZHU_CSV_READER: 'reference' }],
    ] as const) {
      const r = run(holes, more, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
      expect(r.stderr.split(note(holes)).length - 1, `${more.join(' ')} ${JSON.stringify(env)}`).toBe(1);
    }
    for (const env of [{}, { JIUZHU_CSV_READER: 'reference' }]) expect(run(quoted, [], env).stderr).toContain(note(quoted));
    const piped = run('-', [], {}, readFileSync(holes, 'utf8'));
    expect(piped.stderr).toContain(note('/dev/stdin'));
    expect(run(holes, ['--quiet']).stderr).toBe('');
  });

  it('once by each command over the file, and by import (the Arrow file holds the values read)', () => {
    for (const args of [
      ['simulate', '--years', '2024-2025'],
      ['compare', ...AT],
      ['sensitivity', ...AT],
    ]) {
      const r = jiuzhu([args[0]!, '--policy', NANNING, '--households', holes, ...args.slice(1)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.split(note(holes)).length - 1, args.join(' ')).toBe(1);
    }
    const arrow = join(dir, 'holes.arrow');
    const imported = jiuzhu(['import', '--households', holes, '--out', arrow]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(note(holes));
  });
});

// A researcher's trial: one household's weight blanked (its 33.292136 among the others') ran as 1 — a thirty-third of its
// share of the population and the cost — with a note only. Where some rows give a weight, an empty one is refused at its
// first line, by every reader; a file whose every weight is empty is one without weights (DOMAIN's default 1, noted).
describe('a weight empty where others are given', () => {
  const cut = lines.map((l) => l.split(','));
  const WT = cut[0]!.indexOf('weight');
  const H0006 = cut.flatMap((r, i) => (r[0] === 'H0006' ? [i] : []));
  const some = cut.map((r, i) => (H0006.includes(i) ? r.map((v, j) => (j === WT ? '' : v)) : r));
  const all = cut.map((r, i) => (i ? r.map((v, j) => (j === WT ? '' : v)) : r));
  const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
  const [someFile, allFile, ones] = ['some-weights.csv', 'no-weights.csv', 'ones.csv'].map((f) => join(dir, f));
  writeFileSync(someFile, csv(some));
  writeFileSync(allFile, csv(all));
  writeFileSync(ones, csv(cut.map((r, i) => (i ? r.map((v, j) => (j === WT ? '1' : v)) : r))));
  const run = (f: string, more: readonly string[] = [], env = {}) =>
    jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--format', 'csv', ...more], { env });

  it('is refused at its first line by every reader (this thread, worker threads, --stream, the reference reader), exit 3', () => {
    expect(H0006.length).toBeGreaterThan(0);
    const rows = lines.length - 1;
    const line = H0006[0]! + 1;
    const told =
      `jiuzhu: invalid input (1 problem):\n  ${someFile}:${line}: weight is empty on ${H0006.length} row${H0006.length > 1 ? 's' : ''} where the other ${rows - H0006.length} give one: an empty weight would read as 1 (a household that stands for one), whatever the others' rows stand for\n` +
      "hint: give every household's weight (write 1 where a household stands for itself; a file without weights leaves the column out)\n";
    for (const [more, env] of [
      [[], {}],
      [[], { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' }],
      [['--stream'], {}],
      [[], { JIUZHU_CSV_READER: 'reference' }],
    ] as const) {
      const r = run(someFile, more, env);
      expect([r.code, r.stderr], `${more.join(' ')} ${JSON.stringify(env)}`).toEqual([3, told]);
    }
  });

  // (the command's own read: its workers evaluate their parts as they read them, each part several ranges of a big
  // file, their lines not the file's — it read line 146,758 for 270,002 until the file was read again keeping them)
  it('is refused at the file’s line where worker threads read a big file in many ranges (12 MB)', () => {
    const big = join(dir, 'big.csv');
    const rows = Array.from({ length: 150_000 }, (_, i) => {
      const h = `H${String(i + 1).padStart(6, '0')}`;
      const area = i % 3 ? 'urban' : 'rural';
      const w = i === 135_000 ? '' : '1.5';
      return `${h},${h}-1,${30 + (i % 40)},${area},${(i * 37) % 3000}.00,${i % 500}.50,${w}\n${h},${h}-2,${i % 17},${area},0,${(i * 11) % 400}.00,${w}\n`;
    });
    writeFileSync(big, `household_id,person_id,age,area,wage_income,other_income,weight\n${rows.join('')}`);
    // (which ranges a worker's part holds is the threads' race: a wrong line came one run in two — three runs)
    for (let i = 0; i < 3; i++) {
      const r = run(big, ['--quiet']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`  ${big}:270002: weight is empty on 2 rows where the other 299,998 give one`);
    }
  });

  it('every weight empty: a file without weights, each household 1, noted', () => {
    const r = run(allFile);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(run(ones).stdout);
    expect(r.stderr).toContain(`weight ${lines.length - 1} (as 1)`);
  });
});

// A determinism audit: a file whose weight was headed survey_weight ran with every weight 1, said on stderr alone — not
// in the JSON's notes, the workbook's About sheet or the HTML page, and with --quiet nowhere at all.
describe('the households file’s notes are in the outputs too', () => {
  const f = join(dir, 'survey.csv');
  writeFileSync(
    f,
    lines
      .join('\n')
      .replace(/,weight$/m, ',survey_weight')
      .replace(/^(H0001,H0001-1,76,rural,)0,/m, '$1,') + '\n',
  );
  const unread = `${f}: jiuzhu reads no column named "survey_weight": left out of every figure; the file has no weight`;
  const empty = `${f}: 1 empty cell read as the column's default: wage_income 1 (as 0)`;
  const has = (notes: readonly string[], note: string) => notes.filter((n) => n.startsWith(note)).length;

  it('JSON (simulate at a date, --year, --years; compare), with --quiet too; on stderr once each', () => {
    for (const args of [
      ['simulate', ...AT],
      ['simulate', '--year', '2025'],
      ['simulate', '--years', '2024-2025'],
      ['compare', ...AT],
    ]) {
      for (const quiet of [[], ['-q']]) {
        const r = jiuzhu([args[0]!, '--policy', NANNING, '--households', f, ...args.slice(1), '--format', 'json', ...quiet]);
        expect(r.code, r.stderr).toBe(0);
        const { notes } = JSON.parse(r.stdout) as { notes: string[] };
        expect([has(notes, unread), has(notes, empty)], `${args.join(' ')} ${quiet}`).toEqual([1, 1]);
        expect(r.stderr.split(`note: ${unread}`).length - 1).toBe(quiet.length ? 0 : 1);
        expect(r.stderr.split(`note: ${empty}`).length - 1).toBe(quiet.length ? 0 : 1);
      }
    }
  });

  it('the workbook’s About sheet and the HTML report', async () => {
    const xlsx = join(dir, 'survey.xlsx');
    expect(jiuzhu(['simulate', '--policy', NANNING, '--households', f, ...AT, '--format', 'xlsx', '--out', xlsx, '-q']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const about = wb.getWorksheet('说明 About')!.getSheetValues().flat().map(String);
    expect([has(about, unread), has(about, empty)]).toEqual([1, 1]);
    const html = join(dir, 'survey.html');
    expect(jiuzhu(['report', '--policy', NANNING, '--households', f, ...AT, '--out', html, '-q']).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    for (const note of [unread, empty]) expect(page).toContain(note.replaceAll('"', '&quot;').replace(/'/g, '&#39;'));
  });
});
