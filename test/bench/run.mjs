// npm run bench — measures the built CLI's pieces on a synthetic households file (made once, cached in the OS temp
// dir): parse, evaluate (the baseline, and the baseline with 5 scenarios in one pass), per-household output, compare,
// the TUI's knob recompute, end-to-end simulate, and peak RSS. Figures only, no pass/fail: performance is reported,
// not asserted.
// Each timed piece runs several times and the median is printed (this machine's timings vary from run to run).
// Size: BENCH_HOUSEHOLDS (default 200000; the performance issue's target input is 1000000). Threads: JIUZHU_THREADS.
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { availableParallelism, cpus, homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const dist = new URL('../../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist));
const { readHouseholds } = await load('engine/households.js');
const { Executor } = await load('engine/pool.js');
const { simulateParallel, compareParallel, rangesFor, yearChangesParallel } = await load('engine/parallel.js');
const { KnobComparer } = await load('engine/knob-comparer.js');
const { settingsFromEnv } = await load('cli/settings.js');
const { loadPolicy } = await load('io/policy-file.js');
const { loadScenario, parseScenario } = await load('io/scenario-file.js');
const { loadProfile } = await load('io/profile-file.js');
const { resolve } = await load('core/parameters/tree.js');
const { compileRules } = await load('core/rules.js');
const { simulate } = await load('core/simulate.js');
const { compare, newAcross, incomeDeciles } = await load('core/compare.js');
const { applyScenario } = await load('core/scenario.js');
const { generateCsv, GENERATED_COLUMNS, GENERATOR_VERSION, settingsAt } = await load('core/generate.js');
const { perHouseholdRow } = await load('report/per-household.js');
const { localityView, localityViewAsync, prepareYear } = await load('ui/model.js');
const { yearRunsOf } = await load('cli/year.js');
const { relaunchEnv, thisMachine } = await load('cli/relaunch.js');

// The input: `jiuzhu generate`'s synthetic Nanning population (seed 7), made once and kept in the temp dir.
const N = Number(process.env.BENCH_HOUSEHOLDS ?? 200_000);
// The name carries the generator's columns: a file from an older generator is not reused.
const file = join(tmpdir(), `jiuzhu-bench-generated-v${GENERATOR_VERSION}-${GENERATED_COLUMNS.length}c-${N}.csv`);
let generateS = null;
if (!existsSync(file)) {
  const t = performance.now();
  const profile = await loadProfile('policies/profiles/guangxi-nanning.yaml');
  const snapshot = resolve(await loadPolicy(profile.policy), profile.date);
  const out = createWriteStream(`${file}.tmp`);
  out.write(GENERATED_COLUMNS.join(',') + '\n');
  for (const chunk of generateCsv(settingsAt(profile, snapshot, N, 7))) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  renameSync(`${file}.tmp`, file);
  generateS = (performance.now() - t) / 1000;
}
const mb = statSync(file).size / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** The value of fn's last run and the median of `reps` runs' seconds. */
const time = async (fn, reps = 3) => {
  const secs = [];
  let v;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    v = await fn();
    secs.push((performance.now() - t) / 1000);
  }
  return [v, median(secs), secs[0]];
};
const settings = settingsFromEnv(process.env);
const withExec = async (s, body) => {
  const exec = new Executor(s);
  try {
    return await body(exec);
  } finally {
    exec.close();
  }
};
const T = settings.threads;

// Whether the CLI runs below (end to end) ask for huge pages for this file (src/cli/relaunch.ts).
const huge = relaunchEnv(['simulate', '--households', file], process.env, thisMachine)
  ? 'the CLI asks malloc for huge pages for this file (JIUZHU_HUGE_PAGES=0: not)'
  : 'no huge pages asked';
console.log(
  `jiuzhu bench — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; ${T} threads (JIUZHU_THREADS); medians of 3 unless said; ${huge}`,
);
console.log(`input: ${N.toLocaleString('en')} generated households, ${mb.toFixed(1)} MB`);
console.log(
  generateS === null
    ? 'generate                               (cached from an earlier run)'
    : `generate (jiuzhu generate's generator)  ${generateS.toFixed(2)} s   ${(mb / generateS).toFixed(1)} MB/s`,
);
const [, oneS] = await time(() => withExec({ ...settings, threads: 1 }, (exec) => readHouseholds(exec, file)));
console.log(`parse (fast reader, 1 thread)          ${oneS.toFixed(2)} s   ${(mb / oneS).toFixed(1)} MB/s`);
const [pop, parseS] = await time(() => withExec(settings, (exec) => readHouseholds(exec, file)));
console.log(
  `parse (fast reader, ${T} threads)         ${parseS.toFixed(2)} s   ${(mb / parseS).toFixed(1)} MB/s   ${pop.personCount.toLocaleString('en')} persons`,
);
if (N <= 200_000) {
  const [, refS] = await time(() => withExec({ ...settings, threads: 1, reader: 'reference' }, (exec) => readHouseholds(exec, file)), 1);
  console.log(`parse (csv-parse reference reader)     ${refS.toFixed(2)} s   ${(mb / refS).toFixed(1)} MB/s (once)`);
} else console.log('parse (csv-parse reference reader)     not run above 200,000 households (≈ 6 MB/s)');

const rules = compileRules(resolve(await loadPolicy('policies/guangxi-nanning.yaml'), '2025-06-30'));
const [, evalS, firstS] = await time(() => simulate(pop, [{ id: 'baseline', rules }]), 5);
// The first pass also reads each household's counted income and features once per population (core/programs/screen.ts
// summariesOf, kept for later runs): a one-shot run pays it, the later passes of the median do not.
console.log(
  `evaluate baseline                      ${evalS.toFixed(3)} s   ${((evalS / N) * 1e9).toFixed(0)} ns/household (median of 5; the first, which also sums each household's income and features once, ${firstS.toFixed(3)} s)`,
);
// The baseline and the 5 scenarios of the end-to-end runs below: six runs that differ, as a user's do (six copies of
// one run would measure only the take-over of a whole result from the run before).
const FIVE = ['tekun-basic-1.6x', 'low-income-2x', 'tekun-care-70pct-min-wage', 'dibao-standard-plus-10pct', 'unify-rural-urban'];
const nanning = await loadPolicy('policies/guangxi-nanning.yaml');
const six = [
  { id: 'baseline', rules },
  ...(await Promise.all(
    FIVE.map(async (id) => ({
      id,
      rules: compileRules(resolve(applyScenario(nanning, await loadScenario(`scenarios/${id}.yaml`)), '2025-06-30')),
    })),
  )),
];
const [, sixS] = await time(() => simulate(pop, six), 5);
console.log(
  `${'evaluate baseline + 5 scenarios'.padEnd(39)}${sixS.toFixed(3)} s   ${((sixS / N / 6) * 1e9).toFixed(0)} ns/household/run (median of 5)`,
);
const [, sixParS] = await time(() => withExec(settings, (exec) => simulateParallel(exec, pop, six)));
console.log(`${`  the same on ${T} threads`.padEnd(39)}${sixParS.toFixed(3)} s   (worker start-up included)`);
const [bytes, rowsS] = await time(() => {
  let n = 0;
  simulate(pop, [{ id: 'baseline', rules }], {
    onHousehold: (h, i, r) => {
      n += perHouseholdRow(pop.householdIds.at(h), 'baseline', r).length;
    },
  });
  return n;
});
console.log(`per-household rows (formatting)        ${rowsS.toFixed(3)} s   ${(bytes / 1e6).toFixed(1)} MB`);

// compare: 3 localities × (baseline + 2 scenarios) = 9 runs over one parsed population.
const scenarios = await Promise.all(['tekun-basic-1.6x', 'low-income-2x'].map((id) => loadScenario(`scenarios/${id}.yaml`)));
const localities = await Promise.all(
  ['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'].map(async (f) => {
    const p = await loadPolicy(`policies/${f}.yaml`);
    return {
      runs: [{ id: 'baseline', policy: p }, ...scenarios.map((sc) => ({ id: sc.id, policy: applyScenario(p, sc) }))].map((r) => ({
        id: r.id,
        rules: compileRules(resolve(r.policy, '2025-06-30')),
      })),
    };
  }),
);
const [deciles, decilesS] = await time(() => incomeDeciles(pop));
console.log(`income deciles (once per population)   ${decilesS.toFixed(3)} s`);
// (with each locality's runs against the first's, as the command asks for several localities)
const across = () => newAcross(localities);
const [, compareOneS] = await time(() => compare(pop, localities, deciles, { across: across() }));
const [, compareS] = await time(() => withExec(settings, (exec) => compareParallel(exec, pop, localities, deciles, across())));
console.log(
  `compare 3 localities × 3 runs (1 pass) ${compareS.toFixed(3)} s on ${T} threads, ${compareOneS.toFixed(3)} s on one (${((compareOneS / N / 9) * 1e9).toFixed(0)} ns/household/run)`,
);

// The TUI's recompute after a knob moves: the knob run against the baseline, on the population in memory — on this
// thread, and as the TUI does it for a big population, on worker threads that keep it (engine/knob-comparer.ts, warmed
// up when the TUI opens). Several knob values; the median is reported.
await withExec(settings, async (exec) => {
  const policy = await loadPolicy('policies/guangxi-nanning.yaml');
  const snapshot = resolve(policy, '2025-06-30');
  const knob = (change) => parseScenario(`scenario: k\ntitle: {zh: k, en: k}\nreason: bench\nchanges:\n  ${change}\n`, 'k.yaml');
  const data = {
    pop,
    deciles: incomeDeciles(pop),
    date: '2025-06-30',
    householdsFile: file,
    parseKnobs: (yaml) => parseScenario(yaml, 'tui-knobs.yaml'),
    localities: [
      {
        file: 'policies/guangxi-nanning.yaml',
        policy,
        baseline: { id: 'baseline', snapshot, rules: compileRules(snapshot) },
        scenarios: [],
      },
    ],
  };
  localityView(data, 0, null); // the baseline, computed once when the TUI opens
  // Two kinds of knob: one that leaves steps 1–2 alone (their findings are taken over from the baseline) and one
  // that moves S (everything is evaluated again).
  const kinds = [
    ['tekun multiplier', (v) => `tekun.basic.multiplier: {set: ${v}}`, [1.4, 1.5, 1.6, 1.7, 1.8]],
    ['dibao standard', (v) => `dibao.standard.urban: {scale: ${v}}\n  dibao.standard.rural: {scale: ${v}}`, [0.9, 0.95, 1.05, 1.1, 1.15]],
  ];
  const comparer = KnobComparer.open(exec, pop);
  comparer?.warm(data.localities[0].baseline.rules);
  if (comparer) {
    // The TUI shows the baseline (which primes the workers for it), a person reads it for a second, then moves a knob.
    await localityViewAsync({ ...data, comparer }, 0, null);
    await new Promise((r) => setTimeout(r, 1000));
    const [, first] = await time(() => localityViewAsync({ ...data, comparer }, 0, knob(kinds[1][1](1.2))), 1);
    console.log(
      `tui: the first knob move (dibao standard), 1 s after the screen shows: ${(first * 1000).toFixed(0)} ms on ${T} worker threads`,
    );
  }
  for (const [name, change, values] of kinds) {
    const here = [];
    for (const v of values) here.push((await time(() => localityView(data, 0, knob(change(v))), 1))[1]);
    const there = [];
    for (const v of comparer ? values : [])
      there.push((await time(() => localityViewAsync({ ...data, comparer }, 0, knob(change(v))), 1))[1]);
    const ms = (xs) => `${(median(xs) * 1000).toFixed(0)} ms`;
    console.log(
      `tui: recompute after a knob (${name.padEnd(16)}) ${comparer ? `${ms(there)} on ${T} worker threads, ` : ''}${ms(here)} on this thread (median of ${values.length}; target ≤ 100 ms)` +
        // a slower machine's yardstick: the recompute as a share of one full evaluation of the baseline on one thread
        `; ${(median(comparer ? there : here) / evalS).toFixed(2)} of a full evaluation (${(evalS * 1000).toFixed(0)} ms)`,
    );
  }
  // tui --year (Nanning 2024: three periods): a knob's periods are evaluated on the workers against the baseline's year
  // each keeps for its households (core/year-kept.ts; the knob's periods take no steps over from the baseline's). Its
  // budget: at most 2× one date's.
  const year = {
    ...data,
    date: '2024-12-31',
    year: 2024,
    yearEvaluate:
      rangesFor(exec, pop) && ((runs, annual, baseline) => yearChangesParallel(exec, pop, runs, data.deciles, annual, baseline)),
    localities: [{ ...data.localities[0], yearRuns: await yearRunsOf(policy, [], 2024) }],
  };
  await prepareYear(year);
  const yearly = [];
  for (const v of kinds[0][2]) yearly.push((await time(() => localityViewAsync(year, 0, knob(kinds[0][1](v))), 1))[1]);
  console.log(
    `tui --year: recompute after a knob (tekun multiplier) ${(median(yearly) * 1000).toFixed(0)} ms on ${year.yearEvaluate ? `${T} worker threads` : 'this thread'} (median of ${yearly.length}; the knob run's ${year.localities[0].yearRuns[0].periods.length} periods evaluated against the baseline's year kept)`,
  );
});

// The reference: DuckDB running a single dibao-only SQL aggregate over the same CSV, in the same run, alternating with
// jiuzhu. It is not a dependency: when it is missing the bench installs it into a cache directory outside the project
// (~/.cache/jiuzhu-bench, or $XDG_CACHE_HOME; JIUZHU_BENCH_NO_INSTALL=1 to skip). When it cannot run, the bench says
// "no reference" and prints no ratio: a figure from another machine or another run is not a measurement.
const DUCKDB = '@duckdb/node-api@1.5.6-r.1';
async function importDuckDB() {
  try {
    return await import('@duckdb/node-api');
  } catch {
    if (process.env.JIUZHU_BENCH_NO_INSTALL) throw new Error('not installed (JIUZHU_BENCH_NO_INSTALL)');
    const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'jiuzhu-bench');
    const find = () => createRequire(join(cache, 'package.json')).resolve('@duckdb/node-api');
    try {
      return await import(pathToFileURL(find()).href);
    } catch {
      mkdirSync(cache, { recursive: true });
      console.log(`reference: installing ${DUCKDB} into ${cache} (once)`);
      const npm = spawnSync('npm', ['install', '--prefix', cache, '--no-audit', '--no-fund', '--no-save', DUCKDB], { encoding: 'utf8' });
      if (npm.status !== 0) throw new Error(`npm install failed: ${(npm.stderr || npm.error?.message || '').split('\n')[0]}`);
      return await import(pathToFileURL(find()).href);
    }
  }
}
let duck;
try {
  const { DuckDBInstance } = await importDuckDB();
  duck = async (csv = file) => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    return c.runAndReadAll(`WITH h AS (SELECT household_id, any_value(area) AS area, any_value(weight) AS weight, count(*) AS n,
        sum(wage_income + other_income) AS income FROM read_csv('${csv}', header = true) GROUP BY household_id)
      SELECT sum(weight * 12 * (CASE WHEN area = 'urban' THEN 810 ELSE 566.67 END * n - income)), count(*) FROM h
      WHERE income < CASE WHEN area = 'urban' THEN 810 ELSE 566.67 END * n`);
  };
  await duck(); // warm: the extension and the first query's start-up, as a DuckDB user's second run has them
} catch (e) {
  duck = null;
  console.log(`reference: DuckDB cannot run here (${e.message}) — no reference, no ratio`);
}

// simulate with the baseline plus 5 scenarios, end to end as a user runs it, alternating with DuckDB when it is here.
const five = FIVE.flatMap((s) => ['--scenario', `scenarios/${s}.yaml`]);
const SAMPLE = 'policies/samples/households.csv';
/** A budget year's or years' run (no --date). */
const yearly = (extra) => extra.includes('--year') || extra.includes('--years');
const endToEnd = (command, extra, households = file) => {
  const e2e = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      'bin/jiuzhu.js',
      command,
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      households,
      ...(yearly(extra) ? [] : ['--date', '2025-06-30']),
      '--format',
      'json',
      '--quiet',
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  const [wall, rssKb] = (e2e.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  return e2e.status === 0 && wall
    ? { s: Number(wall), mb: Number(rssKb) / 1024 }
    : { error: e2e.error?.message ?? e2e.stderr.trim().split('\n')[0] };
};
// The year's rows, written by one line below and removed after the lines (a file of some 200 MB at 1M households).
const yearRowsFile = join(tmpdir(), `jiuzhu-bench-year-rows-${process.pid}.csv`);
// Read once, run many: the file imported once as Arrow (jiuzhu import), then read by every run.
const arrowFile = file.replace(/\.csv$/, '.arrow');
// A file jiuzhu did not generate, as a DuckDB user would write one: a plain generator (households of 1–5 persons in
// file order, ids and values drawn with a small LCG, only the columns the reference reads and the required ones).
const plainFile = join(tmpdir(), `jiuzhu-bench-plain-${N}.csv`);
if (!existsSync(plainFile)) {
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
  const out = createWriteStream(`${plainFile}.tmp`);
  out.write('household_id,person_id,age,area,wage_income,other_income,weight\n');
  for (let h = 1; h <= N; h++) {
    const size = 1 + Math.floor(next() * 5);
    const area = next() < 0.6 ? 'urban' : 'rural';
    const weight = (1 + next() * 9).toFixed(2);
    let rows = '';
    for (let p = 1; p <= size; p++) {
      const wage = next() < 0.5 ? (next() * 4000).toFixed(2) : '0';
      rows += `P${h},P${h}-${p},${Math.floor(next() * 90)},${area},${wage},${(next() * 300).toFixed(2)},${weight}\n`;
    }
    if (!out.write(rows)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(`${plainFile}.tmp`, plainFile);
}
const importRun = spawnSync(
  '/usr/bin/time',
  ['-f', '%e %M', process.execPath, 'bin/jiuzhu.js', 'import', '--households', file, '--out', arrowFile, '--quiet'],
  {
    encoding: 'utf8',
  },
);
const [importS, importKb] = (importRun.stderr.trim().split('\n').at(-1) ?? '').split(' ');
console.log(
  importRun.status === 0
    ? `import to Arrow (once)                         ${Number(importS).toFixed(2)} s   peak RSS ${(Number(importKb) / 1024).toFixed(0)} MB   ${(statSync(arrowFile).size / 1e6).toFixed(1)} MB`
    : `import to Arrow: failed (${importRun.stderr.trim().split('\n')[0]})`,
);
// Each line's times, by label (the warm path's summary below reads them), and DuckDB's beside the Arrow file.
const measured = new Map();
let duckOnArrowsCsv = [];
for (const [label, command, extra, reps, households] of [
  ['simulate end to end, baseline', 'simulate', [], 3],
  ['simulate end to end, baseline + 5 scenarios', 'simulate', five, 3],
  ['simulate --stream, baseline + 5 scenarios', 'simulate', [...five, '--stream'], 1],
  // Nanning 2022: standards raised on 1 April, two periods (the budget: at most 2 × the one-date run)
  ['simulate end to end, --year 2022 (2 periods)', 'simulate', ['--year', '2022'], 3],
  // the same year with each household's row (simulate --year --per-household: on one thread, as a date's rows)
  ['simulate --year 2022 --per-household', 'simulate', ['--year', '2022', '--per-household', yearRowsFile], 1],
  // three budget years projected (raises on 1 April: 2 periods a year), each year's range: 3 × (2 + the estimates' ends)
  [
    'simulate --years 2027-2029 projected, --ranges',
    'simulate',
    ['--years', '2027-2029', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--ranges'],
    1,
  ],
  // who gains and who loses over a budget year (compare --year: each household's year against its baseline year)
  [
    'compare --year 2022, baseline + 2, winners',
    'compare',
    ['--year', '2022', '--scenario', 'scenarios/tekun-basic-1.6x.yaml', '--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'],
    1,
  ],
  // every household's marginal rate on its main earner's next 100 yuan, baseline and one scenario (issue 17)
  ['cliff --households (rates), baseline + 1', 'cliff', ['--scenario', 'scenarios/dibao-standard-plus-10pct.yaml'], 3],
  // each estimate in force at its low and its high, one run each (issue 18: 50 runs on 1M households under 30 s)
  ['sensitivity, Nanning at 2025-06-30', 'sensitivity', [], 1],
  // a projected year after four years run first (incomes of 2022): each varied run that makes another register in them
  // runs them itself (cli/registers.ts) — 5 × the year's evaluation for those runs
  [
    'sensitivity --year 2027 projected, from 2022',
    'sensitivity',
    ['--year', '2027', '--projection', 'scenarios/projections/guangxi-nanning-4pct.yaml', '--incomes-year', '2022'],
    1,
  ],
  // warm: the first two lines, from the Arrow file (their difference: what each further run costs)
  ['simulate from Arrow, baseline', 'simulate', [], 3, arrowFile],
  ['simulate from Arrow, baseline + 5 scenarios', 'simulate', five, 3, arrowFile],
  // cold on a file jiuzhu did not generate
  ['simulate, a plain file, baseline + 5 scenarios', 'simulate', five, 3, plainFile],
  // what every command pays whatever its input: starting, loading, the policy (no DuckDB beside it)
  ['simulate, the bundled sample, baseline + 5', 'simulate', five, 5, SAMPLE],
]) {
  const ours = [];
  const theirs = [];
  measured.set(label, ours);
  let rss = 0;
  let failed = null;
  for (let i = 0; i < reps; i++) {
    const r = endToEnd(command, extra, households);
    if (r.error) {
      failed = r.error;
      break;
    }
    ours.push(r.s);
    rss = Math.max(rss, r.mb);
    if (duck && command === 'simulate' && extra.length && !yearly(extra) && households !== SAMPLE)
      theirs.push((await time(() => duck(households === arrowFile || !households ? file : households), 1))[1]);
  }
  if (failed) {
    measured.delete(label);
    console.log(`${label}: not measured (${failed})`);
    continue;
  }
  if (households === arrowFile && theirs.length) duckOnArrowsCsv = theirs;
  const vs = theirs.length
    ? `   DuckDB ${median(theirs).toFixed(2)} s alternately: ${(median(ours) / median(theirs)).toFixed(2)}× (target ≤ ${households === arrowFile ? '0.3× on its CSV' : '1.5×'})`
    : '';
  console.log(
    `${label.padEnd(46)} ${median(ours).toFixed(2)} s   peak RSS ${rss.toFixed(0)} MB (target ≤ 1024)${reps > 1 ? '' : ' (once)'}${vs}`,
  );
}
rmSync(yearRowsFile, { force: true });
// The warm target (issue 20: ≤ 0.3× DuckDB's time on the CSV) against what no households file changes: a process that
// starts, loads and exits (`jiuzhu --version`), and the cost of each run beyond the first on the Arrow file.
const startS = median(
  Array.from({ length: 5 }, () => {
    const t = performance.now();
    spawnSync(process.execPath, ['bin/jiuzhu.js', '--version'], { encoding: 'utf8' });
    return (performance.now() - t) / 1000;
  }),
);
const [warmOne, warmSix] = ['simulate from Arrow, baseline', 'simulate from Arrow, baseline + 5 scenarios'].map((l) => measured.get(l));
const ofDuck = (s) => (duckOnArrowsCsv.length ? ` = ${(s / median(duckOnArrowsCsv)).toFixed(2)}× DuckDB's query on the CSV` : '');
console.log(`jiuzhu --version (start, load, exit)            ${startS.toFixed(2)} s${ofDuck(startS)}`);
if (warmOne && warmSix)
  console.log(
    `from Arrow, each run after the first            ${((median(warmSix) - median(warmOne)) / 5).toFixed(3)} s${ofDuck((median(warmSix) - median(warmOne)) / 5)}`,
  );
console.log(`this process: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
