// core/cliff.ts exactSteps: a cliff the sweep's grid holds is found at the rule's own threshold, to the fen; a fall
// that is a slope, not a step, stays as the grid has it. Resources here are synthetic (fen a year, one view).
import { describe, expect, it } from 'vitest';
import { exactSteps, type CliffPoint } from '../../src/core/cliff.js';

/** A point at `value` (fen a month) with resources from `f`, its one program the resources less the income. */
const pointOf =
  (f: (v: number) => number) =>
  (value: number): CliffPoint => {
    const resources = f(value);
    const r = { resources, programs: { dibao: resources - 12 * value } };
    return { value, monthly: r, annual: r };
  };

describe('exactSteps', () => {
  it('a step at 1,782.00 inside a 10-yuan grid step is found there, with what is lost across its one fen', () => {
    // flat at 12 × (1,782.00 + 110.77) below the line, the income alone from it
    const f = (v: number) => (v < 178_200 ? 12 * (178_200 + 11_077) : 12 * v);
    const at = (vs: readonly number[]) => vs.map(pointOf(f));
    const grid = at([177_000, 178_000, 179_000, 180_000]);
    const [c] = exactSteps(grid, 'monthly', 'cliffs', at);
    expect(c!.at).toBe(178_200);
    expect(c!.drop).toBe(12 * 11_077); // 110.77 a month
    expect(c!.step).toBe(12); // one fen
  });

  it('a slope past 100 % (no one fen holds half the fall) stays as the grid has it', () => {
    // resources fall 2 fen for each fen earned from 1,000.00 on: a marginal rate of 300 %, no step
    const f = (v: number) => 12 * (v < 100_000 ? 100_000 : 100_000 - 2 * (v - 100_000));
    const at = (vs: readonly number[]) => vs.map(pointOf(f));
    const grid = at([100_000, 101_000]);
    const [c] = exactSteps(grid, 'monthly', 'cliffs', at);
    expect(c).toMatchObject({ at: 101_000, drop: 12 * 2_000, step: 12 * 1_000 });
  });
});

// An economist's trial: two thresholds a fen apart in one grid step gave one cliff; whole-yuan payments' teeth (a yuan
// lost each time the income crosses one) were named cliffs beside a jump up.
describe('every step of a grid step, and no rounding tooth', () => {
  /** Points whose programs are given by `pay` (fen a year, view units), the resources the income and the programs. */
  const swept = (pay: (v: number) => Record<string, number>) => (vs: readonly number[]) =>
    vs.map((value): CliffPoint => {
      const programs = pay(value);
      const r = { resources: 12 * value + Object.values(programs).reduce((a, b) => a + b, 0), programs };
      return { value, monthly: r, annual: r };
    });

  it('two programs ending a fen apart (under a line, and at or below it) are two cliffs, on any grid', () => {
    // 100.00 a month paid while v < 4,157.00; 50.00 while v ≤ 4,157.00
    const at = swept((v) => ({ ...(v < 415_700 ? { dibao: 12 * 10_000 } : {}), ...(v <= 415_700 ? { medical_premium: 12 * 5_000 } : {}) }));
    for (const grid of [
      [410_000, 420_000],
      [0, 200_000, 400_000, 600_000],
    ]) {
      const found = exactSteps(at(grid), 'monthly', 'cliffs', at);
      expect(found.map((c) => [c.at, c.drop])).toEqual([
        [415_700, 12 * 10_000 - 12],
        [415_701, 12 * 5_000 - 12],
      ]);
    }
  });

  it('a yuan lost as the income crosses each yuan (rounding up to the yuan) is no cliff at unit 100, one at unit 1', () => {
    // a gap ⌈(3,000.00 − v) / 1 yuan⌉ yuan paid below 2,848.00; from there another program of 1,309.00 in its place (a
    // jump up: the economist's Guangzhou couple, where single-person dibao takes over from the household's)
    const gap = (v: number) => 100 * Math.ceil((300_000 - v) / 100);
    const at = swept((v): Record<string, number> => (v < 284_800 ? { dibao: 12 * gap(v) } : { single_person: 12 * 130_900 }));
    const grid = at([280_000, 290_000]);
    expect(exactSteps(grid, 'monthly', 'cliffs', at, 100)).toEqual([]);
    expect(exactSteps(grid, 'monthly', 'jumps', at, 100).map((c) => c.at)).toEqual([284_800]);
    // (kept to the fen, such a rule's yuan lost at a fen would be a cliff: at 2,801.00, 2,802.00 … 2,847.00, 47 of them)
    const teeth = exactSteps(grid, 'monthly', 'cliffs', at, 1);
    expect([teeth.length, teeth[0]!.at, teeth.at(-1)!.at, teeth[0]!.drop]).toEqual([47, 280_100, 284_700, 12 * 99]);
  });

  it('a slope past 100 % starting at a fen is no cliff there, nor a cliff just before it', () => {
    // flat to 1,000.00, then 2 fen lost a fen; 30.00 lost at 999.50
    const f = (v: number) => (v < 99_950 ? 3_000 : 0) + (v < 100_000 ? 100_000 : 100_000 - 2 * (v - 100_000)) - v;
    const at = swept((v) => ({ dibao: 12 * f(v) }));
    const found = exactSteps(at([99_000, 101_000]), 'monthly', 'cliffs', at);
    expect(found.map((c) => [c.at, c.drop])).toEqual([[99_950, 12 * 3_000]]);
  });
});

// A QA trial: --step 10 and 500 found a cliff that --step 1000 did not, the loss smaller than the step's earnings.
describe('a cliff inside a step whose resources rise', () => {
  /** Income plus a program of 100.00 a month paid below 1,500.00 (ending there: a cliff of 100.00 across one fen). */
  const f = (v: number) => 12 * v + (v < 150_000 ? 12 * 10_000 : 0);
  const pointWith = (value: number): CliffPoint => {
    const r = { resources: f(value), programs: value < 150_000 ? { medical_premium: 12 * 10_000 } : {} };
    return { value, monthly: r, annual: r };
  };
  const at = (vs: readonly number[]) => vs.map(pointWith);

  it('is found at its fen where a program ends, though the step as a whole rises (1,000 earned, 100 lost)', () => {
    const grid = at([100_000, 200_000]); // one step of 1,000.00: resources +900.00 a month
    const [c] = exactSteps(grid, 'monthly', 'cliffs', at);
    expect(c).toMatchObject({ at: 150_000, drop: 12 * 10_000 - 12, step: 12 });
  });

  it('a program that ends on a slope (no fen loses) is no cliff', () => {
    // the same program tapering to nothing, a fen for each fen earned past 1,400.00: resources never fall
    const g = (v: number) => 12 * v + 12 * Math.max(0, Math.min(10_000, 150_000 - v));
    const slope = (vs: readonly number[]) =>
      vs.map((value): CliffPoint => {
        const pay = Math.max(0, Math.min(10_000, 150_000 - value));
        const r = { resources: g(value), programs: pay ? { medical_premium: 12 * pay } : {} };
        return { value, monthly: r, annual: r };
      });
    expect(exactSteps(slope([100_000, 200_000]), 'monthly', 'cliffs', slope)).toEqual([]);
  });
});

describe('where a sweep ends unless told', () => {
  it('past the household’s low-income line: Nanning 2024, 2 × 810 × 3 = 4,860, a tenth past it rounded up to 5,400', async () => {
    const { loadPolicy } = await import('../../src/io/policy-file.js');
    const { rulesAt } = await import('../../src/core/rules.js');
    const { defaultSweepTo, edgeLine } = await import('../../src/core/cliff.js');
    const { rules } = rulesAt(await loadPolicy('policies/guangxi-nanning.yaml'), '2024-12-31');
    const family = (ages: number[], rigid?: number) => ({
      id: 'f',
      household: { area: 'urban' as const, ...(rigid ? { rigid } : {}) },
      persons: ages.map((age) => ({ age })),
    });
    expect(edgeLine([{ rules }], family([45, 43, 15]))).toBe(486_000);
    expect(defaultSweepTo(0, edgeLine([{ rules }], family([45, 43, 15])))).toBe(540_000);
    // (a household whose line is below 3,000: 3,000, or 1,000 past its amount now)
    expect(defaultSweepTo(0, edgeLine([{ rules }], family([70])))).toBe(300_000);
    expect(defaultSweepTo(250_000, 0)).toBe(350_000);
  });

  // A journalist's family with 150,000 a year of rigid expenditure lost 2,467.49 a month of rigid aid at 11,117.25, past
  // the 5,400 swept: step 4 identifies it while A = 12 × I < disposable_income × n = 44,469 × 3 (nanning-income-2023)
  // and A < E + identify_multiplier × 12 × S × n = 150,000 + 2 × 12 × 810 × 3 = 208,320 (gx-2024-34: 2×); the lower,
  // 133,407 / 12 = 11,117.25
  it('past where rigid expenditure stops being identified: Nanning 2024, 133,407 / 12 = 11,117.25, a tenth past: 12,300', async () => {
    const { loadPolicy } = await import('../../src/io/policy-file.js');
    const { rulesAt } = await import('../../src/core/rules.js');
    const { defaultSweepTo, edgeLine } = await import('../../src/core/cliff.js');
    const { rules } = rulesAt(await loadPolicy('policies/guangxi-nanning.yaml'), '2024-12-31');
    // (rigid_expenditure in fen, as a described household stores it)
    const family = (yuan: number) => ({
      id: 'f',
      household: { area: 'urban' as const, rigid: yuan * 100 },
      persons: [{ age: 45 }, { age: 43 }, { age: 15 }],
    });
    expect(edgeLine([{ rules }], family(150_000))).toBe(1_111_725);
    expect(defaultSweepTo(0, edgeLine([{ rules }], family(150_000)))).toBe(1_230_000);
    // E + 2 × 12 × S × n the lower: (20,000 + 58,320) / 12 = 6,526.67, above the low-income line 4,860
    expect(edgeLine([{ rules }], family(20_000))).toBeCloseTo(652_666.67, 1);
  });
});
