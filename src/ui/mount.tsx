// Mounts the TUI: a loading screen while the households file is read (progress bar), then the App.
// Imported lazily by the tui command, so no other command loads Ink or React.
import { render, Text } from 'ink';
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
  readonly load: (onProgress: (p: ReadProgress) => void) => Promise<TuiData>;
  readonly save: AppProps['save'];
  readonly onError: (e: unknown) => void;
  readonly onInterrupt: () => void;
}

function Tui({ file, lang, load, save, onError, onInterrupt }: TuiProps) {
  const [data, setData] = useState<TuiData | null>(null);
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
  return data.localities.length ? <App data={data} lang={lang} save={save} onInterrupt={onInterrupt} /> : <Text>no locality</Text>;
}

export async function mountTui(props: Omit<TuiProps, 'onError' | 'onInterrupt'>): Promise<void> {
  let failure: unknown = null;
  const instance = render(
    <Tui
      {...props}
      onError={(e) => {
        failure = e;
        instance.unmount();
      }}
      onInterrupt={() => (failure = new Interrupted())}
    />,
    // (the app takes Ctrl-C as a key, to exit as interrupted: Ink's own ended the run as a success)
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  if (failure) throw failure;
}
