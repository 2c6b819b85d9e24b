// The notes overlay (n): what the other commands say on stderr — unread columns, standards carried forward, a scenario
// that changes nothing — wrapped to the screen, scrolled with ↑↓ (a TUI trial could not read past the first screenful
// until it quit); all of them are said on stderr too as the screen closes (tui.ts).
import { Box, Text } from 'ink';
import { wrapLine } from '../report/text-table.js';
import { t, type Lang } from './labels.js';

/** The notes as the overlay's lines, wrapped to the screen's width. */
export const noteLines = (notes: readonly string[], width: number): string[] => notes.flatMap((n) => wrapLine(n, Math.max(20, width - 4)));

/** The lines the overlay shows at once (the border's two rows, the title and the scroll line aside). */
export const notesRoom = (height: number): number => Math.max(1, height - 4);

export function Notes({
  notes,
  lang,
  height,
  width,
  scroll,
}: {
  notes: readonly string[];
  lang: Lang;
  height: number;
  width: number;
  /** The first line shown. */
  scroll: number;
}) {
  const lines = noteLines(notes, width);
  const room = notesRoom(height);
  const from = Math.min(scroll, Math.max(0, lines.length - room));
  const shown = lines.slice(from, from + room);
  const more = lines.length > room;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold color="yellow">
        {t(lang, 'notesTitle')}
      </Text>
      {notes.length ? shown.map((l, i) => <Text key={i}>{l}</Text>) : <Text dimColor>{t(lang, 'noNotes')}</Text>}
      {more ? <Text dimColor>{`${from + 1}–${from + shown.length} / ${lines.length} · ${t(lang, 'notesMore')}`}</Text> : null}
    </Box>
  );
}
