// An Arrow population file of several record batches (`jiuzhu import` writes batches of 65,536 households): simulate's
// totals evaluated a batch at a time (engine/arrow-totals.ts), on this thread or the pool's workers, and every other
// command reading the batches joined (io/arrow.ts) — the same results as the CSV; a batch edited after import, or a
// file of batches another tool cut, read whole and checked, its problems told at the file's rows.
import { Float64, RecordBatch, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';
import { batchColumnsOf, batchReader, decode, idsFingerprint, populationToArrow } from '../../src/io/arrow.js';
import { populationFromColumns, valueColumns, valuesFingerprintOf } from '../../src/io/arrow-population.js';
import { valuesHash } from '../../src/io/arrow-checks.js';
import { readArrowLayout } from '../../src/io/arrow-file.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { figures, Totals, type PlainTotals } from '../../src/core/aggregate.js';
import { arrowWorkers, DEFAULT_SETTINGS } from '../../src/engine/settings.js';
import { rulesAt } from '../../src/core/rules.js';
import { simulate } from '../../src/core/simulate.js';
import { simulateArrowBatches } from '../../src/engine/arrow-totals.js';
import { simulateFile } from '../../src/engine/households.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { withThreads } from '../helpers/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-arrow-batches-'));
const batched = join(dir, 'batched.arrow');
const P = ['--policy', 'policies/guangxi-nanning.yaml', '--date', '2025-06-30'];
const SIX = ['--scenario', 'scenarios/low-income-2x.yaml', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'];
/** Threads 1 (this thread) or 3 workers, with every size counted big enough for them. */
const THREADS = {
  one: { JIUZHU_THREADS: '1' },
  three: {
    JIUZHU_THREADS: '3',
    JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0',
    JIUZHU_PARALLEL_FROM_BYTES: '0',
    JIUZHU_ARROW_BATCH_RUNS_PER_WORKER: '1',
  },
};
const run = (args: string[], env: Record<string, string> = {}) => jiuzhu([...args, '--quiet'], { env });
const json = (args: string[], env: Record<string, string> = {}) => {
  const r = run([...args, '--format', 'json'], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.replace(/"households_file": "[^"]*"/g, '');
};

beforeAll(async () => {
  // The sample's 600 households in batches of 64: 10 batches, the last of 24.
  const pop = await parseHouseholdsFast(Readable.from([readFileSync(SAMPLE)]), SAMPLE);
  writeFileSync(batched, populationToArrow(pop, { source: SAMPLE }, 64));
});

// The CLI's results are the same when simulateArrowBatches gives up (null: the file is read whole), so these say that it
// did not, and where the batches were evaluated.
describe('engine/arrow-totals: a batch at a time', () => {
  const runs = async () =>
    Promise.all(
      ['guangxi-nanning', 'guangdong-guangzhou'].map(async (id) => ({
        id,
        rules: rulesAt(await loadPolicy(`policies/${id}.yaml`), '2025-06-30').rules,
      })),
    );
  const whole = async () =>
    JSON.stringify(simulate(await parseHouseholdsFast(Readable.from([readFileSync(SAMPLE)]), SAMPLE), await runs()).map(figures));

  it('gives the whole population’s totals, exactly, on this thread alone and beside 2 and 6 workers', async () => {
    const here = await simulateArrowBatches(null, batched, runs());
    expect(JSON.stringify(here!.map(figures))).toBe(await whole());
    for (const threads of [1, 3, 7]) {
      const { result, jobs } = await withThreads(threads, (exec) => simulateArrowBatches(exec, batched, runs()));
      expect(JSON.stringify(result!.map(figures))).toBe(await whole());
      // this thread and one worker fewer than the pool has, each claiming batches as it is free (how many each takes
      // depends on the timing, so the next test has the workers take them all)
      expect(jobs).toEqual(Array.from({ length: threads === 1 ? 0 : threads }, (_, w) => (w < threads - 1 ? 1 : 0)));
    }
  });

  it('on workers alone (their job, as this thread posts it), the same totals, each batch once', async () => {
    const { newClaims } = await import('../../src/engine/arrow-batches.js');
    const { plainRuns } = await import('../../src/engine/parallel.js');
    const { result } = await withThreads(3, async (exec) => {
      const claims = newClaims(readArrowLayout(batched).batches.length);
      const job = { kind: 'arrow-totals', file: batched, claims, runs: plainRuns(await runs()) } as const;
      const parts = await Promise.all([0, 1, 2].map((w) => exec.pool()!.run<PlainTotals[]>(w, job)));
      return parts.map((p) => p.map((t) => Totals.of(t)));
    });
    // each worker's rows: together the file's 1,697, none evaluated twice
    expect(result.reduce((n, part) => n + part[0]!.personRows, 0)).toBe(1697);
    const merged = result[0]!.map((t, i) => {
      for (const other of result.slice(1)) t.merge(other[i]!);
      return t;
    });
    expect(JSON.stringify(merged.map(figures))).toBe(await whole());
  });

  it('joins a worker to this thread for each arrowBatchRunsPerWorker batches × runs (at most one a core but this one)', () => {
    const s = (threads: number, per: number) => ({ ...DEFAULT_SETTINGS, threads, arrowBatchRunsPerWorker: per });
    expect(arrowWorkers(s(2, 80), 8, 6)).toBe(0); // 500,000 households, baseline + 5: quicker alone
    expect(arrowWorkers(s(2, 80), 16, 6)).toBe(1);
    expect(arrowWorkers(s(8, 80), 16, 6)).toBe(1);
    expect(arrowWorkers(s(8, 80), 16, 40)).toBe(7);
    expect(arrowWorkers(s(8, 1), 3, 1)).toBe(2); // never more than the batches but this thread's
    expect(arrowWorkers(s(1, 1), 16, 40)).toBe(0);
  });

  it('is how simulate reads the file (simulateFile): one job per worker, not a check and an evaluation of the whole', async () => {
    const { result, jobs } = await withThreads(3, (exec) => simulateFile(exec, batched, runs()));
    expect(JSON.stringify(result.map(figures))).toBe(await whole());
    expect(jobs).toEqual([1, 1, 0]); // this thread, and one worker fewer than the pool has
  });

  it('gives up (the file is then read whole) on a batch edited after import, or ids that are not those import checked', async () => {
    const t = tableFromIPC(readFileSync(batched));
    (t.batches[7]!.getChild('age')!.data[0]!.values as Uint8Array)[3] = 200;
    const edited = join(dir, 'edited.arrow');
    writeFileSync(edited, tableToIPC(t, 'file'));
    const u = tableFromIPC(readFileSync(batched));
    const recut = join(dir, 'recut.arrow');
    writeFileSync(
      recut,
      tableToIPC(new Table(u.schema, [new RecordBatch(u.schema, u.batches[0]!.data), ...u.batches.slice(1)].reverse()), 'file'),
    );
    for (const f of [edited, recut]) {
      expect(await simulateArrowBatches(null, f, runs())).toBeNull();
      expect((await withThreads(3, (exec) => simulateArrowBatches(exec, f, runs()))).result).toBeNull();
    }
  });

  // The values' hash in the file (jiuzhu.values) lists each batch's: a batch whose values hash to it is not checked
  // again. Seen only where its values are wrong and its hash is made again to match (a forgery, not guarded against).
  it('evaluates a batch whose values hash as import wrote them without checking them; edited, it is checked', async () => {
    const t = tableFromIPC(readFileSync(batched));
    (t.batches[7]!.getChild('age')!.data[0]!.values as Uint8Array)[3] = 200;
    const hashes = t.batches.map((b) => valuesHash(valueColumns(batchColumnsOf(new Table(b)))!));
    const forged = join(dir, 'forged.arrow');
    const write = () => {
      t.schema.metadata.set('jiuzhu.values', valuesFingerprintOf(hashes, 1697));
      writeFileSync(forged, tableToIPC(t, 'file'));
    };
    write();
    expect(await simulateArrowBatches(null, forged, runs())).not.toBeNull();
    const joined = run(['simulate', ...P, '--households', forged, '--per-household', join(dir, 'forged.csv')]);
    expect(joined.code, joined.stderr).toBe(0);
    const reader = await batchReader(batched);
    hashes[7] = valuesHash(valueColumns(batchColumnsOf(decode(reader, 7)))!); // (the batch as import wrote it)
    reader.close();
    write();
    expect(await simulateArrowBatches(null, forged, runs())).toBeNull();
    const told = run(['simulate', ...P, '--households', forged]);
    expect([told.code, told.stderr]).toEqual([3, expect.stringContaining('column age: 200 is not valid')]);
  });
});

describe('an Arrow file of several record batches', () => {
  it('is what import writes in batches of whole households, with a fingerprint of each batch’s ids', () => {
    expect(readArrowLayout(batched).batches).toHaveLength(10);
    const t = tableFromIPC(readFileSync(batched));
    expect(t.batches.map((b) => b.numRows).reduce((a, b) => a + b)).toBe(1697);
    const ids = (b: RecordBatch, name: string) => b.getChild(name)!.data[0]!;
    const hashes = t.batches.map((b) => {
      const [h, p] = [ids(b, 'household_id'), ids(b, 'person_id')];
      const rows = b.numRows + 1; // (apache-arrow's offsets may run on into the buffer's padding)
      return idsFingerprint(
        h.valueOffsets.subarray(0, rows),
        h.values as Uint8Array,
        p.valueOffsets.subarray(0, rows),
        p.values as Uint8Array,
      ).split(':')[1];
    });
    expect(t.schema.metadata.get('jiuzhu.ids')).toBe(`fnv32:${hashes.join('.')}:1697`);
    // no household cut between two batches: each batch's last id differs from the next one's first
    for (let i = 1; i < t.batches.length; i++)
      expect(t.batches[i]!.get(0)!.household_id).not.toBe(t.batches[i - 1]!.get(t.batches[i - 1]!.numRows - 1)!.household_id);
  });

  it('gives simulate’s totals (a batch at a time, on one thread or three) and every other command the CSV’s results', () => {
    const totals = json(['simulate', ...P, ...SIX, '--households', SAMPLE]);
    expect(json(['simulate', ...P, ...SIX, '--households', batched], THREADS.one)).toBe(totals);
    expect(json(['simulate', ...P, ...SIX, '--households', batched], THREADS.three)).toBe(totals);
    const perHousehold = (households: string) => {
      const out = join(dir, `rows-${households === batched ? 'arrow' : 'csv'}.csv`);
      expect(run(['simulate', ...P, '--households', households, '--per-household', out]).code).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(perHousehold(batched)).toBe(perHousehold(SAMPLE));
    const compare = ['compare', ...P, '--policy', 'policies/jiangxi-fuliang.yaml'];
    expect(json([...compare, '--households', batched], THREADS.three)).toBe(json([...compare, '--households', SAMPLE]));
  });

  it('tells a problem in a later batch at its row in the file, on one thread or three', () => {
    const t = tableFromIPC(readFileSync(batched));
    const rowsBefore = t.batches.slice(0, 7).reduce((n, b) => n + b.numRows, 0);
    (t.batches[7]!.getChild('age')!.data[0]!.values as Uint8Array)[3] = 200; // batch 8's fourth row
    const bad = join(dir, 'age.arrow');
    writeFileSync(bad, tableToIPC(t, 'file'));
    for (const env of [THREADS.one, THREADS.three]) {
      const r = run(['simulate', ...P, '--households', bad], env);
      expect([r.code, r.stderr]).toEqual([
        3,
        expect.stringContaining(`age.arrow: row ${rowsBefore + 4}, column age: 200 is not valid: expected a whole number of years`),
      ]);
    }
  });

  it('checks the ids of a file whose batches another tool cut (its fingerprint is not theirs): a person in two batches', () => {
    const t = tableFromIPC(readFileSync(batched));
    // batch 5's first person id := batch 2's first (the same length: H0065-1 and H0257-1)
    const pid = (i: number) => t.batches[i]!.getChild('person_id')!.data[0]!;
    const [from, into] = [pid(1), pid(4)];
    const id = (d: typeof from, r: number) =>
      new TextDecoder().decode((d.values as Uint8Array).subarray(d.valueOffsets[r]!, d.valueOffsets[r + 1]!));
    expect(id(into, 0).length).toBe(id(from, 0).length);
    (into.values as Uint8Array).set(
      (from.values as Uint8Array).subarray(from.valueOffsets[0]!, from.valueOffsets[1]!),
      into.valueOffsets[0]!,
    );
    const twice = join(dir, 'twice.arrow');
    writeFileSync(twice, tableToIPC(new Table(t.schema, t.batches), 'file'));
    const row = t.batches.slice(0, 4).reduce((n, b) => n + b.numRows, 0) + 1;
    for (const env of [THREADS.one, THREADS.three]) {
      const r = run(['simulate', ...P, '--households', twice], env);
      expect([r.code, r.stderr]).toEqual([
        3,
        expect.stringContaining(`twice.arrow: row ${row}, column person_id: person ${id(from, 0)} appears again`),
      ]);
    }
  });

  // --stream: a batch at a time, each evaluated and its rows written before the next is read (bounded memory).
  it('streams it (--stream): the totals and rows per household of the whole read, a problem at its row in the file', () => {
    const rows = (households: string, stream: string[]) => {
      const out = join(dir, `stream-${stream.length}-${households === batched ? 'arrow' : 'csv'}.csv`);
      const r = run(['simulate', ...P, ...SIX, '--households', households, '--per-household', out, '--format', 'json', ...stream]);
      expect(r.code, r.stderr).toBe(0);
      return [r.stdout.replace(/"households_file": "[^"]*"/g, ''), readFileSync(out, 'utf8')];
    };
    expect(rows(batched, ['--stream'])).toEqual(rows(SAMPLE, []));
    const t = tableFromIPC(readFileSync(batched));
    const rowsBefore = t.batches.slice(0, 7).reduce((n, b) => n + b.numRows, 0);
    (t.batches[7]!.getChild('age')!.data[0]!.values as Uint8Array)[3] = 200;
    const bad = join(dir, 'age-stream.arrow');
    writeFileSync(bad, tableToIPC(t, 'file'));
    const r = run(['simulate', ...P, '--households', bad, '--stream']);
    expect([r.code, r.stderr]).toEqual([
      3,
      expect.stringContaining(`age-stream.arrow: row ${rowsBefore + 4}, column age: 200 is not valid`),
    ]);
  });

  it('refuses --stream on a file whose ids are not those import checked (their uniqueness cannot be checked batch by batch)', () => {
    const t = tableFromIPC(readFileSync(batched));
    const recut = join(dir, 'recut-stream.arrow');
    writeFileSync(recut, tableToIPC(new Table(t.schema, [...t.batches].reverse()), 'file'));
    const r = run(['simulate', ...P, '--households', recut, '--stream']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('recut-stream.arrow: its ids are not those jiuzhu import checked')]);
    expect(r.stderr).toContain('run without --stream');
    const whole = run(['simulate', ...P, '--households', recut]);
    expect(whole.code, whole.stderr).toBe(0);
  });

  it('refuses a file cut short or with its footer damaged, naming it', () => {
    const bytes = readFileSync(batched);
    const short = join(dir, 'short.arrow');
    writeFileSync(short, bytes.subarray(0, bytes.length - 4000));
    const damaged = join(dir, 'damaged.arrow');
    const copy = Buffer.from(bytes);
    copy.writeInt32LE(bytes.length, bytes.length - 10); // the footer's length: more than the file
    writeFileSync(damaged, copy);
    for (const [file, name] of [
      [short, 'short.arrow'],
      [damaged, 'damaged.arrow'],
    ] as const) {
      const r = run(['simulate', ...P, '--households', file]);
      expect([r.code, r.stderr]).toEqual([3, expect.stringMatching(new RegExp(`${name}: not a readable Arrow IPC file`))]);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

// What a researcher's pandas or pyarrow file may hold (found by a new-user trial): each told, never silently read.
describe('an Arrow file another tool wrote', () => {
  const write = (name: string, t: Table) => {
    const f = join(dir, name);
    writeFileSync(f, tableToIPC(t, 'file'));
    return f;
  };
  const fails = (f: string, env: Record<string, string> = {}) => {
    const r = run(['simulate', ...P, '--households', f], env);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    return r;
  };
  /** The sample's batched file with one column's vector replaced, or another added (batch by batch). */
  const withColumn = (name: string, f: (rows: number) => Vector, add = false) => {
    const t = tableFromIPC(readFileSync(batched));
    const columns: Record<string, Vector> = {};
    for (const field of t.schema.fields) columns[field.name] = t.getChild(field.name)!;
    const table = new Table({ ...columns, ...(add ? {} : { [name]: f(t.numRows) }) });
    return add ? table.assign(new Table({ [name]: f(t.numRows) })) : table;
  };

  it('a column given twice (an appended copy), or one like a column but not it, is a problem, not ignored', async () => {
    // pyarrow's append_column('age', …) beside the old one: the file's fields name age twice (apache-arrow's writer cannot
    // write that, so the fields are given to the reader's check as pyarrow's file would give them)
    const reader = await batchReader(batched);
    const columns = batchColumnsOf(decode(reader, 0));
    reader.close();
    await expect(populationFromColumns({ ...columns, names: [...columns.names, 'age'] }, 'twice-age.arrow')).rejects.toThrow(
      'column age appears twice (fields 3 and 19): give it once',
    );
    const weight = fails(
      write(
        'weight.arrow',
        withColumn(
          'weight',
          (n) =>
            vectorFromArray(
              Array.from({ length: n }, () => 1),
              new Float64(),
            ),
          true,
        ),
      ),
    );
    expect([weight.code, weight.stderr]).toEqual([
      3,
      expect.stringContaining(
        'weight.arrow: column weight looks like weight_millionths but is not named so (its values would be ignored): name it weight_millionths (millionths)',
      ),
    ]);
  });

  it('an empty household or person id, or one with spaces around it, is told at its row (the CSV readers refuse or trim them)', () => {
    const t = tableFromIPC(readFileSync(batched));
    const ids = t.getChild('household_id')!.toArray() as string[];
    const pids = t.getChild('person_id')!.toArray() as string[];
    const relabel = (name: string, values: string[]) => {
      const columns: Record<string, Vector> = {};
      for (const field of t.schema.fields)
        columns[field.name] = field.name === name ? vectorFromArray(values, new Utf8()) : t.getChild(field.name)!;
      return new Table(columns);
    };
    const empty = fails(
      write(
        'empty-hid.arrow',
        relabel(
          'household_id',
          ids.map((v, r) => (r === 5 ? '' : v)),
        ),
      ),
    );
    expect([empty.code, empty.stderr]).toEqual([
      3,
      expect.stringContaining('empty-hid.arrow: row 6, column household_id: the household id is empty'),
    ]);
    const spaced = fails(
      write(
        'spaced-pid.arrow',
        relabel(
          'person_id',
          pids.map((v, r) => (r === 9 ? ` ${v}` : v)),
        ),
      ),
    );
    expect([spaced.code, spaced.stderr]).toEqual([
      3,
      expect.stringContaining('spaced-pid.arrow: row 10, column person_id: the person id has spaces around it'),
    ]);
    // Excel's 4.50102E+17 for an 18-digit id, as the CSV readers refuse it
    const excel = fails(
      write(
        'excel-hid.arrow',
        relabel(
          'household_id',
          ids.map((v, r) => (r === 2 ? '4.50102E+17' : v)),
        ),
      ),
    );
    expect([excel.code, excel.stderr]).toEqual([
      3,
      expect.stringContaining(
        'excel-hid.arrow: row 3, column household_id: the household id is 4.50102E+17, a number in scientific notation as Excel shows an id of 12 digits or more',
      ),
    ]);
  });

  it('--columns, --encoding or --sheet with it is a usage error (they would do nothing to it), on every path', () => {
    const map = join(dir, 'map.yaml');
    writeFileSync(map, 'constants: {emergency_need: 100}\n');
    for (const more of [
      ['--columns', map],
      ['--encoding', 'gb18030'],
      ['--columns', map, '--stream'],
      ['--sheet', 'x', '--per-household', join(dir, 'never.csv')],
    ]) {
      const r = run(['simulate', ...P, '--households', batched, ...more], THREADS.three);
      expect([r.code, r.stderr], more.join(' ')).toEqual([
        2,
        expect.stringContaining('is an Arrow population file, read as jiuzhu import wrote it: --'),
      ]);
      expect(r.stderr).toContain('to jiuzhu import');
    }
  });

  it('a damaged footer is an input error on the workers too (it was an internal error with a stack trace)', () => {
    const bytes = Buffer.from(readFileSync(batched));
    for (let i = bytes.length - 300; i < bytes.length - 200; i++) bytes[i] = bytes[i]! ^ 0xff;
    const f = join(dir, 'flipped-footer.arrow');
    writeFileSync(f, bytes);
    for (const env of [THREADS.one, THREADS.three]) {
      const r = fails(f, env);
      expect([r.code, r.stderr]).toEqual([3, expect.stringContaining('flipped-footer.arrow: not a readable Arrow IPC file')]);
    }
  });

  it('a file cut short, or a CSV named .arrow, is said to be so', () => {
    const bytes = readFileSync(batched);
    const half = join(dir, 'half.arrow');
    writeFileSync(half, bytes.subarray(0, bytes.length >> 1));
    expect(fails(half).stderr).toContain('half.arrow: not a readable Arrow IPC file (it does not end with ARROW1: cut short');
    const csv = join(dir, 'csv.arrow');
    writeFileSync(csv, readFileSync(SAMPLE));
    expect(fails(csv).stderr).toContain(
      'csv.arrow: not a readable Arrow IPC file (it begins as text, not with ARROW1: a CSV named .arrow? name it .csv)',
    );
  });
});
