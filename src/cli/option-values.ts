// Option values no command takes, refused before anything runs (cli/main.ts calls it for every command).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/**
 * An option given an empty value (`--per-household ""`: no file and no word, exit 0) or a file option given `-` where
 * it is not standard input or output (`--out -` wrote a file named "-"): refused with what to write.
 */
export function refuseEmptyAndDash(action: Command): void {
  for (const opt of action.options) {
    const key = opt.attributeName();
    const v: unknown = action.getOptionValue(key);
    if (action.getOptionValueSource(key) !== 'cli') continue;
    // (--household "" has its command's own word: which ids the file has)
    if (key !== 'household' && (v === '' || (Array.isArray(v) && v.includes(''))))
      throw new UsageError(`${opt.long} is empty`, `give it a value, or leave ${opt.long} out`);
    if (v === '-' && ['--out', '--snapshot', '--junit'].includes(opt.long ?? ''))
      throw new UsageError(
        `${opt.long} - would write a file named "-"`,
        opt.long === '--out'
          ? action.name() === 'report'
            ? 'give a file name (jiuzhu simulate --format html writes the report to standard output)'
            : 'give a file name, or leave --out out to write to standard output'
          : 'give a file name',
      );
  }
}
