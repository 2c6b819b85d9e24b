// Steps 9–11 — special assistance by the person's group after take-up (tekun, dibao incl. single-person, low_income,
// rigid, none). Simple policy: S urban 1000; premium 400 a year; subsidy shares tekun 1, dibao 0.8, low_income 0.5,
// rigid 0 + 100 fixed; living 100 a month (dibao only); care 150 (grade 1) / 100 (grade 2), scope assisted.
import { describe, expect, it } from 'vitest';
import type { Rules } from '../../src/core/rules.js';
import { evaluate as evaluateWith, fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

/** The simple policy with special assistance switched on (the fixture pays none, for the other rules' tests). */
const SPECIAL = {
  'medical.subsidy.tekun': '1',
  'medical.subsidy.dibao': '0.8',
  'medical.subsidy.low_income': '0.5',
  'medical.fixed.rigid': '100',
  'disability.living.monthly': '100',
  'disability.care.monthly.grade1': '150',
  'disability.care.monthly.grade2': '100',
};
const special = (more: Record<string, string | boolean> = {}): Rules => rulesOf(withParams(simplePolicy(), { ...SPECIAL, ...more }));
const BASE = special();
const evaluate = (spec: Parameters<typeof evaluateWith>[0], rules: Rules = BASE) => evaluateWith(spec, rules);

type Spec = Parameters<typeof evaluateWith>[0];
const urban = (persons: Spec['persons'], household: Partial<Spec['household']> = {}) => ({
  household: { area: 'urban' as const, ...household },
  persons,
});

describe('step 9 — the premium subsidy follows the first group after take-up (000（七）, 001（七）)', () => {
  it('tekun: the whole premium, 400.00 (share 1)', () => {
    const r = evaluate(urban([{ age: 72, supporter: 0 }]));
    expect([r.tekun.persons, r.medical_premium.persons, r.medical_premium.amount]).toEqual([1, 1, fen('400.00')]);
  });
  it('dibao: round(0.8 × 400) = 320.00; counted once in the year (yearly)', () => {
    const r = evaluate(urban([{ age: 40, other: fen('400') }]));
    expect([r.medical_premium.amount, r.medical_premium.annual]).toEqual([fen('320.00'), fen('320.00')]);
    // dibao 600.00 a month × 12 + 320.00
    expect(r.annual).toBe(fen('7520.00'));
  });
  it('a single-person member is in the dibao group (320.00); the rest of her household is low-income (200.00)', () => {
    // A: wage 2500 → inc 2300 = I ≥ S × n = 2000 (not dibao), < 1.5 × 2000: B (severe, no income) enters alone;
    // I < 2 × S × n = 4000: low-income, A counted (B is not).
    const r = evaluate(
      urban([
        { age: 40, wage: fen('2500') },
        { age: 45, disability: 1, labor: 'none' },
      ]),
    );
    expect([r.single_person.persons, r.low_income.persons]).toEqual([1, 1]);
    expect([r.medical_premium.persons, r.medical_premium.amount]).toEqual([2, fen('520.00')]);
  });
  it('low-income (edge): round(0.5 × 400) = 200.00', () => {
    expect(evaluate(urban([{ age: 40, other: fen('1500') }])).medical_premium.amount).toBe(fen('200.00'));
  });
  it('rigid: min(400, round(0 × 400) + 100) = 100.00, for a family that is not low-income', () => {
    // inc 2400 ≥ 2 × S (not edge); A = 28800 < 30000; E = 10000: A − E = 18800 < 24000: identified, no aid.
    const r = evaluate(urban([{ age: 40, other: fen('2400') }], { rigid: fen('10000') }));
    expect([r.rigid_family.flag, r.low_income.flag, r.medical_premium.amount]).toEqual([1, 0, fen('100.00')]);
  });
  it('none: nothing; and the fixed amount never takes the subsidy past the premium', () => {
    expect(evaluate(urban([{ age: 40, other: fen('5000') }])).medical_premium.flag).toBe(0);
    const capped = special({ 'medical.fixed.dibao': '320' });
    expect(evaluate(urban([{ age: 40, other: fen('400') }]), capped).medical_premium.amount).toBe(fen('400.00'));
  });
  it('after take-up: a household that does not take dibao up is in no group (and not low-income: layers follow eligibility)', () => {
    const r = evaluate(urban([{ age: 40, other: fen('400') }], { takeUpDraw: 600_000 }), special({ 'take_up.dibao': '0.5' }));
    expect([r.dibao.flag, r.low_income.flag, r.medical_premium.flag]).toEqual([0, 0, 0]);
  });
});

// Guangxi 000（一）: 因病、因残、因灾等刚性支出导致生活必需支出超出家庭承受能力……给予最低生活保障 — the rigid aid is dibao
// given on income after rigid expenditure, so a family paid it is in the dibao group (rigid.aid_group: dibao; DOMAIN
// step 9's letter, the default, puts it in the rigid group). A provincial auditor found Nanning paying such a family
// the rigid group's premium subsidy and no living subsidy.
describe('rigid.aid_group — a family paid rigid aid, in the dibao group where the aid is dibao (000（一）)', () => {
  // inc 2400 ≥ 2 × S (not edge); A = 28800 < 30000; E = 20000: A − E = 8800 < 24000, identified; 8800 < 12000: aid
  // round((12000 − 8800) / 12) = 266.67 a month. The member: grade 3 (the living subsidy's, not the care subsidy's).
  const family = urban([{ age: 40, other: fen('2400'), disability: 3, labor: 'partial' }], { rigid: fen('20000') });
  it('default (rigid): min(400, 0 × 400 + 100) = 100.00 a year, no living subsidy', () => {
    const r = evaluate(family);
    expect([r.rigid_aid.amount, r.medical_premium.amount, r.disability_living.flag]).toEqual([fen('266.67'), fen('100.00'), 0]);
  });
  it('dibao: round(0.8 × 400) = 320.00 a year and the living subsidy 100.00 a month; the year 12 × 366.67 + 320.00', () => {
    const r = evaluate(family, special({ 'rigid.aid_group': 'dibao' }));
    expect([r.rigid_aid.amount, r.medical_premium.amount, r.disability_living.amount]).toEqual([
      fen('266.67'),
      fen('320.00'),
      fen('100.00'),
    ]);
    expect(r.annual).toBe(fen('4720.04'));
  });
  it('only a family paid the aid: identified without it (rigid.aid false), it stays in the rigid group', () => {
    const r = evaluate(family, special({ 'rigid.aid_group': 'dibao', 'rigid.aid': false }));
    expect([r.rigid_family.flag, r.rigid_aid.flag, r.medical_premium.amount, r.disability_living.flag]).toEqual([1, 0, fen('100.00'), 0]);
  });
  it('not taken up: no aid, no group (the eligible figures hold the dibao group’s 320.00)', () => {
    const r = evaluate(
      { ...family, household: { ...family.household, takeUpDraw: 600_000 } },
      special({ 'rigid.aid_group': 'dibao', 'take_up.rigid': '0.5' }),
    );
    expect([r.rigid_aid.flag, r.medical_premium.flag, r.disability_living.flag]).toEqual([0, 0, 0]);
    expect([r.medical_premium.eligibleAnnual, r.disability_living.eligibleAnnual]).toEqual([fen('320.00'), fen('1200.00')]);
  });
});

describe('step 10 — the living subsidy: disabled, not tekun, in the dibao group (000（十二）, 002 六, 004 §11)', () => {
  it('a disabled dibao member gets 100.00 a month, whatever the grade (1–4)', () => {
    for (const grade of [1, 2, 3, 4]) {
      const r = evaluate(urban([{ age: 40, other: fen('400'), disability: grade, labor: 'partial' }]));
      expect([grade, r.disability_living.persons, r.disability_living.amount]).toEqual([grade, 1, fen('100.00')]);
    }
  });
  it('an edge member gets it only where disability.living.low_income (001（十二）)', () => {
    const edge = urban([{ age: 40, other: fen('1500'), disability: 3, labor: 'partial' }]);
    expect(evaluate(edge).disability_living.flag).toBe(0);
    expect(evaluate(edge, special({ 'disability.living.low_income': true })).disability_living.amount).toBe(fen('100.00'));
  });
  it('not a tekun person, nor a disabled person outside the groups', () => {
    expect(evaluate(urban([{ age: 72, supporter: 0, disability: 3 }])).disability_living.flag).toBe(0);
    expect(evaluate(urban([{ age: 40, other: fen('5000'), disability: 3, labor: 'partial' }])).disability_living.flag).toBe(0);
  });
});

describe('step 11 — the care subsidy: grade 1 or 2, not tekun (000（十二）, 004 §11)', () => {
  const severe = (grade: number, other: string, household: Record<string, unknown> = {}) =>
    urban([{ age: 40, other: fen(other), disability: grade, labor: 'none' }], household);
  const all = special({ 'disability.care.scope': 'all' });
  it('by grade: 150.00 for grade 1, 100.00 for grade 2, nothing for grades 3–4', () => {
    expect(evaluate(severe(1, '400')).disability_care.amount).toBe(fen('150.00'));
    expect(evaluate(severe(2, '400')).disability_care.amount).toBe(fen('100.00'));
    expect(evaluate(urban([{ age: 40, other: fen('400'), disability: 3, labor: 'partial' }])).disability_care.flag).toBe(0);
  });
  it('scope assisted: the dibao, edge and rigid groups; none outside them', () => {
    expect(evaluate(severe(1, '1500')).disability_care.amount).toBe(fen('150.00')); // edge
    expect(evaluate(severe(1, '2400', { rigid: fen('10000') })).disability_care.amount).toBe(fen('150.00')); // rigid
    expect(evaluate(severe(1, '5000')).disability_care.flag).toBe(0); // none
  });
  it('scope all: every grade 1–2 person, in a group or not', () => {
    expect(evaluate(severe(1, '5000'), all).disability_care.amount).toBe(fen('150.00'));
    expect(evaluate(severe(2, '5000'), all).disability_care.amount).toBe(fen('100.00'));
  });
  it('a tekun person is covered by tekun care, under either scope', () => {
    const tekun = urban([{ age: 72, supporter: 0, disability: 1 }]);
    expect(evaluate(tekun, all).disability_care.flag).toBe(0);
    expect(evaluate(tekun).disability_care.flag).toBe(0);
  });
  it('the year: 12 × the monthly subsidies, plus the premium once', () => {
    // dibao 600 + supplement (severe 0.2 × 1000 = 200) + living 100 + care 150 a month; premium 320 a year
    const r = evaluate(severe(1, '400'));
    expect(r.annual).toBe(12 * (fen('600') + r.dibao_supplement.amount + fen('100') + fen('150')) + fen('320'));
  });
});

// take_up.disability (beyond DOMAIN's five groups): the two subsidies are received where the household takes them up —
// under care scope `all` no other group's take-up reached them, and Guangzhou pays only its own hukou residents (about
// half of its residents: policies/guangdong-guangzhou.yaml). A policy that omits it means 1, as every take-up does.
describe('take_up.disability — the living and care subsidies, received where taken up', () => {
  const severe = (other: string, draw: number) =>
    urban([{ age: 40, other: fen(other), disability: 1, labor: 'none' }], { takeUpDraw: draw });
  const half = (more: Record<string, string> = {}) => special({ 'take_up.disability': '0.5', ...more });
  it('scope all: a draw under 0.5 gets 150.00 a month; 0.5 and over gets none, and the eligible figures keep 12 × 150.00', () => {
    const all = { 'disability.care.scope': 'all' };
    expect(evaluate(severe('5000', 499_999), half(all)).disability_care.amount).toBe(fen('150.00'));
    const r = evaluate(severe('5000', 500_000), half(all));
    expect([r.disability_care.flag, r.disability_care.eligibleAnnual]).toEqual([0, fen('1800.00')]);
  });
  it('scope assisted: a dibao member whose household takes dibao up but not the subsidies gets dibao alone', () => {
    // inc 400 < S 1000: dibao 600 and the severe supplement; take_up.dibao 1; draw 0.7 ≥ take_up.disability 0.5
    const r = evaluate(severe('400', 700_000), half());
    expect([r.dibao.amount, r.disability_living.flag, r.disability_care.flag]).toEqual([fen('600.00'), 0, 0]);
    expect([r.disability_living.eligibleAnnual, r.disability_care.eligibleAnnual]).toEqual([fen('1200.00'), fen('1800.00')]);
  });
  // DOMAIN "Take-up": on_dibao = 1 always takes the dibao group up; a household on the register holds local hukou and
  // has applied, so it takes the subsidies up too (a rules audit: a Guangzhou dibao member of grade 1, draw 0.5, was
  // paid neither, 5,496 a year short of DOMAIN step 10's living subsidy and step 11's care subsidy).
  it('a household on dibao now (on_dibao 1) takes them up whatever its draw: the living 100.00 and care 150.00', () => {
    const registered = urban([{ age: 40, other: fen('400'), disability: 1, labor: 'none' }], { takeUpDraw: 700_000, onDibao: 1 });
    const r = evaluate(registered, half());
    expect([r.dibao.amount, r.disability_living.amount, r.disability_care.amount]).toEqual([fen('600.00'), fen('100.00'), fen('150.00')]);
  });
  it('omitted, every household takes them up (draw 0.999999)', () => {
    expect(evaluate(severe('400', 999_999)).disability_care.amount).toBe(fen('150.00'));
  });
});
