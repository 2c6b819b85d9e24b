// The terminal's size, as state: a resize draws the app again at once (Ink lays its last frame out again, but what the
// app drew for the old size stayed until a key: "make the window larger" did nothing by itself, a TUI trial found).
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export function useTerminalSize(): { readonly columns: number; readonly rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const resized = () => setSize(read());
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
    // (read is of this stdout)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
