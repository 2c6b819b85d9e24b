// View 5: every locality side by side — each program's baseline cost and its change under the run compared
// (the knob run is applied to every locality).
import { Box, Text } from 'ink';
import { isCash, PROGRAMS } from '../core/programs/index.js';
import { groupDigits, pad, truncate } from '../report/text-table.js';
import { money, signedPct, withUnit, type ScreenUnit } from './format.js';
import { D } from '../core/money.js';
import { programName, t, type Lang } from './labels.js';
import type { LocalityView } from './model.js';

export function Localities({
  views,
  names,
  runOf,
  lang,
  unit,
}: {
  views: readonly LocalityView[];
  names: readonly string[];
  runOf: (v: LocalityView) => number;
  lang: Lang;
  unit: ScreenUnit;
}) {
  const label = 22;
  // (with no run to compare, the baseline alone: "+0.0%" on every row read as a reform that changes nothing, a TUI trial)
  const compared = views.some((v) => v.report.scenarios[runOf(v) + 1] !== undefined);
  // (a column as wide as the widest total it shows, and its change: in whole yuan a total took 13 columns)
  const widest = Math.max(
    ...views.flatMap((v) => [0, runOf(v) + 1].map((i) => money(v.report.scenarios[i]?.figures.total_annual_cost ?? '0', unit).length)),
  );
  const col = Math.max(widest + (compared ? 9 : 1), Math.min(24, Math.max(14, Math.floor((78 - label) / Math.max(1, views.length)))));
  const cell = (v: LocalityView, p: (typeof PROGRAMS)[number] | 'total') => {
    const [base, ...others] = v.report.scenarios;
    const cur = others[runOf(v)];
    const of = (r: typeof base) =>
      p === 'total'
        ? r!.figures.total_annual_cost
        : isCash(p)
          ? r!.figures.programs[p.id].annual_cost
          : r!.figures.programs[p.id].households;
    const [b, c] = [of(base), cur ? of(cur) : of(base)];
    // caseloads (no cash: low-income, rigid-expenditure families) in households, as the overview gives them (a trial
    // moved the low-income line and saw nothing of the caseload it doubles)
    const shown = p === 'total' || isCash(p) ? money(b, unit) : groupDigits(D(b).toFixed(0));
    // (the amount and its change each in its own place: as one string they did not line up, a terminal QA trial)
    return compared ? `${pad(shown, col - 8, 'right')} ${pad(signedPct(b, c), 7, 'right')}` : pad(shown, col, 'right');
  };
  return (
    <Box flexDirection="column">
      <Text bold>
        {pad(withUnit(t(lang, 'perYear'), unit, lang), label, 'left')}
        {names.map((n) => pad(truncate(n, col - 1), col, 'right')).join('')}
      </Text>
      {PROGRAMS.filter(isCash).map((p) => (
        <Text key={p.id}>
          {pad(truncate(programName(p, lang), label - 1), label, 'left')}
          {views.map((v) => cell(v, p)).join('')}
        </Text>
      ))}
      <Text bold>
        {pad(t(lang, 'total'), label, 'left')}
        {views.map((v) => cell(v, 'total')).join('')}
      </Text>
      <Text dimColor>{t(lang, 'caseloads')}</Text>
      {PROGRAMS.filter((p) => !isCash(p)).map((p) => (
        <Text key={p.id}>
          {pad(truncate(programName(p, lang), label - 1), label, 'left')}
          {views.map((v) => cell(v, p)).join('')}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {compared
          ? withUnit(t(lang, 'costOrCaseload'), unit, lang) + t(lang, 'andItsChange')
          : `${withUnit(t(lang, 'costOrCaseload'), unit, lang)} · ${t(lang, 'noRun')}`}
      </Text>
    </Box>
  );
}
