// Step 3 — 低保 dibao (minimum living guarantee).
// 000（一）: 对共同生活的家庭成员人均收入低于当地低保标准……且符合当地最低生活保障家庭财产状况规定的……给予最低生活保障。
// 000（四） / 003 §7 / 004 §3: 分档或根据家庭成员人均收入与低保标准的实际差额发放低保金。
// Eligible ⇔ assets_ok ∧ I < S × n (compared in fen, never by dividing).
// 002 一: 实行分档救助的根据救助家庭实际调高救助档次 — under `tiered`, a household with a member in a supplement
// category (重病患者、重度残疾人、老年人、未成年人) is paid one band higher instead of the percentage supplement
// (实行差额救助的按照…10%-30%比例增发: that is `gap`'s). One band: the seed says "raise", not by how much.
import { fenToYuan as y, mulLess, roundFen, toRatio, type Ratio, type Rounding } from '../money.js';
import { check } from '../trace.js';
import { enter, isSevere, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';

export const CLAUSES = ['000（一）', '000（四）', '003 §7', '004 §3'];

export interface DibaoRules {
  /** S, fen a month. */
  readonly S: number;
  readonly tiered: boolean;
  /** For `tiered`: the bands, each an upper share of S and an amount per person (fen). */
  readonly tiers: ReadonlyArray<{ readonly belowShare: Ratio; readonly perPerson: number }>;
  /** For `tiered` (002 一): who raises the household a band — the supplement's categories whose rate is above 0. */
  readonly raise: {
    readonly elderlyAge: number;
    readonly minorAge: number;
    readonly severe: boolean;
    readonly ill: boolean;
    readonly elderly: boolean;
    readonly minor: boolean;
  } | null;
  readonly rounding: Rounding;
  readonly slot: number;
}

export const STEP: Step<DibaoRules> = {
  id: 'dibao',
  number: '3',
  reads: ['dibao.standard.', 'dibao.payment.mode', 'dibao.payment.tiers', 'dibao.supplement.', 'tekun.minor_age', 'rounding'],
  uses: ['rest'],
  scope: 'rest',
  compile: (p: Params) => {
    const tiered = p.str('dibao.payment.mode') === 'tiered';
    const rated = (name: string) => p.dec(`dibao.supplement.${name}`).greaterThan(0);
    return {
      S: p.fen(p.here('dibao.standard.')),
      tiered,
      tiers: tiered
        ? p.tiers('dibao.payment.tiers').map((t) => ({ belowShare: toRatio(t.below_share), perPerson: t.per_person.times(100).toNumber() }))
        : [],
      raise: tiered
        ? {
            elderlyAge: p.int('dibao.supplement.elderly_age'),
            minorAge: p.int('tekun.minor_age'),
            severe: rated('severe_disability'),
            ill: rated('serious_illness'),
            elderly: rated('elderly'),
            minor: rated('minor'),
          }
        : null,
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
    if (c.tr) trace(c, r, Sn, -1, -1, false);
    return;
  }
  let benefit: number;
  let band = -1;
  let raised = false;
  if (!r.tiered) {
    // 差额: benefit = round(S × n − I)
    benefit = roundFen(Sn - I, 1, r.rounding);
  } else {
    // 分档: y = I / n; the first band whose upper share exceeds y / S (I < share × S × n) gives the amount per person,
    // one band higher for a household with a member in a supplement category (002 一: 调高救助档次).
    band = r.tiers.findIndex((tier) => mulLess(I, tier.belowShare.den, tier.belowShare.num, Sn));
    raised = band > 0 && inCategory(c, r.raise!);
    if (raised) band--;
    benefit = band >= 0 ? r.tiers[band]!.perPerson * n : 0;
  }
  const { out } = c;
  enter(out, r.slot);
  out.count[r.slot] = n;
  out.amount[r.slot] = benefit;
  if (c.tr) trace(c, r, Sn, benefit, band, raised);
}

/** Whether a member of R is in a supplement category whose rate is above 0 (002 一's 重病患者、重度残疾人、老年人、未成年人). */
function inCategory(c: Ctx, k: NonNullable<DibaoRules['raise']>): boolean {
  const { pop } = c;
  for (let m = c.start; m < c.end; m++) {
    if (c.tekun[m - c.start]) continue;
    const p = pop.members[m]!;
    const age = pop.age[p]!;
    if ((k.severe && isSevere(pop, p)) || (k.ill && pop.ill[p]) || (k.elderly && age >= k.elderlyAge) || (k.minor && age < k.minorAge))
      return true;
  }
  return false;
}

/** Step 3's trace. `benefit`: the month's dibao, or −1 where the household is not dibao; `band`, `raised`: tiered. */
function trace(c: Ctx, r: DibaoRules, Sn: number, benefit: number, band: number, raised: boolean): void {
  const { n, I } = c;
  const tiers = r.tiered ? r.tiers.length : 0;
  c.tr!.record({
    step: '3',
    program: 'dibao',
    clauses: r.tiered ? [...CLAUSES, '002 一'] : CLAUSES, // (the band raised: 002 一)
    rule: r.tiered
      ? 'eligible ⇔ assets_ok ∧ I < S × n; tiered: the first band with I < below_share × S × n pays per_person × n, one band higher with a member in a supplement category'
      : 'eligible ⇔ assets_ok ∧ I < S × n; gap: benefit = round(S × n − I)',
    // (the supplement's categories only where they raise a band: tiered)
    params: traceParams(STEP, c.area, r.tiered ? {} : { only: ['dibao.standard.', 'dibao.payment.mode', 'rounding'] }),
    values: [
      ['S', y(r.S)],
      ['n', String(n)],
      ['I', y(I)],
      ['S × n', y(Sn)],
      ...(c.isDibao && !r.tiered ? ([['S × n − I', y(Sn - I)]] as [string, string][]) : []),
    ],
    checks: [
      check('assets_ok', String(c.assetsOk), '=', 'true', c.assetsOk, '家庭财产符合规定'),
      check('I < S × n', y(I), '<', y(Sn), I < Sn, '家庭收入低于低保标准（I < S × n）'),
    ],
    result:
      benefit < 0
        ? 'not dibao'
        : `dibao: ${y(benefit)} per month for ${n} ${n === 1 ? 'person' : 'persons'}${
            tiers ? ` (band ${band + 1} of ${tiers}${raised ? ', one higher: a member in a supplement category, 002 一' : ''})` : ''
          }`,
    zh: {
      rule: r.tiered
        ? '低保 ⇔ 财产符合 ∧ I < S × n；分档：I < below_share × S × n 的第一档，每月 per_person × n；有成员属分类施保类别的，提高一档'
        : '低保 ⇔ 财产符合 ∧ I < S × n；差额：低保金 = round(S × n − I)',
      result:
        benefit < 0
          ? '不符合低保条件'
          : `低保：${n} 人，每月 ${y(benefit)} 元${
              tiers ? `（共 ${tiers} 档之第 ${band + 1} 档${raised ? '；有成员属分类施保类别，提高一档（002 一）' : ''}）` : ''
            }`,
    },
  });
}
