// What moved between a committed snapshot and now: a Markdown table fit for a pull-request comment (moves within the
// tolerance folded under it), JSON for a script, and JUnit XML for a CI job's test report.
import { D, fixed } from '../core/money.js';
import { PROGRAM_BY_ID, PROGRAM_IDS, programLabel, type ProgramId } from '../core/programs/index.js';
import type { ParameterChange, SnapshotScenario, TotalsSnapshot } from '../core/snapshot.js';
import { junitDocument, xml } from './cases.js';
import { groupDigits, markdownTable } from './text-table.js';

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
        // (equal as numbers: a hand-edited "12794.040" read as a move of +0.00 — a QA trial)
        if (x === y || (x !== null && y !== null && D(x).equals(y)) || (p === 'total' && measure !== 'annual cost')) continue;
        const rel = x === null || y === null ? D(Infinity) : D(x).isZero() ? D(Infinity) : D(y).minus(x).abs().dividedBy(D(x).abs());
        out.push({ scenario: id, program: p, measure, before: x, after: y, relative: rel });
      }
    }
  }
  return out;
}

const label = (p: string) => (p === 'total' ? 'total 合计' : p === '' ? '' : programLabel(PROGRAM_BY_ID.get(p as ProgramId)!));

/** A movement as a table shows it: its change, and the change as a share of the figure before. */
export function change(m: Movement): string {
  if (m.before === null || m.after === null) return m.before === null ? 'new' : 'removed';
  const d = D(m.after).minus(m.before);
  // (a move below 0.005 % is said as under 0.01 %: a fen's move read "−0.01 (−0.00%)", a CI trial)
  const share = d
    .dividedBy(D(m.before).isZero() ? 1 : m.before)
    .times(100)
    .abs();
  const shown = !d.isZero() && share.lessThan(0.005) ? '<0.01' : share.toFixed(2);
  const pct = D(m.before).isZero() ? '' : ` (${d.isNegative() ? '−' : '+'}${shown}%)`;
  return `${d.isNegative() ? '−' : '+'}${groupDigits(d.abs().toFixed(m.measure === 'annual cost' ? 2 : undefined))}${pct}`;
}

/** The movements as a Markdown table. */
function table(ms: readonly Movement[]): string {
  return markdownTable(
    ['scenario', 'program', 'measure', 'snapshot', 'now', 'change'],
    ms.map((m) => [
      m.scenario,
      label(m.program),
      m.measure,
      m.before === null ? '—' : groupDigits(m.before),
      m.after === null ? '—' : groupDigits(m.after),
      change(m),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right'],
  );
}

/** What moved beyond the tolerance, in a table; what moved within it, in a table folded under a count. */
export function checkMarkdown(
  title: string,
  moved: readonly Movement[],
  within: readonly Movement[],
  changed: readonly ParameterChange[] = [],
): string {
  const lines = [`### ${title}`, ''];
  lines.push(moved.length ? table(moved) : 'Nothing moved beyond the tolerance.');
  if (changed.length)
    lines.push(
      '',
      `${changed.length} parameter value${changed.length > 1 ? 's' : ''} changed since the snapshot:`,
      '',
      markdownTable(
        ['run', 'parameter', 'from', 'snapshot', 'now', 'in the figures'],
        changed.map((c) => [c.run, c.path, c.from, c.before ?? '—', c.after ?? '—', WHEN[c.when]]),
        ['left', 'left', 'left', 'right', 'right', 'left'],
      ),
    );
  if (within.length)
    lines.push(
      '',
      `<details><summary>${within.length} figure${within.length > 1 ? 's' : ''} changed within the tolerance.</summary>`,
      '',
      table(within),
      '',
      '</details>',
    );
  return lines.join('\n') + '\n';
}

/** Whether the figures can show a parameter change (core/snapshot.ts ParameterChange.when). */
const WHEN: Readonly<Record<ParameterChange['when'], string>> = {
  'in force': "yes: in force at the snapshot's date",
  after: "no: dated after the snapshot's date",
  replaced: "no: a later value is in force at the snapshot's date",
  same: "no: the value in force at the snapshot's date is the same (its date moved)",
};

const changeJson = (c: ParameterChange) => ({
  run: c.run,
  parameter: c.path,
  from: c.from,
  snapshot: c.before,
  now: c.after,
  in_figures: c.when === 'in force',
});

/** What a check compared, and found. */
export interface CheckAbout {
  readonly policy: string;
  readonly households: string;
  readonly snapshot: string;
  readonly date: string;
  readonly snapshotDate: string | null;
  readonly tolerance: ReturnType<typeof D>;
  readonly updated: boolean;
}

const movementJson = (m: Movement) => ({
  scenario: m.scenario,
  program: m.program || null,
  // (the figure's key in simulate's JSON: "annual cost" was the table's words — a downstream trial)
  measure: m.measure === 'annual cost' ? 'annual_cost' : m.measure,
  snapshot: m.before,
  now: m.after,
  // (money to the fen, as the snapshot and the table give it: "447930604.8" was the JSON's: a contract audit)
  change:
    m.before === null || m.after === null || m.measure === 'scenario'
      ? null
      : m.measure === 'annual cost'
        ? fixed(D(m.after).minus(m.before))
        : D(m.after).minus(m.before).toFixed(),
  relative_change:
    m.before === null || m.after === null || D(m.before).isZero() ? null : D(m.after).minus(m.before).dividedBy(m.before).toFixed(6),
});

/** The check as JSON: money as decimal strings in yuan (as the snapshot holds it), relative changes as shares. */
export function checkJson(
  a: CheckAbout,
  moved: readonly Movement[],
  within: readonly Movement[],
  changed: readonly ParameterChange[] = [],
): string {
  const view = {
    policy: a.policy,
    households: a.households,
    snapshot: a.snapshot,
    date: a.date,
    snapshot_date: a.snapshotDate,
    tolerance: a.tolerance.toFixed(),
    updated: a.updated,
    passed: a.updated || (moved.length === 0 && changed.length === 0),
    beyond_tolerance: moved.map(movementJson),
    within_tolerance: within.map(movementJson),
    parameters_changed: changed.map(changeJson),
  };
  return JSON.stringify(view, null, 2) + '\n';
}

/**
 * The check as JUnit XML: a test case for each scenario and program the snapshot or the run has (their totals too),
 * failing where a figure moved beyond the tolerance; moves within it in the case's output.
 */
export function checkJunit(
  a: CheckAbout,
  ids: readonly string[],
  moved: readonly Movement[],
  within: readonly Movement[],
  changed: readonly ParameterChange[] = [],
): string {
  // (a scenario only the snapshot or the run has: one case for it, failing)
  const apart = new Set(moved.filter((m) => m.measure === 'scenario').map((m) => m.scenario));
  const keys = ids.flatMap((id) => (apart.has(id) ? [''] : [...PROGRAM_IDS, 'total']).map((p) => [id, p] as const));
  const line = (m: Movement) => `${m.measure}: ${m.before ?? '—'} → ${m.after ?? '—'} (${change(m)})`;
  const cases = keys.map(([id, p]) => {
    const of = (ms: readonly Movement[]) => ms.filter((m) => m.scenario === id && m.program === p);
    const [beyond, inside] = [of(moved), of(within)];
    // (the program's id, as every machine-readable output names it, then its name: CI keys on the id)
    const name = p === '' ? `${id}: the scenario` : `${id}: ${p}${p === 'total' ? ' 合计' : ` ${PROGRAM_BY_ID.get(p as ProgramId)!.zh}`}`;
    const out = inside.length ? `\n      <system-out>${xml(`within the tolerance: ${inside.map(line).join('; ')}`)}</system-out>` : '';
    if (!beyond.length) return `    <testcase classname="${xml(a.snapshot)}" name="${xml(name)}"${out ? `>${out}\n    </testcase>` : '/>'}`;
    const message =
      p === ''
        ? `the ${beyond[0]!.before === null ? 'run' : 'snapshot'} has this scenario, the ${beyond[0]!.before === null ? 'snapshot' : 'run'} does not`
        : `${beyond.length} figure${beyond.length > 1 ? 's' : ''} moved beyond the tolerance of ${a.tolerance.times(100).toFixed()}%`;
    return `    <testcase classname="${xml(a.snapshot)}" name="${xml(name)}">\n      <failure message="${xml(message)}">${xml(beyond.map(line).join('\n'))}</failure>${out}\n    </testcase>`;
  });
  // A case for each run's parameters, failing where a value changed (a change no figure shows fails no other case).
  for (const id of ids.filter((i) => !apart.has(i))) {
    const mine = changed.filter((c) => c.run === id);
    const name = `${id}: parameters`;
    if (!mine.length) cases.push(`    <testcase classname="${xml(a.snapshot)}" name="${xml(name)}"/>`);
    else {
      const message = `${mine.length} parameter value${mine.length > 1 ? 's' : ''} changed since the snapshot`;
      const body = mine.map((c) => `${c.path} from ${c.from}: ${c.before ?? '—'} → ${c.after ?? '—'} (in the figures: ${WHEN[c.when]})`);
      cases.push(
        `    <testcase classname="${xml(a.snapshot)}" name="${xml(name)}">\n      <failure message="${xml(message)}">${xml(body.join('\n'))}</failure>\n    </testcase>`,
      );
    }
  }
  const failures = cases.filter((c) => c.includes('<failure')).length;
  return junitDocument('jiuzhu check', [{ name: `jiuzhu check: ${a.policy} on ${a.households} at ${a.date}`, cases, failures, errors: 0 }]);
}
