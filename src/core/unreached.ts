// Households no run of a comparison reaches (engine.ts quietEverywhere: no member can be tekun, no step after 1–2
// acts on them, under the baseline and every run compared): each gets nothing under all of them, and its persons are
// in no layer under all of them. They are counted by area and income decile as they come, and added to each run's
// result at once — the same sums, exactly, as adding them one by one (test/core/engine-screen.test.ts, compare).
import { ExactSum } from './aggregate.js';
import type { RunResult } from './compare.js';
import { LAYER } from './layers.js';

export class Unreached {
  /** By area × 10 + decile: Σ weight, and Σ weight × persons. */
  private readonly households = Array.from({ length: 20 }, () => new ExactSum());
  private readonly persons = Array.from({ length: 20 }, () => new ExactSum());
  private rows = 0;
  private personRows = 0;

  add(area: number, decile: number, weight: number, size: number): void {
    const b = area * 10 + decile;
    this.households[b]!.addProduct(weight, 1);
    this.persons[b]!.addProduct(weight, size);
    this.rows++;
    this.personRows += size;
  }

  /** These households but `some` of them: every sum exact (a sum of non-negative terms less a part of them). */
  without(some: Unreached): Unreached {
    const u = new Unreached();
    for (let b = 0; b < 20; b++) {
      u.households[b] = ExactSum.of(this.households[b]!.value() - some.households[b]!.value());
      u.persons[b] = ExactSum.of(this.persons[b]!.value() - some.persons[b]!.value());
    }
    u.rows = this.rows - some.rows;
    u.personRows = this.personRows - some.personRows;
    return u;
  }

  /** Adds them to a run's result: households with nothing under the baseline and the run, unchanged, in no layer. */
  into(res: RunResult): void {
    const t = res.totals;
    const NONE = LAYER.none;
    t.householdRows += this.rows;
    t.personRows += this.personRows;
    for (let b = 0; b < 20; b++) {
      const [h, p] = [this.households[b]!, this.persons[b]!];
      for (const g of [res.byArea[Math.floor(b / 10)]!, res.byDecile[b % 10]!]) {
        g.households.merge(h);
        g.persons.merge(p);
      }
      t.all.households.merge(h);
      t.all.persons.merge(p);
      res.changes.unchanged.merge(h);
      res.transitions[NONE]![NONE]!.merge(p);
    }
  }
}
