// View 2: cost per program (baseline and the run compared) and the mean change per household by income decile.
import { Box, Text } from 'ink';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { pad, truncate } from '../report/text-table.js';
import { bar, money, signedPct, signedWhole, withUnit } from './format.js';
import { programName, runName, t } from './labels.js';
import type { RunViewProps } from './model.js';

/** `height`: the rows the view may take; the deciles go in two columns when ten rows do not fit. */
export function Charts({ view, run, lang, unit, height, width }: RunViewProps) {
  const [base, ...others] = view.report.scenarios;
  // (with no run to compare, the baseline alone: its bars twice and every decile 0 read as a reform that changes
  // nothing, a TUI trial)
  const cur = others[run];
  const cash = PROGRAMS.filter(isCash);
  const max = Math.max(...cash.flatMap((p) => [base!, cur ?? base!].map((r) => Number(r.figures.programs[p.id].annual_cost))));
  const deciles = (cur?.details?.byDecile ?? []).map((d) => Number(d.average_delta_per_household ?? 0));
  const dmax = Math.max(1, ...deciles.map(Math.abs));
  const paired = 1 + cash.length + 1 + deciles.length > height;
  // Each program's figure after its bars, which take what the width leaves it (in whole yuan a figure took 13 columns)
  const figure = (p: (typeof cash)[number]) => {
    const [b, c] = [base!.figures.programs[p.id].annual_cost, cur?.figures.programs[p.id].annual_cost];
    return c === undefined ? pad(money(b, unit), amount, 'right') : `${pad(money(c, unit), amount, 'right')} ${signedPct(b, c)}`;
  };
  // (the amounts right-aligned, each Δ% after: the digits stood ragged under one another, a finance analyst's trial)
  const amount = Math.max(...cash.map((p) => money((cur ?? base)!.figures.programs[p.id].annual_cost, unit).length));
  const long = Math.max(...cash.map((p) => figure(p).length));
  const barWidth = Math.max(8, Math.min(22, Math.floor((width - 1 - 19 - long) / (cur ? 2 : 1)) - 1));
  const decile = (i: number, v: number, w: number) => (
    <>
      {pad(`D${i + 1}`, 4, 'left')}
      <Text color={v < 0 ? 'red' : 'green'}>{pad(bar(Math.abs(v), dmax, w), w + 1, 'left')}</Text>
      {pad(signedWhole(v), paired ? 7 : 0, 'left')}
    </>
  );
  return (
    <Box flexDirection="column">
      {/* (which bar the figure is: one unlabelled number read as the baseline's, a TUI trial) */}
      {/* (cut by display width: Ink's own cut of a 中文 heading wrapped it at 80 columns, and each redraw left a title
          line behind — a finance analyst's trial) */}
      <Text dimColor wrap="truncate-end">
        {truncate(
          cur
            ? `${withUnit(t(lang, 'perProgram'), unit, lang)}: ${t(lang, 'baseline')} │ ${runName(lang, cur.id, view.titles)}${t(lang, 'runFigure')}`
            : `${withUnit(t(lang, 'perProgram'), unit, lang)}: ${t(lang, 'baseline')}`,
          width - 1,
        )}
      </Text>
      {cash.map((p) => {
        const b = base!.figures.programs[p.id].annual_cost;
        const c = cur?.figures.programs[p.id].annual_cost;
        return (
          <Text key={p.id}>
            {pad(truncate(programName(p, lang), 18), 19, 'left')}
            {pad(bar(Number(b), max, barWidth), barWidth + 1, 'left')}
            {c === undefined ? null : <Text color="cyan">{pad(bar(Number(c), max, barWidth), barWidth + 1, 'left')}</Text>}
            {figure(p)}
          </Text>
        );
      })}
      {cur ? null : <Text dimColor>{t(lang, 'noRun')}</Text>}
      {cur ? <Text dimColor>{t(lang, 'deciles')}</Text> : null}
      {(paired ? deciles.slice(0, 5) : deciles).map((v, i) => (
        <Text key={i}>
          {decile(i, v, paired ? 20 : 50)}
          {paired && deciles[i + 5] !== undefined ? (
            <Text>
              {'   '}
              {decile(i + 5, deciles[i + 5]!, 20)}
            </Text>
          ) : null}
        </Text>
      ))}
    </Box>
  );
}
