// The terminal's size, as state: a resize draws the app again at once (Ink lays its last frame out again, but what the
// app drew for the old size stayed until a key: "make the window larger" did nothing by itself, a TUI trial found).
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export function useTerminalSize(): { readonly columns: number; readonly rows: number } {
  const { stdout, write } = useStdout();
  const read = () => ({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    // (the screen cleared first, through Ink, which then draws its last frame again: a terminal reflows what is on it
    // as it resizes, and Ink erases only the lines it last drew — after 79×23, 60×15 and back to 100×30 the too-small
    // message's first line stayed above the views, a QA's. Written past Ink, a frame that came out the same was not
    // drawn again: the screen stayed blank)
    const resized = () => {
      if (stdout.isTTY) write('\u001B[2J\u001B[3J\u001B[H');
      setSize(read());
    };
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
    // (read is of this stdout)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
