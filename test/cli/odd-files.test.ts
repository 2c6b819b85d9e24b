// Files that are not what a households option expects, through the CLI as a user meets them: each named for what it
// is, with what to do, by every command that reads households (a hardening trial's gzip, xz and UTF-16 files were
// "neither UTF-8 nor GB18030" at 0x8b, and a zip of CSVs "not a readable .xlsx workbook").
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { zipOf } from '../helpers/zip.js';

const NANNING = 'policies/guangxi-nanning.yaml';

describe('a households file that is not a CSV is named for what it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-odd-'));
  const csv = readFileSync(SAMPLE);
  const files = {
    gzip: ['h.csv.gz', gzipSync(csv), /^ {2}\S+h\.csv\.gz:1: the file is a gzip-compressed file: decompress it first \(gunzip -k FILE/m],
    // xz's and bzip2's magic bytes, then anything (the reader stops at them)
    xz: ['h.csv.xz', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), csv]), /the file is an xz-compressed file/],
    bzip2: ['h.csv.bz2', Buffer.concat([Buffer.from('BZh91AY&SY'), csv]), /the file is a bzip2-compressed file/],
    utf16: [
      'h16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.toString('utf8'), 'utf16le')]),
      /the file is UTF-16 text: save it as UTF-8/,
    ],
    zip: [
      'h.zip',
      zipOf({ 'households.csv': csv, 'readme.txt': 'x' }),
      /a ZIP archive with no xl\/workbook\.xml; it holds households\.csv, readme\.txt: extract the CSV/,
    ],
  } as const;

  for (const [kind, [name, bytes, said]] of Object.entries(files))
    it(`${kind}: simulate, import and compare say so (exit 3), with no note of garbled columns`, () => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      for (const args of [
        ['simulate', '--policy', NANNING, '--households', path],
        ['import', path, '--out', join(dir, `${kind}.arrow`)],
        ['compare', '--policy', NANNING, '--policy', 'policies/jiangxi-fuliang.yaml', '--households', path],
      ]) {
        const r = jiuzhu(args);
        expect([r.code, r.stderr], args.join(' ')).toEqual([3, expect.stringMatching(said)]);
        expect(r.stderr).not.toContain('reads no column named'); // the header of a file that is not text
        expect(r.stderr).not.toContain('GB18030');
      }
    });
});

describe('a header with columns jiuzhu does not read: every one noted, none silently', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-odd-'));
  const run = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return { file, r: jiuzhu(['simulate', '--policy', NANNING, '--households', file, '--date', '2025-06-30', '--format', 'json']) };
  };

  it("a spreadsheet's empty columns saved with it (no name, several): read, and noted by place (they were 'column \"\" appears twice')", () => {
    const { file, r } = run(
      'excel.csv',
      'household_id,person_id,age,area,wage_income,,,\r\nH1,p1,40,urban,100,,,\r\nH2,p2,50,rural,0,,,\r\n',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).households.rows).toBe(2);
    expect(r.stderr).toContain(`note: ${file}: jiuzhu reads no column without a name (columns 6, 7, 8): left out of every figure;`);
  });

  it('a column without a name that holds values is noted beside the named ones (it was read past without a word)', () => {
    const { file, r } = run('lost.csv', 'household_id,person_id,,age,area,village\nH1,p1,zz,40,urban,东村\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${file}: jiuzhu reads no column named "village", nor the column without a name (column 3): left out`);
  });

  // A QA trial: in a file of CR line endings the header was not found, and wgt and notes were left out in silence
  // (every weight 1); with spaces after the commas, the note said the file had no wage_income, weight… that it read
  it('CR line endings: the unknown columns noted as with LF; spaces after the commas: no column said missing that is read', () => {
    const rows = ['household_id,person_id,age,area,wage_income,wgt,notes', 'H1,p1,40,urban,100,2,x', 'H2,p2,50,rural,0,3,y'];
    for (const [name, text] of [
      ['cr.csv', rows.join('\r') + '\r'],
      ['lf.csv', rows.join('\n') + '\n'],
    ]) {
      const { file, r } = run(name, text);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`note: ${file}: jiuzhu reads no column named "wgt", "notes": left out of every figure; the file has no`);
    }
    const { file, r } = run('spaced.csv', 'household_id, person_id, age, area, wage_income, weight\nH1, p1, 40, urban, 100, 2\n');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).households.weighted).toBe('2');
    expect(r.stderr).toContain(`note: ${file}: the file has no other_income, financial_assets: every row takes`);
  });

  // An import trial: a file with every weighty column and no disability_grade or emergency_need paid no disability
  // subsidy in silence, where README says a note names the columns left out. take_up_draw alone is not said: a
  // register without draws takes up what it is eligible for (the bundled sample's reading).
  it('an optional column left out is said, whichever it is; take_up_draw alone is not', () => {
    const head = 'household_id,person_id,age,area,wage_income,other_income,financial_assets,weight';
    const { file, r } = run('no-disability.csv', `${head}\nH1,p1,40,urban,100,0,0,2\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${file}: the file has no disability_grade, serious_illness, labor_capacity, self_care, has_capable_supporter, rigid_expenditure, on_dibao, prior_dibao, emergency_need: every row takes disability_grade 0, serious_illness 0,`,
    );
    expect(r.stderr).not.toContain('take_up_draw');
    const all =
      'disability_grade,serious_illness,labor_capacity,self_care,has_capable_supporter,rigid_expenditure,on_dibao,prior_dibao,emergency_need';
    const full = run('no-draw.csv', `${head},${all}\nH1,p1,40,urban,100,0,0,2,0,0,full,full,1,0,0,0,0\n`);
    expect(full.r.code, full.r.stderr).toBe(0);
    expect(full.r.stderr).not.toContain('the file has no');
  });

  it('20,000 extra columns (a header past 64 KiB) are still noted, the first twelve named and the count', () => {
    const extra = Array.from({ length: 20000 }, (_, i) => `x${i}`);
    const { file, r } = run(
      'wide.csv',
      `household_id,person_id,age,area,${extra.join(',')}\nH1,p1,40,urban,${extra.map(() => '1').join(',')}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${file}: jiuzhu reads no column named "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11" … (20,000 in all): left out`,
    );
  });
});

describe('a temporary file left by a run killed outright (SIGKILL: no handler runs)', () => {
  it('is removed by the next write beside it, and said; a live run’s is left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-killed-'));
    const out = join(dir, 'big.csv');
    const child = spawn(process.execPath, ['bin/jiuzhu.js', 'generate', '--policy', NANNING, '--households', '50000000', '--out', out]);
    for (let i = 0; i < 200 && readdirSync(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const [left] = readdirSync(dir);
    expect(left).toMatch(new RegExp(`^\\.big\\.csv\\.${child.pid}-[0-9a-f]{8}\\.tmp$`)); // the process in its name
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(readdirSync(dir)).toEqual([left]); // (what an out-of-memory kill leaves)
    // a temporary file of a process that is alive (this one's) beside it is not touched
    const live = `.big.csv.${process.pid}-0badcafe.tmp`;
    writeFileSync(join(dir, live), 'x');
    const r = jiuzhu(['generate', '--policy', NANNING, '--households', '100', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: removed ${join(dir, left!)}, a temporary file left by a run that was killed (process ${child.pid} is gone)\n`,
    );
    expect(readdirSync(dir).sort()).toEqual([live, 'big.csv'].sort());
  });
});

describe('a FIFO with no writer yet', () => {
  it('is said after two seconds (it waited in silence), then read whole when written to', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'jiuzhu-fifo-')), 'h.fifo');
    spawnSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [
      'bin/jiuzhu.js',
      'simulate',
      '--policy',
      NANNING,
      '--households',
      fifo,
      '--date',
      '2025-06-30',
      '--format',
      'json',
    ]);
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await new Promise((r) => setTimeout(r, 3000));
    expect(stderr).toContain(`note: waiting for ${fifo}, a FIFO (named pipe), to be written to (Ctrl-C to stop)\n`);
    writeFileSync(fifo, readFileSync(SAMPLE)); // (opens at once: the reader waits on it)
    expect(await exit).toBe(0);
    expect(JSON.parse(stdout).households.rows).toBe(600);
  });

  // (a fuzzing trial: an output FIFO with no reader waited for ever without a word)
  it('as an output with no reader yet: said after two seconds, then written whole when read', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'jiuzhu-fifo-')), 'rows.fifo');
    spawnSync('mkfifo', [fifo]);
    const args = ['simulate', '--policy', NANNING, '--households', SAMPLE, '--date', '2025-06-30', '--format', 'json'];
    const child = spawn(process.execPath, ['bin/jiuzhu.js', ...args, '--per-household', fifo]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const exit = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await new Promise((r) => setTimeout(r, 3000));
    expect(stderr).toContain(`note: waiting for a reader of ${fifo}, a FIFO (named pipe) (Ctrl-C to stop)\n`);
    const rows = readFileSync(fifo, 'utf8'); // (opens at once: the writer waits on it; read to its end)
    expect(await exit).toBe(0);
    expect(rows.trimEnd().split('\n')).toHaveLength(601);
  });
});

describe('a YAML file of one kind given for another is named for what it is', () => {
  // A budget officer's trial gave the policy as --projection: a dozen unknown and missing keys, not what to do
  it('policy, scenario, projection, profile, cases: one line each, at its id, with where to give it', () => {
    const told = (args: string[]) => {
      const r = jiuzhu(args);
      expect(r.code).toBe(3);
      return r.stderr;
    };
    const S = ['simulate', '--policy', NANNING, '--households', SAMPLE];
    expect(told([...S, '--years', '2027-2028', '--projection', NANNING])).toBe(
      `jiuzhu: invalid input (1 problem):\n  ${NANNING}:7:1: this is a policy file (guangxi-nanning), not a projection file: give it as --policy\n`,
    );
    expect(told([...S, '--scenario', 'scenarios/projections/guangdong-3.5pct.yaml'])).toContain(
      'guangdong-3.5pct.yaml:1:1: this is a projection file (guangdong-3.5pct), not a scenario file: give it as --projection, with --year or --years\n',
    );
    expect(told(['simulate', '--policy', 'scenarios/low-income-2x.yaml', '--households', SAMPLE])).toContain(
      'low-income-2x.yaml:1:1: this is a scenario file (low-income-2x), not a policy file: give it as --scenario\n',
    );
    expect(told([...S, '--scenario', 'policies/profiles/guangxi-nanning.yaml'])).toMatch(
      /guangxi-nanning\.yaml:\d+:1: this is a profile file \(guangxi-nanning\), not a scenario file: give it as generate --profile\n$/,
    );
    expect(told(['simulate', '--policy', 'policies/cases/guangxi-nanning.yaml', '--households', SAMPLE])).toMatch(
      /this is a cases file, not a policy file: give it as jiuzhu test\n$/,
    );
  });
});
