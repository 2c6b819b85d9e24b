// Take-up (DOMAIN "Take-up"): eligibility first, then a household takes group G up when take_up_draw <
// take_up.G; on_dibao = 1 always takes dibao up; gradual exit needs none; a program not taken up gives nothing, and
// what it would have given is counted among the eligible figures. Simple policy: S urban 1000 (gap dibao).
import { describe, expect, it } from 'vitest';
import { figures, Totals } from '../../src/core/aggregate.js';
import { evaluateHousehold, newContext } from '../../src/core/engine.js';
import { populationOf, type HouseholdSpec } from '../../src/core/population.js';
import { compare, LAYERS } from '../../src/core/compare.js';
import { HOUSEHOLD_LAYERS, layerOf as householdLayer } from '../../src/core/marginal-rates.js';
import { evaluate, fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

const rates = (r: Record<string, string>) =>
  rulesOf(withParams(simplePolicy(), Object.fromEntries(Object.entries(r).map(([g, v]) => [`take_up.${g}`, v]))));
/** One urban person with 400.00 of income: dibao gap 600.00 a month. */
const poor = (draw: number, extra: Record<string, unknown> = {}): Omit<HouseholdSpec, 'id'> => ({
  household: { area: 'urban', takeUpDraw: draw, ...extra },
  persons: [{ age: 40, other: fen('400') }],
});

describe('a group is taken up when take_up_draw < take_up.<group>, compared exactly in millionths', () => {
  const r = rates({ dibao: '0.3' });
  it('a draw equal to the rate does not take it up; one millionth under does', () => {
    expect(evaluate(poor(300_000), r).dibao.flag).toBe(0);
    expect(evaluate(poor(299_999), r).dibao).toMatchObject({ flag: 1, amount: fen('600.00'), persons: 1 });
  });
  it('a rate finer than a millionth: a draw takes it up only when strictly under it (⌈rate × 10⁶⌉)', () => {
    const fine = rates({ dibao: '0.0000005' });
    expect(evaluate(poor(0), fine).dibao.flag).toBe(1);
    expect(evaluate(poor(1), fine).dibao.flag).toBe(0);
  });
  it('a policy that gives no take-up means 1: every draw takes every group up', () => {
    expect(evaluate(poor(999_999)).dibao.flag).toBe(1);
  });
  it('on dibao now (on_dibao = 1), a household always takes dibao up', () => {
    expect(evaluate(poor(999_999, { onDibao: 1, prior: fen('600') }), r).dibao.flag).toBe(1);
  });
  // An auditor's Nanning household on the register, its rigid aid the dibao it keeps (rigid.aid_group dibao, 000（一）),
  // received nothing at a draw of 0.95. One adult with 1,500 a month and 8,400 of rigid spending a year: not dibao
  // (1500 ≥ S 1000); A − E = 18,000 − 8,400 = 9,600 < 12,000: rigid aid (12,000 − 9,600) / 12 = 200.00 a month.
  it('on dibao now, where rigid aid is dibao (rigid.aid_group dibao), a household takes its rigid aid up too', () => {
    const registered = {
      household: { area: 'urban' as const, rigid: fen('8400'), takeUpDraw: 950_000, onDibao: 1 },
      persons: [{ age: 40, other: fen('1500') }],
    };
    const at = (group: string) => withParams(simplePolicy(), { 'take_up.rigid': '0.5', 'rigid.aid_group': group });
    expect(evaluate(registered, rulesOf(at('dibao'))).rigid_aid).toMatchObject({ flag: 1, amount: fen('200.00') });
    // where the aid is its own program (the default, DOMAIN's letter), the draw decides it
    expect(evaluate(registered, rulesOf(at('rigid'))).rigid_aid).toMatchObject({ flag: 0, amount: 0, declined: 1 });
    // and a household not on the register draws for it as any other
    expect(evaluate({ ...registered, household: { ...registered.household, onDibao: 0 } }, rulesOf(at('dibao'))).rigid_aid.flag).toBe(0);
  });
});

describe('what is not taken up gives nothing, and is counted as eligible', () => {
  const r = rates({ dibao: '0.5' });
  it('the received fields are zero; the eligible year is what dibao would pay', () => {
    const x = evaluate(poor(600_000), r);
    expect([x.dibao.flag, x.dibao.amount, x.dibao.persons, x.annual]).toEqual([0, 0, 0, 0]);
    expect([x.dibao.declined, x.dibao.eligiblePersons, x.dibao.eligibleAnnual, x.eligibleAnnual]).toEqual([
      1,
      1,
      fen('7200.00'),
      fen('7200.00'),
    ]);
  });
  it('layers follow eligibility: a dibao-eligible household that does not take dibao up is not low-income', () => {
    expect(evaluate(poor(600_000), r).low_income.flag).toBe(0);
  });
  // A code review: the marginal rates by layer placed a dibao household that declined it in no layer, compare in dibao;
  // and compare placed a rigid-aid household that declined it in no layer
  it('a household that declines its program is in that program’s layer, in compare’s flows and the marginal rates alike', () => {
    const both = rates({ dibao: '0.5', rigid: '0.5' });
    // one adult with 1,500 a month and 8,400 of rigid spending a year: rigid aid 200.00 (rigid-single.test.ts)
    const rigid = (draw: number) => ({
      household: { area: 'urban' as const, rigid: fen('8400'), takeUpDraw: draw },
      persons: [{ age: 40, other: fen('1500') }],
    });
    const pop = populationOf([
      { id: 'dibao-taken', ...poor(100_000) },
      { id: 'dibao-declined', ...poor(600_000) },
      { id: 'rigid-taken', ...rigid(100_000) },
      { id: 'rigid-declined', ...rigid(600_000) },
    ]);
    const c = newContext(pop, both);
    const layers = [0, 1, 2, 3].map((h) => HOUSEHOLD_LAYERS[householdLayer(evaluateHousehold(c, h))]);
    expect(layers).toEqual(['dibao', 'dibao', 'rigid_aid', 'rigid_aid']);
    // compare's flows, the baseline against itself: each person stays in its layer
    const [run] = compare(pop, [{ runs: [{ id: 'baseline', rules: both }] }])[0]!;
    const stays = (layer: string) => run!.transitions[LAYERS.indexOf(layer as never)]![LAYERS.indexOf(layer as never)]!.value();
    expect([stays('dibao'), stays('rigid_aid'), stays('none')]).toEqual([2_000_000n, 2_000_000n, 0n]); // (weights in millionths)
  });

  it('totals: received beside eligible, eligible = received + declined, exactly', () => {
    const pop = populationOf([
      { id: 'a', ...poor(100_000) },
      { id: 'b', ...poor(600_000) },
      { id: 'c', ...poor(900_000), household: { area: 'urban', takeUpDraw: 900_000, weight: 2_500_000 } },
    ]);
    const t = new Totals();
    const c = newContext(pop, r);
    for (let h = 0; h < 3; h++) t.add(pop.weight[h]!, evaluateHousehold(c, h));
    const d = figures(t).programs.dibao;
    expect([d.households, d.persons, d.annual_cost]).toEqual(['1', '1', '7200.00']);
    // b (weight 1) and c (weight 2.5) are eligible but do not take it up: 1 + 1 + 2.5 = 4.5 households.
    expect([d.eligible_households, d.eligible_persons, d.eligible_annual_cost]).toEqual(['4.5', '4.5', '32400.00']);
    expect(figures(t).eligible_total_annual_cost).toBe('32400.00');
  });
});

describe('groups', () => {
  it('the dibao group carries the supplement and single-person inclusion; tekun, temporary go their own way', () => {
    const r = rates({ dibao: '0.5', temporary: '0.9' });
    const x = evaluate(
      {
        household: { area: 'urban', takeUpDraw: 600_000, emergency: fen('1000') },
        persons: [{ age: 75, other: fen('400') }],
      },
      r,
    );
    expect([x.dibao.flag, x.dibao_supplement.flag, x.temporary.flag]).toEqual([0, 0, 1]);
    expect(x.dibao_supplement.declined).toBe(1);
  });
  it('gradual exit needs no take-up', () => {
    const r = rates({ dibao: '0.1' });
    const x = evaluate(
      { household: { area: 'urban', onDibao: 1, prior: fen('400'), takeUpDraw: 999_999 }, persons: [{ age: 40, wage: fen('1500') }] },
      r,
    );
    expect(x.gradual_exit.flag).toBe(1);
  });
});
