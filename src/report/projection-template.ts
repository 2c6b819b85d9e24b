// `jiuzhu init --projection` and `init --scenario`: a projection (or a scenario) to fill in (a policy author's trial found
// neither: the projection's keys were prose inside a long bullet, and both options were refused; it copied Nanning's).
// Every key the file reader takes (io/projection-file.ts, io/scenario-file.ts) with what its value is, each value left
// empty (~), so that the run or validate says at its line every value still to give. Pure: the command writes the text.
import { ratePct } from '../core/projection.js';
import { D } from '../core/money.js';

/** A projection for `policy` (its id), growing from `baseYear` (its published values' last year). */
export function projectionTemplate(o: {
  readonly id: string;
  readonly policy: string;
  readonly given: string;
  readonly baseYear: number;
  /** The month the policy's newest standard took effect (its raises' month). */
  readonly month: number;
}): string {
  const growth = (key: string, what: string, extra = '') => [
    `  # ${what}`,
    `  ${key}: {yearly: ~${extra}, estimate: ~, range: {low: ~, high: ~, basis: ~}}`,
  ];
  return (
    [
      `# A jiuzhu projection: yearly growth over budget years, applied from the year after base_year to the policy's values`,
      `# (every money parameter by path, or by a prefix ending in ".") and to the households' incomes and weights:`,
      `#   npx jiuzhu simulate --policy ${o.given} --households FILE --years ${o.baseYear + 2}-${o.baseYear + 4} --projection THIS.yaml`,
      `# Each rate is a share a year (0.04 is ${ratePct(D('0.04'))}, −0.005 a fall of 0.5 %), above -0.5 and below 0.5; each with`,
      `# "source:" (a published plan) or "estimate:" (its basis). An estimated rate of an uprate line may give its range,`,
      `# which sensitivity and --ranges vary (remove the range where you give none; a published rate has none). A value`,
      `# the policy publishes for a projected year is kept. scenarios/projections/*.yaml are worked examples.`,
      `projection: ${o.id}`,
      'title: {zh: ~, en: ~}',
      '# description: what the rates assume, and where they come from (optional)',
      `localities: [${o.policy}]   # the policies (ids) the rates were made for; applied to another, a note says so`,
      `base_year: ${o.baseYear}   # the last year of published values and of the households file's incomes`,
      'uprate:',
      ...growth(
        'dibao.standard.',
        `the dibao standards, urban and rural (and every line tied to S); month: the month each raise takes effect (${o.month === 1 ? 'January' : `the policy's newest standard took effect in month ${o.month}`})`,
        `, month: ${o.month}`,
      ),
      ...growth('min_wage.monthly', 'the minimum wage (tekun care is a share of it)'),
      ...growth('rigid.disposable_income.', 'last year’s disposable income, urban and rural (the rigid-expenditure line)'),
      ...growth('disability.', 'the two disability subsidies'),
      ...growth('medical.premium', 'the resident medical-insurance premium (a person, a year)'),
      '# every person’s wage and other income; every household’s weight (one figure each: no range)',
      'incomes: {yearly: ~, estimate: ~}',
      'population: {yearly: ~, estimate: ~}',
      '# optional: household money columns, each at its own rate (the others stay as in the file)',
      'households:',
      '  rigid_expenditure: {yearly: ~, estimate: ~}',
      '  emergency_need: {yearly: ~, estimate: ~}',
      '  financial_assets: {yearly: ~, estimate: ~}',
    ].join('\n') + '\n'
  );
}

/** A scenario: a reform as data, for any locality. */
export function scenarioTemplate(o: { readonly id: string }): string {
  return (
    [
      '# A jiuzhu scenario: a reform as data. Each change names a canonical parameter (jiuzhu params --format table lists',
      '# them) and one operation, optionally from a date (the baseline holds before it):',
      '#   {set: 1.6}  {scale: 1.1}  {add: -50}  {at_least: 0.7}  {at_most: 2}  {same_as: dibao.standard.urban}',
      '#   {set: 2, from: 2026-01-01}   {values: [{from: 2026-01-01, value: 6}]}   or a list of them, each from its date',
      '#   npx jiuzhu simulate --policy POLICY.yaml --households FILE --scenario THIS.yaml',
      `scenario: ${o.id}   # the id in every output (not "baseline")`,
      'title: {zh: ~, en: ~}',
      '# description: what it does (optional)',
      'reason: ~   # the clause or proposal behind it',
      'changes:',
      '  low_income.multiplier: {set: ~}   # a parameter, and what becomes of it (one line each)',
    ].join('\n') + '\n'
  );
}
