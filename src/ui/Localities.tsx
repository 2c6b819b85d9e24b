// View 5: every locality side by side — each program's baseline cost and its change under the run compared
// (the knob run is applied to every locality).
import { Box, Text } from 'ink';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { pad, truncate } from '../report/text-table.js';
import { money, signedPct } from './format.js';
import { programName, t, type Lang } from './labels.js';
import type { LocalityView } from './model.js';

export function Localities({
  views,
  names,
  runOf,
  lang,
}: {
  views: readonly LocalityView[];
  names: readonly string[];
  runOf: (v: LocalityView) => number;
  lang: Lang;
}) {
  const label = 22;
  const col = Math.max(14, Math.min(24, Math.floor((78 - label) / Math.max(1, views.length))));
  const cell = (v: LocalityView, id: (typeof PROGRAMS)[number]['id'] | 'total') => {
    const [base, ...others] = v.report.scenarios;
    const cur = others[runOf(v)];
    const b = id === 'total' ? base!.figures.total_annual_cost : base!.figures.programs[id].annual_cost;
    const c = cur ? (id === 'total' ? cur.figures.total_annual_cost : cur.figures.programs[id].annual_cost) : b;
    // (the amount and its change each in its own place: as one string they did not line up, a terminal QA trial)
    return `${pad(money(b, lang), col - 8, 'right')} ${pad(signedPct(b, c), 7, 'right')}`;
  };
  return (
    <Box flexDirection="column">
      <Text bold>
        {pad(`${t(lang, 'million')}`, label, 'left')}
        {names.map((n) => pad(truncate(n, col - 1), col, 'right')).join('')}
      </Text>
      {PROGRAMS.filter(isCash).map((p) => (
        <Text key={p.id}>
          {pad(truncate(programName(p, lang), label - 1), label, 'left')}
          {views.map((v) => cell(v, p.id)).join('')}
        </Text>
      ))}
      <Text bold>
        {pad(t(lang, 'total'), label, 'left')}
        {views.map((v) => cell(v, 'total')).join('')}
      </Text>
      <Text dimColor>
        {lang === 'zh' ? '基线成本（万元）与所对比方案下的变化' : 'baseline cost (M yuan) and its change under the run compared'}
      </Text>
    </Box>
  );
}
