// The TUI root: one reducer for every key (state.ts), the views over the model (model.ts), a single exit site.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Charts } from './Charts.js';
import { Help } from './Help.js';
import { noteLines, Notes, notesRoom } from './Notes.js';
import { Households } from './Households.js';
import { KNOBS, knobScenarioYaml, knobYear } from './knob-levers.js';
import { Knobs, type SaveNote } from './Knobs.js';
import { Localities } from './Localities.js';
import { KNOB_SCENARIO_ID, runName, t, type Lang } from './labels.js';
import { cliffLines, households, rateDistribution, totalRanges, traceLines, type TuiData } from './model.js';
import type { TotalRange } from '../report/totals.js';
import type { RateDistribution } from '../report/marginal-rates.js';
import { Rates } from './Rates.js';
import { Overview } from './Overview.js';
import { footerKeys, initialState, reduce, runAt, selectedIn, VIEWS, type State } from './state.js';
import { householdAlike } from '../core/population.js';
import { useTerminalSize } from './useTerminalSize.js';
import { useViews } from './useViews.js';
import { displayWidth, truncate, wrapLine, type Unit } from '../report/text-table.js';
import { screenUnit } from './format.js';
import { floorsBroken } from '../core/floors.js';

export interface AppProps {
  readonly data: TuiData;
  readonly lang: Lang;
  /** The money unit of the views (--unit); its language's where not given (format.ts screenUnit). */
  readonly unit?: Unit;
  /** Writes a scenario's YAML under scenarios/ (a new file) and returns its path, or why it could not. */
  readonly save: (yaml: (id: string) => string) => { readonly path: string } | { readonly error: string };
  /** Ctrl-C: the app closes, and the run exits as interrupted (130), as Ctrl-C does anywhere else; q quits (0). */
  readonly onInterrupt?: () => void;
}

export { KNOB_SCENARIO_ID };

export function App({ data, lang, unit: asked, save, onInterrupt }: AppProps) {
  const unit = screenUnit(lang, asked);
  const { exit } = useApp();
  const size = useTerminalSize();
  const tooSmall = size.columns < 80 || size.rows < 24;
  const height = Math.max(20, size.rows);
  const width = Math.max(40, size.columns);
  const body = height - 5; // (the rows under the title and views line and above the footer)
  // Each locality's own baseline of each knob (a knob moved sets one value for all of them)
  const initials = useMemo(() => data.localities.map((l) => KNOBS.map((k) => k.initial(l.baseline.snapshot))), [data]);
  // (over a budget year: each knob's baseline where it changes within the year, else null)
  const yearly = useMemo(
    () => data.localities.map((l) => KNOBS.map((k) => (l.yearRuns ? knobYear(k, l.yearRuns[0]!.periods) : null))),
    [data],
  );
  const [state, setState] = useState<State>(() =>
    initialState(
      initials,
      yearly.map((own) => own.map((steps) => steps !== null)),
    ),
  );
  const [saved, setSaved] = useState<SaveNote | null>(null);
  // (every file saved this session: knobs moved back to values saved before are that file, not a copy of it)
  const savedFiles = useRef<Array<{ values: readonly (number | null)[]; path: string }>>([]);
  const made = useMemo(() => ({ date: data.year === undefined ? data.date : `the budget year ${data.year}`, today: data.today }), [data]);

  const yaml = useMemo(() => knobScenarioYaml(state.values, KNOB_SCENARIO_ID, made), [state.values, made]);
  const knobs = useMemo(() => (yaml ? data.parseKnobs(yaml) : null), [yaml, data]);
  const shown = useViews(
    data,
    useMemo(() => [state.locality], [state.locality]),
    knobs,
  );
  const view = shown.views[0]!;
  // Compare the knob run as soon as a knob moves (once it is computed); otherwise the run picked with `s`.
  const runIn = (v: typeof view) => runAt(state, v.runs.length);
  const run = runIn(view);
  const all = useViews(
    data,
    useMemo(() => (state.view === 'localities' ? data.localities.map((_, l) => l) : []), [state.view, data]),
    knobs,
  ).views;
  // (with no run to compare, every household: "changed" listed none, a TUI trial's first look)
  const filter = view.runs.length ? state.filter : 'all';
  const list = useMemo(() => households(view, data.pop, run, filter, state.pinned), [view, data.pop, run, filter, state.pinned]);
  const rows = list.rows;
  const trace = useMemo(() => {
    if (state.view !== 'households' || state.opened === null || !rows[state.opened]) return null;
    const h = rows[state.opened]!.h;
    // (the trace wrapped to the screen, as its lines ran off it; the cliff chart is drawn to fit)
    return state.cliff
      ? cliffLines(data, state.locality, view, run, h, lang)
      : traceLines(data, state.locality, view, run, h, lang, knobs).flatMap((l) => wrapLine(l, Math.max(40, size.columns) - 1));
  }, [state.view, state.opened, state.cliff, rows, data, state.locality, view, run, size.columns, lang, knobs]);
  // The marginal-rate distribution: computed when the view is open, once per run (on worker threads for a big population).
  const [rates, setRates] = useState<{ key: unknown; dist: RateDistribution } | null>(null);
  const [ratesError, setRatesError] = useState<unknown>(null);
  // The totals' ranges from their estimates (`e` on the overview), once per run.
  const [ranges, setRanges] = useState<{ key: unknown; ranges: TotalRange[] } | null>(null);
  const rangesKey = state.view === 'overview' && state.ranges ? (view.runs[run] ?? data.localities[state.locality]!.baseline) : null;
  useEffect(() => {
    if (!rangesKey) return undefined;
    let live = true;
    totalRanges(data, state.locality, view, run, knobs).then(
      (r) => live && setRanges({ key: rangesKey, ranges: r }),
      (e: unknown) => live && setRatesError(e),
    );
    return () => {
      live = false;
    };
  }, [rangesKey, data, state.locality, view, run, knobs]);
  const ratesKey = state.view === 'rates' ? (view.runs[run] ?? data.localities[state.locality]!.baseline) : null;
  useEffect(() => {
    if (!ratesKey) return undefined;
    let live = true;
    rateDistribution(data, state.locality, view, run).then(
      (dist) => live && setRates({ key: ratesKey, dist }),
      (e: unknown) => live && setRatesError(e),
    );
    return () => {
      live = false;
    };
  }, [ratesKey, data, state.locality, view, run]);

  // The rows under the title and the views line and above the footer, less an error line shown
  const room = height - 3 - (shown.error ? 1 : 0) - (ratesError && state.view === 'rates' ? 1 : 0);
  // Keys go through the reducer; saving (`w`) writes the file here, in the event, with the state the key produced.
  // `latest` is the state after the last key, set only by a key: keys come faster than renders, and an effect syncing it
  // from a render put back a state a key had already moved on from (a knob held down lost a press in three)
  const latest = useRef(state);
  /** `w`: a new file when the knobs differ from every one saved; else the file that has them, or that nothing moved. */
  const saveKnobs = (s: State): SaveNote => {
    if (s.values.every((v) => v === null)) return { kind: 'saveNothing' };
    const same = savedFiles.current.find((f) => f.values.every((v, i) => v === s.values[i]));
    if (same) return { kind: 'savedSame', path: same.path };
    const r = save((id) => knobScenarioYaml(s.values, id, made)!);
    if ('error' in r) return { kind: 'saveFailed', why: r.error };
    savedFiles.current.push({ values: s.values, path: r.path });
    return { kind: 'saved', path: r.path };
  };
  const press = (input: string, key: Parameters<typeof reduce>[2]) => {
    const next = reduce(latest.current, input, key, {
      localities: data.localities.length,
      runs: view.runs.length,
      households: rows.length,
      // (scrolled at most to the trace's last screenful: past it, one line stood on an empty screen)
      traceLines: trace ? Math.max(1, trace.length - body + 1) : 0,
      page: Math.max(1, body - 1),
      notesScroll: Math.max(0, noteLines(data.notes ?? [], width).length - notesRoom(room)),
      // (below 80×24 the footer that asks is not shown: q quits there, as the screen says)
      unsaved:
        !tooSmall &&
        latest.current.values.some((v) => v !== null) &&
        !savedFiles.current.some((f) => f.values.every((v, i) => v === latest.current.values[i])),
    });
    // (`/` and an id: the household found opens, listed first; an id that is none is said over the list)
    const found = next.find === null ? -1 : householdAlike(data.pop, next.find);
    const after =
      next.find === null
        ? next
        : found < 0
          ? { ...next, missed: next.find }
          : { ...next, pinned: found, missed: null, selected: 0, opened: 0, cliff: false, scroll: 0 };
    // (a knob moved after a save: the note of that save goes — it read "saved: …-4.yaml" beside values the file lacks, a QA's)
    if (after.values !== latest.current.values) setSaved(null);
    latest.current = after;
    setState(after);
    if (after.saveRequested) setSaved(saveKnobs(after));
  };
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt?.();
      exit();
      return;
    }
    // Below 80×24 only q leaves: the screen shows none of what a key would do (a QA trial's `w` saved a scenario unseen)
    if (tooSmall && input !== 'q') return;
    // Keys that arrive in one chunk (typed fast, or a key held down) are each a key press: `lll` is three.
    const k = key as unknown as Record<string, boolean | undefined>;
    const plain = ![
      'upArrow',
      'downArrow',
      'leftArrow',
      'rightArrow',
      'pageUp',
      'pageDown',
      'home',
      'end',
      'return',
      'escape',
      'tab',
      'backspace',
      'delete',
      'ctrl',
      'meta',
    ].some((x) => k[x]);
    // (a Tab among them is a Tab: two in one chunk moved no view, a TUI trial)
    for (const one of plain && input.length > 1 ? [...input] : [input]) press(one, one === '\t' ? { tab: true } : plain ? {} : key);
  });
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  const loc = data.localities[state.locality]!;
  // the knobs' run's total beside the knobs, once computed (while it is, the views line says recomputing)
  const knobRun = shown.busy ? undefined : view.report.scenarios.find((s) => s.id === KNOB_SCENARIO_ID);
  // (a knob below the shown locality's own floor — 不低于 in its clause — said beside the knobs, as compare says it of
  // the saved scenario: a finance analyst's trial cut Guangzhou's tekun under its 1.6 × S unawares)
  const knobSnapshot = view.runs.find((r) => r.id === KNOB_SCENARIO_ID)?.snapshot;
  const floors = useMemo(() => (knobSnapshot ? floorsBroken(loc.baseline.snapshot, knobSnapshot) : []), [knobSnapshot, loc]);
  const knobTotal = knobRun ? { base: view.report.scenarios[0]!.figures.total_annual_cost, now: knobRun.figures.total_annual_cost } : null;
  const snapshots = useMemo(() => [loc.baseline.snapshot, ...view.runs.map((r) => r.snapshot)], [loc, view]);
  // The title cut to the width by display width (Ink's own cut let a line of 中文 run one column over, and wrap)
  const where = `${data.localities.length > 1 ? ` (${state.locality + 1}/${data.localities.length}, l)` : ''} · ${data.year === undefined ? data.date : t(lang, 'budgetYear').replace('{y}', String(data.year))}`;
  const vs = `  ${t(lang, 'comparing')} ${view.runs[run] ? runName(lang, view.runs[run].id, view.titles) : '—'}`;
  const name = lang === 'zh' ? loc.policy.name.zh : loc.policy.name.en;
  const nameRoom = Math.max(8, width - displayWidth('救助 jiuzhu ') - displayWidth(where) - displayWidth(vs));
  const title = {
    name: truncate(name, nameRoom),
    where,
    vs: truncate(vs, Math.max(1, width - displayWidth('救助 jiuzhu ') - displayWidth(truncate(name, nameRoom)) - displayWidth(where))),
  };
  // Below 80×24 the views wrap over each other: say so (a TUI trial saw the layout break with no word of why)
  const [cols, lines] = [size.columns, size.rows];
  const overlay = state.help || state.notes;
  // (wrapped here, by display width: Ink's wrap began a line with the space it broke at, a terminal QA trial)
  if (tooSmall)
    return (
      <Text>
        {wrapLine(t(lang, 'tooSmall').replace('{size}', `${cols}×${lines}`), Math.max(10, cols - 1))
          .map((l) => l.trimStart())
          .join('\n')}
      </Text>
    );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          救助 jiuzhu{' '}
        </Text>
        <Text bold>{title.name}</Text>
        <Text dimColor>{title.where}</Text>
        <Text color="cyan">{title.vs}</Text>
      </Text>
      <Text wrap="truncate-end">
        {VIEWS.map((v, i) => (v === state.view ? `[${i + 1} ${t(lang, v)}]` : `${i + 1} ${t(lang, v)}`)).join(' ')}
        {shown.busy ? <Text color="yellow">{` ${t(lang, 'recomputing')}`}</Text> : null}
        {data.notes?.length && !state.notes ? <Text color="yellow">{`  ⚠ ${data.notes.length} ${t(lang, 'notes')}`}</Text> : null}
      </Text>
      {ratesError && state.view === 'rates' ? (
        <Text
          color="red"
          wrap="truncate-end"
        >{`${t(lang, 'failed')}: ${ratesError instanceof Error ? ratesError.message : String(ratesError)}`}</Text>
      ) : null}
      {shown.error ? (
        <Text
          color="red"
          wrap="truncate-end"
        >{`${t(lang, 'failed')}: ${shown.error instanceof Error ? shown.error.message : String(shown.error)}`}</Text>
      ) : null}
      {state.help ? <Help lang={lang} width={width} /> : null}
      {state.notes ? <Notes notes={data.notes ?? []} lang={lang} height={room} width={width} scroll={state.notesScroll} /> : null}
      {!overlay && state.view === 'overview' ? (
        <Overview
          view={view}
          run={run}
          lang={lang}
          unit={unit}
          ranges={state.ranges ? (ranges?.key === rangesKey ? ranges.ranges : 'computing') : null}
          height={room}
          width={width}
          snapshots={snapshots}
        />
      ) : null}
      {!overlay && state.view === 'charts' ? <Charts view={view} run={run} lang={lang} unit={unit} height={room} width={width} /> : null}
      {!overlay && state.view === 'knobs' ? (
        <Knobs
          values={state.values}
          initial={initials[state.locality]!}
          yearly={yearly[state.locality]!}
          selected={state.knob}
          yaml={yaml}
          saved={saved}
          localities={data.localities.length}
          width={width}
          lang={lang}
          unit={unit}
          atLimit={state.atLimit}
          total={knobTotal}
          floors={floors}
        />
      ) : null}
      {!overlay && state.view === 'localities' ? (
        <Localities
          views={all}
          names={data.localities.map((x) => (lang === 'zh' ? x.policy.name.zh : x.policy.name.en))}
          runOf={runIn}
          lang={lang}
          unit={unit}
        />
      ) : null}
      {!overlay && state.view === 'rates' ? (
        <Rates
          dist={rates?.key === ratesKey ? rates.dist : null}
          lang={lang}
          titles={view.titles}
          at={data.year === undefined ? undefined : data.date}
        />
      ) : null}
      {!overlay && state.view === 'households' ? (
        <Households
          rows={rows}
          total={list.total}
          weighted={list.weighted}
          compared={view.runs[run] !== undefined}
          selected={selectedIn(state, rows.length)}
          filter={filter}
          missed={state.missed}
          outside={list.outside}
          trace={trace}
          scroll={state.scroll}
          height={body}
          width={width}
          lang={lang}
        />
      ) : null}
      <Text dimColor={!state.confirmQuit} color={state.confirmQuit ? 'yellow' : undefined} wrap="truncate-end">
        {footerKeys(state, lang)}
      </Text>
    </Box>
  );
}
