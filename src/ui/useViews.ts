// The locality views the App shows. Without a comparer (a small population) they are computed here, at once.
// With one (a big population: the knob run is compared, or its year evaluated, on worker threads) the last views stay on screen, marked
// busy, until the new ones arrive, and keys are handled meanwhile.
import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../core/scenario.js';
import { localityView, localityViewAsync, viewsElsewhere, type LocalityView, type TuiData } from './model.js';

export interface Views {
  readonly views: readonly LocalityView[];
  /** The views shown are not yet those of the current knobs. */
  readonly busy: boolean;
  readonly error: unknown;
}

/** `localities` must keep its identity while its contents do (the App memoizes it). */
export function useViews(data: TuiData, localities: readonly number[], knobs: Scenario | null): Views {
  const key = localities.join(',');
  const here = useMemo(
    () => (viewsElsewhere(data) ? null : localities.map((l) => localityView(data, l, knobs))),
    [data, localities, knobs],
  );
  const [done, setDone] = useState<{ key: string; knobs: Scenario | null; views: LocalityView[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!viewsElsewhere(data)) return undefined;
    let live = true;
    Promise.all(localities.map((l) => localityViewAsync(data, l, knobs))).then(
      (views) => live && setDone({ key, knobs, views }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [data, key, localities, knobs]);
  // Until the first views of these localities arrive: their baseline and given scenarios (compared once, cached).
  const given = useMemo(
    () => (here || done?.key === key ? null : localities.map((l) => localityView(data, l, null))),
    [here, done?.key, key, localities, data],
  );
  if (here) return { views: here, busy: false, error: null };
  return { views: done?.key === key ? done.views : given!, busy: !(done?.key === key && done.knobs === knobs), error };
}
