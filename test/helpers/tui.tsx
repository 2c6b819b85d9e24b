// The TUI in a fake terminal (ink-testing-library), for the tests of test/ui: a TuiData over the sample, the app
// opened at 80 columns, keys typed and the frame awaited once drawn.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { loadRuns, loadScenarios } from '../../src/cli/load.js';
import { yearRuns } from '../../src/cli/year.js';
import { incomeDeciles } from '../../src/core/compare.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { App } from '../../src/ui/App.js';
import type { TuiData } from '../../src/ui/model.js';
import type { Unit } from '../../src/report/text-table.js';

export const DATE = '2025-06-30';
export async function data(
  policies: string[],
  scenarios: string[] = [],
  csv: string | Buffer = readFileSync('policies/samples/households.csv'),
): Promise<TuiData> {
  const pop = await parseHouseholdsFast(Readable.from([csv]), 'sample.csv');
  const sc = await loadScenarios(scenarios);
  const locs = await Promise.all(policies.map((f) => loadRuns(f, sc, DATE)));
  return {
    pop,
    deciles: incomeDeciles(pop),
    date: DATE,
    today: '2026-12-02',
    householdsFile: 'sample.csv',
    parseKnobs: (yaml) => parseScenario(yaml, 'tui-knobs.yaml'),
    localities: locs.map((runs, i) => ({
      file: policies[i]!,
      policy: runs[0]!.snapshot.policy,
      baseline: runs[0]!,
      scenarios: runs.slice(1),
      scenarioDefs: sc,
    })),
  };
}

/** As data, over a budget year (tui --year): the views' figures the year's, traces at its last day. */
export async function yearData(policies: string[], scenarios: string[], year: number, csv?: string | Buffer): Promise<TuiData> {
  const d = await data(policies, scenarios, csv);
  const sc = await loadScenarios(scenarios);
  const date = `${year}-12-31`;
  const [dated, periods] = await Promise.all([
    Promise.all(policies.map((f) => loadRuns(f, sc, date))),
    Promise.all(policies.map((f) => yearRuns(f, sc, year))),
  ]);
  return {
    ...d,
    year,
    date,
    localities: d.localities.map((l, i) => ({ ...l, baseline: dated[i]![0]!, scenarios: dated[i]!.slice(1), yearRuns: periods[i]! })),
  };
}

// ink-testing-library's terminal is 100 columns wide; the app lays out to the width it has, so the tests give it 80,
// the smallest it is made for (its rows stay 24)
let columns = 80;
/** The fake terminal's width from now on (80 again for the next test). */
export const setColumns = (n: number) => void (columns = n);
{
  const probe = render(<Text />);
  Object.defineProperty(Object.getPrototypeOf(probe.stdout), 'columns', { get: () => columns });
  probe.unmount();
}

export const tick = () => new Promise((r) => setTimeout(r, 30));
let app: ReturnType<typeof render> | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
  columns = 80;
});
/** Renders an element as the test's app (unmounted after the test). */
export function track(a: ReturnType<typeof render>) {
  app = a;
  return a;
}
/** Unmounts the test's app now. */
export const unmountApp = () => app?.unmount();

export async function open(d: TuiData, lang: 'zh' | 'en' = 'en', saves: string[] = [], fail?: string, unit?: Unit) {
  app = render(
    <App
      data={d}
      lang={lang}
      unit={unit}
      save={(yaml) => {
        if (fail) return { error: fail };
        saves.push(yaml(`tui-test-${saves.length + 1}`));
        return { path: `scenarios/tui-test-${saves.length}.yaml` };
      }}
    />,
  );
  await settled(app, '');
  return app;
}
/**
 * Types each key and waits until the app has drawn its answer: until the frame changes (or 600 ms, for a key that
 * changes nothing), then until it has stayed the same for 150 ms. A change alone is not the answer on a loaded machine
 * (CI): the frame may change for the key before (a recomputed view arriving) while this key's is still to be drawn.
 */
export async function keys(a: ReturnType<typeof render>, ...seq: string[]) {
  for (const k of seq) {
    const before = a.lastFrame();
    a.stdin.write(k);
    await settled(a, before);
  }
  return a.lastFrame()!;
}
/** The frame once it differs from `before` (or 600 ms on) and has then stayed the same for 150 ms. */
export async function settled(a: ReturnType<typeof render>, before: string | undefined) {
  await tick();
  for (let waited = 0; a.lastFrame() === before && waited < 600; waited += 30) await tick();
  for (let last = a.lastFrame(), still = 0; still < 150;) {
    await tick();
    if (a.lastFrame() === last) still += 30;
    else [last, still] = [a.lastFrame(), 0];
  }
  return a.lastFrame()!;
}
export const RIGHT = '\u001B[C';
export const LEFT = '\u001B[D';
