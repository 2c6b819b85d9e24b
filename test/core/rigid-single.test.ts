// Steps 4 and 5 — rigid-expenditure families and aid (001（一）, 002 一/三), single-person inclusion
// (000（四）, 002 一/二, 003 §7, 004 §3). Simple policy: S urban 1000; disposable income urban 30000 a year;
// identify_multiplier 2; rigid.aid true; single-person ceiling 1.5 × S × n, benefit S − inc(p).
import { describe, expect, it } from 'vitest';
import { evaluate, fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

/** One adult with other income `income` a month and rigid spending `rigid` over 12 months. */
const single = (income: string, rigid: string) => ({
  household: { area: 'urban' as const, rigid: fen(rigid) },
  persons: [{ age: 40, other: fen(income) }],
});

describe('rigid-expenditure identification: A < disposable × n ∧ (E ≥ A ∨ A − E < 2 × 12 × S × n)', () => {
  it('A = 12 × 2499.99 = 29999.88 < 30000 qualifies; A = 30000.00 does not', () => {
    expect(evaluate(single('2499.99', '20000')).rigid_family.flag).toBe(1);
    expect(evaluate(single('2500.00', '20000')).rigid_family.flag).toBe(0);
  });

  it('post-expense income A − E = 24000.00 (= 2 × 12 × 1000) is not under the line; 23999.99 is', () => {
    expect(evaluate(single('2499.99', '5999.88')).rigid_family.flag).toBe(0);
    expect(evaluate(single('2499.99', '5999.89')).rigid_family.flag).toBe(1);
  });

  it('spending at least equal to income (E ≥ A, 收不抵支) qualifies', () => {
    expect(evaluate(single('2400', '28800')).rigid_family.flag).toBe(1);
  });

  it('does not apply to a dibao household', () => {
    const r = evaluate(single('500', '50000'));
    expect(r.dibao.persons).toBe(1);
    expect(r.rigid_family.flag).toBe(0);
  });
});

describe('rigid-expenditure aid: round(min(S × n, (12 × S × n − (A − E)) / 12)) where A − E < 12 × S × n', () => {
  it('A = 18000, E = 8400: (12000 − 9600) / 12 = 200.00 a month', () => {
    const r = evaluate(single('1500', '8400'));
    expect(r.rigid_aid.amount).toBe(fen('200.00'));
    expect(r.annual).toBe(fen('2400.00'));
  });

  it('A − E = 12000.00 exactly gets no aid, though the family is identified', () => {
    const r = evaluate(single('1500', '6000'));
    expect([r.rigid_family.flag, r.rigid_aid.amount]).toEqual([1, 0]);
  });

  it('is capped at S × n when spending exceeds income', () => {
    expect(evaluate(single('1500', '30000')).rigid_aid.amount).toBe(fen('1000.00'));
  });

  it('rounds the twelfth to the fen: (12000 − 10000.01) / 12 = 166.665833… → 166.67', () => {
    expect(evaluate(single('1500', '7999.99')).rigid_aid.amount).toBe(fen('166.67'));
  });

  it('pays nothing where rigid.aid is false (Guangdong, Fuliang), but still identifies the family', () => {
    const r = evaluate(single('1500', '8400'), rulesOf(withParams(simplePolicy(), { 'rigid.aid': false })));
    expect([r.rigid_family.flag, r.rigid_aid.amount]).toEqual([1, 0]);
  });
});

describe('single-person inclusion (单人户): I < 1.5 × S × n, severe or ill members enter dibao alone', () => {
  // A couple: a severely disabled wife with no income and a husband earning other income I; S × n = 2000.
  const couple = (income: string, extra: Record<string, unknown> = {}) => ({
    household: { area: 'urban' as const, ...extra },
    persons: [
      { age: 50, disability: 1, labor: 'partial' as const },
      { age: 52, other: fen(income) },
    ],
  });

  it('I = 2999.99 (one fen under 3000) includes her: S − 0 = 1000 plus the 0.2 × S supplement', () => {
    const r = evaluate(couple('2999.99'));
    expect(r.single_person.persons).toBe(1);
    expect(r.single_person.amount).toBe(fen('1000.00'));
    expect(r.dibao_supplement.amount).toBe(fen('200.00'));
    expect(r.annual).toBe(fen('14400.00'));
  });

  it('I = 3000.00 and 3000.01 do not', () => {
    expect(evaluate(couple('3000.00')).single_person.persons).toBe(0);
    expect(evaluate(couple('3000.01')).single_person.persons).toBe(0);
  });

  // 003 §7 单独纳入 the members of 低收入家庭, whom §1 defines as 1.5倍以下 (以下 includes the line: 民法典 第一千二百五十九条):
  // under single_person.bound at_or_below a family exactly at 1.5 × S × n = 3000.00 is within the ceiling (a rules
  // audit of Guangzhou found such a family low-income at step 6 while step 5's strict test left its member out).
  it('at_or_below (以下, 003 §7 with §1): I = 3000.00 includes her, as step 6 counts the family low-income; 3000.01 does not', () => {
    const gd = rulesOf(withParams(simplePolicy(), { 'single_person.bound': 'at_or_below' }));
    const r = evaluate(couple('3000.00'), gd);
    expect([r.single_person.persons, r.single_person.amount, r.annual]).toEqual([1, fen('1000.00'), fen('14400.00')]);
    expect(evaluate(couple('3000.01'), gd).single_person.persons).toBe(0);
  });

  it('pays S minus the member’s own counted income, never below zero', () => {
    const own = (other: string) =>
      evaluate({
        household: { area: 'urban' },
        persons: [
          { age: 50, ill: 1, other: fen(other) },
          { age: 52, other: fen('2200') },
        ],
      }).single_person.amount;
    expect(own('300')).toBe(fen('700.00'));
    // I = 2200 + 1100 = 3300 ≥ 3000: out of range entirely
    expect(own('1100')).toBe(0);
  });

  it('pays round(benefit_share × S) under share_of_standard', () => {
    const rules = rulesOf(
      withParams(simplePolicy(), { 'single_person.benefit': 'share_of_standard', 'single_person.benefit_share': '0.55' }),
    );
    expect(evaluate(couple('2500'), rules).single_person.amount).toBe(fen('550.00'));
  });

  it('does not apply to a household with rigid aid', () => {
    // I = 2500, A = 30000 is not < 30000: not rigid; use I = 2400 → A = 28800, E = 20000 → A − E = 8800 < 12 × 2000 → aid
    const r = evaluate(couple('2400', { rigid: fen('20000') }));
    expect(r.rigid_aid.amount).toBeGreaterThan(0);
    expect(r.single_person.persons).toBe(0);
  });

  it('does not count included members among the low-income persons', () => {
    const r = evaluate(couple('2999.99'));
    expect([r.low_income.flag, r.low_income.persons]).toEqual([1, 1]);
  });
});
