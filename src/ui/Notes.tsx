// The notes overlay (n): what the other commands say on stderr — unread columns, standards carried forward, a scenario
// that changes nothing — wrapped to the screen; what does not fit is said on stderr as the screen closes (tui.ts).
import { Box, Text } from 'ink';
import { wrapLine } from '../report/text-table.js';
import { t, type Lang } from './labels.js';

export function Notes({ notes, lang, height, width }: { notes: readonly string[]; lang: Lang; height: number; width: number }) {
  const lines = notes.flatMap((n) => wrapLine(n, Math.max(20, width - 4)));
  const room = Math.max(1, height - 3); // (the border's two rows and the title)
  const cut = lines.length > room;
  const shown = cut ? [...lines.slice(0, room - 1), `… ${t(lang, 'notesMore')}`] : lines;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold color="yellow">
        {t(lang, 'notesTitle')}
      </Text>
      {notes.length ? shown.map((l, i) => <Text key={i}>{l}</Text>) : <Text dimColor>{t(lang, 'noNotes')}</Text>}
    </Box>
  );
}
