// Who pays, its range with the costs' estimates too (--ranges). Without them a level's range moves the funding shares
// that are estimates only, the costs as they are; a provincial trial asked twice how far tekun care could cost the
// province — its cost's range (the care share 0.6–0.8) times its share's — where the table said 0 – +49.79 万元. With
// --ranges every run made for a total's range (core/sensitivity-plan.ts) is split too, each with the shares that are
// estimates at either end of theirs (core/funding.ts fundingAt): a level's range is the lowest and highest of those, as
// a total's range is of its runs' totals; and a scenario's change at a level, each time under the same values.
import { figures, type Totals } from '../core/aggregate.js';
import { fundingAt, fundingDeltaRange, LEVELS, type FundingReport, type Level, type Split } from '../core/funding.js';
import { D, type Dec } from '../core/money.js';
import type { CornerFor, SensitivityResult } from '../core/sensitivity-plan.js';
import { fundingDelta } from './funding-view.js';
import { totalRange, variants } from './sensitivity-rows.js';
import type { ScenarioReport } from './totals.js';

/** A run's report with its total's range and who pays its range from the same runs (`base`: the baseline's report). */
export function withRunRanges(s: ScenarioReport, r: SensitivityResult, run: number, base: ScenarioReport | undefined): ScenarioReport {
  const range = totalRange(r, run, s.estimates);
  if (!s.funding?.unit) return { ...s, range };
  return { ...s, range, funding: fundingWithCosts(r, run, s.funding, run && base?.funding ? base.funding : undefined) };
}

function fundingWithCosts(r: SensitivityResult, run: number, f: FundingReport, base: FundingReport | undefined): FundingReport {
  const at = (t: readonly Totals[], k: number, central: FundingReport) => fundingAt(central, figures(t[k]!));
  // (the runs made for the total's range, as runRange reads them; the baseline's corners always run beside a scenario)
  const own = (c: CornerFor) => c.totals.includes(run) || c.totals.includes(0);
  const splits = variants(r, own).map((t) => at(t, run, f));
  const end = (pick: (x: FundingReport) => Split, lowest: boolean) =>
    Object.fromEntries(
      LEVELS.map((l) => {
        const xs = splits.map((x) => D(pick(x)[l]));
        return [l, (lowest ? D.min(...xs) : D.max(...xs)).toFixed(2)];
      }),
    ) as unknown as Split;
  const range = {
    low: end((x) => x.range?.low ?? x.total, true),
    high: end((x) => x.range?.high ?? x.total, false),
    estimates: f.range?.estimates ?? [],
    costs: true,
  };
  if (!base) return { ...f, range };
  // a scenario's change at each level: each time the baseline and the scenario under the same values (deltaRange's runs)
  const mine = (c: CornerFor) => c.deltas.includes(run) || own(c);
  const deltas = variants(r, mine).map((t) => {
    const [b, s] = [at(t, 0, base), at(t, run, f)];
    const d = fundingDeltaRange(b, s);
    if (d) return [d.low, d.high] as const;
    const plain = fundingDelta(b, s);
    return [plain, plain] as const;
  });
  const pick = (k: 0 | 1) =>
    Object.fromEntries(
      LEVELS.map((l: Level) => {
        const xs: Dec[] = deltas.map((d) => D(d[k][l]));
        return [l, (k === 0 ? D.min(...xs) : D.max(...xs)).toFixed(2)];
      }),
    ) as unknown as Split;
  return { ...f, range, delta: { low: pick(0), high: pick(1) } };
}

/** Every run's report with its ranges (withRunRanges), where there are ranges. */
export function ranged<T extends ScenarioReport>(reports: readonly T[], r: SensitivityResult | null | undefined): T[] {
  return r ? reports.map((s, i) => withRunRanges(s, r, i, reports[0]) as T) : [...reports];
}
