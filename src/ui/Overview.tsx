// View 1: programs × (baseline, the run compared) with deltas; totals of every run as bars; winners and losers.
import { Box, Text } from 'ink';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { pad, truncate } from '../report/text-table.js';
import { bar, millions, signedMillions, signedPct } from './format.js';
import { t, type Lang } from './labels.js';
import type { LocalityView } from './model.js';
import type { TotalRange } from '../report/totals.js';

export function Overview({
  view,
  run,
  lang,
  ranges,
}: {
  view: LocalityView;
  run: number;
  lang: Lang;
  /** The totals' ranges (baseline, the run compared), 'computing' while they are, or null when not asked for (`e`). */
  ranges?: readonly TotalRange[] | 'computing' | null;
}) {
  const [base, ...others] = view.report.scenarios;
  const cur = others[run];
  const w = [26, 10, 10, 9, 8];
  const row = (cells: string[]) => cells.map((c, i) => pad(c, w[i]!, i ? 'right' : 'left')).join(' ');
  const lines = PROGRAMS.map((p) => {
    const b = base!.figures.programs[p.id];
    const c = cur?.figures.programs[p.id] ?? b;
    const cash = isCash(p);
    const [bv, cv] = cash ? [b.annual_cost, c.annual_cost] : [b.households, c.households];
    const label = truncate(`${p.zh} ${p.en}`, 24) + (view.report.scenarios.some((s) => s.onEstimates.has(p.id)) ? ' *' : '');
    return {
      text: row([
        label,
        cash ? millions(bv) : `${Math.round(Number(bv))}户`,
        cash ? millions(cv) : `${Math.round(Number(cv))}户`,
        cash ? signedMillions(bv, cv) : '',
        signedPct(bv, cv),
      ]),
      changed: bv !== cv,
    };
  });
  const totals = view.report.scenarios.map((s) => ({ id: s.id, v: Number(s.figures.total_annual_cost) }));
  const max = Math.max(...totals.map((x) => x.v));
  const ch = cur?.details?.changes;
  return (
    <Box flexDirection="column">
      <Text bold>{row([t(lang, 'program'), t(lang, 'baseline'), truncate(cur?.id ?? '—', 10), 'Δ', 'Δ%'])}</Text>
      {lines.map((l, i) => (
        <Text key={i} color={l.changed ? 'yellow' : undefined}>
          {l.text}
        </Text>
      ))}
      <Text bold>
        {row([
          `${t(lang, 'total')} (${t(lang, 'million')})`,
          millions(base!.figures.total_annual_cost),
          cur ? millions(cur.figures.total_annual_cost) : '',
          cur ? signedMillions(base!.figures.total_annual_cost, cur.figures.total_annual_cost) : '',
          cur ? signedPct(base!.figures.total_annual_cost, cur.figures.total_annual_cost) : '',
        ])}
      </Text>
      {ranges ? (
        <Text color="yellow" wrap="truncate-end">
          {ranges === 'computing'
            ? `${t(lang, 'range')}: ${t(lang, 'computing')}`
            : `${t(lang, 'range')}: ${ranges.map((x, i) => `${i ? `${truncate(cur?.id ?? '', 14)} ` : `${t(lang, 'baseline')} `}${millions(x.low)}–${millions(x.high)}`).join(' · ')}`}
        </Text>
      ) : null}
      <Text dimColor>{t(lang, 'scenarios')}</Text>
      {totals.slice(0, 4).map((x, i) => (
        <Text key={x.id} color={i === run + 1 ? 'cyan' : undefined}>
          {pad(truncate(x.id, 22), 23, 'left')}
          {pad(bar(x.v, max, 40), 41, 'left')}
          {millions(String(x.v))}
        </Text>
      ))}
      {ch ? (
        <Text>{`${t(lang, 'winners')} ${Math.round(Number(ch.gainers!.households))} (${t(lang, 'entrants')} ${Math.round(Number(ch.entrants!.households))}) · ${t(lang, 'losers')} ${Math.round(Number(ch.losers!.households))} (${t(lang, 'exits')} ${Math.round(Number(ch.exits!.households))}) · ${t(lang, 'unchanged')} ${Math.round(Number(ch.unchanged!.households))}`}</Text>
      ) : null}
      {view.report.scenarios.some((s) => s.estimates.length) ? <Text color="yellow">{`* ${t(lang, 'estimates')}`}</Text> : null}
    </Box>
  );
}
