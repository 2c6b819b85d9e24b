// What moved between a committed snapshot and now, as a Markdown table fit for a pull-request comment.
import { D } from '../core/money.js';
import { PROGRAM_BY_ID, PROGRAM_IDS, programLabel, type ProgramId } from '../core/programs/index.js';
import type { SnapshotScenario, TotalsSnapshot } from '../core/snapshot.js';
import { markdownTable } from './text-table.js';
import { groupDigits } from './text-table.js';

export interface Movement {
  readonly scenario: string;
  readonly program: string;
  readonly measure: 'annual cost' | 'households' | 'persons' | 'scenario';
  readonly before: string | null;
  readonly after: string | null;
  /** |after − before| / |before|, or Infinity from zero / for a scenario added or removed. */
  readonly relative: ReturnType<typeof D>;
}

export function movements(old: TotalsSnapshot, now: TotalsSnapshot): Movement[] {
  const out: Movement[] = [];
  const ids = [...new Set([...old.scenarios.map((s) => s.id), ...now.scenarios.map((s) => s.id)])];
  for (const id of ids) {
    const a = old.scenarios.find((s) => s.id === id);
    const b = now.scenarios.find((s) => s.id === id);
    if (!a || !b) {
      out.push({
        scenario: id,
        program: '',
        measure: 'scenario',
        before: a ? 'present' : null,
        after: b ? 'present' : null,
        relative: D(Infinity),
      });
      continue;
    }
    for (const p of [...PROGRAM_IDS, 'total'] as const) {
      for (const measure of ['annual cost', 'households', 'persons'] as const) {
        const get = (s: SnapshotScenario) =>
          p === 'total'
            ? measure === 'annual cost'
              ? s.total_annual_cost
              : null
            : (s.programs[p]?.[measure === 'annual cost' ? 'annual_cost' : measure] ?? null);
        const [x, y] = [get(a), get(b)];
        if (x === y || (x === null && y === null) || (p === 'total' && measure !== 'annual cost')) continue;
        const rel = x === null || y === null ? D(Infinity) : D(x).isZero() ? D(Infinity) : D(y).minus(x).abs().dividedBy(D(x).abs());
        out.push({ scenario: id, program: p, measure, before: x, after: y, relative: rel });
      }
    }
  }
  return out;
}

const label = (p: string) => (p === 'total' ? 'total 合计' : p === '' ? '' : programLabel(PROGRAM_BY_ID.get(p as ProgramId)!));

function change(m: Movement): string {
  if (m.before === null || m.after === null) return m.before === null ? 'new' : 'removed';
  const d = D(m.after).minus(m.before);
  const pct = D(m.before).isZero() ? '' : ` (${d.isNegative() ? '' : '+'}${d.dividedBy(m.before).times(100).toFixed(2)}%)`;
  return `${d.isNegative() ? '−' : '+'}${groupDigits(d.abs().toFixed(m.measure === 'annual cost' ? 2 : undefined))}${pct}`;
}

export function checkMarkdown(title: string, moved: readonly Movement[], within: number): string {
  const lines = [`### ${title}`, ''];
  if (!moved.length) lines.push('Nothing moved beyond the tolerance.');
  else {
    lines.push(
      markdownTable(
        ['scenario', 'program', 'measure', 'snapshot', 'now', 'change'],
        moved.map((m) => [
          m.scenario,
          label(m.program),
          m.measure,
          m.before === null ? '—' : groupDigits(m.before),
          m.after === null ? '—' : groupDigits(m.after),
          change(m),
        ]),
        ['left', 'left', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  if (within) lines.push('', `${within} figure${within > 1 ? 's' : ''} changed within the tolerance.`);
  return lines.join('\n') + '\n';
}
