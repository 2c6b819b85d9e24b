// The program table and the steps' declarations are the one place that says what each step reads, whose findings it
// uses and which programs it decides; everything else derives from them. These tests hold the declarations to the code.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/core/parameters/schema.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { dependsOn, PROGRAMS, STEPS } from '../../src/core/programs/index.js';
import { covers, Params, type Step } from '../../src/core/programs/step.js';
import { compileRules } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { PER_HOUSEHOLD_COLUMNS } from '../../src/report/per-household.js';
import { SIMPLE, simplePolicy, withParams } from '../helpers/rules.js';

const POLICIES = ['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'];
const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseScenario(readFileSync(`scenarios/${f}`, 'utf8'), `scenarios/${f}`));

describe('each step reads only what it declares', () => {
  it('compiles every step of every shipped policy, under every shipped scenario, at several dates (Params refuses an undeclared read)', async () => {
    let compiled = 0;
    for (const id of POLICIES) {
      const policy = await loadPolicy(`policies/${id}.yaml`);
      for (const p of [policy, ...SCENARIOS.map((sc) => applyScenario(policy, sc))]) {
        for (const date of ['2022-06-30', '2024-01-01', '2025-06-30']) {
          expect(() => compileRules(resolve(p, date))).not.toThrow();
          compiled++;
        }
      }
    }
    expect(compiled).toBe(3 * (SCENARIOS.length + 1) * 3);
  });

  it('and in the modes the shipped policies do not use (tiered payment, a share-of-standard single-person benefit)', () => {
    const tiered = withParams(simplePolicy(), {
      'dibao.payment.mode': 'tiered',
      'dibao.payment.tiers': [{ below_share: '1', per_person: '500' }],
      'single_person.benefit': 'share_of_standard',
      'single_person.benefit_share': '0.5',
    });
    expect(() => compileRules(resolve(tiered, '2024-06-01'))).not.toThrow();
  });

  it('a step that reads a parameter it does not declare fails at once (the mutation of a declaration)', () => {
    // Both payment modes and both single-person benefits, so that every declared read is read somewhere.
    const snapshots = [
      resolve(simplePolicy(), '2024-06-01'),
      resolve(
        withParams(simplePolicy(), {
          'dibao.payment.mode': 'tiered',
          'dibao.payment.tiers': [{ below_share: '1', per_person: '500' }],
          'single_person.benefit': 'share_of_standard',
          'single_person.benefit_share': '0.5',
        }),
        '2024-06-01',
      ),
    ];
    const slots = new Map(PROGRAMS.map((p, i) => [p.id as string, i]));
    for (const step of STEPS as unknown as ReadonlyArray<Step<unknown>>) {
      // Drop each declared read in turn: compiling must then fail somewhere, or the read was declared for nothing.
      const needed = step.reads.filter((r) => {
        const fewer = step.reads.filter((x) => x !== r);
        try {
          for (const s of snapshots)
            for (const area of ['urban', 'rural'] as const) step.compile(new Params(s, step.id, fewer, slots, area));
          return false;
        } catch (e) {
          expect(String(e)).toMatch(new RegExp(`step ${step.id} (reads|decides by) `));
          return true;
        }
      });
      // Every declared read is one the step's rules are compiled from (none is declared for nothing).
      expect({ step: step.id, needed }).toEqual({ step: step.id, needed: step.reads });
    }
  });

  it('every declared read names canonical parameters', () => {
    for (const step of STEPS)
      for (const r of step.reads)
        expect(
          PARAMS.some((p) => covers(r, p.path)),
          `${step.id}: ${r}`,
        ).toBe(true);
  });
});

describe('what derives from the declarations', () => {
  it('the engine runs each step after the steps whose findings it uses', () => {
    const order = STEPS.map((s) => s.id);
    for (const s of STEPS) for (const u of s.uses) expect(order.indexOf(u), `${s.id} uses ${u}`).toBeLessThan(order.indexOf(s.id));
    expect(order).toEqual([
      'tekun',
      'rest',
      'dibao',
      'rigid_aid',
      'single_person',
      'dibao_supplement',
      'low_income',
      'gradual_exit',
      'temporary',
      'take_up',
      'medical_premium',
      'disability_living',
      'disability_care',
    ]);
  });

  it('a program depends on what its step and the steps behind it read, and on nothing else', () => {
    const deps = (id: string) => dependsOn(PROGRAMS.find((p) => p.id === id)!);
    // Temporary assistance (000（六）) is decided on the urban standard and its own tiers only.
    expect(deps('temporary').sort()).toEqual([
      'dibao.standard.urban',
      'temporary.annual_cap',
      'temporary.county_max',
      'temporary.township_max',
    ]);
    // Who is tekun depends on the asset limit through its property test (tekun.assets.test: step 1 declares both), and
    // not on what step 2 alone reads after it (the employment deduction is step 1's too: inc(p)).
    for (const p of ['tekun.assets.test', 'dibao.assets.limit_months'])
      expect(
        deps('tekun').some((d) => covers(d, p)),
        p,
      ).toBe(true);
    expect(deps('tekun').some((d) => covers(d, 'dibao.payment.mode'))).toBe(false);
    // Dibao depends on steps 1–2 (who is tekun, R, the asset limit) and its own payment rule.
    for (const p of ['tekun.minor_age', 'dibao.assets.limit_months', 'dibao.employment_deduction', 'dibao.payment.mode'])
      expect(
        deps('dibao').some((d) => covers(d, p)),
        p,
      ).toBe(true);
    expect(deps('dibao').some((d) => covers(d, 'rigid.aid'))).toBe(false);
    // The supplement of single-person entrants depends on step 5, which depends on rigid aid (step 4).
    for (const p of ['single_person.income_ceiling', 'rigid.aid', 'dibao.supplement.elderly'])
      expect(
        deps('dibao_supplement').some((d) => covers(d, p)),
        p,
      ).toBe(true);
  });

  it('the per-household CSV keeps the first contract’s columns in their order and shows every program’s columns once', () => {
    const header = PER_HOUSEHOLD_COLUMNS;
    const programColumns = PROGRAMS.flatMap((p) => p.columns.map((f) => (f === 'amount' || f === 'flag' ? p.id : `${p.id}_${f}`)));
    for (const c of programColumns)
      expect(
        header.filter((h) => h === c),
        c,
      ).toHaveLength(1);
    expect(header.slice(0, 19).join(',')).toBe(
      'household_id,scenario,persons,tekun_persons,tekun,dibao_persons,dibao,dibao_supplement,single_person_persons,single_person,rigid_family,rigid_aid,low_income,low_income_persons,gradual_exit_months,gradual_exit,temporary,temporary_tier,annual_total',
    );
  });

  it('the fixture policy is complete for every step', () => {
    expect(readFileSync(SIMPLE, 'utf8')).toContain('parameters');
  });
});
