// View 1: programs × (baseline, the run compared) with deltas; totals of every run as bars; winners and losers.
import { Box, Text } from 'ink';
import { fundingOf, LEVELS } from '../core/funding.js';
import type { Snapshot } from '../core/parameters/tree.js';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { displayWidth, pad, truncate } from '../report/text-table.js';
import { bar, households, money, signedCount, signedMoney, signedPct, TIE, withUnit, wrapTied } from './format.js';
import { programName, runName, t } from './labels.js';
import type { RunViewProps } from './model.js';
import type { TotalRange } from '../report/totals.js';

export function Overview({
  view,
  run,
  lang,
  unit,
  ranges,
  height,
  width,
  snapshots,
}: RunViewProps & {
  /** The baseline's and each run's parameters: who pays the run compared (its funding shares). */
  snapshots: readonly Snapshot[];
  /** The totals' ranges (baseline, the run compared), 'computing' while they are, or null when not asked for (`e`). */
  ranges?: readonly TotalRange[] | 'computing' | null;
}) {
  const [base, ...others] = view.report.scenarios;
  const cur = others[run];
  // Each program's figures (the name after: it takes the width the figures leave)
  const figures = PROGRAMS.map((p) => {
    const b = base!.figures.programs[p.id];
    const c = cur?.figures.programs[p.id] ?? b;
    const cash = isCash(p);
    const [bv, cv] = cash ? [b.annual_cost, c.annual_cost] : [b.households, c.households];
    // (with nothing to compare — no scenario, no knob moved — the baseline alone: its figures again beside it with
    // Δ 0 read as a reform that changes nothing)
    const cells = [
      cash ? money(bv, unit) : households(bv, lang),
      ...(cur
        ? [cash ? money(cv, unit) : households(cv, lang), cash ? signedMoney(bv, cv, unit) : signedCount(bv, cv), signedPct(bv, cv)]
        : []),
    ];
    return { p, cells, changed: bv !== cv };
  });
  const [bt, ct] = [base!.figures.total_annual_cost, cur?.figures.total_annual_cost];
  const total = [money(bt, unit), ...(ct === undefined ? [] : [money(ct, unit), signedMoney(bt, ct, unit), signedPct(bt, ct)])];
  // Each column as wide as its widest figure (in whole yuan a total took 13 columns, a program's Δ may pass the
  // total's), the names the rest (a wider terminal: the program names whole)
  const widest = (k: number, least: number) =>
    Math.max(least, ...[total, ...figures.map((f) => f.cells)].map((c) => (c[k]?.length ?? 0) + 1));
  const [m, least, d] = [widest(0, 10), widest(1, 10), widest(2, 9)];
  const label = Math.max(14, Math.min(26 + Math.max(0, Math.min(24, width - 80)), width - 1 - (m + least + d + 8 + 4)));
  // (the run's column as wide as its name where the terminal has room: at 120 columns "tekun-car…" was cut, 28 spare)
  const runTitle = cur ? runName(lang, cur.id, view.titles) : '';
  const mc = Math.max(least, Math.min(displayWidth(runTitle) + 1, least + Math.max(0, width - 1 - (label + m + least + d + 8 + 4)), 40));
  const w = [label, m, mc, d, 8];
  const row = (cells: string[]) => cells.map((c, i) => pad(c, w[i]!, i ? 'right' : 'left')).join(' ');
  const lines = figures.map(({ p, cells, changed }) => {
    const name = truncate(programName(p, lang), label - 2) + (view.report.scenarios.some((s) => s.onEstimates.has(p.id)) ? ' *' : '');
    return { text: row([name, ...cells]), changed };
  });
  const all = view.report.scenarios.map((s, i) => ({
    id: s.id,
    yuan: s.figures.total_annual_cost,
    v: Number(s.figures.total_annual_cost),
    i,
  }));
  const max = Math.max(...all.map((x) => x.v));
  const ch = cur?.details?.changes;
  const estimated = view.report.scenarios.some((s) => s.estimates.length);
  // What every eligible household would receive (take-up below 1 leaves some out), and who pays the run compared: a TUI
  // trial saw neither (a provincial department's first question). Split only for the run shown.
  const shown = cur ?? base!;
  // (over a budget year, its own split: each period's shares for its months)
  const pays = (shown.funding ?? fundingOf([{ figures: shown.figures, times: 1, snapshot: snapshots[cur ? run + 1 : 0] ?? snapshots[0]! }]))
    .total;
  const eligible = shown.figures.eligible_total_annual_cost;
  // (the split first, beside the total it splits: "all eligible … · pays:" read as the split of the all-eligible cost)
  // (and the all-eligible cost on a line of its own, only where take-up leaves some out: it was cut at 80 columns)
  // (on two lines where one is too narrow — in whole yuan the county's share was cut off — broken between levels, each
  // tied to its share)
  const payLines = wrapTied(
    `${t(lang, 'whoPays')} ${money(shown.figures.total_annual_cost, unit)} = ${LEVELS.map((l) => `${t(lang, l)}${TIE}${money(pays[l], unit)}`).join(' + ')}`,
    width,
  );
  const eligibleLine = eligible === shown.figures.total_annual_cost ? null : `${t(lang, 'ifAllEligible')} ${money(eligible, unit)}`;
  // (on two lines where one is too narrow, broken between runs: in whole yuan the run's Δ was cut off)
  const rangeLines = !ranges
    ? []
    : ranges === 'computing'
      ? [`${t(lang, 'range')}: ${t(lang, 'computing')}`]
      : wrapTied(
          `${t(lang, 'range')}: ${ranges.map((x, i) => `${t(lang, i ? 'run' : 'baseline')}${TIE}${money(x.low, unit)}–${money(x.high, unit)}${x.delta ? `${lang === 'zh' ? '，变化' : ', Δ'}${TIE}${signedMoney('0', x.delta.low, unit)}–${signedMoney('0', x.delta.high, unit)}` : ''}`).join(' · ')}`,
          width,
        );
  // The run bars take the rows left: the baseline and the run compared first, then the others in order.
  const room =
    height - (1 + lines.length + 1 + payLines.length + (eligibleLine ? 1 : 0) + rangeLines.length + (ch ? 1 : 0) + (estimated ? 1 : 0)) - 1;
  // (with one row left, the bars' title gives its row to the run compared: at 80×24 with the ranges shown, the
  // baseline's bar stood alone — the run's is the one that matters, a TUI trial)
  const untitled = cur !== undefined && room === 1;
  const kept = new Set([0, run + 1, ...all.map((x) => x.i)].slice(0, Math.max(0, untitled ? 2 : room)));
  const bars = all.filter((x) => kept.has(x.i));
  return (
    <Box flexDirection="column">
      <Text bold>{row([t(lang, 'program'), t(lang, 'baseline'), ...(cur ? [truncate(runTitle, mc - 1), 'Δ', 'Δ%'] : [])])}</Text>
      {lines.map((l, i) => (
        <Text key={i} color={l.changed ? 'yellow' : undefined}>
          {l.text}
        </Text>
      ))}
      <Text bold>{row([`${t(lang, 'total')} (${withUnit(t(lang, 'perYear'), unit, lang)})`, ...total])}</Text>
      {payLines.map((l, i) => (
        <Text key={`pays${i}`} dimColor wrap="truncate-end">
          {truncate(l, width)}
        </Text>
      ))}
      {eligibleLine ? (
        <Text dimColor wrap="truncate-end">
          {truncate(eligibleLine, width)}
        </Text>
      ) : null}
      {rangeLines.map((l, i) => (
        <Text key={`range${i}`} color="yellow" wrap="truncate-end">
          {truncate(l, width)}
        </Text>
      ))}
      {bars.length && !untitled ? <Text dimColor>{withUnit(t(lang, 'scenarios'), unit, lang)}</Text> : null}
      {bars.map((x) => (
        <Text key={x.id} color={x.i === run + 1 ? 'cyan' : undefined}>
          {pad(truncate(runName(lang, x.id, view.titles), 22), 23, 'left')}
          {pad(bar(x.v, max, 40), 41, 'left')}
          {money(x.yuan, unit)}
        </Text>
      ))}
      {ch ? (
        <Text wrap="truncate-end">
          {truncate(
            `${t(lang, 'winners')} ${n(ch.gainers!.households)} (${t(lang, 'entrants')} ${n(ch.entrants!.households)}) · ${t(lang, 'losers')} ${n(ch.losers!.households)} (${t(lang, 'exits')} ${n(ch.exits!.households)}) · ${t(lang, 'unchanged')} ${n(ch.unchanged!.households)}`,
            width,
          )}
        </Text>
      ) : null}
      {estimated ? <Text color="yellow">{`* ${t(lang, 'estimates')}`}</Text> : null}
    </Box>
  );
}

/** Weighted households as a whole number with its thousands grouped, as the tables give them (29745 read as 29,745). */
const n = (households: string): string => Math.round(Number(households)).toLocaleString('en');
