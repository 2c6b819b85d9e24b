// compare --details FILE.csv: who gains and who loses, and each run by area and income decile — each run against its
// locality's baseline, and each locality's runs against the first locality's same run — as one long CSV for R or Stata
// (a researcher's trial found them in the JSON and the workbook only). A row per locality × run × comparison × group;
// every cell is the JSON's figure (compareJson's `winners_losers`, `by_area`, `by_decile`, `against_first`), unrounded.
import type { CompareReport } from './compare.js';
import type { GroupFigures, RunDetails } from './compare-details.js';
import { csvField } from './per-household.js';
import { yearColumn } from './totals-csv.js';

/** A group's figures (an area's or a decile's), in the JSON's names. */
const GROUP: ReadonlyArray<keyof GroupFigures> = [
  'households',
  'persons',
  'baseline_annual_cost',
  'annual_cost',
  'delta_annual_cost',
  'average_delta_per_household',
];

/** The winners and losers of all households (the `all` row), as `<kind>_<figure>`: JSON winners_losers.<kind>.<figure>. */
const CHANGES = [
  ['gainers', 'households'],
  ['gainers', 'persons'],
  ['gainers', 'amount'],
  ['losers', 'households'],
  ['losers', 'persons'],
  ['losers', 'amount'],
  ['unchanged', 'households'],
  ['entrants', 'households'],
  ['exits', 'households'],
  ['losers_through_take_up', 'households'],
] as const;

export const DETAILS_CSV_HEADER = [
  'policy',
  'scenario',
  'against',
  'group',
  'upper_income_per_capita',
  ...GROUP,
  ...CHANGES.map(([kind, figure]) => `${kind}_${figure}`),
].join(',');

/** The rows of one comparison: `all` (its winners and losers, where it has them), urban, rural, decile_1 … decile_10. */
function rows(lead: string, details: RunDetails, withChanges: boolean): string[] {
  const empty = (n: number) => ','.repeat(n);
  const group = (g: GroupFigures) => GROUP.map((k) => g[k] ?? '').join(',');
  const all = withChanges
    ? [`${lead}all,${empty(GROUP.length + 1)}${CHANGES.map(([kind, figure]) => details.changes[kind]?.[figure] ?? '').join(',')}`]
    : [];
  return [
    ...all,
    ...(['urban', 'rural'] as const).map((a) => `${lead}${a},,${group(details.byArea[a])}${empty(CHANGES.length)}`),
    ...details.byDecile.map((d) => `${lead}decile_${d.decile},${d.upper_income_per_capita ?? ''},${group(d)}${empty(CHANGES.length)}`),
  ];
}

export function detailsCsv(r: CompareReport): string {
  const y = yearColumn(r.localities[0]?.scenarios[0]);
  const out: string[] = [];
  for (const l of r.localities)
    l.scenarios.forEach((s, i) => {
      const lead = (against: string) => `${y.cell}${csvField(l.policyFile)},${csvField(s.id)},${csvField(against)},`;
      // (the baseline against itself: its distribution by area and decile, every change 0 — no winners or losers)
      if (s.details) out.push(...rows(lead('baseline'), s.details, i > 0));
      const first = i ? s.against : l.against;
      if (first) out.push(...rows(lead(first.locality), first.details, true));
    });
  return [`${y.head}${DETAILS_CSV_HEADER}`, ...out].join('\n') + '\n';
}
