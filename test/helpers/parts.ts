// A part of a program's figures in simulate's JSON (by_group, by_part, by_tier: core/programs/parts.ts), as tests read it.
export interface Part {
  readonly households: string;
  readonly persons: string;
  readonly annual_cost: string;
  readonly annual_cost_exact: string;
  /** A scenario's: its change from the baseline's. */
  readonly delta?: Record<string, string>;
}
