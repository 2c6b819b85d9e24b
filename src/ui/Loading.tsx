// While the households file is read: a progress bar with rows, MB/s and ETA.
import { Box, Text } from 'ink';
import type { ReadProgress } from '../core/progress.js';
import { bar } from './format.js';
import { t, type Lang } from './labels.js';

export function Loading({ file, progress, seconds, lang }: { file: string; progress: ReadProgress | null; seconds: number; lang: Lang }) {
  const p = progress ?? { bytes: 0, totalBytes: 0, rows: 0 };
  const share = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const rate = seconds > 0 ? p.bytes / seconds : 0;
  const eta = rate > 0 && p.totalBytes ? (p.totalBytes - p.bytes) / rate : 0;
  return (
    <Box flexDirection="column">
      <Text>{`${t(lang, 'loading')} ${file}`}</Text>
      <Text>
        <Text color="cyan">{bar(share, 1, 50).padEnd(50, '░')}</Text>
        {` ${(share * 100).toFixed(0)}%`}
      </Text>
      <Text dimColor>{`${p.rows.toLocaleString('en')} rows · ${(rate / 1e6).toFixed(1)} MB/s · ETA ${eta.toFixed(0)} s`}</Text>
      {/* (q is read once the screen is up; while reading, Ctrl-C stops it: a trial pressed q and waited) */}
      <Text dimColor>{t(lang, 'stopReading')}</Text>
    </Box>
  );
}
