// Step 6 — 低保边缘家庭 low-income (dibao-edge) families: a caseload, no cash.
// 001（一）: 低保边缘家庭收入标准为家庭人均收入高于当地低保标准，但低于当地低保标准2倍。
// 003 §1: 对家庭人均收入在当地城镇低保标准1.5倍以下且家庭财产状况符合相关规定的，认定为低收入家庭。
// 004 §1: 健全低收入、支出型贫困家庭等相对贫困对象精准识别机制 (its line is the policy's: Fuliang's multiplier).
// Where not dibao and assets_ok: low-income ⇔ I < multiplier × S_ref × n; where the policy's words are 以下
// (low_income.bound at_or_below: 003 §1, and 民法典 第一千二百五十九条 以下包括本数), I ≤ multiplier × S_ref × n.
// Members included as single-person dibao are not counted among its persons. Where rigid aid is dibao
// (rigid.aid_group dibao: Guangxi 000（一）给予最低生活保障 on income after rigid expenditure) a family paid it is a dibao
// family, so not low-income: "where not dibao" (DOMAIN step 6) — counted in both, a family was two layers at once.
import { AREAS } from '../columns.js';
import { fenToYuan as y, underLine, type Ratio } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';
// The program table gives the slots; read when a household is traced (after every module has loaded).
import { SLOT } from './index.js';

export const CLAUSES = ['001（一）', '003 §1', '004 §1', '000（四）'];

export interface LowIncomeRules {
  readonly multiplier: Ratio;
  /** low_income.reference is `urban`: S_ref is the urban S for every household. */
  readonly urbanReference: boolean;
  /** S_ref, fen. */
  readonly Sref: number;
  /** low_income.bound is `at_or_below` (以下): a family exactly at the line is low-income. */
  readonly atLine: boolean;
  /** rigid.aid_group is dibao: a family paid rigid aid (step 4) is a dibao family, not low-income. */
  readonly aidIsDibao: boolean;
  readonly slot: number;
}

export const STEP: Step<LowIncomeRules> = {
  id: 'low_income',
  number: '6',
  reads: ['low_income.multiplier', 'low_income.reference', 'low_income.bound', 'dibao.standard.', 'rigid.aid_group'],
  uses: ['single_person', 'rigid_aid'],
  scope: 'rest',
  compile: (p: Params) => {
    const urbanReference = p.str('low_income.reference') === 'urban';
    return {
      multiplier: p.ratio('low_income.multiplier'),
      urbanReference,
      Sref: p.fen(urbanReference ? 'dibao.standard.urban' : p.here('dibao.standard.')),
      atLine: p.str('low_income.bound') === 'at_or_below',
      aidIsDibao: p.str('rigid.aid_group') === 'dibao',
      slot: p.slot('low_income'),
    };
  },
  run: lowIncome,
  // I < multiplier × S_ref × n (at_or_below: a fen a person higher reaches I = multiplier × S_ref × n too)
  reach: (r) => ({ line: { num: r.multiplier.num * r.Sref + (r.atLine ? 1 : 0), den: r.multiplier.den } }),
};

export function lowIncome(c: Ctx, r: LowIncomeRules): void {
  if (c.isDibao) return;
  if (r.aidIsDibao && c.rigidAid) {
    if (c.tr) traceAid(c);
    return;
  }
  if (!c.assetsOk) {
    // (traced: assets over the limit bar it too — a caseworker's family within the line read only "not dibao: assets")
    if (c.tr) trace(c, r, false);
    return;
  }
  const { n, I } = c;
  const m = r.multiplier;
  const is = underLine(I, m, r.Sref * n, r.atLine);
  if (is) {
    enter(c.out, r.slot);
    c.out.count[r.slot] = n - c.singles;
  }
  if (c.tr) trace(c, r, is);
}

/** What step 6 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, r: LowIncomeRules, is: boolean): void {
  const { n, I } = c;
  const m = r.multiplier;
  const SrefN = r.Sref * n;
  const line = underLine(I, m, SrefN, r.atLine);
  c.tr!.record({
    step: '6',
    program: 'low_income',
    clauses: CLAUSES,
    rule: `low-income ⇔ not dibao ∧ assets_ok ∧ I ${r.atLine ? '≤' : '<'} multiplier × S_ref × n (S_ref per low_income.reference${r.atLine ? '; 以下: the line itself included' : ''})`,
    params: traceParams(STEP, c.area, {
      only: STEP.reads.filter((d) => d !== 'rigid.aid_group'),
      pick: { 'dibao.standard.': r.urbanReference ? 'urban' : AREAS[c.area]! },
    }),
    values: [
      ['I', y(I)],
      ['S_ref × n', y(SrefN)],
      ['multiplier', String(m.num / m.den)],
    ],
    checks: [
      check('assets_ok', String(c.assetsOk), '=', 'true', c.assetsOk, '家庭财产符合规定'),
      r.atLine
        ? check(
            'I ≤ multiplier × S_ref × n',
            y(I),
            '≤',
            `${y(SrefN)} × ${m.num / m.den}`,
            line,
            '家庭收入不高于低保标准的规定倍数（I ≤ multiplier × S_ref × n）',
          )
        : check(
            'I < multiplier × S_ref × n',
            y(I),
            '<',
            `${y(SrefN)} × ${m.num / m.den}`,
            line,
            '家庭收入低于低保标准的规定倍数（I < multiplier × S_ref × n）',
          ),
    ],
    result: is ? `low-income family, ${counted(c.out.count[r.slot]!)} counted` : 'not low-income',
    zh: {
      rule: `低保边缘 ⇔ 未获低保 ∧ 财产符合 ∧ I ${r.atLine ? '≤' : '<'} multiplier × S_ref × n（S_ref 按 low_income.reference${r.atLine ? '；“以下”含本数' : ''}）`,
      result: is ? `低保边缘家庭，计 ${c.out.count[r.slot]!} 人` : '不属低保边缘家庭',
    },
  });
}

/** Step 6 for a family whose rigid aid is dibao: not low-income, and why (explain). */
function traceAid(c: Ctx): void {
  c.tr!.record({
    step: '6',
    program: 'low_income',
    clauses: [...CLAUSES, '000（一）'],
    rule: 'low-income ⇔ not dibao ∧ …; rigid aid is dibao here (rigid.aid_group), so a family paid it is a dibao family',
    params: traceParams(STEP, c.area, { only: ['rigid.aid_group'] }),
    values: [['rigid aid', y(c.out.amount[SLOT.rigid_aid]!)]],
    checks: [
      check(
        // (it read "no rigid aid, which is dibao here (rigid.aid_group): aid 2,430.00 = 0.00": a caseworker supervisor)
        'paid no rigid aid (rigid aid is dibao here: rigid.aid_group)',
        y(c.out.amount[SLOT.rigid_aid]!),
        '=',
        '0.00',
        false,
        '未获刚性支出救助（本地刚性支出救助即给予低保）',
        `每月 ${y(c.out.amount[SLOT.rigid_aid]!)} 元，不为 0`,
      ),
    ],
    result: 'not low-income: a dibao family by its rigid aid (rigid.aid_group)',
    zh: {
      rule: '低保边缘 ⇔ 未获低保 ∧ …；本地刚性支出救助即低保（rigid.aid_group），获此救助的家庭是低保家庭',
      result: '不属低保边缘家庭：因刚性支出救助而为低保家庭',
    },
  });
}

const counted = (k: number) => `${k} ${k === 1 ? 'person' : 'persons'}`;
