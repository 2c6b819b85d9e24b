// Options commander would tell in a confusing order or words: an unknown option before a missing mandatory one, an
// option of another command said as such (not "Did you mean" a near one), and an option taken for another's value.
import type { Command, Option } from 'commander';

/**
 * commander says a mandatory option is missing before it looks at unknown ones: `tui --polcy x` said "--policy not
 * specified", not the slip (a TUI trial). An unknown long option is told first, with commander's "Did you mean".
 */
export function tellStrayBeforeMissing(program: Command, argv: readonly string[]): void {
  type Checked = Command & { missingMandatoryOptionValue(o: Option): void; unknownOption(flag: string): void };
  for (const cmd of program.commands as Checked[]) {
    // An option of another command says whose it is (a reform author's `compare --years` was told "Did you mean --year?")
    const unknown = cmd.unknownOption.bind(cmd);
    cmd.unknownOption = (flag: string) => {
      const whose = program.commands.filter((c) => c !== cmd && c.options.some((o) => o.long === flag)).map((c) => c.name());
      if (!whose.length) return unknown(flag);
      cmd.error(`error: unknown option '${flag}': ${cmd.name()} has none; it is an option of ${whose.join(', ')}`, {
        code: 'commander.unknownOption',
      });
    };
    // An option's value that is another option (`--out --format json`): commander took --format for the file's name and
    // wrote a file named "--format" (a QA trial). A name beginning with -- goes as ./--name.
    cmd.hook('preAction', (_, action) => {
      const known = new Set([...action.options, ...program.options].map((o) => o.long));
      for (const o of action.options) {
        const v: unknown = action.getOptionValue(o.attributeName());
        for (const x of Array.isArray(v) ? v : [v])
          if (typeof x === 'string' && known.has(x) && o.long !== undefined)
            action.error(
              `error: option '${o.flags}' got ${x}, an option, for its value: give ${o.long} its value (a name beginning with -- goes as ./${x})`,
              {
                code: 'commander.optionMissingArgument',
              },
            );
      }
    });
    const missing = cmd.missingMandatoryOptionValue.bind(cmd);
    cmd.missingMandatoryOptionValue = (option: Option) => {
      const known = new Set([...cmd.options, ...program.options].map((o) => o.long));
      const stray = argv.map((a) => a.split('=')[0]!).find((a) => a.startsWith('--') && a !== '--' && !known.has(a));
      if (stray) cmd.unknownOption(stray);
      missing(option);
    };
  }
}
