// Step 1 — tekun (DOMAIN "The rules" 1; 000（一）（五）, 002 四, 003 §7 §14, 004 §3 §4).
// Simple policy: S urban 1000, W 2000, basic 1.3 × S, care shares none 0.7 / partial 0.3 / full 0.1,
// elderly from 60, minors under 18, employment deduction 200.
import { describe, expect, it } from 'vitest';
import { evaluate, fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

const alone = (person: Record<string, unknown>) => ({
  household: { area: 'urban' as const },
  persons: [{ age: 70, supporter: 0, ...person }],
});

describe('tekun: the four conditions (000（一）)', () => {
  it('an elderly person with no income and no capable supporter is tekun: 1.3 × 1000 + 0.1 × 2000 = 1500.00 a month', () => {
    const r = evaluate(alone({}));
    expect(r.tekun.persons).toBe(1);
    expect(r.tekun.amount).toBe(fen('1500.00'));
    expect(r.annual).toBe(fen('18000.00'));
  });

  it('no source of living is inc(p) < S: one fen under S qualifies, S exactly and one fen over do not', () => {
    expect(evaluate(alone({ other: fen('999.99') })).tekun.persons).toBe(1);
    expect(evaluate(alone({ other: fen('1000.00') })).tekun.persons).toBe(0);
    expect(evaluate(alone({ other: fen('1000.01') })).tekun.persons).toBe(0);
  });

  it('counts wages after the employment deduction: wage 1199.99 − 200 = 999.99 < S qualifies; 1200.00 does not', () => {
    expect(evaluate(alone({ wage: fen('1199.99') })).tekun.persons).toBe(1);
    expect(evaluate(alone({ wage: fen('1200.00') })).tekun.persons).toBe(0);
  });

  it('a capable supporter rules tekun out', () => {
    expect(evaluate(alone({ supporter: 1 })).tekun.persons).toBe(0);
  });

  it('elderly means age ≥ elderly_age: 60 qualifies, 59 with full labour capacity does not', () => {
    expect(evaluate(alone({ age: 60 })).tekun.persons).toBe(1);
    expect(evaluate(alone({ age: 59 })).tekun.persons).toBe(0);
  });

  it('a disabled adult qualifies only without labour capacity', () => {
    expect(evaluate(alone({ age: 40, disability: 3, labor: 'none' })).tekun.persons).toBe(1);
    expect(evaluate(alone({ age: 40, disability: 3, labor: 'partial' })).tekun.persons).toBe(0);
    expect(evaluate(alone({ age: 40, disability: 0, labor: 'none' })).tekun.persons).toBe(0);
  });

  it('minors are under minor_age (000（五）: 16 → 18): 17 qualifies at 18, not at 16; 18 never', () => {
    expect(evaluate(alone({ age: 17 })).tekun.persons).toBe(1);
    expect(evaluate(alone({ age: 18 })).tekun.persons).toBe(0);
    const before = rulesOf(withParams(simplePolicy(), { 'tekun.minor_age': 16 }));
    expect(evaluate(alone({ age: 17 }), before).tekun.persons).toBe(0);
    expect(evaluate(alone({ age: 15 }), before).tekun.persons).toBe(1);
  });
});

describe('tekun: the amount (003 §14 / 004 §4 basic; 002 四 care)', () => {
  it('adds care by self-care ability: none 0.7 × 2000 = 1400, partial 600, full 200', () => {
    expect(evaluate(alone({ selfCare: 'none' })).tekun.amount).toBe(fen('2700.00'));
    expect(evaluate(alone({ selfCare: 'partial' })).tekun.amount).toBe(fen('1900.00'));
    expect(evaluate(alone({ selfCare: 'full' })).tekun.amount).toBe(fen('1500.00'));
  });

  it('uses the rural standard in a rural household: 1.3 × 800 = 1040 + 200 care', () => {
    expect(evaluate({ household: { area: 'rural' }, persons: [{ age: 70, supporter: 0 }] }).tekun.amount).toBe(fen('1240.00'));
  });

  it('tekun.basic.reference urban (城市低保标准的1.3倍): a rural tekun too gets 1.3 × 1000 = 1300 + 200 care', () => {
    // a county's rule that no parameter could say (a policy author's trial): its rural tekun were costed at the rural S
    const urban = rulesOf(withParams(simplePolicy(), { 'tekun.basic.reference': 'urban' }));
    const rural = { household: { area: 'rural' as const }, persons: [{ age: 70, supporter: 0 }] };
    expect(evaluate(rural, urban).tekun.amount).toBe(fen('1500.00'));
    expect(evaluate(alone({}), urban).tekun.amount).toBe(fen('1500.00'));
    // who is tekun is still judged by the person's own S: 799.99 < 800 rural qualifies, 800.00 does not
    expect(evaluate({ ...rural, persons: [{ age: 70, supporter: 0, other: fen('799.99') }] }, urban).tekun.persons).toBe(1);
    expect(evaluate({ ...rural, persons: [{ age: 70, supporter: 0, other: fen('800.00') }] }, urban).tekun.persons).toBe(0);
  });

  it('rounds the basic amount by the policy rule: 1.6 × 1238 = 1980.80 → 1981 (yuan_up), Guangzhou 2023 published 1981', () => {
    const gz = withParams(simplePolicy(), {
      'dibao.standard.urban': '1238',
      'tekun.basic.multiplier': '1.6',
      'tekun.care.min_wage_share.full': '0',
      rounding: 'yuan_up',
    });
    expect(evaluate(alone({}), rulesOf(gz)).tekun.amount).toBe(fen('1981.00'));
    const fenRounding = withParams(gz, { rounding: 'fen' });
    expect(evaluate(alone({}), rulesOf(fenRounding)).tekun.amount).toBe(fen('1980.80'));
  });

  it('leaves the rest of the household to the later steps: a tekun member is not counted in n or I', () => {
    // Tekun grandmother (age 75, no supporter) and a working son earning 1800 → inc 1600.
    // R = {son}: n = 1, I = 1600 ≥ S = 1000 → no dibao; low-income (I < 2 × 1000) → yes.
    const r = evaluate({
      household: { area: 'urban' },
      persons: [
        { age: 75, supporter: 0 },
        { age: 45, wage: fen('1800.00') },
      ],
    });
    expect(r.tekun.persons).toBe(1);
    expect(r.restPersons).toBe(1);
    expect(r.dibao.persons).toBe(0);
    expect(r.low_income.flag).toBe(1);
    expect(r.low_income.persons).toBe(1);
  });
});
