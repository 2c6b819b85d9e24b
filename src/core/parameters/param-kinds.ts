// The kinds of the canonical parameters (schema.ts) and the pieces their table is written with.
import type { TAKE_UP_GROUPS } from './groups.js';

export type ParamKind =
  | { readonly type: 'money'; readonly positive?: boolean } // yuan, ≥ 0, at most 2 decimals
  | { readonly type: 'decimal'; readonly max?: string } // non-negative decimal (multiples, shares)
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'boolean' }
  | { readonly type: 'tiers' };

export interface ParamSpec {
  readonly path: string;
  readonly kind: ParamKind;
  readonly unit: string;
  readonly en: string;
  readonly zh: string;
  /** Needed only when another parameter says so; absent otherwise (params JSON: null or []). */
  readonly optional?: { readonly when: string; readonly equals: string };
  /** The value where a policy gives none (before its first date, or at all), and why (DOMAIN says what omission means). */
  readonly default?: { readonly value: string; readonly basis: string };
}

export const money = { type: 'money' } as const;
export const share = { type: 'decimal', max: '1' } as const;
export const multiple = { type: 'decimal' } as const;
export const age = { type: 'integer', min: 0, max: 130 } as const;
export const FUNDING_EN = {
  assistance: 'basic assistance (tekun, dibao, rigid aid, gradual exit, temporary)',
  medical: 'the premium subsidy',
  disability: 'the two disability subsidies',
} as const;
export const FUNDING_ZH = { assistance: '困难群众救助', medical: '资助参保', disability: '残疾人两项补贴' } as const;
/** What a take-up group holds beyond its name (the parameter's English label). */
export const TAKE_UP_WHAT: Partial<Record<(typeof TAKE_UP_GROUPS)[number], string>> = {
  dibao: ' (with supplement and single-person)',
  rigid: ' (family and aid)',
  disability: ' (the living and care subsidies)',
};

/** Whether a family exactly at a line is in it: `below` (低于), or `at_or_below` (以下: the line itself counts). */
export const bound = (path: string, en: string, zh: string, basis: string): ParamSpec => ({
  path,
  kind: { type: 'enum', values: ['below', 'at_or_below'] },
  unit: '',
  en: `${en}: under it (低于), or at or under it (以下)`,
  zh: `${zh}是否含本数`,
  default: { value: 'below', basis },
});
