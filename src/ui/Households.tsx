// View 4: households filtered by how the run treats them; Enter opens one's explain trace (↑/↓ scroll, Esc back).
import { Box, Text } from 'ink';
import { fenToYuan } from '../core/money.js';
import { groupDigits, pad, truncate, truncateMiddle } from '../report/text-table.js';
import { filterLabel, t, type Lang } from './labels.js';
import type { HouseholdRow } from './model.js';
import type { Filter } from './state.js';

export function Households({
  rows,
  total,
  weighted = total,
  compared = true,
  selected,
  filter,
  missed = null,
  outside = 0,
  trace,
  scroll,
  height,
  width,
  lang,
}: {
  rows: readonly HouseholdRow[];
  /** How many households of the file the filter takes (the list shows the first LISTED). */
  total: number;
  /** The households they stand for (Σ weight). */
  weighted?: number;
  /** A run is compared: its column and the change (else the baseline alone: "this run" the same, Δ 0, a TUI trial). */
  compared?: boolean;
  selected: number;
  filter: Filter;
  /** An id given with `/` that is no household's. */
  missed?: string | null;
  /** Rows listed that the filter does not take (a household found by its id, first). */
  outside?: number;
  trace: string[] | null;
  scroll: number;
  height: number;
  width: number;
  lang: Lang;
}) {
  if (trace) {
    return (
      <Box flexDirection="column">
        {trace.slice(scroll, scroll + height).map((l, i) => (
          <Text key={i} wrap="truncate-end">
            {truncate(l, width)}
          </Text>
        ))}
      </Box>
    );
  }
  // (a header naming the columns and the unit: the rows were bare numbers, a county officer's trial)
  const visible = height - 2;
  const top = Math.max(0, Math.min(selected - Math.floor(visible / 2), rows.length - visible));
  return (
    <Box flexDirection="column">
      {missed !== null ? (
        <Text color="yellow" wrap="truncate-end">
          {lang === 'zh' ? `没有户编号为“${missed}”的家庭（/ 重新查找）` : `no household "${missed}" (/ to find another)`}
        </Text>
      ) : (
        <Text
          bold
          wrap="truncate-end"
        >{`${t(lang, 'filter')}: ${filterLabel(lang, filter)} (f) — ${listed(rows.length - outside, total, weighted, filter, lang)}${outside ? (lang === 'zh' ? '，另有查找到的 1 户' : ', and 1 found') : ''}`}</Text>
      )}
      {rows.length === 0 ? (
        <Text dimColor>{t(lang, 'none')}</Text>
      ) : (
        <Text
          dimColor
        >{`  ${pad(t(lang, 'household'), 17, 'left')}${pad(t(lang, 'members'), 10, 'left')}${pad(t(lang, 'baseline'), 12, 'right')}${compared ? ` → ${pad(t(lang, 'thisRun'), 12, 'right')}  Δ` : ''} (${t(lang, 'yuanYear')})`}</Text>
      )}
      {rows.slice(top, top + visible).map((r, i) => {
        const d = r.now - r.base;
        return (
          <Text key={r.h} inverse={top + i === selected}>
            {/* (the marker: without colour, inverse video is all there was) */}
            {`${top + i === selected ? '▸' : ' '} ${pad(truncateMiddle(r.id, 16), 17, 'left')}${pad(`${r.persons} ${lang === 'en' && r.persons === 1 ? 'person' : t(lang, 'persons')}`, 10, 'left')}${pad(groupDigits(fenToYuan(r.base)), 12, 'right')}${compared ? ` → ${pad(groupDigits(fenToYuan(r.now)), 12, 'right')}  ` : ''}`}
            {compared ? (
              <Text
                color={d < 0 ? 'red' : d > 0 ? 'green' : undefined}
              >{`${d > 0 ? '+' : d < 0 ? '−' : ''}${groupDigits(fenToYuan(Math.abs(d)))}`}</Text>
            ) : null}
          </Text>
        );
      })}
    </Box>
  );
}

/**
 * "317 in the file (1,964 weighted)", or "10,000 of 1,234,567 in the file (the largest changes; 1,964 weighted)" where
 * the list stops short (it said "500+"): the file's households, and the weighted ones the overview counts (its "lose
 * 1,964" beside the list's "59", neither said which, a TUI trial).
 */
function listed(shown: number, total: number, weighted: number, filter: Filter, lang: Lang): string {
  const all = total.toLocaleString('en');
  const count = shown === total ? all : `${shown.toLocaleString('en')} ${lang === 'zh' ? '/' : 'of'} ${all}`;
  const which = shown === total ? '' : `${filter === 'all' ? t(lang, 'firstInFile') : t(lang, 'largestChanges')}; `;
  const w = groupDigits(String(Math.round(weighted)));
  return lang === 'zh' ? `${count} 户（文件中；${which.replace('; ', '，')}加权 ${w} 户）` : `${count} in the file (${which}${w} weighted)`;
}
