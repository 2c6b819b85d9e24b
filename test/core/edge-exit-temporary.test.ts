// Steps 6–8 — low-income (001（一）, 003 §1), gradual exit (003 §11), temporary assistance (000（六）).
// Simple policy: S urban 1000, rural 800; low-income 2 × S_ref (own area); gradual exit 6 months;
// temporary tiers 0.5 and 2 × 12 × S_urban = 6000 and 24000, cap 6 × 12000 = 72000.
import { describe, expect, it } from 'vitest';
import { evaluate, fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

describe('low-income: not dibao, assets ok and I < multiplier × S_ref × n', () => {
  const one = (income: string, area: 'urban' | 'rural' = 'urban') => ({ household: { area }, persons: [{ age: 40, other: fen(income) }] });
  it('1999.99 is low-income; 2000.00 and 2000.01 are not', () => {
    expect(evaluate(one('1999.99')).low_income.flag).toBe(1);
    expect(evaluate(one('2000.00')).low_income.flag).toBe(0);
    expect(evaluate(one('2000.01')).low_income.flag).toBe(0);
  });
  it('is never also dibao: a dibao household is not counted', () => {
    expect(evaluate(one('999.99')).low_income.flag).toBe(0);
  });
  it('uses the urban standard for every household when reference = urban (003 §1 城镇低保标准)', () => {
    const urbanRef = rulesOf(withParams(simplePolicy(), { 'low_income.reference': 'urban' }));
    // rural S = 800: own-area line 1600, urban line 2000
    expect(evaluate(one('1700', 'rural')).low_income.flag).toBe(0);
    expect(evaluate(one('1700', 'rural'), urbanRef).low_income.flag).toBe(1);
  });
  it('moves with the multiplier: 1.5 × S (003 §1) vs 2 × S (001（一）)', () => {
    const low = rulesOf(withParams(simplePolicy(), { 'low_income.multiplier': '1.5' }));
    expect(evaluate(one('1499.99'), low).low_income.flag).toBe(1);
    expect(evaluate(one('1500.00'), low).low_income.flag).toBe(0);
  });
  // 003 §1 1.5倍以下: 以下 includes the line (民法典 第一千二百五十九条); 001（一） 低于 does not (the cases above).
  it('at_or_below (以下, 003 §1): 1500.00 = 1.5 × S is low-income, 1500.01 is not', () => {
    const gd = rulesOf(withParams(simplePolicy(), { 'low_income.multiplier': '1.5', 'low_income.bound': 'at_or_below' }));
    expect(evaluate(one('1500.00'), gd).low_income.flag).toBe(1);
    expect(evaluate(one('1500.01'), gd).low_income.flag).toBe(0);
    // two persons: the line is 1.5 × 1000 × 2 = 3000.00, compared in fen
    const two = (income: string) => ({ household: { area: 'urban' as const }, persons: [{ age: 40, other: fen(income) }, { age: 40 }] });
    expect([evaluate(two('3000.00'), gd).low_income.flag, evaluate(two('3000.01'), gd).low_income.flag]).toEqual([1, 0]);
  });
});

describe('gradual exit: on dibao, no longer eligible, working: keeps prior_dibao for 6 months (003 §11)', () => {
  const leaver = (wage: string, extra: Record<string, unknown> = {}) => ({
    household: { area: 'urban' as const, onDibao: 1, prior: fen('400'), ...extra },
    persons: [{ age: 40, wage: fen(wage) }],
  });
  it('keeps 400.00 a month for 6 months: 2400.00 in the year', () => {
    const r = evaluate(leaver('1500'));
    expect([r.gradual_exit.months, r.gradual_exit.amount, r.annual]).toEqual([6, fen('400.00'), fen('2400.00')]);
  });
  it('needs some wage income: a household that left dibao on other income does not', () => {
    const r = evaluate({ household: { area: 'urban', onDibao: 1, prior: fen('400') }, persons: [{ age: 40, other: fen('1500') }] });
    expect(r.gradual_exit.months).toBe(0);
  });
  it('does not apply while the household is still dibao', () => {
    const r = evaluate(leaver('1000'));
    expect(r.dibao.persons).toBe(1);
    expect(r.gradual_exit.months).toBe(0);
  });
  it('does not apply to a household with rigid aid', () => {
    // wage 1500 → inc 1300, A = 15600; E = 10000 → A − E = 5600 < 12000 → aid
    const r = evaluate(leaver('1500', { rigid: fen('10000') }));
    expect(r.rigid_aid.amount).toBeGreaterThan(0);
    expect(r.gradual_exit.months).toBe(0);
  });
  it('does not apply when a member entered dibao as a single person (DOMAIN step 7 as amended: paid twice otherwise)', () => {
    // A: wage 2500 → inc 2300; B severely disabled, no income. I = 2300 ≥ S × n = 2000 (not dibao), < 1.5 × 2000:
    // B enters alone (own income 0 < S). A is a wage earner among the rest, but the household is still in dibao.
    const r = evaluate({
      household: { area: 'urban', onDibao: 1, prior: fen('400') },
      persons: [
        { age: 40, wage: fen('2500') },
        { age: 45, disability: 1, labor: 'none' },
      ],
    });
    expect([r.single_person.persons, r.gradual_exit.months]).toEqual([1, 0]);
  });
  it('needs the wage earner among the rest: a tekun member’s wage does not count', () => {
    // The elder (60+, no supporter, inc 100 < S) is tekun; the other member lives on other income only.
    const r = evaluate({
      household: { area: 'urban', onDibao: 1, prior: fen('400') },
      persons: [
        { age: 72, wage: fen('300'), supporter: 0 },
        { age: 40, other: fen('1500') },
      ],
    });
    expect([r.tekun.persons, r.gradual_exit.months]).toEqual([1, 0]);
  });
  // 003 §11 在其家庭成员人均收入超过当地低保标准后 (and 004 §9): the exit follows income above S; DOMAIN step 7 left
  // this out (an auditor's trial: a household that lost dibao through its assets kept 300 a month for 3 months).
  it('needs income now above the standard: a household out of dibao through its assets, income under S, has none', () => {
    // wage 700 → inc 500 < S × n = 1000; assets 24000.01 > 24 × 1000 → not dibao, and no gradual exit
    const r = evaluate(leaver('700', { assets: fen('24000.01') }));
    expect([r.dibao.persons, r.gradual_exit.months]).toEqual([0, 0]);
    // the same at the assets limit: still dibao
    expect(evaluate(leaver('700', { assets: fen('24000.00') })).dibao.persons).toBe(1);
  });
  // 000（一） 家庭财产状况符合规定: a household over the assets limit is out of dibao whatever its income; the exit is for
  // one that leaves through its income (a rules auditor's trial: 100,000 of assets, over a 19,440 limit, kept 900 a month).
  it('needs its assets within the limit: income above S and assets over the limit, no exit', () => {
    // wage 1500 → inc 1300 ≥ S × n = 1000; limit 24 × 1000 × 1 = 24000.00
    expect(evaluate(leaver('1500', { assets: fen('24000.01') })).gradual_exit.months).toBe(0);
    expect(evaluate(leaver('1500', { assets: fen('24000.00') })).gradual_exit.months).toBe(6);
  });
  it('from S × n: inc 999.99 (wage 1199.99) is still dibao; inc 1000.00 = S × n (wage 1200) keeps 400 a month', () => {
    expect([evaluate(leaver('1199.99')).dibao.persons, evaluate(leaver('1199.99')).gradual_exit.months]).toEqual([1, 0]);
    expect(evaluate(leaver('1200')).gradual_exit.months).toBe(6); // out of dibao (not under S): no one-fen hole
  });
  it('uses the months in force: 0 months means no gradual exit', () => {
    expect(evaluate(leaver('1500'), rulesOf(withParams(simplePolicy(), { 'dibao.gradual_exit.months': 0 }))).gradual_exit.months).toBe(0);
  });
});

describe('temporary assistance: tiers at 0.5 and 2 × 12 × S_urban, cap 6 × (000（六）)', () => {
  const need = (amount: string, area: 'urban' | 'rural' = 'urban') =>
    evaluate({ household: { area, emergency: fen(amount) }, persons: [{ age: 40, other: fen('5000') }] });
  it('6000.00 is approved by the township; 6000.01 by the county', () => {
    expect([need('6000.00').temporary.amount, need('6000.00').temporary.tier]).toEqual([fen('6000.00'), 1]);
    expect(need('6000.01').temporary.tier).toBe(2);
  });
  it('24000.00 is the county’s; 24000.01 goes to coordination (一事一议)', () => {
    expect(need('24000.00').temporary.tier).toBe(2);
    expect(need('24000.01').temporary.tier).toBe(3);
  });
  it('caps the grant at 6 × 12 × S_urban = 72000.00, for rural households too', () => {
    expect(need('72000.01').temporary.amount).toBe(fen('72000.00'));
    expect(need('90000', 'rural').temporary.amount).toBe(fen('72000.00'));
  });
  it('adds the one-off grant to the year once, in any layer (here alongside tekun)', () => {
    const r = evaluate({ household: { area: 'urban', emergency: fen('3000') }, persons: [{ age: 70, supporter: 0 }] });
    expect(r.annual).toBe(fen('18000.00') + fen('3000.00'));
  });
});
