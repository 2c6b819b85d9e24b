// Parameter sanity rules, as the Atlanta Fed PRD checks its tables: run over every dated value of a policy
// (not just one date). Each rule says whether a violation is an error (the data must be wrong) or a
// warning (unusual; look at it).
import { AREAS } from './columns.js';
import { FUNDING_LINES, PREMIUM_GROUPS } from './parameters/groups.js';
import type { Where } from '../errors.js';
import { EARLIEST, indexInForce } from './dates.js';
import { D, type Dec } from './money.js';
import { PARAMS } from './parameters/schema.js';
import { completeFrom, type DatedValue, type Policy } from './parameters/tree.js';
import {
  AHEAD_YEARS,
  MAX_MULTIPLE,
  MAX_WAGE_PER_STANDARD,
  MIN_PUBLISHED_WAGE,
  RULES,
  YEARLY_BAND,
  type SanityRule,
} from './sanity-rules.js';

export { AHEAD_YEARS, MAX_MULTIPLE, MAX_WAGE_PER_STANDARD, RULES, YEARLY_BAND, type SanityRule, type Severity } from './sanity-rules.js';

export interface Violation {
  readonly rule: SanityRule;
  readonly policy: string;
  readonly where: Where;
  readonly message: string;
}

/** A finding's rule and the first parameter its message names (else its words without figures): one said for each, and how many more like it. */
export const findingKey = (v: Violation): string =>
  `${v.rule.id} ${v.message.match(/[a-z_]+(?:\.[a-z0-9_]+)+/)?.[0] ?? v.message.replace(/\d[\d.,-]*/g, '#')}`;

const num = (e: DatedValue) => e.value as Dec;

const checked = new WeakMap<Policy, readonly Violation[]>();

/** Every rule's findings over every dated value of the policy (once per policy: the CLI's gate and its notes ask both). */
export function checkPolicy(policy: Policy): readonly Violation[] {
  let found = checked.get(policy);
  if (!found) checked.set(policy, (found = check(policy)));
  return found;
}

function check(policy: Policy): Violation[] {
  const out: Violation[] = [];
  const add = (rule: SanityRule, e: DatedValue, message: string) => out.push({ rule, policy: policy.id, where: e.where, message });
  const history = (path: string) => policy.params.get(path) ?? [];
  // Of two values that break a relation, the one to show: the one a scenario gave (its line is the one to fix; a
  // trial's yearly standard was shown at the policy's income line), else the later-dated.
  const fromScenario = (e: DatedValue) => e.where.file !== policy.file;
  const blame = (a: DatedValue, b: DatedValue) =>
    fromScenario(a) !== fromScenario(b) ? (fromScenario(a) ? a : b) : a.from >= b.from ? a : b;

  for (const spec of PARAMS) {
    for (const e of history(spec.path)) {
      if (spec.kind.type === 'money' && num(e).isNegative())
        add(RULES.notNegative, e, `${spec.path} is ${num(e).toFixed()} from ${e.from}`);
      if (spec.kind.type === 'decimal' && spec.kind.max === '1' && (num(e).isNegative() || num(e).greaterThan(1))) {
        add(RULES.shares, e, `${spec.path} is ${num(e).toFixed()} from ${e.from}`);
      }
      if (spec.kind.type === 'decimal' && spec.unit.startsWith('×') && num(e).greaterThan(MAX_MULTIPLE))
        add(RULES.multiplesAtMost, e, `${spec.path} is ${num(e).toFixed()} ${spec.unit} from ${e.from}: ${mistaken(num(e), spec.unit)}`);
    }
  }

  // rural ≤ urban at every date where either changes
  const urban = history('dibao.standard.urban');
  const rural = history('dibao.standard.rural');
  for (const date of [...new Set([...urban, ...rural].map((e) => e.from))].sort()) {
    const u = urban[indexInForce(urban, date)];
    const r = rural[indexInForce(rural, date)];
    if (u && r && num(r).greaterThan(num(u))) {
      add(RULES.ruralAtMostUrban, blame(r, u), `at ${date} rural ${num(r).toFixed()} is above urban ${num(u).toFixed()}`);
    }
  }

  for (const path of ['dibao.standard.urban', 'dibao.standard.rural', 'min_wage.monthly']) {
    const h = history(path);
    for (let i = 1; i < h.length; i++) {
      const [a, b] = [h[i - 1]!, h[i]!];
      if (num(a).isZero()) continue;
      // (a band to warn by, not money: a double's root is exact enough, where Decimal's took ~30 ms for every command)
      const ratio = num(b).dividedBy(num(a)).toNumber();
      const years = Math.max(1, (Date.parse(b.from) - Date.parse(a.from)) / (365.25 * 86_400_000));
      const yearly = D(Math.pow(ratio, 1 / years));
      if (num(b).times(2).lessThan(num(a)))
        add(RULES.notHalved, b, `${path} goes ${num(a).toFixed()} → ${num(b).toFixed()} (${a.from} → ${b.from}): a digit short?`);
      else if (yearly.lessThan(YEARLY_BAND.low) || yearly.greaterThan(YEARLY_BAND.high)) {
        add(
          RULES.yearOnYear,
          b,
          `${path} goes ${num(a).toFixed()} → ${num(b).toFixed()} (${a.from} → ${b.from}): × ${yearly.toFixed(3)} a year`,
        );
      }
    }
  }

  // Each standard against the minimum wage in force at its date, and each minimum wage against the standards then (a CI
  // trial typed 8500 for 850: only the yearly-change warning saw it, and a policy ×10 throughout passed every rule).
  const wage = history('min_wage.monthly');
  for (const path of ['dibao.standard.urban', 'dibao.standard.rural']) {
    const standard = history(path);
    const told = new Set<DatedValue>(); // (each standard once: its first date against a lower minimum wage)
    for (const date of [...new Set([...standard, ...wage].map((e) => e.from))].sort()) {
      const [st, w] = [standard[indexInForce(standard, date)], wage[indexInForce(wage, date)]];
      if (st && w && !told.has(st) && !num(w).isZero() && num(st).greaterThanOrEqualTo(num(w)) && told.add(st))
        add(
          RULES.standardBelowMinWage,
          blame(st, w),
          `at ${date} ${path} ${num(st).toFixed()} is not below min_wage.monthly ${num(w).toFixed()} (${
            // (a wage under any published one is the value to look at: a trial's scenario set 190 and was told of the standard)
            num(w).lessThan(MIN_PUBLISHED_WAGE)
              ? `a minimum wage under ${MIN_PUBLISHED_WAGE} a month, below any of recent years: a digit short?`
              : "a month's amounts both: a yearly figure, or a digit too many?"
          })`,
        );
    }
  }

  // Each minimum wage against the urban standard (the higher one) in force with it, once per wage: a wage typed ×10 or
  // yearly passed every rule (an author's trial: 17000 for 1700; tekun's care is 70 % of it).
  const urbanS = history('dibao.standard.urban');
  const toldWage = new Set<DatedValue>();
  for (const date of [...new Set([...urbanS, ...wage].map((e) => e.from))].sort()) {
    const [st, w] = [urbanS[indexInForce(urbanS, date)], wage[indexInForce(wage, date)]];
    if (st && w && !toldWage.has(w) && !num(st).isZero() && num(w).greaterThan(num(st).times(MAX_WAGE_PER_STANDARD)) && toldWage.add(w))
      add(
        RULES.wageAboveStandard,
        // (a scenario's standard cut 90 % is the line to fix, not the policy's wage: a README trial was sent to the policy)
        fromScenario(st) && !fromScenario(w) ? st : w,
        `at ${date} min_wage.monthly ${num(w).toFixed()} is ${num(w).dividedBy(num(st)).toFixed(1)} × dibao.standard.urban ${num(st).toFixed()} (a month's amounts both: a yearly wage, or a digit too many?)`,
      );
  }

  // Amounts given for the wrong period (an author's retrial: a 80-a-month subsidy typed 960, a yearly income 4104):
  // each against a value of the same place it must be below (or above), at every date either changes, once per value.
  const toldPeriod = new Set<DatedValue>();
  const against = (path: string, other: string, wrong: (v: Dec, o: Dec) => boolean, says: (v: Dec, o: Dec) => string) => {
    const [h, o] = [history(path), history(other)];
    for (const date of [...new Set([...h, ...o].map((e) => e.from))].sort()) {
      const [x, y] = [h[indexInForce(h, date)], o[indexInForce(o, date)]];
      // (told at the newer of the two: a standard typed ×10 puts the income under 12 × S, and is the one to look at)
      if (x && y && !toldPeriod.has(x) && wrong(num(x), num(y)) && toldPeriod.add(x))
        add(RULES.amountsInTheirPeriod, blame(x, y), `at ${date} ${path} ${num(x).toFixed()} ${says(num(x), num(y))}`);
    }
  };
  for (const path of ['disability.living.monthly', 'disability.care.monthly.grade1', 'disability.care.monthly.grade2'])
    against(
      path,
      'dibao.standard.urban',
      (v, s) => v.greaterThan(s),
      (_, s) => `a month is above dibao.standard.urban ${s.toFixed()} (a year's amount?)`,
    );
  against(
    'dibao.employment_deduction',
    'min_wage.monthly',
    (v, w) => v.greaterThanOrEqualTo(w),
    (_, w) => `a month is not below min_wage.monthly ${w.toFixed()} (a year's amount?)`,
  );
  // The premium is a person's year (national 2024: 400; 2016: 150, against urban standards of about 500): below a tenth
  // of a month's standard, a month's premium was typed (a policy author's trial: 33.33 for 400, said valid).
  against(
    'medical.premium',
    'dibao.standard.urban',
    (v, s) => v.greaterThan(0) && v.lessThan(s.times('0.1')),
    (_, s) => `a year is below 0.1 × dibao.standard.urban ${s.toFixed()} (the premium is yuan a person a year: a month's?)`,
  );
  for (const area of AREAS)
    against(
      `rigid.disposable_income.${area}`,
      `dibao.standard.${area}`,
      (v, s) => v.lessThan(s.times(12)),
      (_, s) => `a year is below 12 × dibao.standard.${area} ${s.toFixed()} (a month's income, or a standard typed too high?)`,
    );

  // A group's subsidy above the premium is paid as the premium (step 9's min): a scenario's fixed 4000 a year for a
  // premium of 400 moved the cost by the premium alone, unsaid (a disability analyst's trial).
  // From the date the policy can run (a premium of 220 in 2018 under a fixed 280 from 2018 is no run's: Nanning runs
  // from 2020-11-21, when the premium was 280).
  const premium = history('medical.premium');
  const runs = completeFrom(policy) ?? '';
  for (const group of PREMIUM_GROUPS) {
    const [share, fixed] = [history(`medical.subsidy.${group}`), history(`medical.fixed.${group}`)];
    const told = new Set<DatedValue>();
    const changes = [...premium, ...share, ...fixed].map((e) => (e.from < runs ? runs : e.from));
    for (const date of [...new Set(changes)].sort()) {
      const [p, sh, f] = [premium, share, fixed].map((h) => h[indexInForce(h, date)]);
      if (!p || !f || num(f).isZero() || told.has(f)) continue;
      const paid = num(f).plus(sh ? num(sh).times(num(p)) : 0);
      if (paid.greaterThan(num(p)) && told.add(f))
        add(
          RULES.premiumCapped,
          sh && num(sh).greaterThan(0) ? blame(blame(f, sh), p) : blame(f, p),
          `at ${date} medical.fixed.${group} ${num(f).toFixed()}${sh && num(sh).greaterThan(0) ? ` + ${num(sh).toFixed()} × ${num(p).toFixed()}` : ''} is above medical.premium ${num(p).toFixed()}: the premium is what is paid (a digit too many?)`,
        );
    }
  }

  for (const e of history('tekun.basic.multiplier'))
    if (num(e).lessThan(1)) add(RULES.tekunAtLeastS, e, `the multiplier is ${num(e).toFixed()} from ${e.from}`);

  const [town, county, cap] = ['temporary.township_max', 'temporary.county_max', 'temporary.annual_cap'].map(history);
  for (const date of [...new Set([...town!, ...county!, ...cap!].map((e) => e.from))].sort()) {
    const [t, c, k] = [town!, county!, cap!].map((h) => h[indexInForce(h, date)]);
    if (t && c && k && (num(t).greaterThan(num(c)) || num(c).greaterThan(num(k)))) {
      add(
        RULES.tiersOrdered,
        // (of the pair out of order: a scenario's county_max under the township's was shown at the policy's line, and
        // so not said at all — a temporary-assistance officer's trial)
        num(t).greaterThan(num(c)) ? blame(t, c) : blame(c, k),
        `at ${date}: ${num(t).toFixed()} / ${num(c).toFixed()} / ${num(k).toFixed()}`,
      );
    }
  }

  for (const line of FUNDING_LINES) {
    const [c, p] = [`funding.${line}.central`, `funding.${line}.provincial`].map(history);
    for (const date of [...new Set([...c!, ...p!].map((e) => e.from))].sort()) {
      const [x, y] = [c!, p!].map((h) => h[indexInForce(h, date)]);
      if (!x || !y) continue;
      if (num(x).plus(num(y)).greaterThan(1))
        add(RULES.fundingShares, blame(x, y), `funding.${line} at ${date}: ${num(x).toFixed()} + ${num(y).toFixed()} > 1`);
      // Both drawn at their highs (a finance trial saw the county's share negative in sensitivity --draws).
      else if (x.range?.high !== undefined || y.range?.high !== undefined) {
        const [hx, hy] = [x, y].map((e) => (e.range?.high as Dec | undefined) ?? num(e));
        if (hx!.plus(hy!).greaterThan(1))
          add(
            RULES.fundingRanges,
            y.range?.high !== undefined ? y : x,
            `funding.${line} at ${date}: the ranges' high ends ${hx!.toFixed()} + ${hy!.toFixed()} > 1 (the city or county would pay ${D(1).minus(hx!).minus(hy!).toFixed()})`,
          );
      }
    }
  }

  // A date before any document could have set it: a typo in its year (an author's 0024-01-01 for 2024 was taken, and
  // every 2024 value was then warned "2000 years after" it, its own line never named)
  for (const [path, h] of policy.params)
    for (const e of h) if (e.from < EARLIEST) add(RULES.datedBefore, e, `${path} from ${e.from}: before ${EARLIEST} (a typo in its year?)`);
  // A date far after all the others: found by a finance trial (from: 2062-01-01 for 2026 ran with the old value).
  const dates = [...new Set([...policy.params.values()].flatMap((h) => h.map((e) => e.from)))].filter((d) => d >= EARLIEST).sort();
  const [newest, next] = [dates.at(-1), dates.at(-2)];
  if (newest && next && Date.parse(newest) - Date.parse(next) > AHEAD_YEARS * 365.25 * 86_400_000)
    for (const [path, h] of policy.params)
      for (const e of h)
        if (e.from === newest)
          add(
            RULES.datedAhead,
            e,
            `${path} from ${e.from}: ${Number(newest.slice(0, 4)) - Number(next.slice(0, 4))} years after the policy's next newest date (${next})`,
          );

  for (const path of ['low_income.multiplier', 'single_person.income_ceiling']) {
    for (const e of history(path)) {
      // 0 is how a policy says "not in force" (e.g. no single-person inclusion before a reform).
      if (!num(e).isZero() && num(e).lessThan(1)) add(RULES.multiplesAboveOne, e, `${path} is ${num(e).toFixed()} from ${e.from}`);
    }
  }
  // A mode's own value where another mode is in force all the while it is: no rule reads it (an onboarding trial's
  // tiers under the gap, and a benefit share beside gap_own_income, validated without a word)
  for (const spec of PARAMS) {
    const o = spec.optional;
    if (!o) continue;
    const [h, mode] = [history(spec.path), history(o.when)];
    h.forEach((e, i) => {
      const until = h[i + 1]?.from ?? '9999-12-31';
      const dates = [e.from, ...mode.filter((m) => m.from > e.from && m.from < until).map((m) => m.from)];
      const modes = dates.map((d) => mode[indexInForce(mode, d)]?.value);
      if (modes.every((m) => m !== undefined && m !== o.equals))
        add(
          RULES.valuesRead,
          e,
          `${spec.path} from ${e.from} is given, but ${o.when} is ${[...new Set(modes)].join(', then ')} while it is in force: no rule reads it (it is read when ${o.when} is ${o.equals})`,
        );
    });
    // …and the converse: the mode in force with nothing for it to read (an author's trial: tiered without tiers passed
    // validate, and simulate refused it at its date)
    // (from the date the policy is complete: before it, no run is made — simulate says from when)
    const told = new Set<DatedValue>();
    const complete = completeFrom(policy) ?? '';
    for (const date of [...new Set([complete, ...[...mode, ...h].map((x) => x.from).filter((d) => d > complete)])].sort()) {
      const m = mode[indexInForce(mode, date)];
      const own = h[indexInForce(h, date)]?.value;
      const empty = own === undefined || own === null || (Array.isArray(own) && own.length === 0);
      if (m && m.value === o.equals && empty && !told.has(m) && told.add(m))
        add(
          RULES.valuesGiven,
          m,
          `${o.when} is ${o.equals} from ${date}, so ${spec.path} needs a value then: ${h[0] ? `its first starts ${h[0].from}` : 'none is given'}`,
        );
    }
  }
  return out;
}

/** What a multiple above the bound was likely typed as: a percentage, months where years go (× 12 S), or yuan. */
function mistaken(v: Dec, unit: string): string {
  if (v.greaterThanOrEqualTo(1000)) return `an amount in yuan where a multiple (${unit}) goes?`;
  if (unit.startsWith('× 12'))
    return `months where a number of years goes (${v.toFixed()} months is ${v.dividedBy(12).toDecimalPlaces(4).toFixed()} ${unit})?`;
  // (a published multiple is about 1–3: 130 for 1.3 is a percentage; 15 for 1.5 a digit too many — an author's trial was
  // told 15 is 0.15, no multiple of S)
  const plausible = (x: Dec) => x.greaterThanOrEqualTo(0.5) && x.lessThanOrEqualTo(5);
  if (!plausible(v.dividedBy(100)) && plausible(v.dividedBy(10)))
    return `a digit too many (${v.toFixed()} for ${v.dividedBy(10).toFixed()})?`;
  return `a percentage (${v.toFixed()} % is ${v.dividedBy(100).toFixed()})?`;
}
