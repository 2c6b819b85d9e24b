// An output written to a file is said on stderr (a finance trial: `report --out` and `generate --out` wrote without a
// word, and a `generate` replaced a 26 MB households file with 23 lines): where, how big, and whether it replaced a
// file there. Nothing is said with --quiet, or for an output written through (/dev/stdout, a pipe).
import type ExcelJS from 'exceljs';
import { writeOutput } from '../io/output-file.js';
import { fileThere } from '../io/places.js';
import type { Ctx } from './context.js';
import type { Lang } from '../report/lang.js';

/**
 * The line that says a file was written (`what`: of what it holds, e.g. "1,000 households", in each language), in the
 * reader's language (a researcher under zh_CN read "wrote cmp.md (2 KB), replacing the file that was there").
 */
export function wroteLine(path: string, had: boolean, what?: { readonly en: string; readonly zh?: string }, lang?: Lang): string | null {
  const now = fileThere(path);
  if (!now) return null;
  const size = now.size >= 1e6 ? `${(now.size / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(now.size / 1e3))} KB`;
  if (lang === 'zh') return `已写入 ${path}${what ? `：${what.zh ?? what.en}` : ''}（${size}）${had ? '，替换了原有的文件' : ''}\n`;
  return `wrote ${path}${what ? `: ${what.en}` : ''} (${size})${had ? ', replacing the file that was there' : ''}\n`;
}

/** writeOutput, then says so (unless quiet). */
export async function writeTold(
  ctx: Ctx,
  quiet: boolean,
  path: string,
  content: string | Uint8Array | ExcelJS.Workbook,
  lang?: Lang,
): Promise<void> {
  const had = fileThere(path) !== null;
  await writeOutput(path, content);
  const line = quiet ? null : wroteLine(path, had, undefined, lang);
  if (line) ctx.stderr.write(line);
}
