// Mounts the TUI: a loading screen while the households file is read (progress bar), then the App.
// Imported lazily by the tui command, so no other command loads Ink or React.
import { render, Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import type { ReadProgress } from '../core/progress.js';
import { Interrupted } from '../errors.js';
import { App, type AppProps } from './App.js';
import type { Lang } from './labels.js';
import { Loading } from './Loading.js';
import type { TuiData } from './model.js';

export interface TuiProps {
  readonly file: string;
  readonly lang: Lang;
  readonly unit?: AppProps['unit'];
  readonly load: (onProgress: (p: ReadProgress) => void) => Promise<TuiData>;
  readonly save: AppProps['save'];
  readonly onError: (e: unknown) => void;
  readonly onInterrupt: () => void;
  /** q or Ctrl-C while the file is read (the read is then left to the command to stop). */
  readonly onLeaveReading: (interrupted: boolean) => void;
}

function Tui({ file, lang, unit, load, save, onError, onInterrupt, onLeaveReading }: TuiProps) {
  const [data, setData] = useState<TuiData | null>(null);
  const { exit } = useApp();
  // While the file is read, its keys are taken here: q or Esc leaves, Ctrl-C leaves as interrupted (130), any other
  // key is dropped. (The terminal held them, echoed over the bar, and gave them to the screen once up: a trial's
  // presses moved knobs it had not seen; q waited for the read to end.)
  useInput(
    (input, key) => {
      const interrupted = key.ctrl && input === 'c';
      if (!interrupted && input !== 'q' && !key.escape) return;
      onLeaveReading(interrupted);
      exit();
    },
    { isActive: !data },
  );
  // The progress, and the seconds since loading began, as of its last report (at most ten a second).
  const [progress, setProgress] = useState<{ p: ReadProgress; seconds: number } | null>(null);
  useEffect(() => {
    const start = Date.now();
    let last = 0;
    load((p) => {
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        setProgress({ p, seconds: (now - start) / 1000 });
      }
    }).then(setData, onError);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- load once, when the screen opens
  if (!data) return <Loading file={file} progress={progress?.p ?? null} seconds={progress?.seconds ?? 0} lang={lang} />;
  return data.localities.length ? (
    <App data={data} lang={lang} unit={unit} save={save} onInterrupt={onInterrupt} />
  ) : (
    <Text>no locality</Text>
  );
}

/**
 * The TUI until it is left. `leaveReading`: left while the file was still read (q: 0, Ctrl-C: 130): the command ends the
 * process, as a signal would, since a read on this thread or from a pipe goes on until its input ends.
 */
export async function mountTui(
  props: Omit<TuiProps, 'onError' | 'onInterrupt' | 'onLeaveReading'> & { readonly leaveReading: (code: number) => void },
): Promise<void> {
  let failure: unknown = null;
  let leftReading: number | null = null;
  const instance = render(
    <Tui
      {...props}
      onError={(e) => {
        failure = e;
        instance.unmount();
      }}
      onInterrupt={() => (failure = new Interrupted())}
      onLeaveReading={(interrupted) => (leftReading = interrupted ? new Interrupted().exitCode : 0)}
    />,
    // (the app takes Ctrl-C as a key, to exit as interrupted: Ink's own ended the run as a success)
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  if (leftReading !== null) props.leaveReading(leftReading);
  if (failure) throw failure;
}
