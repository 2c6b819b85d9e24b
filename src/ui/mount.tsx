// Mounts the TUI: a loading screen while the households file is read (progress bar), then the App.
// Imported lazily by the tui command, so no other command loads Ink or React.
import { render, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { ReadProgress } from '../core/progress.js';
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
}

function Tui({ file, lang, load, save, onError }: TuiProps) {
  const [data, setData] = useState<TuiData | null>(null);
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [start] = useState(() => Date.now());
  useEffect(() => {
    let last = 0;
    load((p) => {
      if (Date.now() - last > 100) {
        last = Date.now();
        setProgress(p);
      }
    }).then(setData, onError);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  if (!data) return <Loading file={file} progress={progress} seconds={(Date.now() - start) / 1000} lang={lang} />;
  return data.localities.length ? <App data={data} lang={lang} save={save} /> : <Text>no locality</Text>;
}

export async function mountTui(props: Omit<TuiProps, 'onError'>): Promise<void> {
  let failure: unknown = null;
  const instance = render(
    <Tui
      {...props}
      onError={(e) => {
        failure = e;
        instance.unmount();
      }}
    />,
  );
  await instance.waitUntilExit();
  if (failure) throw failure;
}
