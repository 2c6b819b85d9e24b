// View 3: the live knobs, and the scenario they make, as YAML (what `w` saves to scenarios/).
import { Box, Text } from 'ink';
import { pad } from '../report/text-table.js';
import { KNOBS, knobText } from './knob-levers.js';
import { t, type Lang } from './labels.js';

export function Knobs({
  values,
  initial,
  selected,
  yaml,
  saved,
  lang,
}: {
  values: readonly number[];
  initial: readonly number[];
  selected: number;
  yaml: string | null;
  saved: string | null;
  lang: Lang;
}) {
  return (
    <Box flexDirection="column">
      {KNOBS.map((k, i) => (
        <Text key={k.id} inverse={i === selected} color={values[i] !== initial[i] ? 'yellow' : undefined}>
          {`${i === selected ? '▸' : ' '} ${pad(lang === 'zh' ? k.zh : k.en, 26, 'left')} ◂ ${pad(knobText(k, values[i]!), 9, 'right')} ▸ ${values[i] !== initial[i] ? `(${t(lang, 'baseline')} ${knobText(k, initial[i]!)})` : ''}`}
        </Text>
      ))}
      <Text dimColor>{`── ${t(lang, 'scenarioYaml')} ──`}</Text>
      {yaml ? (
        yaml
          .trimEnd()
          .split('\n')
          .filter((l) => !l.startsWith('description'))
          .map((l, i) => (
            <Text key={i} wrap="truncate-end">
              {l}
            </Text>
          ))
      ) : (
        <Text dimColor>{t(lang, 'unchangedKnobs')}</Text>
      )}
      {saved ? <Text color="green">{`${t(lang, 'saved')}: ${saved}`}</Text> : null}
    </Box>
  );
}
