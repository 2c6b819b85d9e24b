// Step 2 and 3 — the rest of the household, dibao and its supplement (DOMAIN 2–3; 000（一）（四）, 003 §7, 004 §3, 002 一).
// Simple policy: S urban 1000, rural 800; assets ≤ 24 × S × n; deduction 200; supplements severe 0.2, ill 0.3,
// elderly (≥ 70) 0.1, minor (< 18) 0.15, stacking max.
import { describe, expect, it } from 'vitest';
import { evaluate, fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

const couple = (income: string, household: Record<string, unknown> = {}) => ({
  household: { area: 'urban' as const, ...household },
  persons: [{ age: 40, other: fen(income) }, { age: 38 }],
});

describe('dibao eligibility: I < S × n, compared in fen (000（一）)', () => {
  it('one fen under S × n = 2000.00 qualifies and gets the gap, 0.01', () => {
    const r = evaluate(couple('1999.99'));
    expect(r.dibao.persons).toBe(2);
    expect(r.dibao.amount).toBe(fen('0.01'));
  });

  it('S × n exactly, and one fen over, do not qualify', () => {
    expect(evaluate(couple('2000.00')).dibao.persons).toBe(0);
    expect(evaluate(couple('2000.01')).dibao.persons).toBe(0);
  });

  it('pays the gap round(S × n − I): 2000.00 − 1234.56 = 765.44 a month, 9185.28 a year', () => {
    const r = evaluate(couple('1234.56'));
    expect(r.dibao.amount).toBe(fen('765.44'));
    expect(r.annual).toBe(fen('9185.28'));
  });

  it('uses the rural standard for a rural household: S × n = 1600', () => {
    expect(evaluate(couple('1599.99', { area: 'rural' })).dibao.amount).toBe(fen('0.01'));
    expect(evaluate(couple('1600.00', { area: 'rural' })).dibao.persons).toBe(0);
  });
});

describe('assets: financial_assets ≤ limit_months × S × n (000（四）)', () => {
  it('48000.00 = 24 × 1000 × 2 is within the limit; one fen more is not', () => {
    expect(evaluate(couple('500', { assets: fen('48000.00') })).dibao.persons).toBe(2);
    expect(evaluate(couple('500', { assets: fen('48000.01') })).dibao.persons).toBe(0);
  });

  it('over the limit also rules out low-income and rigid-expenditure status', () => {
    const r = evaluate(couple('500', { assets: fen('48000.01'), rigid: fen('50000') }));
    expect([r.low_income.flag, r.rigid_family.flag, r.rigid_aid.amount]).toEqual([0, 0, 0]);
  });
});

describe('tiered payment (000（四）分档)', () => {
  // two bands: under 0.5 × S a person gets 600, under S 300
  const tieredWith = (more: Record<string, unknown> = {}) =>
    rulesOf(
      withParams(simplePolicy(), {
        'dibao.payment.mode': 'tiered',
        'dibao.payment.tiers': [
          { below_share: '0.5', per_person: '600' },
          { below_share: '1', per_person: '300' },
        ],
        ...more,
      }),
    );
  const tiered = tieredWith();
  it('y / S just under 0.5 falls in the first band: I = 999.99, n = 2 → 600 × 2', () => {
    expect(evaluate(couple('999.99'), tiered).dibao.amount).toBe(fen('1200.00'));
  });
  it('y / S = 0.5 exactly falls in the next band: I = 1000.00 → 300 × 2', () => {
    expect(evaluate(couple('1000.00'), tiered).dibao.amount).toBe(fen('600.00'));
  });
  // 002 一: 实行差额救助的按照…10%-30%比例增发救助金，实行分档救助的根据救助家庭实际调高救助档次 — under tiers, a member
  // in a supplement category raises the household a band, and no percentage is paid (it was paid as under gap).
  it('a member in a supplement category raises the household one band, and no percentage supplement: 300 → 600 × 2', () => {
    const elderly = { household: { area: 'urban' as const }, persons: [{ age: 72, other: fen('1000.00') }, { age: 38 }] };
    const r = evaluate(elderly, tiered);
    expect(r.dibao.amount).toBe(fen('1200.00')); // band 2 (y / S = 0.5) raised to band 1: 600 × 2
    expect(r.dibao_supplement.amount).toBe(0); // (gap would pay round(0.1 × 1000) = 100.00)
    // already in the first band: it stays there (600 × 2), still no percentage
    const poor = { household: { area: 'urban' as const }, persons: [{ age: 72, other: fen('999.99') }, { age: 38 }] };
    expect([evaluate(poor, tiered).dibao.amount, evaluate(poor, tiered).dibao_supplement.amount]).toEqual([fen('1200.00'), 0]);
    // a severely disabled member, or a minor, raises it too; a category whose rate is 0 does not
    const severe = {
      household: { area: 'urban' as const },
      persons: [{ age: 40, other: fen('1000.00'), disability: 1 }, { age: 38 }],
    };
    expect(evaluate(severe, tiered).dibao.amount).toBe(fen('1200.00'));
    const noElderlyRate = tieredWith({ 'dibao.supplement.elderly': '0' });
    expect(evaluate(elderly, noElderlyRate).dibao.amount).toBe(fen('600.00'));
    // under gap the same household gets the gap and the percentage: 2000 − 1000 = 1000.00, + 100.00
    const gap = evaluate(elderly);
    expect([gap.dibao.amount, gap.dibao_supplement.amount]).toEqual([fen('1000.00'), fen('100.00')]);
  });
});

describe('rounding of the gap', () => {
  const rounded = (mode: string) => rulesOf(withParams(simplePolicy(), { rounding: mode }));
  it('yuan_up: 2000 − 1000.01 = 999.99 → 1000.00', () => {
    expect(evaluate(couple('1000.01'), rounded('yuan_up')).dibao.amount).toBe(fen('1000.00'));
  });
  it('yuan_nearest: 999.49 → 999.00 and 999.50 → 1000.00', () => {
    expect(evaluate(couple('1000.51'), rounded('yuan_nearest')).dibao.amount).toBe(fen('999.00'));
    expect(evaluate(couple('1000.50'), rounded('yuan_nearest')).dibao.amount).toBe(fen('1000.00'));
  });
});

describe('counted income inc(p) = max(0, wage − deduction) + other', () => {
  it('deducts 200 from each wage earner and never goes below zero', () => {
    // wages 1200 → 1000 and 100 → 0; other 250 → I = 1250; gap 2000 − 1250 = 750
    const r = evaluate({
      household: { area: 'urban' },
      persons: [
        { age: 40, wage: fen('1200') },
        { age: 41, wage: fen('100'), other: fen('250') },
      ],
    });
    expect(r.dibao.amount).toBe(fen('750.00'));
  });
});

describe('classified supplement, round(rate × S) per member in a category (002 一)', () => {
  it('gives a severely disabled member 0.2 × 1000 = 200 and a seriously ill one 300', () => {
    const r = evaluate({ household: { area: 'urban' }, persons: [{ age: 40, disability: 2 }, { age: 40, ill: 1 }, { age: 40 }] });
    expect(r.dibao_supplement.amount).toBe(fen('500.00'));
    expect(r.dibao_supplement.persons).toBe(2);
  });

  it('counts the elderly from supplement elderly_age (70 yes, 69 no) and minors under 18 (17 yes, 18 no)', () => {
    const sup = (age: number) => evaluate({ household: { area: 'urban' }, persons: [{ age }, { age: 40 }] }).dibao_supplement.amount;
    expect(sup(70)).toBe(fen('100.00'));
    expect(sup(69)).toBe(0);
    expect(sup(17)).toBe(fen('150.00'));
    expect(sup(18)).toBe(0);
  });

  it('stacks categories by max (0.3) or by sum (0.2 + 0.3 + 0.1 = 0.6)', () => {
    const person = { household: { area: 'urban' as const }, persons: [{ age: 75, disability: 1, ill: 1, supporter: 1 }] };
    expect(evaluate(person).dibao_supplement.amount).toBe(fen('300.00'));
    expect(evaluate(person, rulesOf(withParams(simplePolicy(), { 'dibao.supplement.stacking': 'sum' }))).dibao_supplement.amount).toBe(
      fen('600.00'),
    );
  });

  it('is paid only in a dibao household', () => {
    expect(
      evaluate({ household: { area: 'urban' }, persons: [{ age: 40, disability: 2, other: fen('3000') }] }).dibao_supplement.amount,
    ).toBe(0);
  });
});
