// Properties: totals are identical whatever the row order of the file and whatever the chunk size, and
// the engine is deterministic (the same inputs give byte-identical outputs).
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/core/aggregate.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { compileRules } from '../../src/core/rules.js';
import { simulate } from '../../src/core/simulate.js';
import { parseHouseholds } from '../../src/io/households-csv.js';
import { loadPolicy } from '../../src/io/policy-file.js';

const SAMPLE = readFileSync('policies/samples/households.csv', 'utf8');

/** A seeded shuffle (mulberry32), so a failure can be reproduced. */
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function totalsOf(csv: string, policy: string, chunkSize?: number) {
  const pop = await parseHouseholds(Readable.from([csv]), 'sample.csv');
  const rules = compileRules(resolve(await loadPolicy(`policies/${policy}.yaml`), '2025-06-30'));
  return JSON.stringify(simulate(pop, [{ id: 'baseline', rules }], { chunkSize }).map(figures));
}

describe.each(['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'])('%s totals', (policy) => {
  it('do not depend on the order of the rows (households split across the file)', async () => {
    const [header, ...rows] = SAMPLE.trimEnd().split('\n');
    const reference = await totalsOf(SAMPLE, policy);
    for (const seed of [1, 2, 3]) {
      expect(await totalsOf([header, ...shuffle(rows, seed)].join('\n'), policy)).toBe(reference);
    }
  });

  it('do not depend on the chunk size', async () => {
    const reference = await totalsOf(SAMPLE, policy);
    for (const size of [1, 7, 64, 599, 100_000]) expect(await totalsOf(SAMPLE, policy, size)).toBe(reference);
  });
});
