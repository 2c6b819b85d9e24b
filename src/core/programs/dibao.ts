// Step 3 — 低保 dibao (minimum living guarantee).
// 000（一）: 对共同生活的家庭成员人均收入低于当地低保标准……且符合当地最低生活保障家庭财产状况规定的……给予最低生活保障。
// 000（四） / 003 §7 / 004 §3: 分档或根据家庭成员人均收入与低保标准的实际差额发放低保金。
// Eligible ⇔ assets_ok ∧ I < S × n (compared in fen, never by dividing).
import { fenToYuan as y, mulLess, roundFen } from '../money.js';
import { check } from '../trace.js';
import type { Ctx } from './context.js';

export const CLAUSES = ['000（一）', '000（四）', '003 §7', '004 §3'];

export function dibao(c: Ctx): void {
  const { rules, A, n, I } = c;
  const Sn = A.S * n;
  c.isDibao = c.assetsOk && I < Sn;
  if (!c.isDibao) {
    if (c.tr) traceDibao(c, Sn, 'not dibao');
    return;
  }
  let benefit: number;
  if (!rules.tiered) {
    // 差额: benefit = round(S × n − I)
    benefit = roundFen(Sn - I, 1, rules.rounding);
  } else {
    // 分档: y = I / n; the first band whose upper share exceeds y / S (I < share × S × n) gives the amount per person.
    benefit = 0;
    for (const tier of rules.tiers) {
      if (mulLess(I, tier.belowShare.den, tier.belowShare.num, Sn)) {
        benefit = tier.perPerson * n;
        break;
      }
    }
  }
  c.out.dibaoPersons = n;
  c.out.dibao = benefit;
  if (c.tr) traceDibao(c, Sn, `dibao: ${y(benefit)} per month for ${n} ${n === 1 ? 'person' : 'persons'}`);
}

function traceDibao(c: Ctx, Sn: number, result: string): void {
  const { rules, A, n, I } = c;
  c.tr!.record({
    step: '3',
    program: 'dibao',
    clauses: CLAUSES,
    rule: rules.tiered
      ? 'eligible ⇔ assets_ok ∧ I < S × n; tiered: the first band with I < below_share × S × n pays per_person × n'
      : 'eligible ⇔ assets_ok ∧ I < S × n; gap: benefit = round(S × n − I)',
    params: [`dibao.standard.${A.area}`, 'dibao.payment.mode', ...(rules.tiered ? ['dibao.payment.tiers'] : []), 'rounding'],
    values: [
      ['S', y(A.S)],
      ['n', String(n)],
      ['I', y(I)],
      ['S × n', y(Sn)],
      ...(c.isDibao && !rules.tiered ? ([['S × n − I', y(Sn - I)]] as [string, string][]) : []),
    ],
    checks: [check('assets_ok', String(c.assetsOk), '=', 'true', c.assetsOk), check('I < S × n', y(I), '<', y(Sn), I < Sn)],
    result,
  });
}
