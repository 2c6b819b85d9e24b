// Step 8 — 临时救助 temporary assistance, any household with an assessed emergency need.
// 000（六）: 救助金额在当地城市低保标准年度总额0.5倍以下（含）的，委托乡镇（街道）负责审核认定；0.5倍以上至2倍（含）的，
//   由县级民政部门负责审核认定；2倍以上的……按照“一事一议”的方式审核认定……年度救助总额最高不得超过当地城市低保标准年度总额的6倍。
// 003 §15: 完善临时救助政策措施……加强急难型临时救助和支出型临时救助. 004 §12: 强化临时救助功能.
// grant = min(emergency_need, annual_cap × 12 × S_urban) (the cap floored to the fen: never above it);
// tier = township (≤ township_max × 12 S_urban), county (≤ county_max × 12 S_urban), else coordination.
import { fenToYuan as y, floorDiv, mulLessEq, type Ratio } from '../money.js';
import { check } from '../trace.js';
import { enter, type Ctx } from './context.js';
import { traceParams, type Params, type Step } from './step.js';
import { FEATURE } from './screen.js';
import { TEMPORARY_TIER, TEMPORARY_TIERS } from './parts.js';

export const CLAUSES = ['000（六）', '003 §15', '004 §12'];

/** The approval tiers, by code (0: no grant). */
export const TIERS = ['', ...TEMPORARY_TIERS] as const;
/** The tiers in Chinese (explain --lang zh); beyond the county, its coordination mechanism's 一事一议 (002 五, 003 §15). */
export const TIERS_ZH = ['', '乡镇（街道）', '县级民政部门', '县级协调机制（一事一议）'] as const;

export interface TemporaryRules {
  /** 12 × S_urban, fen: the base of the tiers. */
  readonly urbanAnnual: number;
  readonly township: Ratio;
  readonly county: Ratio;
  /** floor(annual_cap × 12 × S_urban), fen: never pay above the cap. */
  readonly cap: number;
  readonly slot: number;
}

export const STEP: Step<TemporaryRules> = {
  id: 'temporary',
  number: '8',
  reads: ['temporary.annual_cap', 'temporary.township_max', 'temporary.county_max', 'dibao.standard.urban'],
  uses: [],
  scope: 'household',
  compile: (p: Params) => {
    const urbanAnnual = 12 * p.fen('dibao.standard.urban');
    const cap = p.ratio('temporary.annual_cap');
    return {
      urbanAnnual,
      township: p.ratio('temporary.township_max'),
      county: p.ratio('temporary.county_max'),
      cap:
        cap.num <= Number.MAX_SAFE_INTEGER / urbanAnnual
          ? floorDiv(cap.num * urbanAnnual, cap.den)
          : Number((BigInt(cap.num) * BigInt(urbanAnnual)) / BigInt(cap.den)),
      slot: p.slot('temporary'),
    };
  },
  run: temporary,
  // emergency_need > 0
  reach: () => ({ needs: FEATURE.emergency }),
};

export function temporary(c: Ctx, r: TemporaryRules): void {
  const need = c.pop.emergency[c.h]!;
  if (need <= 0) return;
  const grant = Math.min(need, r.cap);
  if (grant <= 0) return; // a cap of 0: nothing to grant
  const { township, county, urbanAnnual } = r;
  const tier = mulLessEq(grant, township.den, township.num, urbanAnnual)
    ? 1
    : mulLessEq(grant, county.den, county.num, urbanAnnual)
      ? 2
      : 3;
  const { out } = c;
  enter(out, r.slot);
  out.count[r.slot] = c.end - c.start;
  out.amount[r.slot] = grant;
  out.tier[r.slot] = tier;
  out.partPersons[TEMPORARY_TIER + tier - 1] = c.end - c.start; // (its part: the grant by who approves it)
  out.partFen[TEMPORARY_TIER + tier - 1] = grant;
  if (c.tr) trace(c, r);
}

/** What step 8 decided, with the values it used (explain); apart, so that the rule stays small enough to inline. */
function trace(c: Ctx, r: TemporaryRules): void {
  const { township, county, urbanAnnual } = r;
  const need = c.pop.emergency[c.h]!;
  const grant = c.out.amount[r.slot]!;
  const tier = c.out.tier[r.slot]!;
  c.tr!.record({
    step: '8',
    program: 'temporary',
    clauses: CLAUSES,
    rule: 'grant = min(emergency_need, annual_cap × 12 × S_urban); approval by township ≤ township_max × 12 S_urban < county ≤ county_max × 12 S_urban < coordination',
    params: traceParams(STEP, c.area),
    values: [
      ['emergency_need', y(need)],
      ['12 × S_urban', y(urbanAnnual)],
      ['cap', y(r.cap)],
    ],
    checks: [
      check(
        'grant ≤ township_max × 12 × S_urban',
        y(grant),
        '≤',
        `${y(urbanAnnual)} × ${township.num / township.den}`,
        tier === 1,
        '乡镇（街道）审批限额内（grant ≤ township_max × 12 × S_urban）',
      ),
      check(
        'grant ≤ county_max × 12 × S_urban',
        y(grant),
        '≤',
        `${y(urbanAnnual)} × ${county.num / county.den}`,
        tier <= 2,
        '县级审批限额内（grant ≤ county_max × 12 × S_urban）',
      ),
    ],
    // (the cap said where it binds, and the need it leaves: a caseworker supervisor read "58,320.00 once" for 80,000)
    result: `grant ${y(grant)}${need > grant ? ` (the cap; ${y(need - grant)} of the need over it)` : ''}, approved by ${TIERS[tier]}`,
    zh: {
      rule: '救助金 = min(emergency_need, annual_cap × 12 × S_urban)；乡镇（街道）审批 ≤ township_max × 12 × S_urban < 县级 ≤ county_max × 12 × S_urban < 一事一议',
      result: `救助金 ${y(grant)} 元${need > grant ? `（达上限；需求中 ${y(need - grant)} 元超出上限）` : ''}，由${TIERS_ZH[tier]}审批`,
    },
  });
}
