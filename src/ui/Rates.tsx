// View 6: the population's effective marginal rates (issue 17) — the weighted share of households in each band under
// the baseline and the run compared, on 100 yuan more a month of each main earner, monthly view (`jiuzhu cliff`).
import { Box, Text } from 'ink';
import { BANDS } from '../core/marginal-rates.js';
import { bandShares, households, type RateDistribution } from '../report/marginal-rates.js';
import { groupDigits, pad } from '../report/text-table.js';
import { bar } from './format.js';
import { runName, t, type Lang, type RunTitles } from './labels.js';

export function Rates({
  dist,
  lang,
  titles,
  at,
}: {
  dist: RateDistribution | null;
  lang: Lang;
  titles?: RunTitles;
  /** Over a budget year: the day the rates are of (its last). */
  at?: string;
}) {
  if (!dist) return <Text color="yellow">{t(lang, 'computing')}</Text>;
  const [base, cur] = [dist.runs[0]!, dist.runs.at(-1)!];
  const [b, c] = [bandShares(base.bands.overall), bandShares(cur.bands.overall)];
  const cell = (share: string, color?: string) => (
    <>
      <Text color={color}>{pad(bar(Number(share), 100, 20), 21, 'left')}</Text>
      {pad(`${share}%`, 8, 'right')}
      {'  '}
    </>
  );
  return (
    <Box flexDirection="column">
      <Text dimColor>{t(lang, 'ratesTitle')}</Text>
      {at ? <Text dimColor>{lang === 'zh' ? `按 ${at}（该年度最后一日）` : `at ${at}, the year’s last day`}</Text> : null}
      <Text bold>{`${pad(t(lang, 'band'), 10, 'left')}${pad(t(lang, 'baseline'), 31, 'left')}${runName(lang, cur.id, titles)}`}</Text>
      {BANDS.map((band) => (
        <Text key={band}>
          {pad(band, 10, 'left')}
          {cell(b.shares[band]!)}
          {cell(c.shares[band]!, 'cyan')}
        </Text>
      ))}
      <Text>{`${pad('≥ 80 %', 10, 'left')}${pad(`${b.at_least_80_pct}%`, 29, 'right')}  ${pad(`${c.at_least_80_pct}%`, 29, 'right')}`}</Text>
      <Text>{`${pad('≥ 100 %', 10, 'left')}${pad(`${b.at_least_100_pct}%`, 29, 'right')}  ${pad(`${c.at_least_100_pct}%`, 29, 'right')}`}</Text>
      <Text> </Text>
      {dist.runs.map((r) => (
        <Text key={r.id} wrap="truncate-end">
          {`${runName(lang, r.id, titles)}: ${t(lang, 'facing')} ${groupDigits(bandShares(r.bands.overall).at_least_100_households)}${r.aboveIds.length ? ` (${r.aboveIds.slice(0, 3).join(', ')}…)` : ''}`}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">{`${t(lang, 'noEarner')}: ${groupDigits(households(base.bands.noEarner))}`}</Text>
      <Text dimColor wrap="truncate-end">
        {t(lang, 'seeCliff')}
      </Text>
    </Box>
  );
}
