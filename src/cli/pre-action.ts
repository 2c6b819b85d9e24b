// What every command checks as its options are parsed, before it runs: how the households file is held (its encoding,
// a column mapping, a sheet), options given twice or empty, and flags a command would ignore — said, not ignored.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { defaultParsedCache, useParsedCache } from '../io/parsed-cache.js';
import { readsAlso } from '../io/outputs.js';
import type { Ctx, HouseholdsFlags } from './context.js';
import { refuseEmptyAndDash } from './option-values.js';
import { refuseRepeated } from './repeated.js';
import { refuseUnknownSettings, settingsFromEnv } from './settings.js';

/** commander's preAction hook for `action`, the command about to run. */
export function preAction(ctx: Ctx, argv: readonly string[], action: Command): void {
  refuseUnknownSettings(ctx.env);
  settingsFromEnv(ctx.env); // (a bad value is a usage error in every command: params took JIUZHU_THREADS=0 unsaid)
  useParsedCache(defaultParsedCache(ctx.env)); // (here: a bad JIUZHU_CACHE is said as a usage error)
  refuseRepeated(action, argv);
  refuseEmptyAndDash(action);
  const o = action.optsWithGlobals() as Omit<HouseholdsFlags, 'encoding'> & { encoding?: string };
  // GBK is a subset of GB18030: read as that.
  const encoding = o.encoding === 'gbk' ? 'gb18030' : (o.encoding as HouseholdsFlags['encoding']);
  // A command that reads no households file would ignore them: said, not ignored (generate's --households is a count).
  const readsFile = action.name() !== 'generate' && action.options.some((x) => x.long === '--households');
  const given = (['encoding', 'columns', 'sheet'] as const).filter((k) => o[k] !== undefined);
  if (!readsFile && given.length)
    throw new UsageError(
      `${action.name()} reads no households file: ${given.map((k) => `--${k}`).join(', ')} would do nothing`,
      `leave ${given.length > 1 ? 'them' : 'it'} out`,
    );
  Object.assign(ctx.households!, { encoding, columns: o.columns, sheet: o.sheet });
  readsAlso(o.columns ? [{ what: 'column mapping', path: o.columns }] : []); // (no output may write over it)
  // --unit given for a format that stays in yuan (the contract other tools read): said, not silently ignored.
  const { format, unit, quiet } = o as { format?: string; unit?: string; quiet?: boolean };
  if (action.getOptionValueSource('unit') === 'cli' && (format === 'csv' || format === 'json') && !quiet)
    ctx.stderr.write(
      `note: --unit ${unit} does not apply to ${format.toUpperCase()}: its money stays in yuan (the form other tools read); the unit applies to the table, Markdown and the workbook\n`,
    );
  // The HTML report is in 万元 unless told (as jiuzhu report is): in yuan its tables ran off the page.
  if (format === 'html' && action.getOptionValueSource('unit') !== 'cli') action.setOptionValue('unit', 'wan');
}
