// A run that takes over steps 1–2 from an earlier run with the same inputs for them (sameFirstSteps: ages,
// deduction, S, asset limit) gets exactly what it gets evaluated alone: for simulate's totals and compare's results,
// under each shipped policy with every shipped scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/core/aggregate.js';
import { compare, incomeDeciles, plainResult } from '../../src/core/compare.js';
import { firstStepsLikeByArea } from '../../src/core/engine.js';
import { rulesAt } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadScenario, parseScenario } from '../../src/io/scenario-file.js';

const plain = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));

describe.each(['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'])('steps 1–2 shared between runs (%s)', (locality) => {
  // The sample, and households at the edges of each input steps 1–2 read: young and old people with no capable
  // supporter nor income around the minor and elderly ages, wages around the deduction, assets around the limit.
  const edges =
    [
      'household_id,person_id,age,area,has_capable_supporter,wage_income,financial_assets',
      ...[15, 16, 17, 18, 19, 55, 59, 60, 61, 65].flatMap((age) =>
        ['urban', 'rural'].map((area) => `A${age}${area},A${age}${area},${age},${area},0,0,0`),
      ),
      ...[0, 300, 600, 900, 1500].flatMap((wage) =>
        ['urban', 'rural'].map((area) => `W${wage}${area},W${wage}${area},40,${area},1,${wage},0`),
      ),
      ...[3000, 6000, 10000, 20000].flatMap((assets) =>
        ['urban', 'rural'].map((area) => `F${assets}${area},F${assets}${area},40,${area},1,0,${assets}`),
      ),
    ].join('\n') + '\n';
  // Besides the shipped scenarios, runs that move each of those inputs alone (S alone: with no asset limit, since
  // the limit is limit_months × S and would move with it).
  const moves = [
    'tekun.minor_age: {set: 16}',
    'tekun.elderly_age: {set: 65}',
    'dibao.employment_deduction: {set: 0}',
    'dibao.assets.limit_months: {set: 6}',
    'dibao.assets.limit_months: {set: 0}',
    'dibao.assets.limit_months: {set: 0}\n  dibao.standard.urban: {scale: 1.5}\n  dibao.standard.rural: {scale: 1.5}',
    // one area's standard alone: the other area's households take over the baseline's findings (and whole result)
    'dibao.standard.urban: {scale: 1.2}',
    'dibao.standard.rural: {scale: 0.8}',
  ].map((change, i) =>
    parseScenario(`scenario: move-${i}\ntitle: {zh: m, en: m}\nreason: test\nchanges:\n  ${change}\n`, `move-${i}.yaml`),
  );
  it.each([
    ['the sample', readFileSync('policies/samples/households.csv', 'utf8')],
    ['edge households', edges],
  ])('changes nothing: every run as if evaluated alone (%s)', async (_, csv) => {
    const pop = await parseHouseholdsFast(Readable.from([csv]), 'h.csv');
    const policy = await loadPolicy(`policies/${locality}.yaml`);
    const scenarios = [
      ...(await Promise.all(
        readdirSync('scenarios')
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => loadScenario(`scenarios/${f}`)),
      )),
      ...moves,
    ];
    const runs = [
      { id: 'baseline', rules: rulesAt(policy, '2025-06-30').rules },
      ...scenarios.map((sc) => ({ id: sc.id, rules: rulesAt(applyScenario(policy, sc), '2025-06-30').rules })),
    ];
    const like = firstStepsLikeByArea(runs.map((r) => r.rules));
    const shares = (n: number) => like.filter(([u, r]) => Number(u >= 0) + Number(r >= 0) === n).length;
    expect(shares(2)).toBeGreaterThan(1); // some runs do share in both areas (else this tests nothing)
    expect(shares(0)).toBeGreaterThan(1); // some in neither (S or the ages move)
    expect(shares(1)).toBeGreaterThan(1); // and some in one area only (unify-rural-urban, one area's standard)
    const together = simulate(pop, runs).map(figures);
    runs.forEach((run, i) => expect(plain(together[i])).toBe(plain(figures(simulate(pop, [run])[0]!))));
    const deciles = incomeDeciles(pop);
    const all = compare(pop, [{ runs }], deciles)[0]!;
    runs
      .slice(1)
      .forEach((run, i) =>
        expect(plain(plainResult(all[i + 1]!))).toBe(plain(plainResult(compare(pop, [{ runs: [runs[0]!, run] }], deciles)[0]![1]!))),
      );
  });
});
