// Options given more than once (main.ts's preAction hook): commander keeps an option's last value and drops the
// others without a word.
import type { Command, Option } from 'commander';
import { UsageError } from '../errors.js';

/**
 * An option that takes one value given more than once: commander keeps the last and drops the others without a word
 * (two trials: `simulate --policy A --policy B` ran B alone, `test --junit a --junit b` wrote only b). A usage error now;
 * the repeatable options (each value kept: --scenario, compare's --policy) are those whose parser collects a list.
 */
export function refuseRepeated(action: Command, argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  for (const opt of [...action.options, ...(action.parent?.options ?? [])]) {
    if (!opt.required && !opt.optional) continue; // a flag: twice is once
    if (opt.variadic || (opt.parseArg && Array.isArray(collects(opt)))) continue;
    const times = args.filter((a) => a === opt.long || a.startsWith(`${opt.long}=`) || (opt.short !== undefined && a === opt.short)).length;
    if (times > 1)
      throw new UsageError(
        `${opt.long} given ${times} times: ${action.name()} takes one`,
        opt.long === '--policy' ? 'give it once; compare and report take several localities side by side' : 'give it once',
      );
  }
}

/** What an option's parser makes of a second value (a list: it collects them). */
function collects(opt: Option): unknown {
  try {
    return opt.parseArg!('b', ['a'] as never);
  } catch {
    return null;
  }
}
