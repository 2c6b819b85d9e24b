// The help overlay (?): every key, in the chosen language.
import { Box, Text } from 'ink';
import type { Lang } from './labels.js';
import { wrapLine } from '../report/text-table.js';

const KEYS: Array<[string, string, string]> = [
  ['1 … 6 / Tab', '切换视图：总览、图表、调节、家庭、地区对比、边际税率', 'views: overview, charts, knobs, households, localities, rates'],
  ['l / L', '下一个 / 上一个地区', 'next / previous locality'],
  ['s', '对比下一个方案', 'compare the next run'],
  ['↑ ↓', '选择调节项 / 家庭；滚动解释', 'pick a knob / household; scroll a trace'],
  ['PgUp PgDn', '翻一页：家庭列表、解释、提示', 'a page: the households, a trace, the notes'],
  ['Home End', '到开头 / 结尾', 'to the first / the last'],
  ['← → + -', '调整所选参数', 'change the selected knob'],
  ['r / R', '恢复此项 / 全部为基线', 'reset this knob / all knobs'],
  ['w', '把方案保存到 scenarios/', 'save the scenario to scenarios/'],
  ['f', '筛选家庭：有变化、受损、受益、全部', 'filter households: changed, losers, gainers, all'],
  ['Enter / Esc', '打开 / 关闭家庭的计算解释', 'open / close a household’s explain trace'],
  ['/', '按户编号查找家庭并打开（大小写、全角均可）', 'find a household by its id and open it (any case, full-width)'],
  ['c', '在解释与悬崖图之间切换', 'an opened household: its trace ⇄ its cliff chart'],
  ['e', '总览：显示合计的区间（估计参数）', 'overview: the totals’ ranges from their estimates'],
  ['n', '提示：文件、政策与方案的提示（退出时也写到 stderr）', 'notes on the file, policies and scenarios (said on stderr too)'],
  ['?', '帮助', 'this help'],
  ['q', '退出', 'quit'],
];

/** The keys' column: the widest key and a space (at 80 columns each description then fits one line: 24 rows). */
const KEY = 13;

/** `width`: the screen's; a description wider than the box goes on under its own start (it wrapped under the key). */
export function Help({ lang, width = 80 }: { lang: Lang; width?: number }) {
  const room = Math.max(20, width - 4 - KEY); // (the border and padding, the key's column)
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{lang === 'zh' ? '按键' : 'keys 按键'}</Text>
      {KEYS.map(([k, zh, en]) => (
        <Text key={k}>
          {wrapLine(lang === 'zh' ? zh : en, room)
            .map((l, i) => `${(i ? '' : k).padEnd(KEY)}${l.trimStart()}`)
            .join('\n')}
        </Text>
      ))}
    </Box>
  );
}
