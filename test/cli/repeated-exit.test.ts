// The note that the gradual exit is paid again each year of a window (cli/scenario-notes.ts repeatedExitNote): the
// baseline's, or — where the baseline pays none again — each scenario's that does (a code review: a scenario bringing
// the exit in overstated its Δ every year, unsaid).
import { describe, expect, it } from 'vitest';
import { repeatedExitNote } from '../../src/cli/scenario-notes.js';

type Report = Parameters<typeof repeatedExitNote>[0];
const run = (id: string, exits: readonly string[]) => ({
  id,
  years: exits.map((cost) => ({ figures: { programs: { gradual_exit: { annual_cost: cost } } } })),
});
const report = (...runs: ReturnType<typeof run>[]) => ({ years: [2027, 2028], runs }) as unknown as Report;

describe('repeatedExitNote', () => {
  it('says the baseline’s years, with their figures; nothing where it is paid in one year or none', () => {
    const [note] = repeatedExitNote(report(run('baseline', ['1200.00', '1200.00']), run('s', ['1800.00', '1800.00'])));
    expect(note).toMatch(/^note: the gradual exit is paid again in 2 years \(2027: 1,200\.00, 2028: 1,200\.00 yuan\)/);
    expect(repeatedExitNote(report(run('baseline', ['1200.00', '0.00'])))).toEqual([]);
  });

  it('names a scenario that pays it again where the baseline does not', () => {
    const notes = repeatedExitNote(
      report(run('baseline', ['0.00', '0.00']), run('exit-6', ['1800.00', '1800.00']), run('x', ['0.00', '0.00'])),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^note: under scenario exit-6, the gradual exit is paid again in 2 years \(2027: 1,800\.00, 2028: 1,800\.00 yuan\)/,
    );
  });
});
