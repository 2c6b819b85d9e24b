// Reading and evaluating on the pool's worker threads gives what one thread gives: the same population (ids, columns,
// household order), the same problems in the same words and places, and byte-identical totals, whatever the number
// of threads — also when a household's rows sit in different workers' byte ranges. Each test also checks that the work
// really ran on that many workers (a path that quietly stayed on this thread would pass the equality alone).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures, type Totals } from '../../src/core/aggregate.js';
import { compare, incomeDeciles, plainResult, type RunResult } from '../../src/core/compare.js';
import type { Population } from '../../src/core/population.js';
import { rulesAt } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { readHouseholds, simulateFile } from '../../src/engine/households.js';
import { compareParallel, simulateParallel } from '../../src/engine/parallel.js';
import { readParallel, simulateParallelRead } from '../../src/engine/read.js';
import { readAhead } from '../../src/engine/read-ahead.js';
import { closePrestarted, prestart } from '../../src/engine/pool.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { parseHouseholds } from '../../src/io/households-csv.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadScenario } from '../../src/io/scenario-file.js';
import { loadProfile } from '../../src/io/profile-file.js';
import { WINDOW_ROWS } from '../../src/io/part.js';
import { GENERATED_COLUMNS, generateCsv, settingsAt } from '../../src/core/generate.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { projectPopulation } from '../../src/core/projection.js';
import { parseProjection } from '../../src/io/projection-file.js';
import { busy, executor, tempFiles, twoLocalityRuns, withThreads } from '../helpers/exec.js';
import { problemsOf } from '../helpers/problems.js';
import { InputError, receivedError, sendError, UsageError } from '../../src/errors.js';
import { newClaims } from '../../src/engine/arrow-batches.js';

const file = tempFiles('jiuzhu-parallel-');
const plain = (p: Population) => JSON.stringify(p, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
const oneThread = async (f: string) => plain(await parseHouseholdsFast(Readable.from([readFileSync(f)]), f));
const SAMPLE = readFileSync('policies/samples/households.csv', 'utf8');
const [HEADER, ...ROWS] = SAMPLE.trimEnd().split('\n');
const shuffled = () =>
  ROWS.map((r, i) => [r, (i * 7919) % ROWS.length] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([r]) => r);

describe('reading on worker threads', () => {
  it('gives the one-thread population for the bundled sample, with 2, 3 and 7 workers, each of which read a range', async () => {
    const f = file(SAMPLE);
    for (const threads of [2, 3, 7]) {
      const { result, jobs } = await withThreads(threads, (exec) => readParallel(exec.pool()!, f, SAMPLE.length));
      expect(plain(result!)).toBe(await oneThread(f));
      expect(busy(jobs)).toBe(threads);
    }
  });

  it('joins the rows of a household that lie in different ranges (rows shuffled), households numbered by first appearance', async () => {
    // A fixed shuffle: rows of most households end up far apart, in different workers' ranges.
    const text = [HEADER, ...shuffled()].join('\r\n') + '\r\n';
    const f = file('\uFEFF' + text);
    const reference = plain(await parseHouseholds(Readable.from([readFileSync(f)]), f));
    for (const threads of [2, 5]) {
      const { result, jobs } = await withThreads(threads, (exec) => readParallel(exec.pool()!, f, Buffer.byteLength('\uFEFF' + text)));
      expect(plain(result!)).toBe(reference);
      expect(busy(jobs)).toBe(threads);
    }
  });

  it("reports what one thread reports, with the file's own line numbers: bad values, a repeated person and a household that disagrees across ranges", async () => {
    const rows = [...ROWS];
    rows[10] = rows[10]!.replace(/,(urban|rural),/, ',suburb,'); // line 12: bad area
    const first = rows[3]!.split(',');
    const dup = rows[400]!.split(',');
    dup[1] = first[1]!; // line 402: person id of line 5
    rows[400] = dup.join(',');
    const far = [...rows[2]!.split(',')];
    far[1] = 'P-far';
    far[11] = '99999.00'; // financial_assets differs from the household's first row (line 4)
    rows.splice(500, 0, far.join(',')); // line 502
    const text = [HEADER, ...rows].join('\n') + '\n';
    const f = file(text);
    const reference = await problemsOf(() => parseHouseholds(Readable.from([text]), f));
    expect(reference.length).toBe(3);
    expect(reference[1]).toContain(':402:');
    expect(reference[2]).toContain(':502:');
    for (const threads of [2, 4]) {
      const exec = executor(threads);
      try {
        expect(await problemsOf(() => readParallel(exec.pool()!, f, text.length))).toEqual(reference);
        expect(busy(exec.started!.jobsDone)).toBe(threads);
      } finally {
        exec.close();
      }
    }
  });

  it('hands a file with quotes back to one thread (a quoted field may hold a line end), and readHouseholds still reads it', async () => {
    const text =
      [HEADER, ...ROWS.slice(0, 300), ROWS[300]!.replace(/^([^,]*),([^,]*),/, '"$1","$2",'), ...ROWS.slice(301)].join('\n') + '\n';
    const f = file(text);
    expect((await withThreads(2, (exec) => readParallel(exec.pool()!, f, text.length))).result).toBeNull();
    expect(plain((await withThreads(2, (exec) => readHouseholds(exec, f))).result)).toBe(await oneThread(f));
  });
});

const runsOf = twoLocalityRuns;

describe('evaluating on worker threads', () => {
  it('gives byte-identical totals for 1 to 4 threads (baseline and a scenario-sized run list), every worker evaluating a range', async () => {
    const runs = await runsOf();
    // The fast reader's population is in shared memory already; the reference reader's is copied there first.
    for (const read of [parseHouseholdsFast, parseHouseholds]) {
      const pop = await read(Readable.from([SAMPLE]), 'sample.csv');
      const one = JSON.stringify(simulate(pop, runs).map(figures));
      for (const threads of [1, 2, 3, 4]) {
        const { result, jobs } = await withThreads(threads, (exec) => simulateParallel(exec, pop, runs));
        expect(JSON.stringify(result.map(figures))).toBe(one);
        expect(busy(jobs)).toBe(threads === 1 ? 0 : threads);
      }
    }
  });

  it('keeps the last population for the next job on it, and takes another whenever it is another (a projected year written over the last’s memory)', async () => {
    // A worker keeps the population of its last job, and what it summed of its households (each one's counted income,
    // once), for the next job on the same population: sensitivity's passes, a budget year's knob moves. A projected
    // year's population is a new one, even where it is written over the memory of the year before's.
    const runs = await runsOf();
    const pop = await parseHouseholdsFast(Readable.from([SAMPLE]), 'sample.csv');
    const P = 'scenarios/projections/guangxi-nanning-4pct.yaml';
    const projection = parseProjection(readFileSync(P, 'utf8'), P);
    const exec = executor(2);
    try {
      const expectOneThread = async (p: Population) =>
        expect(JSON.stringify((await simulateParallel(exec, p, runs)).map(figures))).toBe(JSON.stringify(simulate(p, runs).map(figures)));
      await expectOneThread(pop);
      await expectOneThread(pop); // (the same population again: kept)
      const later = projectPopulation(pop, projection, 2032);
      expect(JSON.stringify(simulate(later, runs).map(figures))).not.toBe(JSON.stringify(simulate(pop, runs).map(figures)));
      await expectOneThread(later);
      const first = projectPopulation(pop, projection, 2030);
      await expectOneThread(first);
      expect(projectPopulation(pop, projection, 2032, first).wage).toBe(first.wage); // (2030's memory, now 2032's)
      await expectOneThread(projectPopulation(pop, projection, 2032, first));
      expect(busy([...exec.started!.jobsDone])).toBe(2);
    } finally {
      exec.close();
    }
  });

  it('starts no workers for a population that stays on this thread (below parallelFromHouseholds): the same totals', async () => {
    // Starting them cost a small simulate ~0.07 s of its ~0.5 s (and ~0.15 s of CPU), for workers that did nothing.
    const runs = await runsOf();
    const pop = await parseHouseholdsFast(Readable.from([SAMPLE]), 'sample.csv');
    const one = JSON.stringify(simulate(pop, runs).map(figures));
    const exec = executor(2, { parallelFromHouseholds: pop.householdCount + 1 });
    try {
      expect(JSON.stringify((await simulateParallel(exec, pop, runs)).map(figures))).toBe(one);
      const deciles = incomeDeciles(pop);
      const localities = [{ runs }];
      const exact = (rs: RunResult[][]) =>
        JSON.stringify(
          rs.map((l) => l.map(plainResult)),
          (_, v) => (typeof v === 'bigint' ? v.toString() : v),
        );
      expect(exact(await compareParallel(exec, pop, localities, deciles))).toBe(exact(compare(pop, localities, deciles)));
      expect(exec.started).toBeNull();
    } finally {
      exec.close();
    }
  });
});

describe('take-up on worker threads', () => {
  it('the eligible figures beside the received ones are byte-identical for 1 to 4 threads', async () => {
    // The sample with a take-up draw per household (the shipped policies' take-up rates are under 1).
    const draws = new Map<string, string>();
    const rows = ROWS.map((r) => {
      const hid = r.split(',')[0]!;
      if (!draws.has(hid)) draws.set(hid, `0.${String((draws.size * 7919 + 13) % 1_000_000).padStart(6, '0')}`);
      return `${r},${draws.get(hid)}`;
    });
    const text = [`${HEADER},take_up_draw`, ...rows].join('\n') + '\n';
    const runs = await runsOf();
    const pop = await parseHouseholdsFast(Readable.from([text]), 'draws.csv');
    const one = simulate(pop, runs).map(figures);
    expect(one[0]!.programs.dibao.eligible_households).not.toBe(one[0]!.programs.dibao.households); // some do not take it up
    for (const threads of [1, 2, 3, 4]) {
      const { result } = await withThreads(threads, (exec) => simulateParallel(exec, pop, runs));
      expect(JSON.stringify(result.map(figures))).toBe(JSON.stringify(one));
    }
  });
});

describe('reading and evaluating on the same worker threads (simulate, totals only)', () => {
  const oneThreadTotals = async (f: string, runs: Awaited<ReturnType<typeof runsOf>>) =>
    JSON.stringify(simulate(await parseHouseholds(Readable.from([readFileSync(f)]), f), runs).map(figures));
  const fastOneThreadTotals = async (f: string, runs: Awaited<ReturnType<typeof runsOf>>) =>
    JSON.stringify(simulate(await parseHouseholdsFast(Readable.from([readFileSync(f)]), f), runs).map(figures));

  it('evaluates each household where it was read when rows of a household are adjacent (ranges cut between households): byte-identical totals', async () => {
    const runs = await runsOf();
    const f = file(SAMPLE);
    const one = await oneThreadTotals(f, runs);
    // With 2–9 workers most cuts fall inside a household of several rows: they must move to its end.
    for (const threads of [2, 3, 5, 9]) {
      const { result, jobs } = await withThreads(threads, (exec) =>
        simulateParallelRead(exec.pool()!, f, SAMPLE.length, Promise.resolve(runs)),
      );
      expect(result && 'totals' in result).toBe(true);
      expect(JSON.stringify((result as { totals: Totals[] }).totals.map(figures))).toBe(one);
      // Each worker read a range and evaluated it: two jobs each.
      expect(jobs).toEqual(Array.from({ length: threads }, () => 2));
    }
  });

  it('builds the population instead when rows of a household are apart, with the same totals (simulateFile)', async () => {
    const runs = await runsOf();
    const text = [HEADER, ...shuffled()].join('\n') + '\n';
    const f = file(text);
    const { result } = await withThreads(3, (exec) => simulateParallelRead(exec.pool()!, f, text.length, Promise.resolve(runs)));
    expect(result && 'population' in result).toBe(true);
    const { result: totals, jobs } = await withThreads(3, (exec) => simulateFile(exec, f, Promise.resolve(runs)));
    expect(JSON.stringify(totals.map(figures))).toBe(await oneThreadTotals(f, runs));
    // read (evaluating as it reads), evaluate-part (thrown away: the ids show a household's rows apart), drop-part, read
    // again keeping the values, then evaluate a range of the population
    expect(jobs).toEqual([5, 5, 5]);
  });

  // Several windows per worker (io/part.ts WINDOW_ROWS): a generated file of ~150,000 rows.
  const big = (() => {
    let text: string | null = null;
    return async () => {
      if (text) return text;
      const profile = await loadProfile('policies/profiles/guangxi-nanning.yaml');
      const snapshot = resolve(await loadPolicy(profile.policy), profile.date);
      const settings = { ...settingsAt(profile, snapshot, 60_000, 3), takeUpDibao: 0.8 };
      return (text = GENERATED_COLUMNS.join(',') + '\n' + [...generateCsv(settings)].join(''));
    };
  })();

  it('evaluates a file of more than a window per worker as one thread does, the runs given at once or after the reading', async () => {
    const runs = await runsOf();
    const text = await big();
    const f = file(text);
    expect(text.split('\n').length).toBeGreaterThan(2 * WINDOW_ROWS); // 2 workers: a window each, then the rest
    const one = await fastOneThreadTotals(f, runs);
    for (const threads of [2, 3]) {
      const { result } = await withThreads(threads, (exec) => simulateParallelRead(exec.pool()!, f, text.length, Promise.resolve(runs)));
      expect(JSON.stringify((result as { totals: Totals[] }).totals.map(figures))).toBe(one);
    }
    // The runs loaded only once every worker has read its range: each keeps its part whole and evaluates it then.
    const { result, jobs } = await withThreads(2, async (exec) => {
      const pool = exec.pool()!;
      const late = new Promise<typeof runs>((done) => {
        const poll = setInterval(() => pool.jobsDone.every((n) => n > 0) && (clearInterval(poll), done(runs)), 5);
      });
      return simulateParallelRead(pool, f, text.length, late);
    });
    expect(JSON.stringify((result as { totals: Totals[] }).totals.map(figures))).toBe(one);
    expect(jobs).toEqual([2, 2]);
  });

  it('reads the file again, keeping the values, when the ids show what needs them: the same problems and totals as one thread', async () => {
    const runs = await runsOf();
    const [header, ...rows] = (await big()).trimEnd().split('\n');
    // A person id repeated far from its first row, in the other worker's range.
    const dup = [...rows];
    dup[140_000] = dup[140_000]!.replace(/^([^,]+),([^,]+),/, (_, h: string) => `${h},${rows[5]!.split(',')[1]},`);
    const dupText = [header, ...dup].join('\n') + '\n';
    const f = file(dupText);
    // (one thread's fast reader, which test/io/fast-csv.test.ts holds to the reference reader: quicker on 10 MB)
    const reference = await problemsOf(() => parseHouseholdsFast(Readable.from([dupText]), f));
    expect(reference).toHaveLength(1);
    expect(await problemsOf(() => withThreads(2, (exec) => simulateFile(exec, f, Promise.resolve(runs))))).toEqual(reference);
    // A household whose last row is moved to the end of the file: not an error, the population is built.
    const apart = [...rows];
    const [moved] = apart.splice(3, 1);
    const apartText = [header, ...apart, moved].join('\n') + '\n';
    const g = file(apartText);
    const { result } = await withThreads(2, (exec) => simulateFile(exec, g, Promise.resolve(runs)));
    expect(JSON.stringify(result.map(figures))).toBe(await fastOneThreadTotals(g, runs));
  });

  it('reports what one thread reports when the file has problems, and gives no totals', async () => {
    const runs = await runsOf();
    const rows = [...ROWS];
    rows[700] = rows[700]!.replace(/,(urban|rural),/, ',suburb,');
    const text = [HEADER, ...rows].join('\n') + '\n';
    const f = file(text);
    const reference = await problemsOf(() => parseHouseholds(Readable.from([text]), f));
    expect(reference).toHaveLength(1);
    for (const threads of [2, 4]) {
      expect(
        await problemsOf(() => withThreads(threads, (exec) => simulateParallelRead(exec.pool()!, f, text.length, Promise.resolve(runs)))),
      ).toEqual(reference);
    }
  });

  it("gives the error of loading the runs, not the file's, when both fail (the workers start reading before the runs are loaded)", async () => {
    const rows = [...ROWS];
    rows[700] = rows[700]!.replace(/,(urban|rural),/, ',suburb,');
    const text = [HEADER, ...rows].join('\n') + '\n';
    const f = file(text);
    const policyError = new Error('the policy file is bad');
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(policyError), 50));
    await expect(withThreads(2, (exec) => simulateParallelRead(exec.pool()!, f, text.length, late))).rejects.toBe(policyError);
  });
});

// The reads of a plain CSV posted before the CLI has loaded (cli/prestart.ts, engine/read-ahead.ts): the command takes
// them over when they are the reads it would post, and drops them otherwise; a pool no command took is closed.
describe('reading ahead', () => {
  it('hands the reads started ahead to the command that asks for them: no second read, the same totals', async () => {
    const runs = await runsOf();
    const f = file(SAMPLE);
    const { result: here } = await withThreads(2, (exec) => simulateParallelRead(exec.pool()!, f, SAMPLE.length, Promise.resolve(runs)));
    const { result, jobs } = await withThreads(2, (exec) => {
      readAhead(exec.pool()!, f, statSync(f));
      return simulateParallelRead(exec.pool()!, f, SAMPLE.length, Promise.resolve(runs));
    });
    expect(JSON.stringify((result as { totals: Totals[] }).totals.map(figures))).toBe(
      JSON.stringify((here as { totals: Totals[] }).totals.map(figures)),
    );
    expect(jobs).toEqual([2, 2]); // each worker: its range read (ahead), then evaluated
  });

  it('drops the reads started ahead of another file, and reads the one asked for', async () => {
    const runs = await runsOf();
    const [f, g] = [file(SAMPLE), file([HEADER, ...ROWS.slice(0, 900)].join('\n') + '\n')];
    const size = readFileSync(g).length;
    const { result: here } = await withThreads(2, (exec) => simulateParallelRead(exec.pool()!, g, size, Promise.resolve(runs)));
    // (f's parts, kept under keys of their own, cannot be taken for g's)
    const { result } = await withThreads(2, (exec) => {
      readAhead(exec.pool()!, f, statSync(f));
      return simulateParallelRead(exec.pool()!, g, size, Promise.resolve(runs));
    });
    expect(JSON.stringify((result as { totals: Totals[] }).totals.map(figures))).toBe(
      JSON.stringify((here as { totals: Totals[] }).totals.map(figures)),
    );
  });

  it('closes a prestarted pool that no command took, so reads posted to it keep nothing waiting', async () => {
    const pool = prestart(2);
    const f = file(SAMPLE);
    readAhead(pool, f, statSync(f));
    closePrestarted();
    await expect(pool.run(0, { kind: 'drop-part', part: 0 })).rejects.toThrow('the worker pool is closed');
  });
});

describe('comparing on worker threads', () => {
  it('gives compare’s result on one thread, every sum, for 2 localities × 2 runs and 1 to 4 threads, every worker comparing a range', async () => {
    const pop = await parseHouseholdsFast(Readable.from([SAMPLE]), 'sample.csv');
    const deciles = incomeDeciles(pop);
    const localities = await Promise.all(
      ['policies/guangxi-nanning.yaml', 'policies/jiangxi-fuliang.yaml'].map(async (f) => {
        const policy = await loadPolicy(f);
        return {
          runs: [
            { id: 'baseline', rules: rulesAt(policy, '2025-06-30').rules },
            { id: 'sc', rules: rulesAt(applyScenario(policy, await loadScenario('scenarios/low-income-2x.yaml')), '2025-06-30').rules },
          ],
        };
      }),
    );
    const exact = (rs: RunResult[][]) =>
      JSON.stringify(
        rs.map((runs) => runs.map((r) => [r.locality, r.scenario, plainResult(r)])),
        (_, v) => (typeof v === 'bigint' ? v.toString() : v),
      );
    const one = exact(compare(pop, localities, deciles));
    for (const threads of [1, 2, 3, 4]) {
      const { result, jobs } = await withThreads(threads, (exec) => compareParallel(exec, pop, localities, deciles));
      expect(exact(result)).toBe(one);
      expect(busy(jobs)).toBe(threads === 1 ? 0 : threads);
    }
  });
});

// A code review: every error a worker threw reached the main thread as "a worker thread failed: <stack>" — exit 4, a
// stack trace without --debug, "a bug in jiuzhu" — where the same error on this thread is a usage error (exit 2) or an
// invalid input (exit 3). The worker sends what the exit code and message need; the pool throws it as itself.
describe('an error thrown on a worker thread', () => {
  it('keeps its kind: a file the worker cannot read is a usage error, said as on this thread', async () => {
    const missing = join(dirname(file('')), 'gone.arrow');
    const { result } = await withThreads(2, (exec) =>
      exec
        .pool()!
        .run(0, { kind: 'arrow-totals', file: missing, claims: newClaims(1), runs: [] })
        .then(
          () => null,
          (e: unknown) => e,
        ),
    );
    expect(result).toBeInstanceOf(UsageError);
    expect((result as UsageError).message).toBe(`cannot read ${missing}: no such file or directory`);
    expect((result as Error).stack).toContain('(in a worker thread)');
  });
  it('an invalid input keeps its problems and hint; anything else is a bug whose message holds no stack', () => {
    const sent = structuredClone(
      sendError(new InputError([{ where: { file: 'h.csv', line: 3 }, message: 'expected a number' }], 'fix it')),
    );
    const back = receivedError(sent);
    expect(back).toBeInstanceOf(InputError);
    expect([(back as InputError).problems, (back as InputError).hint, back.message]).toEqual([
      [{ where: { file: 'h.csv', line: 3 }, message: 'expected a number' }],
      'fix it',
      'h.csv:3: expected a number',
    ]);
    const bug = receivedError(structuredClone(sendError(new TypeError('x is undefined'))));
    expect([bug.constructor, bug.message]).toEqual([Error, 'a worker thread failed: x is undefined']);
    expect(bug.stack).toContain('TypeError: x is undefined');
  });
});
