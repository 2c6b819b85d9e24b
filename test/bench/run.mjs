// npm run bench — measures the built CLI's pieces on a synthetic households file (made once, cached in
// the OS temp dir): parse, evaluate (baseline, and 6 runs as compare/TUI will), per-household output,
// end-to-end simulate, and peak RSS. Figures only, no pass/fail: performance is reported, not asserted.
// Size: BENCH_HOUSEHOLDS (default 200000; the performance issue's target input is 1000000).
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const dist = new URL('../../dist/', import.meta.url);
const { readHouseholds } = await import(new URL('io/read-households.js', dist));
const { threadCount } = await import(new URL('io/workers.js', dist));
const { simulateParallel } = await import(new URL('io/eval-pool.js', dist));
const { loadPolicy } = await import(new URL('io/policy-file.js', dist));
const { resolve } = await import(new URL('core/parameters/tree.js', dist));
const { compileRules } = await import(new URL('core/rules.js', dist));
const { simulate } = await import(new URL('core/simulate.js', dist));
const { perHouseholdRow } = await import(new URL('report/per-household.js', dist));
const { compare } = await import(new URL('core/compare.js', dist));
const { applyScenario } = await import(new URL('core/scenario.js', dist));
const { loadScenario } = await import(new URL('io/scenario-file.js', dist));

const { generateCsv, GENERATED_COLUMNS } = await import(new URL('core/generate.js', dist));
const { loadProfile } = await import(new URL('io/profile-file.js', dist));

// The input: `jiuzhu generate`'s synthetic Nanning population (seed 7), made once and kept in the temp dir.
const N = Number(process.env.BENCH_HOUSEHOLDS ?? 200_000);
const file = join(tmpdir(), `jiuzhu-bench-generated-${N}.csv`);
let generateS = null;
if (!existsSync(file)) {
  const t = performance.now();
  const profile = await loadProfile('policies/profiles/guangxi-nanning.yaml');
  const { standards } = await import(new URL('core/rules.js', dist));
  const r = standards(resolve(await loadPolicy(profile.policy), profile.date));
  const out = createWriteStream(`${file}.tmp`);
  out.write(GENERATED_COLUMNS.join(',') + '\n');
  for (const chunk of generateCsv({ profile, households: N, seed: 7, standard: r })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  (await import('node:fs')).renameSync(`${file}.tmp`, file);
  generateS = (performance.now() - t) / 1000;
}
const mb = statSync(file).size / 1e6;
const time = async (fn) => {
  const t = performance.now();
  const v = await fn();
  return [v, (performance.now() - t) / 1000];
};

console.log(
  `jiuzhu bench — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${threadCount()} threads (JIUZHU_THREADS)`,
);
console.log(`input: ${N.toLocaleString('en')} generated households, ${mb.toFixed(1)} MB`);
console.log(
  generateS === null
    ? 'generate                               (cached from an earlier run)'
    : `generate (jiuzhu generate's generator)  ${generateS.toFixed(2)} s   ${(mb / generateS).toFixed(1)} MB/s`,
);
process.env.JIUZHU_THREADS = '1';
const [, oneS] = await time(() => readHouseholds(file));
delete process.env.JIUZHU_THREADS;
console.log(`parse (fast reader, 1 thread)          ${oneS.toFixed(2)} s   ${(mb / oneS).toFixed(1)} MB/s`);
const [pop, parseS] = await time(() => readHouseholds(file));
console.log(
  `parse (fast reader, ${threadCount()} threads)         ${parseS.toFixed(2)} s   ${(mb / parseS).toFixed(1)} MB/s   ${pop.personCount.toLocaleString('en')} persons`,
);
if (N <= 200_000) {
  process.env.JIUZHU_CSV_READER = 'reference';
  const [, refS] = await time(() => readHouseholds(file));
  delete process.env.JIUZHU_CSV_READER;
  console.log(`parse (csv-parse reference reader)     ${refS.toFixed(2)} s   ${(mb / refS).toFixed(1)} MB/s`);
} else console.log('parse (csv-parse reference reader)     not run above 200,000 households (≈ 6 MB/s)');

const rules = compileRules(resolve(await loadPolicy('policies/guangxi-nanning.yaml'), '2025-06-30'));
const [, evalS] = await time(() => simulate(pop, [{ id: 'baseline', rules }]));
console.log(`evaluate baseline                      ${evalS.toFixed(3)} s   ${((evalS / N) * 1e9).toFixed(0)} ns/household`);
const six = Array.from({ length: 6 }, (_, i) => ({ id: `run${i}`, rules }));
const [, sixS] = await time(() => simulate(pop, six));
console.log(`evaluate 6 runs in one pass            ${sixS.toFixed(3)} s   ${((sixS / N / 6) * 1e9).toFixed(0)} ns/household/run`);
const [, sixParS] = await time(() => simulateParallel(pop, six));
console.log(`evaluate 6 runs on ${threadCount()} threads           ${sixParS.toFixed(3)} s   (worker start-up included)`);
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
const { incomeDeciles } = await import(new URL('core/compare.js', dist));
const { compareParallel } = await import(new URL('io/eval-pool.js', dist));
const [deciles, decilesS] = await time(() => incomeDeciles(pop));
console.log(`income deciles (once per population)   ${decilesS.toFixed(3)} s`);
const [, compareOneS] = await time(() => compare(pop, localities, deciles));
const [, compareS] = await time(() => compareParallel(pop, localities, deciles));
console.log(
  `compare 3 localities × 3 runs (1 pass) ${compareS.toFixed(3)} s on ${threadCount()} threads, ${compareOneS.toFixed(3)} s on one (${((compareOneS / N / 9) * 1e9).toFixed(0)} ns/household/run)`,
);
console.log(
  `  → compare end to end ≈ 1 parse (${parseS.toFixed(2)} s) + deciles + 9 evaluations (${(decilesS + compareS).toFixed(2)} s), not 9 parses (${(9 * parseS).toFixed(1)} s)`,
);

// The TUI's recompute after a knob moves: the knob run against the baseline, on the population in memory — on
// this thread, and as the TUI does it for a big population, on worker threads that keep the population
// (io/compare-pool.ts, warmed up when the TUI opens). Several knob values; the median is reported.
{
  const { localityView, localityViewAsync } = await import(new URL('ui/model.js', dist));
  const { incomeDeciles } = await import(new URL('core/compare.js', dist));
  const { ComparePool } = await import(new URL('io/compare-pool.js', dist));
  const { parseScenario } = await import(new URL('io/scenario-file.js', dist));
  const policy = await loadPolicy('policies/guangxi-nanning.yaml');
  const baseline = { id: 'baseline', snapshot: resolve(policy, '2025-06-30') };
  const data = {
    pop,
    deciles: incomeDeciles(pop),
    date: '2025-06-30',
    householdsFile: file,
    localities: [
      { file: 'policies/guangxi-nanning.yaml', policy, baseline: { ...baseline, rules: compileRules(baseline.snapshot) }, scenarios: [] },
    ],
  };
  localityView(data, 0, null); // the baseline, computed once when the TUI opens
  const knob = (change) => parseScenario(`scenario: k\ntitle: {zh: k, en: k}\nreason: bench\nchanges:\n  ${change}\n`, 'k.yaml');
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  // Two kinds of knob: one that leaves steps 1–2 alone (their findings are taken over from the baseline) and one
  // that moves S (everything is evaluated again).
  const kinds = [
    ['tekun multiplier', (v) => `tekun.basic.multiplier: {set: ${v}}`, [1.4, 1.5, 1.6, 1.7, 1.8]],
    ['dibao standard', (v) => `dibao.standard.urban: {scale: ${v}}\n  dibao.standard.rural: {scale: ${v}}`, [0.9, 0.95, 1.05, 1.1, 1.15]],
  ];
  const pool = ComparePool.open(pop);
  pool?.warm(data.localities[0].baseline.rules);
  for (const [name, change, values] of kinds) {
    const here = [];
    for (const v of values) here.push((await time(() => localityView(data, 0, knob(change(v)))))[1]);
    const there = [];
    for (const v of pool ? values : [])
      there.push((await time(() => localityViewAsync({ ...data, comparer: pool }, 0, knob(change(v)))))[1]);
    const ms = (xs) => `${(median(xs) * 1000).toFixed(0)} ms`;
    console.log(
      `tui: recompute after a knob (${name.padEnd(16)}) ${pool ? `${ms(there)} on ${threadCount()} worker threads, ` : ''}${ms(here)} on this thread (median of ${values.length}; target ≤ 100 ms)`,
    );
  }
  pool?.close();
}

// The reference: DuckDB running a single dibao-only SQL aggregate over the same CSV. Not a dependency (npm 11
// writes a lock file for its per-platform binaries that `npm ci` then rejects): `npm install --no-save
// @duckdb/node-api@1.5.6-r.1` to measure it here; otherwise the issue's figure for this input size is used.
let duckS = null;
try {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const [, s] = await time(async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    return c.runAndReadAll(`WITH h AS (SELECT household_id, any_value(area) AS area, any_value(weight) AS weight, count(*) AS n,
        sum(wage_income + other_income) AS income FROM read_csv('${file}', header = true) GROUP BY household_id)
      SELECT sum(weight * 12 * (CASE WHEN area = 'urban' THEN 810 ELSE 566.67 END * n - income)), count(*) FROM h
      WHERE income < CASE WHEN area = 'urban' THEN 810 ELSE 566.67 END * n`);
  });
  duckS = s;
  console.log(`reference: DuckDB dibao-only aggregate   ${s.toFixed(2)} s`);
} catch {
  duckS = 1.4 * (mb / 150);
  console.log(
    `reference: DuckDB not installed; using the issue's figure (1.4 s for 150 MB) scaled to ${mb.toFixed(0)} MB: ${duckS.toFixed(2)} s`,
  );
}

// The performance issue's target: simulate with the baseline plus 5 scenarios, end to end, and its peak RSS.
const five = ['tekun-basic-1.6x', 'low-income-2x', 'tekun-care-70pct-min-wage', 'dibao-standard-plus-10pct', 'unify-rural-urban'].flatMap(
  (s) => ['--scenario', `scenarios/${s}.yaml`],
);
for (const [label, extra] of [
  ['simulate end to end, baseline', []],
  ['simulate end to end, baseline + 5 scenarios', five],
  ['simulate --stream, baseline + 5 scenarios', [...five, '--stream']],
]) {
  const e2e = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      'bin/jiuzhu.js',
      'simulate',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      file,
      '--date',
      '2025-06-30',
      '--format',
      'json',
      '--quiet',
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  const [wall, rssKb] = (e2e.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  const vs = duckS && extra.length ? `   ${(Number(wall) / duckS).toFixed(1)}× DuckDB (target ≤ 1.5×)` : '';
  if (e2e.status === 0 && wall)
    console.log(`${label.padEnd(46)} ${Number(wall).toFixed(2)} s   peak RSS ${(Number(rssKb) / 1024).toFixed(0)} MB (target ≤ 1024)${vs}`);
  else console.log(`${label}: not measured (${e2e.error?.message ?? e2e.stderr.trim().split('\n')[0]})`);
}
console.log(`this process: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
