// generate --report: the generated population set against the profile's published figures, each with its gap, the
// gap it may have (its tolerance) and where the published figure comes from.
import chalk from 'chalk';
import type { CalibrationRow } from '../core/calibrate.js';
import type { Change } from '../core/budget-year.js';
import type { Profile } from '../core/profile.js';
import { groupDigits, textTable } from './text-table.js';

/**
 * `changes`: the policy's parameters that differ between the profile's date (the published figures') and `date`, when
 * they are not the same date: told under the table, since a gap may then be the rules' change, not the population's.
 */
export function calibrationTable(
  rows: readonly CalibrationRow[],
  profile: Profile,
  date: string,
  households: number,
  changes: readonly Change[] = [],
): string {
  const body = rows.map((r) => {
    const v = r.target ? profile.values.get(r.target) : undefined;
    const cited = v?.source ? `${v.source}${v.clause ? ` ${v.clause}` : ''}` : '';
    const basis = v?.estimate ? `${cited ? `${cited}; ` : ''}${chalk.yellow(`estimate: ${v.estimate}`)}` : cited;
    const mark = r.within === null ? '' : r.within ? chalk.green('✓') : chalk.red('✗');
    return [
      r.measure,
      groupDigits(r.generated),
      r.published === null ? '—' : groupDigits(r.published),
      r.published === null ? '' : KIND_WORDS[kindOf(v)],
      r.gap === null ? '' : `${r.gap.startsWith('-') ? '' : '+'}${r.gap}%`,
      r.tolerance === null ? '' : r.bound === 'upper' ? `≤ +${r.tolerance}%` : `±${r.tolerance}%`,
      r.sample ? `±${r.sample.twoSigma}% (${groupDigits(String(r.sample.n))})` : '',
      mark,
      basis,
    ];
  });
  const misses = rows.filter((r) => r.within === false);
  const missed = misses.length;
  // a miss by no more than its sampling error beyond the tolerance
  const near = misses.filter((r) => r.sample && Math.abs(Number(r.gap)) <= Number(r.tolerance) + Number(r.sample.twoSigma)).length;
  return (
    [
      chalk.bold(`calibration of ${profile.id} — ${households.toLocaleString('en')} generated households, at ${date}, under the baseline`),
      chalk.dim(
        'received figures (after take-up); "eligible" rows: every household that qualifies; dibao (低保) counts and spending, as published ones, hold the families paid rigid-expenditure aid (000（一）: given dibao) and, in spending, the gradual exit',
      ),
      textTable(
        ['指标 measure', '生成 generated', '目标 target', '类 kind', '差距 gap', '容许 accepted', '抽样 ±2σ (n)', '', '依据 basis'],
        body,
        ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'left', 'left'],
      ),
      chalk.dim(
        "类 kind: 本地 local, the locality's own published figure; 代 stand-in, another place's, year's or the nation's, or derived from one (its basis says how); 估 estimate, reasoned where nothing is published",
      ),
      chalk.dim(
        "抽样 ±2σ: the draw's own error of a count, relative, from the n generated households behind it (2 × √((1 − p) / n) for a share p, 2 / √n for a rate, 2 × √(1/n + 1/n′) for a ratio of two spendings); a mean has none shown",
      ),
      missed
        ? chalk.red(
            `${missed} measure${missed > 1 ? 's' : ''} outside the tolerance` +
              (near
                ? ` (${near} within ±2σ of it: the draw's own error may explain ${near > 1 ? 'them' : 'it'}; a larger population tells)`
                : ''),
          )
        : chalk.green('every target is within its tolerance'),
      kindsLine(rows, profile),
      ...(missed && households < FEW ? [chalk.yellow(fewNote(households))] : []),
      ...(date === profile.date ? [] : otherDate(profile.date, date, changes)),
    ].join('\n') + '\n'
  );
}

type Kind = 'local' | 'standIn' | 'estimate';
const KIND_WORDS: Readonly<Record<Kind, string>> = { local: '本地 local', standIn: '代 stand-in', estimate: '估 estimate' };

/** What a target is: the locality's own published figure, another's standing in (or derived from one), or an estimate. */
const kindOf = (v: { readonly source?: string; readonly estimate?: string } | undefined): Kind =>
  !v?.estimate ? 'local' : v.source ? 'standIn' : 'estimate';

/**
 * How many targets are of each kind (a researcher's trial: "every published figure is within its tolerance" read as
 * the locality matched, where most targets were national or another province's stand-ins): what a figure met says.
 */
function kindsLine(rows: readonly CalibrationRow[], profile: Profile): string {
  const n: Record<Kind, number> = { local: 0, standIn: 0, estimate: 0 };
  for (const r of rows) if (r.published !== null) n[kindOf(r.target ? profile.values.get(r.target) : undefined)]++;
  const others = n.standIn + n.estimate;
  return chalk.dim(
    `targets: ${n.local} the locality's own published figures, ${n.standIn} stand-ins, ${n.estimate} estimates` +
      (others ? ` — a stand-in or an estimate met says the population is plausible, not that it is the locality's` : ''),
  );
}

/** Households under which a report's misses are chiefly the draw's (the shipped profiles are checked at 100,000). */
const FEW = 10_000;

/**
 * Under a report of few households that misses: a rare program is drawn for few or none, where the ±2σ cannot say
 * (a realism trial's --households 1 was told of 26 misses and nothing of its size).
 */
function fewNote(households: number): string {
  const word = households === 1 ? 'household is' : 'households are';
  const k = Math.round((households * 2.6) / 300); // (≈ 2.6 persons a household)
  const drawn = k < 2 ? 'likely drawn for no one here' : `drawn for about ${k.toLocaleString('en')} persons here`;
  return `note: ${households.toLocaleString('en')} ${word} few to hold to the published figures: a program that reaches 1 person in 300 (tekun) is ${drawn}; the shipped profiles meet their figures at 100,000 households (generate --households 100000 --report)`;
}

/** The note under a report at another date than the published figures'. */
function otherDate(published: string, date: string, changes: readonly Change[]): string[] {
  const shown = changes.slice(0, 12).map((c) => `  ${c.path}: ${c.before} → ${c.after}`);
  return [
    chalk.yellow(
      `note: the published figures describe ${published}, the profile's date; this population is drawn and run at ${date}, ` +
        `its incomes at the profile's levels (not uprated: a projection's income growth is not applied here)` +
        (changes.length
          ? `, and the policy's rules differ there in ${changes.length} parameter${changes.length > 1 ? 's' : ''}: a gap may be the rules' change, not the population's (run without --date to check the calibration)`
          : ' (the policy is the same there)'),
    ),
    ...shown,
    ...(changes.length > shown.length ? [`  … and ${changes.length - shown.length} more (jiuzhu params --date ${date})`] : []),
  ];
}
