// What a households file without a column cannot have: the programs its default forecloses under DOMAIN's rules, said
// beside the note that names the columns a file lacks (io/unread-columns.ts). A tekun register without
// has_capable_supporter gave 0 tekun with only "which take their defaults" to say why (a tekun officer's trial).
import type { Column } from './columns.js';

/** By column: what its default (DOMAIN "The household data") leaves no one, and the step that asks for more. */
export const FORECLOSED: Partial<Record<Column, string>> = {
  // step 1: a person is tekun only with has_capable_supporter = 0 (default 1)
  has_capable_supporter: 'no one is tekun (step 1 asks has_capable_supporter 0)',
  // step 7: the gradual exit is for a household with on_dibao = 1 (default 0)
  on_dibao: 'no household is in a gradual exit (step 7 asks on_dibao 1)',
  // step 8: a grant is paid on emergency_need > 0 (default 0)
  emergency_need: 'no one gets temporary assistance (step 8 pays on emergency_need)',
  // steps 10–11: disability_grade ≥ 1 (default 0)
  disability_grade: 'no one gets a disability subsidy (steps 10–11 ask disability_grade 1 or more)',
};

/** The same in 中文 (cli/errors-zh-notes.ts says the note so). */
export const FORECLOSED_ZH: Partial<Record<Column, string>> = {
  has_capable_supporter: '无人为特困（第 1 步要求 has_capable_supporter 为 0）',
  on_dibao: '无家庭在渐退期（第 7 步要求 on_dibao 为 1）',
  emergency_need: '无人获临时救助（第 8 步按 emergency_need 给付）',
  disability_grade: '无人获残疾人两项补贴（第 10–11 步要求 disability_grade 不小于 1）',
};

/** "; so …" for the columns a file lacks, or "" when their defaults foreclose nothing. */
export function foreclosedWords(absent: readonly string[]): string {
  const said = absent.flatMap((c) => FORECLOSED[c as Column] ?? []);
  return said.length ? `; so ${said.join(', ')}` : '';
}
