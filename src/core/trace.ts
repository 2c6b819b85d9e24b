// What `explain` shows: for each step, the rule, the parameters it read, the numbers it compared and
// the result. Programs record into a Tracer only when one is injected (null on the hot path).
import { COLUMN_BY_NAME } from './columns.js';

export interface Check {
  /** e.g. "I < S × n" */
  readonly expr: string;
  readonly lhs: string;
  readonly op: string;
  readonly rhs: string;
  readonly holds: boolean;
  /** The test in Chinese, its expression kept: "无生活来源: inc(p) < S" (explain --lang zh). */
  readonly zh: string;
  /**
   * Its sides as a Chinese reader reads them, where they are columns' codes, not numbers: "有赡养人 是" (a 科长 read
   * "has_capable_supporter 1 = 0"). Absent: lhs op rhs.
   */
  readonly zhSides?: string;
  /**
   * What was found where the test fails, in English words, for a near miss (explain's "not tekun: has a capable
   * supporter"): "no capable supporter … = 0 → no" read as a double negative to an economist. Absent: the test as above.
   */
  readonly failedEn?: string;
}

export interface TraceStep {
  /** DOMAIN step number: "1" … "8". */
  readonly step: string;
  /** Program id, or "rest" for step 2. */
  readonly program: string;
  /** The person the step is about (tekun, single-person), by person_id. */
  readonly person?: string;
  readonly clauses: readonly string[];
  readonly rule: string;
  /** Canonical parameter paths read. */
  readonly params: readonly string[];
  /** Named numbers used, as exact decimal strings (yuan with two decimals for money). */
  readonly values: ReadonlyArray<readonly [string, string]>;
  readonly checks: readonly Check[];
  readonly result: string;
  /** The rule and the result in Chinese (explain --lang zh), as a caseworker would tell a family. */
  readonly zh: { readonly rule: string; readonly result: string };
}

export interface Tracer {
  record(step: TraceStep): void;
}

export class ListTracer implements Tracer {
  readonly steps: TraceStep[] = [];
  record(step: TraceStep): void {
    this.steps.push(step);
  }
}

export function check(
  expr: string,
  lhs: string,
  op: string,
  rhs: string,
  holds: boolean,
  zh: string,
  zhSides?: string,
  failedEn?: string,
): Check {
  return {
    expr,
    lhs,
    op,
    rhs,
    holds,
    zh,
    ...(zhSides === undefined ? {} : { zhSides }),
    ...(failedEn === undefined || holds ? {} : { failedEn }),
  };
}

/** A column's 中文 header (its first), as files write it. */
export const zhColumn = (column: string): string => {
  const c = COLUMN_BY_NAME.get(column)!;
  return c.said ?? c.zh[0]!;
};

/** The 中文 word for a code of a column (the first its words give), as files write it: disability_grade 2 → 二级. */
export function zhCode(column: string, code: number): string {
  const words = COLUMN_BY_NAME.get(column)!.words ?? {};
  return Object.keys(words).find((w) => words[w] === code) ?? String(code);
}
