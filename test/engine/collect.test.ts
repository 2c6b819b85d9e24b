// After the workers hand this thread the parts of a big file and the population is built from them, the parts are
// garbage — and this thread, evaluating on the workers, allocates too little for V8 to collect them on its own: 1M
// households held ~280 MB of them through a whole run. readHouseholds asks for a full collection then (the bench's
// peak RSS figures measure what it frees); a small population, read on this thread, is left to V8.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readHouseholds } from '../../src/engine/households.js';
import { executor, tempFiles } from '../helpers/exec.js';

const collect = vi.hoisted(() => vi.fn());
vi.mock('../../src/engine/collect.js', () => ({ collect }));

const file = tempFiles('jiuzhu-collect-');
const SAMPLE = readFileSync('policies/samples/households.csv', 'utf8');

describe('readHouseholds', () => {
  afterEach(() => collect.mockClear());

  it('collects the garbage once the population is built from the parts two workers read', async () => {
    const exec = executor(2);
    try {
      const pop = await readHouseholds(exec, file(SAMPLE));
      expect(pop.householdCount).toBeGreaterThan(100);
      expect(exec.started?.jobsDone.filter((n) => n > 0).length).toBe(2); // (read by both workers)
      expect(collect).toHaveBeenCalledTimes(1);
    } finally {
      exec.close();
    }
  });

  it('leaves a small population (below the households the workers take) to V8', async () => {
    const exec = executor(2, { parallelFromBytes: Infinity, parallelFromHouseholds: 1_000_000 });
    try {
      await readHouseholds(exec, file(SAMPLE));
      expect(collect).not.toHaveBeenCalled();
    } finally {
      exec.close();
    }
  });
});
