// The TUI's knob runs on the pool's workers: they keep the population (shared memory, handed over once) and compare a
// run with a locality's cached baseline on it, each worker a range of households. The partial results merge exactly,
// so the result is compareWithBaseline's on one thread, whatever the thread count (test/engine/knob-comparer.test.ts).
// The workers stay started and warm between knob changes; this thread stays free for the terminal.
import {
  emptyRunResult,
  mergeResult,
  type BaselineArrays,
  type BaselineCache,
  type Deciles,
  type PlainRunResult,
  type RunResult,
} from '../core/compare.js';
import { typed, type Typed, type TypedCtor } from '../core/grow.js';
import type { Population } from '../core/population.js';
import { sameFirstSteps, type Rules } from '../core/rules.js';
import { inShared, plainRuns, rangesFor, sharedPopulation } from './parallel.js';
import type { Executor, Pool } from './pool.js';

export class KnobComparer {
  private readonly shared = new WeakMap<ArrayBufferView, ArrayBufferView>();
  private readonly primed = new WeakSet<BaselineCache>();
  /** The next comparison's annual amounts, its pages touched by the workers ahead of it (see touched). */
  private spare: Float64Array;

  private constructor(
    private readonly pool: Pool,
    private readonly pop: Population,
    private readonly ranges: ReadonlyArray<[number, number]>,
  ) {
    const shared = sharedPopulation(pop);
    for (let w = 0; w < ranges.length; w++) pool.run(w, { kind: 'keep', pop: shared }).catch(() => undefined);
    this.spare = this.touched();
  }

  /** A comparer for the population on the executor's workers, or null when one thread does it quicker. */
  static open(exec: Executor, pop: Population): KnobComparer | null {
    const ranges = rangesFor(exec, pop);
    const pool = ranges && exec.pool(); // no pool started for work that stays on this thread
    return ranges && pool ? new KnobComparer(pool, pop, ranges) : null;
  }

  /** compareWithBaseline(pop, base, run, deciles, { annuals: true }), on the pool's workers. */
  compareWithBaseline(base: BaselineCache, run: { readonly id: string; readonly rules: Rules }, deciles: Deciles): Promise<RunResult> {
    return this.compare(this.sharedBase(base), base.rules, run, this.inShared(deciles.of), sameFirstSteps(base.rules, run.rules));
  }

  /**
   * Readies a locality's baseline for knob moves while the screen shows it: its arrays copied into shared memory,
   * and the baseline compared with itself on the workers both ways (steps 1–2 taken over, and not), the results
   * dropped — so the first knob move costs what the later ones do (on 1M households it took ~0.7 s, the later ones
   * ~0.15 s: the copy, and the workers' first pass over real data). Once per baseline.
   */
  prime(base: BaselineCache, deciles: Deciles): void {
    if (this.primed.has(base)) return;
    this.primed.add(base);
    const arrays = this.sharedBase(base);
    const run = { id: 'prime', rules: base.rules };
    for (const takeOver of [false, true]) this.compare(arrays, base.rules, run, this.inShared(deciles.of), takeOver).catch(() => undefined);
  }

  private sharedBase(base: BaselineCache): BaselineArrays {
    return {
      annual: this.inShared(base.annual),
      eligible: this.inShared(base.eligible),
      layers: this.inShared(base.layers),
      n: this.inShared(base.n),
      I: this.inShared(base.I),
      assetsOk: this.inShared(base.assetsOk),
    };
  }

  /** Runs a comparison both ways (steps 1–2 taken over or not) and drops them: the workers' code is compiled before the first knob moves. */
  warm(rules: Rules): void {
    const H = this.pop.householdCount;
    const R = this.pop.personCount;
    const zeros = <T extends Typed>(Ctor: TypedCtor<T>, n: number) => typed(Ctor, n, true);
    const base = {
      annual: zeros(Float64Array, H),
      eligible: zeros(Float64Array, H),
      layers: zeros(Uint8Array, R),
      n: zeros(Int32Array, H),
      I: zeros(Float64Array, H),
      assetsOk: zeros(Uint8Array, H),
    };
    for (const takeOver of [false, true])
      this.compare(base, rules, { id: 'warm-up', rules }, base.assetsOk, takeOver).catch(() => undefined);
  }

  private async compare(
    base: BaselineArrays,
    baseRules: Rules,
    run: { readonly id: string; readonly rules: Rules },
    decileOf: Uint8Array,
    takeOver: boolean,
  ): Promise<RunResult> {
    const annual = this.spare;
    const [rules, plainBase] = plainRuns([run, { id: 'baseline', rules: baseRules }]).map((r) => r.rules);
    const jobs = Promise.all(
      this.ranges.map(([from, to], w) =>
        this.pool.run<PlainRunResult>(w, {
          kind: 'compare-baseline',
          baseRules: plainBase!,
          rules: rules!,
          annual,
          base,
          decileOf,
          takeOver,
          from,
          to,
        }),
      ),
    );
    this.spare = this.touched(); // (each worker touches its range of it after this comparison)
    const parts = await jobs;
    const result = emptyRunResult(run.id, annual);
    for (const p of parts) mergeResult(result, p);
    return result;
  }

  /**
   * A new array for a comparison's annual amounts (every household of it is written by the comparison), whose pages
   * the workers touch, each its range, in the time between knob moves: a fresh 8 MB (1M households) took ~25 ms of
   * page faults inside the comparison, a quarter of it. A new one each time, as the views keep theirs.
   */
  private touched(): Float64Array {
    const annual = typed(Float64Array, this.pop.householdCount, true);
    this.ranges.forEach(([from, to], w) => this.pool.run(w, { kind: 'touch', array: annual, from, to }).catch(() => undefined));
    return annual;
  }

  /** The shared copy of a cached array, made once. */
  private inShared<T extends ArrayBufferView>(a: T): T {
    let s = this.shared.get(a);
    if (!s) this.shared.set(a, (s = inShared(a)));
    return s as T;
  }
}
