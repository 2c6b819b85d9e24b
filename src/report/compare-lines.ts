// A scenario's (or a locality's baseline against the first's) details as lines: winners and losers, the losers'
// layers and programs, the flows between layers, the areas and the deciles — compare's table and Markdown ask here.
import chalk from 'chalk';
import { AREAS } from '../core/columns.js';
import { LAYERS } from '../core/compare.js';
import { layerLabel, layerShort, layerZh } from '../core/programs/index.js';
import type { RunDetails } from './compare-details.js';
import { byAreaWords, byDecileWords, flowsTitle, losersByWords, losersWent, nobodyMovesWords, winnersWords } from './compare-words.js';
import { isZh, type Lang } from './lang.js';
import { groupCount, inUnit, textTable, type Align, type Unit } from './text-table.js';
import { paint, signed } from './totals.js';

/**
 * A scenario's winners, flows, areas and deciles: totals in the unit asked for, a household's mean change in yuan.
 * `across`: a locality's baseline against the first's (why a program is lost is then the two places' rules).
 */
export function detailLines(d: RunDetails | undefined, color: boolean, unit: Unit, lang?: Lang, across = false): string[] {
  if (!d) return [];
  const c = d.changes;
  const lines = [
    winnersWords(
      {
        gainers: groupCount(c.gainers!.households),
        gainerPersons: groupCount(c.gainers!.persons!),
        gain: inUnit(c.gainers!.amount!, unit),
        entrants: groupCount(c.entrants!.households),
        losers: groupCount(c.losers!.households),
        loserPersons: groupCount(c.losers!.persons!),
        loss: inUnit(c.losers!.amount!, unit),
        exits: groupCount(c.exits!.households),
        takeUp: groupCount(c.losers_through_take_up!.households),
        unchanged: groupCount(c.unchanged!.households),
      },
      unit,
      lang,
    ),
  ];
  const went = d.loserTransitions && losersWent(d.loserTransitions.persons, lang);
  if (went) lines.push(went);
  const by = d.losersBy && Object.entries(d.losersBy);
  if (by?.length)
    lines.push(
      losersByWords(
        by.slice(0, 3).map(([id, n]) => [layerLabel(id), groupCount(n)] as const),
        lang,
        by.slice(0, 3).map(([id]) => id),
        across,
        Math.max(0, by.length - 3),
      ),
    );
  const flows = flowsTable(d, color, lang);
  // (a budget year's have none: a household's layer changes inside the year; the line under the table says so)
  if (flows) {
    lines.push(`  ${flowsTitle(lang)}`);
    lines.push(
      ...textTable(...flows)
        .split('\n')
        .map((x) => `    ${x}`),
    );
  } else if (d.transitions) lines.push(nobodyMovesWords(lang));
  const [urban, rural] = AREAS.map((a) => signedYuan(d.byArea[a].delta_annual_cost, color, unit));
  lines.push(byAreaWords(urban!, rural!, unit, lang));
  const deciles = d.byDecile.map(
    (g) => `D${g.decile} ${g.average_delta_per_household === null ? '—' : signedYuan(g.average_delta_per_household, color)}`,
  );
  lines.push(byDecileWords(deciles, lang));
  return lines;
}

/**
 * Persons moving between layers, over the layers anyone is in (null: nobody moves). The columns: in Markdown named in
 * full as the rows are; at the terminal each in the reader's language alone, cut short (eight full names made the
 * table ~200 columns wide).
 */
export function flowsTable(
  d: RunDetails,
  color: boolean,
  lang: Lang | undefined,
  markdown = false,
): [string[], string[][], Align[]] | null {
  const t = d.transitions;
  if (!t) return null;
  const used = LAYERS.map((_, i) => t.persons[i]!.some((x) => x !== '0') || t.persons.some((row) => row[i] !== '0'));
  const idx = LAYERS.map((_, i) => i).filter((i) => used[i]);
  if (!idx.some((i) => idx.some((j) => i !== j && t.persons[i]![j] !== '0'))) return null;
  return [
    ['baseline \\ scenario 基线 \\ 方案', ...idx.map((i) => (markdown ? layerLabel : isZh(lang) ? layerZh : layerShort)(LAYERS[i]!))],
    idx.map((i) => [
      layerLabel(LAYERS[i]!),
      ...idx.map((j) => {
        const v = t.persons[i]![j]!;
        return i !== j && v !== '0' && color ? chalk.bold(groupCount(v)) : groupCount(v);
      }),
    ]),
    ['left', ...idx.map((): Align => 'right')],
  ];
}

function signedYuan(v: string, color: boolean, unit?: Unit): string {
  const d = { value: v, pct: null };
  const text = signed(d, unit).replace(' (new)', '');
  return color ? paint(d, text) : text;
}
