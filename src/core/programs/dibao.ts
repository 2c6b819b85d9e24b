// Step 3 — 低保 dibao (minimum living guarantee).
// 000（一）: 对共同生活的家庭成员人均收入低于当地低保标准……且符合当地最低生活保障家庭财产状况规定的……给予最低生活保障。
// 000（四） / 003 §7 / 004 §3: 分档或根据家庭成员人均收入与低保标准的实际差额发放低保金。
// Eligible ⇔ assets_ok ∧ I < S × n (compared in fen, never by dividing).
import { fenToYuan as y, mulLess, roundFen, toRatio, type Ratio, type Rounding } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';

export const CLAUSES = ['000（一）', '000（四）', '003 §7', '004 §3'];

export interface DibaoRules {
  /** S, fen a month. */
  readonly S: number;
  readonly tiered: boolean;
  /** For `tiered`: the bands, each an upper share of S and an amount per person (fen). */
  readonly tiers: ReadonlyArray<{ readonly belowShare: Ratio; readonly perPerson: number }>;
  readonly rounding: Rounding;
  readonly slot: number;
}

export const STEP: Step<DibaoRules> = {
  id: 'dibao',
  number: '3',
  reads: ['dibao.standard.', 'dibao.payment.mode', 'dibao.payment.tiers', 'rounding'],
  uses: ['rest'],
  scope: 'rest',
  compile: (p: Params) => {
    const tiered = p.str('dibao.payment.mode') === 'tiered';
    return {
      S: p.fen(p.here('dibao.standard.')),
      tiered,
      tiers: tiered
        ? p.tiers('dibao.payment.tiers').map((t) => ({ belowShare: toRatio(t.below_share), perPerson: t.per_person.times(100).toNumber() }))
        : [],
      rounding: p.rounding(),
      slot: p.slot('dibao'),
    };
  },
  run: dibao,
  // eligible only when I < S × n
  reach: (r) => ({ line: { num: r.S, den: 1 } }),
};

export function dibao(c: Ctx, r: DibaoRules): void {
  const { n, I } = c;
  const Sn = r.S * n;
  c.isDibao = c.assetsOk && I < Sn;
  if (!c.isDibao) {
    if (c.tr) trace(c, r, Sn, 'not dibao');
    return;
  }
  let benefit: number;
  if (!r.tiered) {
    // 差额: benefit = round(S × n − I)
    benefit = roundFen(Sn - I, 1, r.rounding);
  } else {
    // 分档: y = I / n; the first band whose upper share exceeds y / S (I < share × S × n) gives the amount per person.
    benefit = 0;
    for (const tier of r.tiers) {
      if (mulLess(I, tier.belowShare.den, tier.belowShare.num, Sn)) {
        benefit = tier.perPerson * n;
        break;
      }
    }
  }
  const { out } = c;
  enter(out, r.slot);
  out.count[r.slot] = n;
  out.amount[r.slot] = benefit;
  if (c.tr) trace(c, r, Sn, `dibao: ${y(benefit)} per month for ${n} ${n === 1 ? 'person' : 'persons'}`);
}

function trace(c: Ctx, r: DibaoRules, Sn: number, result: string): void {
  const { n, I } = c;
  c.tr!.record({
    step: '3',
    program: 'dibao',
    clauses: CLAUSES,
    rule: r.tiered
      ? 'eligible ⇔ assets_ok ∧ I < S × n; tiered: the first band with I < below_share × S × n pays per_person × n'
      : 'eligible ⇔ assets_ok ∧ I < S × n; gap: benefit = round(S × n − I)',
    params: traceParams(STEP, c.area),
    values: [
      ['S', y(r.S)],
      ['n', String(n)],
      ['I', y(I)],
      ['S × n', y(Sn)],
      ...(c.isDibao && !r.tiered ? ([['S × n − I', y(Sn - I)]] as [string, string][]) : []),
    ],
    checks: [check('assets_ok', String(c.assetsOk), '=', 'true', c.assetsOk), check('I < S × n', y(I), '<', y(Sn), I < Sn)],
    result,
  });
}
