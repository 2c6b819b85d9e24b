// While the households file is read: a progress bar with rows, MB/s and ETA (a pipe, whose size is not known: rows and
// rate only; it showed "0% … ETA 0 s" throughout), the bar within the terminal's width.
import { Box, Text } from 'ink';
import type { ReadProgress } from '../core/progress.js';
import { truncate } from '../report/text-table.js';
import { bar } from './format.js';
import { t, type Lang } from './labels.js';
import { useTerminalSize } from './useTerminalSize.js';

export function Loading({ file, progress, seconds, lang }: { file: string; progress: ReadProgress | null; seconds: number; lang: Lang }) {
  const { columns } = useTerminalSize();
  const p = progress ?? { bytes: 0, totalBytes: 0, rows: 0 };
  const known = p.totalBytes > 0;
  const share = known ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const rate = seconds > 0 ? p.bytes / seconds : 0;
  const eta = rate > 0 && known ? ` · ETA ${((p.totalBytes - p.bytes) / rate).toFixed(0)} s` : '';
  const width = Math.max(10, Math.min(50, columns - 6));
  const name = file === '/dev/stdin' || file === '-' ? (lang === 'zh' ? '标准输入' : 'standard input') : file;
  return (
    <Box flexDirection="column">
      <Text>{truncate(`${t(lang, 'loading')} ${name}`, columns - 1)}</Text>
      {known ? (
        <Text>
          <Text color="cyan">{bar(share, 1, width).padEnd(width, '░')}</Text>
          {` ${(share * 100).toFixed(0)}%`}
        </Text>
      ) : null}
      <Text dimColor>{`${p.rows.toLocaleString('en')} ${t(lang, 'rows')} · ${(rate / 1e6).toFixed(1)} MB/s${eta}`}</Text>
      <Text dimColor>{t(lang, 'stopReading')}</Text>
    </Box>
  );
}
