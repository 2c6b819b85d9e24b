// View 3: the live knobs, and the scenario they make, as YAML (what `w` saves to scenarios/).
import { Box, Text } from 'ink';
import { displayWidth, pad, truncate, wrapLine } from '../report/text-table.js';
import { KNOBS, knobText, knobYearText, type KnobStep } from './knob-levers.js';
import { money, signedMoney, signedPct, withUnit, type ScreenUnit } from './format.js';
import { t, type Lang } from './labels.js';
import type { FloorBroken } from '../core/floors.js';

/** What the last `w` did: the file written, or why none was. */
export type SaveNote =
  | { readonly kind: 'saved' | 'savedSame'; readonly path: string }
  | { readonly kind: 'saveNothing' }
  | { readonly kind: 'saveFailed'; readonly why: string };

/** The knobs' names, each padded to the longest (中文 by its display width). */
const LABEL = Math.max(...KNOBS.flatMap((k) => [displayWidth(k.en), displayWidth(k.zh)]));

export function Knobs({
  values,
  initial,
  yearly = [],
  selected,
  yaml,
  saved,
  localities,
  width,
  lang,
  unit,
  atLimit = false,
  total = null,
  floors = [],
}: {
  /** Set for every locality; null: not moved. */
  values: readonly (number | null)[];
  /** The shown locality's baseline values. */
  initial: readonly number[];
  /** Over a budget year, the shown locality's baseline of each knob that changes within it (else null). */
  yearly?: readonly (readonly KnobStep[] | null)[];
  selected: number;
  yaml: string | null;
  saved: SaveNote | null;
  localities: number;
  width: number;
  lang: Lang;
  unit: ScreenUnit;
  /** The knob run's values below the shown locality's floors (its clause's 不低于). */
  floors?: readonly FloorBroken[];
  /** The last key would have moved the selected knob past its end. */
  atLimit?: boolean;
  /**
   * The shown locality's total under the baseline and under the knobs (null: no knob moved, or still computing): a
   * trial switched to the overview after every move to see what it cost.
   */
  total?: { readonly base: string; readonly now: string } | null;
}) {
  const chosen = KNOBS[selected]!;
  return (
    <Box flexDirection="column">
      {KNOBS.map((k, i) => {
        const v = values[i] ?? initial[i]!;
        const moved = values[i] !== null && values[i] !== undefined;
        const steps = yearly[i];
        const base = steps ? knobYearText(k, steps, 'short') : knobText(k, initial[i]!);
        return (
          <Text key={k.id} inverse={i === selected} color={moved ? 'yellow' : undefined}>
            {`${i === selected ? '▸' : ' '} ${pad(lang === 'zh' ? k.zh : k.en, LABEL, 'left')} ◂ ${pad(knobText(k, v), 9, 'right')} ▸ ${moved || steps ? `(${t(lang, 'baseline')} ${base})` : ''}`}
          </Text>
        );
      })}
      {yearly[selected] ? (
        <Text dimColor wrap="truncate-end">
          {truncate(
            lang === 'zh'
              ? `基线年内有变：${knobYearText(chosen, yearly[selected]!, 'zh')}；调节后全年取同一值`
              : `the baseline’s: ${knobYearText(chosen, yearly[selected]!, 'en')} — moved, it sets the whole year`,
            width,
          )}
        </Text>
      ) : null}
      {atLimit ? (
        <Text color="yellow" wrap="truncate-end">
          {truncate(
            lang === 'zh'
              ? `${chosen.zh}已到调节范围的一端（${knobText(chosen, chosen.min)} 至 ${knobText(chosen, chosen.max)}）`
              : `${chosen.en} is at the end of its range (${knobText(chosen, chosen.min)} to ${knobText(chosen, chosen.max)})`,
            width,
          )}
        </Text>
      ) : null}
      {/* (on two lines where one is too narrow: in whole yuan the Δ% was cut off, a finance analyst's trial) */}
      {total
        ? wrapLine(
            `${t(lang, 'total')} (${withUnit(t(lang, 'perYear'), unit, lang)}): ${t(lang, 'baseline')} ${money(total.base, unit)} → ${t(lang, 'knobRun')} ${money(total.now, unit)}  ${signedMoney(total.base, total.now, unit)} ${signedPct(total.base, total.now)}`,
            width,
          ).map((l, i) => (
            <Text key={`total${i}`} bold wrap="truncate-end">
              {truncate(l, width)}
            </Text>
          ))
        : null}
      {floors.map((f) => (
        <Text key={f.path} color="yellow" wrap="truncate-end">
          {truncate(
            lang === 'zh'
              ? `⚠ ${f.path} ${f.value.toFixed()} 低于本地政策的下限 ${f.floor.toFixed()}（${f.source} ${f.clause}：不低于）`
              : `⚠ ${f.path} ${f.value.toFixed()} is below the policy's floor ${f.floor.toFixed()} (${f.source} ${f.clause}: 不低于, at least)`,
            width,
          )}
        </Text>
      ))}
      {localities > 1 ? <Text dimColor>{truncate(t(lang, 'knobsForAll'), width)}</Text> : null}
      <Text dimColor wrap="truncate-end">
        {truncate(`── ${t(lang, 'scenarioYaml')} ──`, width)}
      </Text>
      {yaml ? (
        yaml
          .trimEnd()
          .split('\n')
          .filter((l) => !l.startsWith('description'))
          .map((l, i) => (
            <Text key={i} wrap="truncate-end">
              {truncate(l, width)}
            </Text>
          ))
      ) : (
        <Text dimColor>{t(lang, 'unchangedKnobs')}</Text>
      )}
      {saved ? (
        <Text color={saved.kind === 'saveFailed' ? 'red' : saved.kind === 'saveNothing' ? 'yellow' : 'green'} wrap="truncate-end">
          {truncate(
            saved.kind === 'saveNothing'
              ? t(lang, saved.kind)
              : `${t(lang, saved.kind)}: ${saved.kind === 'saveFailed' ? saved.why : saved.path}`,
            width,
          )}
        </Text>
      ) : null}
    </Box>
  );
}
