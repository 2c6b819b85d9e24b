// DOMAIN step 7 (003 §11 渐退, 000（四）) across the years of a window (simulate --years): each run's households' exits
// carried from one year to the next (core/year-exit.ts ExitCarry). A provincial trial's three-year monthly plan paid
// Nanning's exit in January–March of every year: each year started from the file's register (on_dibao 1), so the
// same households left dibao again each January. The simple policy (S urban 1000 unless dated here, the exit 6 months);
// one urban worker on dibao (on_dibao 1) with prior_dibao 300.00, earning 1300.00: I = 1300 − the deduction 200 = 1100.00.
// An exit keeps the dibao the household was paid before it left, where the window saw it on dibao (at S 1200: 100.00),
// else the file's prior_dibao (a budget trial's household, on dibao at 26.30 until December, left each January at 300.00).
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/core/aggregate.js';
import { carryExits, periodRuns, periodsOf, yearTotals } from '../../src/core/budget-year.js';
import type { Policy } from '../../src/core/parameters/tree.js';
import { evaluateHousehold, newContext, resultOfLike } from '../../src/core/engine.js';
import { populationOf } from '../../src/core/population.js';
import { FILE_REGISTER } from '../../src/core/programs/context.js';
import { SLOT } from '../../src/core/programs/index.js';
import { simulate } from '../../src/core/simulate.js';
import { newExitCarry, quietYearExit, type ExitCarry } from '../../src/core/year-exit.js';
import { fen, rulesOf, simplePolicy, withDated, withParams } from '../helpers/rules.js';

/** The simple policy (or `p`) with dated values of `path`. */
const dated = (path: string, values: ReadonlyArray<[string, number]>, p: Policy = simplePolicy()) => withDated(p, path, values);

const leaver = populationOf([
  { id: 'x', household: { area: 'urban', onDibao: 1, prior: fen('300') }, persons: [{ age: 40, wage: fen('1300') }] },
]);

/** Each year's gradual exit and dibao, the years run in turn with the exits carried (or, `carry` false, each alone). */
function window(policy: Policy, years: readonly number[], carry = true): Array<[string, string]> {
  let from: ExitCarry[] | null = null;
  return years.map((y, i) => {
    const periods = periodsOf(policy, y);
    const to = carry && i < years.length - 1 ? [newExitCarry(leaver.householdCount)] : null;
    const totals = simulate(leaver, carryExits(periodRuns(periods, 'baseline', 0), from, to));
    from = to;
    const p = figures(yearTotals(periods, totals)).programs;
    return [p.gradual_exit.annual_cost, p.dibao.annual_cost];
  });
}

describe('the gradual exit across a window’s years', () => {
  it('a household that left in January 2023 (6 × 300.00) is not paid an exit again in 2024', () => {
    // I = 1100.00 ≥ S 1000 in both years: it left in January 2023; each year alone paid it again in 2024
    expect(window(simplePolicy(), [2023, 2024])).toEqual([
      ['1800.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    expect(window(simplePolicy(), [2023, 2024], false)).toEqual([
      ['1800.00', '0.00'],
      ['1800.00', '0.00'],
    ]);
  });

  it('an exit from October pays October–December and its last three months in January–March of the next year', () => {
    // S 1200 until September 2023 (1100.00 < 1200: dibao 100.00 a month, 9 × 100.00 = 900.00), 1000 from October:
    // out, its dibao 100.00 kept for 6 months: 3 in 2023 (300.00), 3 in 2024 (300.00); 2025 nothing
    const p = dated('dibao.standard.urban', [
      ['2020-01-01', 1200],
      ['2023-10-01', 1000],
    ]);
    expect(window(p, [2023, 2024, 2025])).toEqual([
      ['300.00', '900.00'],
      ['300.00', '0.00'],
      ['0.00', '0.00'],
    ]);
  });

  it('a carried exit ends where the household is on dibao again (S 1000 → 1200 on 1 February 2024)', () => {
    // as above to December 2023; 2024: January's exit 100.00, then 1100.00 < 1200 from February: dibao 11 × 100.00
    const p = dated('dibao.standard.urban', [
      ['2020-01-01', 1200],
      ['2023-10-01', 1000],
      ['2024-02-01', 1200],
    ]);
    expect(window(p, [2023, 2024])).toEqual([
      ['300.00', '900.00'],
      ['100.00', '1100.00'],
    ]);
  });

  it('back on dibao, a household that leaves again has a new exit', () => {
    // 2023: out from January, never seen on dibao: the file's prior_dibao, 6 × 300.00 = 1800.00. 2024: S 1200
    // January–June (dibao 6 × 100.00), 1000 from July: out again, its dibao 100.00 kept 6 months = 600.00
    const p = dated('dibao.standard.urban', [
      ['2020-01-01', 1000],
      ['2024-01-01', 1200],
      ['2024-07-01', 1000],
    ]);
    expect(window(p, [2023, 2024])).toEqual([
      ['1800.00', '0.00'],
      ['600.00', '600.00'],
    ]);
  });

  it('an exit granted in 2023 is paid out in 2024 although the policy gives none from 2024 (months 0)', () => {
    // out from October 2023 with 6 months; from 2024 gradual_exit.months is 0: no exit is granted then (the household
    // is given nothing by any rule), but the one granted in October 2023 runs its course: 3 × 100.00 in each year
    const p = dated(
      'dibao.gradual_exit.months',
      [
        ['2020-01-01', 6],
        ['2024-01-01', 0],
      ],
      dated('dibao.standard.urban', [
        ['2020-01-01', 1200],
        ['2023-10-01', 1000],
      ]),
    );
    expect(window(p, [2023, 2024])).toEqual([
      ['300.00', '900.00'],
      ['300.00', '0.00'],
    ]);
  });

  it('an exit of 18 months from December runs through the next year and into the one after', () => {
    // months 18; on dibao at 100.00 until November 2023, out from December (S 1200 → 1000): 1 month in 2023, 12 in
    // 2024, 5 in 2025, each 100.00
    const p = dated(
      'dibao.gradual_exit.months',
      [['2020-01-01', 18]],
      dated('dibao.standard.urban', [
        ['2020-01-01', 1200],
        ['2023-12-01', 1000],
      ]),
    );
    expect(window(p, [2023, 2024, 2025]).map(([exit]) => exit)).toEqual(['100.00', '1200.00', '500.00']);
  });

  it('a household on dibao at the year’s end that leaves in January keeps the dibao it was paid in December', () => {
    // S 1200 to December 2023 (dibao 12 × 100.00), 1000 from 2024: out in January 2024, 6 × 100.00 (the file's
    // prior_dibao 300.00 is what it was paid at the file's date, before 2023)
    const p = dated('dibao.standard.urban', [
      ['2020-01-01', 1200],
      ['2024-01-01', 1000],
    ]);
    expect(window(p, [2023, 2024])).toEqual([
      ['0.00', '1200.00'],
      ['600.00', '0.00'],
    ]);
  });
});

// A household the file does not register (on_dibao 0, no prior_dibao) that joins dibao in the window leaves it as a
// registered one does: DOMAIN step 7 reads on_dibao, which a later year reads from the year before's end (each run its
// own: year-exit.ts registeredAt). The same worker as above, I = 1100.00.
const joiner = populationOf([{ id: 'j', household: { area: 'urban', onDibao: 0, prior: 0 }, persons: [{ age: 40, wage: fen('1300') }] }]);

/**
 * Each year's cost of a program (the gradual exit unless said) under each policy (the baseline, then scenarios), run
 * together with their exits carried, on `pop` (the joiner unless said).
 */
function windowRuns(
  policies: readonly Policy[],
  years: readonly number[],
  program: 'gradual_exit' | 'dibao' = 'gradual_exit',
  pop = joiner,
): string[][] {
  let from: ExitCarry[] | null = null;
  return years.map((y, i) => {
    const periods = policies.map((p) => periodsOf(p, y));
    const to = i < years.length - 1 ? policies.map(() => newExitCarry(pop.householdCount)) : null;
    const runs = carryExits(
      periods.flatMap((ps, k) => periodRuns(ps, k ? `s${k}` : 'baseline', k)),
      from,
      to,
    );
    const totals = simulate(pop, runs);
    from = to;
    let at = 0;
    return periods.map((ps) => {
      const own = totals.slice(at, (at += ps.length));
      return figures(yearTotals(ps, own)).programs[program].annual_cost;
    });
  });
}

// The joiner with a take-up draw of 0.6: it takes dibao up where take_up.dibao is 1, not where it is 0.5 — unless it
// is on the register (take-up.ts: a household on dibao keeps it).
const drawn = populationOf([
  { id: 'd', household: { area: 'urban', onDibao: 0, prior: 0, takeUpDraw: 600_000 }, persons: [{ age: 40, wage: fen('1300') }] },
]);
/** `p` with take_up.dibao dated. */
const takeUp = (values: ReadonlyArray<[string, number]>, p: Policy = simplePolicy()) =>
  withDated(withParams(p, { 'take_up.dibao': 1 }), 'take_up.dibao', values);

describe('a household that joins dibao in the window', () => {
  // S 1200 in 2023 (1100.00 < 1200: dibao 100.00 a month), 700 from 2024: it leaves in January 2024, working, its
  // income no longer under S (003 §11): its dibao 100.00 kept 6 months, 600.00 (the file's register gave it none)
  const joins = dated('dibao.standard.urban', [
    ['2020-01-01', 1200],
    ['2024-01-01', 700],
  ]);

  it('leaves with its exit, 6 × the dibao it was paid in December', () => {
    expect(windowRuns([joins], [2023, 2024])).toEqual([['0.00'], ['600.00']]);
  });

  it('joining and leaving within a year: on dibao January–June, out from July with 6 × 100.00', () => {
    // S 1200 until June 2023 (dibao 100.00 a month), 1000 from July: the exit's 6 months July–December, 600.00
    const p = dated('dibao.standard.urban', [
      ['2020-01-01', 1200],
      ['2023-07-01', 1000],
    ]);
    expect(windowRuns([p], [2023])).toEqual([['600.00']]);
  });

  it('on the register while on dibao: in 2024 it keeps dibao where its draw is over take-up, as one the file registers', () => {
    // S 1200 throughout (dibao 100.00 a month); take_up.dibao 1 in 2023, 0.5 from 2024. The baseline: on dibao all 2023,
    // so on the register in 2024: it keeps dibao, 12 × 100.00. The scenario, 0.5 throughout: never taken up, 0.00 —
    // though its 2024 rules are the baseline's (a run takes over another's result only where both read one register:
    // without that, 1200.00; a code review)
    const s1200 = dated('dibao.standard.urban', [['2020-01-01', 1200]]);
    const base = takeUp(
      [
        ['2020-01-01', 1],
        ['2024-01-01', 0.5],
      ],
      s1200,
    );
    const half = takeUp([['2020-01-01', 0.5]], s1200);
    expect(windowRuns([base, half], [2023, 2024], 'dibao', drawn)).toEqual([
      ['1200.00', '0.00'],
      ['1200.00', '0.00'],
    ]);
  });

  it('off dibao, off the register: back under the line, it takes dibao up by its draw, in the same year as in the next', () => {
    // dibao 100.00 January–March (take-up 1); S 1000 from April: out (its exit, 6 × 100.00 from April); S 1200 again
    // from July, take-up 0.5 then: off the register since April, its draw 0.6 declines. Dibao 3 × 100.00 = 300.00
    // (kept on the register for the rest of the year, as a code review found, it had 300.00 + 6 × 100.00).
    const standards = (year: number) =>
      dated('dibao.standard.urban', [
        ['2020-01-01', 1200],
        [`${year}-04-01`, 1000],
        [`${year}-07-01`, 1200],
      ]);
    const within = takeUp(
      [
        ['2020-01-01', 1],
        ['2024-07-01', 0.5],
      ],
      standards(2024),
    );
    expect(windowRuns([within], [2024], 'dibao', drawn)).toEqual([['300.00']]);
    // the same a year apart: on dibao January–March 2023, out from April; 2024 at take-up 0.5: 0.00
    const apart = takeUp(
      [
        ['2020-01-01', 1],
        ['2024-01-01', 0.5],
      ],
      dated('dibao.standard.urban', [
        ['2020-01-01', 1200],
        ['2023-04-01', 1000],
        ['2024-01-01', 1200],
      ]),
    );
    expect(windowRuns([apart], [2023, 2024], 'dibao', drawn)).toEqual([['300.00'], ['0.00']]);
  });

  it('one the file registers is off the register once it has left: back under the line, its draw decides', () => {
    // on_dibao 1, prior_dibao 300.00, draw 0.6, take_up.dibao 0.5 throughout. S 1000 until June 2024 (I 1100.00 ≥ S):
    // out from January, its exit 6 × 300.00; S 1200 from July (1100.00 < 1200: dibao 100.00 a month). Off the register
    // since January, its draw declines: dibao 0.00. (Read from the file's on_dibao in every period, it kept dibao from
    // July, 6 × 100.00 = 600.00, where explain of a July date, reading the register the year leaves, declined it.)
    const half = (standards: Policy) => takeUp([['2020-01-01', 0.5]], standards);
    const registered = populationOf([
      {
        id: 'r',
        household: { area: 'urban', onDibao: 1, prior: fen('300'), takeUpDraw: 600_000 },
        persons: [{ age: 40, wage: fen('1300') }],
      },
    ]);
    const within = half(
      dated('dibao.standard.urban', [
        ['2020-01-01', 1000],
        ['2024-07-01', 1200],
      ]),
    );
    expect(windowRuns([within], [2024], 'dibao', registered)).toEqual([['0.00']]);
    expect(windowRuns([within], [2024], 'gradual_exit', registered)).toEqual([['1800.00']]);
    // a year apart: out from January 2023 (its exit 1800.00), S 1200 from 2024: off the register, 0.00 (it had 1200.00)
    const apart = half(
      dated('dibao.standard.urban', [
        ['2020-01-01', 1000],
        ['2024-01-01', 1200],
      ]),
    );
    expect(windowRuns([apart], [2023, 2024], 'dibao', registered)).toEqual([['0.00'], ['0.00']]);
    expect(windowRuns([apart], [2023, 2024], 'gradual_exit', registered)).toEqual([['1800.00'], ['0.00']]);
  });

  it('a run under which it never joined gives none, though its rules for 2024 are the baseline’s', () => {
    // the scenario: S 700 throughout — never on dibao, so no exit in 2024, where its 2024 rules equal the baseline's
    const never = dated('dibao.standard.urban', [['2020-01-01', 700]]);
    expect(windowRuns([joins, never], [2023, 2024])).toEqual([
      ['0.00', '0.00'],
      ['600.00', '0.00'],
    ]);
  });
});

// The engine's side (engine.ts): evaluated as seen on dibao at 100.00 a month, the worker above (unregistered, I = 1100.00
// ≥ S 1000 at the simple policy's date) is on the register and leaves with 6 × 100.00; one run may not take over
// another's result for it where the two read different registers (the figures above are guarded by the carry too).
describe('the register an evaluation reads', () => {
  it('seen on dibao: the exit, at the dibao it was paid; a run on the file’s register is not taken over', () => {
    const rules = rulesOf();
    const [a, b] = [newContext(joiner, rules), newContext(joiner, rules)];
    expect(evaluateHousehold(a, 0).flag[SLOT.gradual_exit]).toBe(0); // the file's register: not on it
    expect(resultOfLike(b, 0, a, 10_000)).toBe(false);
    expect(resultOfLike(b, 0, a)).toBe(true);
    const r = evaluateHousehold(b, 0, a, 10_000);
    expect([r.flag[SLOT.gradual_exit], r.amount[SLOT.gradual_exit], r.months[SLOT.gradual_exit]]).toEqual([1, 10_000, 6]);
  });

  it('seen off dibao: off the register, whatever the file says; the file’s register only where no run has left one', () => {
    // the leaver (on_dibao 1, prior 300.00, I 1100.00 ≥ S 1000): on the file's register it leaves with 6 × 300.00
    const c = newContext(leaver, rulesOf());
    const exit = (seen?: number) => {
      const r = evaluateHousehold(c, 0, null, seen);
      return [r.flag[SLOT.gradual_exit], r.amount[SLOT.gradual_exit]];
    };
    expect(exit()).toEqual([1, 30_000]);
    expect(exit(FILE_REGISTER)).toEqual([1, 30_000]);
    expect(exit(0)).toEqual([0, 0]);
    expect([c.registered, c.prior]).toEqual([false, 0]);
  });
});

// simulate.ts skips a household no run gives anything (a screen); in a window's year it must still carry: off dibao all
// year where it was registered, and evaluated where an exit carried in still pays. (Today a registered household is
// never skipped: the exit's reach needs on_dibao. A sharper screen must not lose a carried exit.)
describe('quietYearExit', () => {
  const carry = () => newExitCarry(2);
  // two households on no register of the file's
  const two = populationOf(['a', 'b'].map((id) => ({ id, household: { area: 'urban' as const }, persons: [{ age: 40 }] })));
  it('a skipped household is written off dibao for the next year; one with carried months is not skipped', () => {
    const [from, to] = [carry(), carry()];
    from.state[1] = 4; // household 1: left, 3 months of its exit to pay
    const periods = [{ first: 1, months: 12, carry: { from, to } }];
    expect(quietYearExit([[0]], periods, two, 0)).toBe(true);
    expect(to.state[0]).toBe(1);
    expect(quietYearExit([[0]], periods, two, 1)).toBe(false);
    expect(to.state[1]).toBe(0);
  });

  it('one on dibao at the year before’s end, where the file does not register it, is not skipped (the screen read the file’s register)', () => {
    const [from, to] = [carry(), carry()];
    from.amount[0] = 10_000; // household 0: on dibao at the year before's end (state 0), paid 100.00 a month
    from.state[1] = 1; // household 1: off dibao
    const periods = [{ first: 1, months: 12, carry: { from, to } }];
    expect(quietYearExit([[0]], periods, two, 0)).toBe(false);
    expect(quietYearExit([[0]], periods, two, 1)).toBe(true);
  });
});
