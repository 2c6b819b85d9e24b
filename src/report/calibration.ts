// generate --report: the generated population set against the profile's published figures.
import chalk from 'chalk';
import type { CalibrationRow } from '../core/calibrate.js';
import type { Profile } from '../core/profile.js';
import { groupDigits, textTable } from './text-table.js';

export function calibrationTable(rows: readonly CalibrationRow[], profile: Profile, date: string, households: number): string {
  const tolerance = (profile.values.get('target.tolerance')!.value as number) * 100;
  const body = rows.map((r) => {
    const v = r.target ? profile.values.get(r.target) : undefined;
    const basis = v ? (v.estimate ? chalk.yellow(`estimate: ${v.estimate}`) : `${v.source}${v.clause ? ` ${v.clause}` : ''}`) : '';
    const mark = r.within === null ? '' : r.within ? chalk.green('✓') : chalk.red('✗');
    return [
      r.measure,
      groupDigits(r.generated),
      r.published === null ? '—' : groupDigits(r.published),
      r.gap === null ? '' : `${r.gap.startsWith('-') ? '' : '+'}${r.gap}%`,
      mark,
      basis,
    ];
  });
  const missed = rows.filter((r) => r.within === false).length;
  return (
    [
      chalk.bold(
        `calibration of ${profile.id} — ${households.toLocaleString('en')} generated households, at ${date}, tolerance ±${tolerance}%`,
      ),
      textTable(['measure', 'generated', 'published', 'gap', '', 'published figure from'], body, [
        'left',
        'right',
        'right',
        'right',
        'left',
        'left',
      ]),
      missed
        ? chalk.red(`${missed} measure${missed > 1 ? 's' : ''} outside the tolerance`)
        : chalk.green('every published figure is within the tolerance'),
    ].join('\n') + '\n'
  );
}
