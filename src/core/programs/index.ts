// The programs of DOMAIN "Program ids", in report order, with what each one's result depends on
// (its own parameters plus those of the steps that gate it) so outputs can flag estimates per program.
import * as dibao from './dibao.js';
import * as supplement from './dibao-supplement.js';
import * as gradual from './gradual-exit.js';
import * as low from './low-income.js';
import * as rigid from './rigid.js';
import * as single from './single-person.js';
import * as tekun from './tekun.js';
import * as temporary from './temporary.js';

export const PROGRAM_IDS = [
  'tekun',
  'dibao',
  'dibao_supplement',
  'single_person',
  'rigid_aid',
  'gradual_exit',
  'temporary',
  'low_income',
  'rigid_family',
] as const;
export type ProgramId = (typeof PROGRAM_IDS)[number];

export interface ProgramInfo {
  readonly id: ProgramId;
  readonly zh: string;
  readonly en: string;
  /** cash: has an annual cost; caseload: counts only (cost 0). */
  readonly kind: 'cash' | 'caseload';
  readonly clauses: readonly string[];
  /** Parameter paths (or prefixes ending in '.') its result depends on, gates included. */
  readonly dependsOn: readonly string[];
}

// Who is tekun decides R, so every program but temporary depends on these.
const GATE = [
  'tekun.elderly_age',
  'tekun.minor_age',
  'dibao.standard.',
  'dibao.employment_deduction',
  'dibao.assets.limit_months',
  'rounding',
];
const DIBAO = [...GATE, 'dibao.payment.'];
const RIGID = [...DIBAO, 'rigid.'];
const SINGLE = [...RIGID, 'single_person.'];

export const PROGRAMS: readonly ProgramInfo[] = [
  { id: 'tekun', zh: '特困', en: 'tekun', kind: 'cash', clauses: tekun.CLAUSES, dependsOn: [...GATE, 'tekun.', 'min_wage.monthly'] },
  { id: 'dibao', zh: '低保', en: 'dibao', kind: 'cash', clauses: dibao.CLAUSES, dependsOn: DIBAO },
  {
    id: 'dibao_supplement',
    zh: '分类施保',
    en: 'dibao supplement',
    kind: 'cash',
    clauses: supplement.CLAUSES,
    dependsOn: [...SINGLE, 'dibao.supplement.'],
  },
  { id: 'single_person', zh: '单人户', en: 'single-person dibao', kind: 'cash', clauses: single.CLAUSES, dependsOn: SINGLE },
  { id: 'rigid_aid', zh: '刚性支出救助', en: 'rigid-expenditure aid', kind: 'cash', clauses: rigid.CLAUSES, dependsOn: RIGID },
  {
    id: 'gradual_exit',
    zh: '渐退',
    en: 'gradual exit',
    kind: 'cash',
    clauses: gradual.CLAUSES,
    dependsOn: [...SINGLE, 'dibao.gradual_exit.months'],
  },
  {
    id: 'temporary',
    zh: '临时救助',
    en: 'temporary assistance',
    kind: 'cash',
    clauses: temporary.CLAUSES,
    dependsOn: ['dibao.standard.urban', 'temporary.'],
  },
  { id: 'low_income', zh: '低保边缘', en: 'low-income', kind: 'caseload', clauses: low.CLAUSES, dependsOn: [...SINGLE, 'low_income.'] },
  { id: 'rigid_family', zh: '刚性支出困难', en: 'rigid-expenditure family', kind: 'caseload', clauses: rigid.CLAUSES, dependsOn: RIGID },
];

export const PROGRAM_BY_ID: ReadonlyMap<ProgramId, ProgramInfo> = new Map(PROGRAMS.map((p) => [p.id, p]));

export function programLabel(p: ProgramInfo): string {
  return `${p.zh} ${p.en}`;
}

export function dependsOnPath(p: ProgramInfo, path: string): boolean {
  return p.dependsOn.some((d) => (d.endsWith('.') ? path.startsWith(d) : path === d));
}
