// Who pays as the totals' table and Markdown give it: each program's split by level, a scenario's change at each level
// and, where the funding shares are estimates, each level's range and the change's (core/funding.ts).
import { D, fixed } from '../core/money.js';
import { PROGRAMS, programLabel } from '../core/programs/index.js';
import { fundingDeltaRange, LEVEL_LABELS, LEVELS, type FundingReport, type Level } from '../core/funding.js';
import { inUnit, markdownTable, signedIn, textTable, UNIT_LABEL, type Align, type Unit } from './text-table.js';

export { signedIn };
import type { Lang } from './lang.js';
import { fundingMethodWords } from './totals-words.js';

/** Who pays, by program with a cost and in all (the shares are the policy's funding.* parameters). */
export function fundingLines(f: FundingReport, markdown: boolean, unit: Unit, base?: FundingReport, lang?: Lang): string[] {
  const header = [`who pays 分级负担 (${UNIT_LABEL[unit]})`, ...LEVELS.map((l) => LEVEL_LABELS[l])];
  const rows = PROGRAMS.flatMap((p) => {
    const x = f.programs[p.id];
    return x && LEVELS.some((l) => !D(x[l]).isZero()) ? [[programLabel(p), ...LEVELS.map((l) => inUnit(x[l], unit))]] : [];
  });
  rows.push(['total 合计', ...LEVELS.map((l) => inUnit(f.total[l], unit))]);
  const rule = [rows.length - 1];
  // a scenario's change for each level (a budget meeting asks the province's share of a reform: it was subtracted by hand)
  if (base) rows.push(['Δ vs baseline 较基线', ...LEVELS.map((l) => signedIn(fundingDelta(base, f)[l], unit))]);
  // (and how far the shares that are estimates could move it: a reform's cost to the county, the costs the same)
  const dr = base && fundingDeltaRange(base, f);
  if (dr) rows.push(['Δ range 区间 *', ...LEVELS.map((l) => `${signedIn(dr.low[l], unit)} – ${signedIn(dr.high[l], unit)}`)]);
  // (the shares are estimates: how far each level could move, the cost the same)
  if (f.range) rows.push(['range 区间 *', ...LEVELS.map((l) => `${inUnit(f.range!.low[l], unit)} – ${inUnit(f.range!.high[l], unit)}`)]);
  const align: Align[] = header.map((_, i) => (i ? 'right' : 'left'));
  const table = markdown ? markdownTable(header, rows, align) : textTable(header, rows, align, rule);
  return f.range
    ? [
        table,
        // (in Markdown after a blank line: a line right under a table is one more row of it, in GitHub's and CommonMark
        // tables — a 科长's Markdown; escaped: a line beginning "* " is a bullet there — an analyst's briefing)
        ...(markdown ? [''] : []),
        `${markdown ? '\\*' : '*'} ${fundingMethodWords(f.range, lang)}`,
      ]
    : [table];
}

/** Each level's change from the baseline's split to a scenario's, in yuan (exact: the splits are decimals of two places). */
export function fundingDelta(base: FundingReport, f: FundingReport): Readonly<Record<Level, string>> {
  return Object.fromEntries(LEVELS.map((l) => [l, fixed(D(f.total[l]).minus(base.total[l]))])) as Record<Level, string>;
}
