// Synthetic households from a population profile: deterministic for a seed (mulberry32), produced in chunks so any
// number of households streams in bounded memory. Amounts are drawn as numbers and written as integer fen (this is
// data generation, not money arithmetic). Columns: DOMAIN's household CSV.
//
// How a household is drawn: its area and size; who lives in it (a lone elder, an elderly couple, a couple with
// children, three generations … by the profile's composition shares); each member's disability, illness, labour
// capacity and self-care; then its per-capita income. Incomes follow a mixture fitted to the published quintiles of
// the area (a log-normal body — two-piece where the profile gives the top half its own spread — and a low component uniform from 0 to low_top × the mean), and go to households by rank of earning capacity (a copula within each chunk: the chunk's incomes,
// sorted, meet its households sorted by earners per person plus noise), so a lone elder is poorer than a working
// couple and the income distribution is still the published one. A working-age earner is a capable supporter of
// everyone in the household; only a household with no earner may lack one. Take-up draws are uniform; a household
// that takes dibao up and is from S to (1 + band) × S per capita received it before (on_dibao, prior_dibao: the
// gradual exit's base); one below S receives it by its take-up draw alone, so take-up stays a lever.
import { generatedId } from './ids.js';
import { normalCdf, normalQuantile, Random } from './random.js';
import { AREAS, COL, COLUMN_NAMES, type Column } from './columns.js';
import { fenToYuan } from './money.js';
import { dec, type Snapshot } from './parameters/tree.js';
import { dist, num, type Profile } from './profile.js';
import { standards } from './rules.js';

/** The columns written, in the column table's order (every column, so a generated file states every value). */
export const GENERATED_COLUMNS: readonly Column[] = COLUMN_NAMES;

/**
 * Ages within each block of life, by the 2020 census's national five-year groups (万 persons: 0–4 7788, 5–9 9024,
 * 10–14 8526, 15–19 7268, 20–24 7494, 25–29 9185, 30–34 12415, 35–39 9901, 40–44 9295, 45–49 11422, 50–54 12116,
 * 55–59 10140, 60–64 7338, 65–69 7401, 70–74 4959, 75–79 3124, 80–84 2038, 85–89 1164, 90–94 432, 95+ 109; an
 * estimate: not in the team's research, to verify; the national shape stands in for each locality's). Who lives with
 * whom still decides a block (ages()); within it, the ages were flat — 90–99 held 1.4 % of persons, about 0.35 %
 * nationally (a demographer's trial).
 */
const AGE_BANDS = {
  child: [
    [0, 4, 7788],
    [5, 9, 9024],
    [10, 14, 8526],
    [15, 17, (7268 * 3) / 5],
  ],
  adult: [
    [22, 24, (7494 * 3) / 5],
    [25, 29, 9185],
    [30, 34, 12415],
    [35, 39, 9901],
    [40, 44, 9295],
    [45, 49, 11422],
    [50, 54, 12116],
    [55, 59, 10140],
  ],
  young_old: [
    [60, 64, 7338],
    [65, 69, 7401],
    [70, 74, 4959],
    [75, 79, 3124],
  ],
  old_old: [
    [80, 84, 2038],
    [85, 89, 1164],
    [90, 94, 432],
    [95, 99, 109],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [number, number, number]>>;

export interface GenerateSettings {
  readonly profile: Profile;
  readonly households: number;
  readonly seed: number;
  /** S (fen a month) by area [urban, rural] at the date: current dibao receipt is drawn against it. */
  readonly standard: readonly [number, number];
  /** take_up.dibao at the date: a household receiving dibao now is one that takes it up. */
  readonly takeUpDibao: number;
  /** dibao.assets.limit_months at the date: a household receiving dibao now passed the asset test when it entered. */
  readonly assetLimitMonths: number;
}

/** The draws' version: bumped whenever a seed's households change (the bench keeps a generated file by it). */
export const GENERATOR_VERSION = 2;

/** What generate draws against, from the policy at the date. */
export const settingsAt = (profile: Profile, snapshot: Snapshot, households: number, seed: number): GenerateSettings => ({
  profile,
  households,
  seed,
  standard: standards(snapshot),
  takeUpDibao: dec(snapshot, 'take_up.dibao').toNumber(),
  assetLimitMonths: dec(snapshot, 'dibao.assets.limit_months').toNumber(),
});

const fen = (yuan: number) => Math.max(0, Math.round(yuan * 100));
const money = (yuan: number) => fenToYuan(fen(yuan));

/** The weight of every household of `households` drawn from profile p: the population over their expected persons, six decimals. */
export function weightOf(p: Profile, households: number): string {
  const meanSize = (key: string) => dist(p, key).reduce((a, share, i) => a + share * (i + 1), 0);
  const u = num(p, 'population.urban_share');
  // Households are drawn urban with the share that gives `u` of persons (settingsOf's urbanHouseholdShare), so a household
  // holds 1 / (u / mean urban + (1 − u) / mean rural) persons, the sizes' harmonic mean. (Their arithmetic mean, more,
  // had grossed every population up 0.4–1.2 % short of its persons: a demographer's trial.)
  const persons = households / (u / meanSize('household_size.urban') + (1 - u) / meanSize('household_size.rural'));
  return (num(p, 'population.persons') / persons).toFixed(6);
}

interface Member {
  age: number;
  grade: number;
  ill: number;
  labor: 'full' | 'partial' | 'none';
  selfCare: 'full' | 'partial' | 'none';
}

interface Drawn {
  urban: boolean;
  members: Member[];
  /** Earners per person, weighted by capacity: the household's rank of earning capacity (with noise). */
  score: number;
  /** Per-capita monthly income, yuan (from the chunk's incomes, by rank). */
  perCapita: number;
}

/** The profile's values, read once. */
function settingsOf(p: Profile) {
  const byArea = AREAS.map((a) => {
    const sigma = num(p, `income.sigma.${a}`);
    const upper = p.values.get(`income.upper_sigma.${a}`)?.value;
    const from = p.values.get(`income.upper_from.${a}`)?.value;
    const z0 = typeof from === 'number' ? normalQuantile(from) : 0;
    const mean = num(p, `income.disposable.${a}`) / 12;
    const low = num(p, `income.low_share.${a}`);
    const top = num(p, `income.low_top.${a}`);
    // The mixture's mean is the published mean: the body's mean makes up for the low component's (top / 2 × mean).
    const bodyMean = (mean * (1 - (low * top) / 2)) / (1 - low);
    return {
      name: a,
      sizes: dist(p, `household_size.${a}`),
      singleElderly: num(p, `composition.single_elderly.${a}`),
      coupleElderly: num(p, `composition.couple_elderly.${a}`),
      withElderly: num(p, `composition.with_elderly.${a}`),
      grownChild: num(p, `composition.grown_child.${a}`),
      noSupporter: num(p, `supporter.absent.${a}`),
      rigidSick: num(p, `rigid.share_sick.${a}`),
      rigidOther: num(p, `rigid.share_other.${a}`),
      sigma,
      upper: typeof upper === 'number' ? upper : sigma,
      z0,
      low,
      lowTop: top * mean,
      // The log-normal's median for its mean: mean × e^(−σ²/2); a two-piece one's, σ below z0 (the normal's
      // upper_from quantile) and σu above: mean ÷ (e^(σ²/2) Φ(z0 − σ) + e^((σ − σu) z0 + σu²/2) (1 − Φ(z0 − σu))).
      median:
        typeof upper === 'number'
          ? bodyMean /
            (Math.exp((sigma * sigma) / 2) * normalCdf(z0 - sigma) +
              Math.exp((sigma - upper) * z0 + (upper * upper) / 2) * (1 - normalCdf(z0 - upper)))
          : bodyMean * Math.exp(-(sigma * sigma) / 2),
    };
  });
  const [mu, mr] = byArea.map((x) => x.sizes.reduce((a, share, i) => a + share * (i + 1), 0));
  const u = num(p, 'population.urban_share');
  return {
    byArea,
    urbanHouseholdShare: u / mu! / (u / mu! + (1 - u) / mr!),
    over80: num(p, 'age.over80_share'),
    disAdult: num(p, 'disability.adult'),
    disOld: num(p, 'disability.elderly'),
    severeShare: num(p, 'disability.severe_share'),
    illAdult: num(p, 'illness.adult'),
    illOld: num(p, 'illness.elderly'),
    elderlyLost: num(p, 'self_care.elderly_lost'),
    link: num(p, 'income.earning_link'),
    disabilityLink: num(p, 'income.disability_link'),
    zeroAssets: num(p, 'assets.zero_share'),
    assetMonths: num(p, 'assets.median_months'),
    rigidMedian: num(p, 'rigid.median'),
    rigidOtherMedian: num(p, 'rigid.median_other'),
    band: num(p, 'on_dibao.band'),
    emergencyShare: num(p, 'emergency.share'),
    emergencyMedian: num(p, 'emergency.median'),
  };
}
type Settings = ReturnType<typeof settingsOf>;

/** The ages of a household of `size`: who lives together, by the area's composition shares. */
function ages(r: Random, A: Settings['byArea'][number], over80: number, size: number): number[] {
  const elder = () => r.age(r.next() < over80 ? AGE_BANDS.old_old : AGE_BANDS.young_old);
  const adult = () => r.age(AGE_BANDS.adult);
  const child = () => r.age(AGE_BANDS.child);
  if (size === 1) return [r.next() < A.singleElderly ? elder() : adult()];
  if (size === 2) {
    if (r.next() < A.coupleElderly) return [elder(), elder()];
    const x = r.next();
    if (x < 0.85 && x >= 0.6) {
      const [parent, kid] = [adult(), child()]; // (in this order: the draws as they were)
      return [...parentOf([parent], [kid]), kid];
    }
    return x < 0.6 ? [adult(), adult()] : [adult(), elder()];
  }
  const elderly = r.next() < A.withElderly ? (size === 3 || r.next() < 0.5 ? 1 : 2) : 0;
  const rest = size - elderly;
  // Parents (one in eight households a single parent), and often a grown child still at home.
  let adults = elderly ? (rest >= 3 ? 2 : rest === 2 ? 1 + Math.floor(r.next() * 2) : 1) : r.next() < 0.12 ? 1 : 2;
  if (rest - adults >= 1 && r.next() < A.grownChild) adults++;
  adults = Math.max(adults, rest - 3); // at most three children
  const grown = Array.from({ length: adults }, adult);
  const elders = Array.from({ length: elderly }, elder);
  const children = Array.from({ length: rest - adults }, child);
  return [...parentOf(grown, children), ...elders, ...children];
}

/**
 * The adults with the eldest at least 18 years older than the eldest child: a parent (an auditor found 1 household in
 * 94 with a "parent" of 28 and a child of 15). Drawn apart, the eldest adult is moved up, 18–25 years above the child
 * (by its own age, drawing nothing more: the same draws, so every other figure stays as it was); at most 42, still of
 * working age.
 */
function parentOf(adults: number[], children: readonly number[]): number[] {
  if (!children.length || !adults.length) return adults;
  const eldest = Math.max(...adults);
  const need = Math.max(...children) + 18;
  if (eldest >= need) return adults;
  const i = adults.indexOf(eldest);
  return adults.map((a, k) => (k === i ? need + (eldest % 8) : a));
}

function member(r: Random, s: Settings, age: number): Member {
  const old = age >= 60;
  const disabled = age >= 18 && r.next() < (old ? s.disOld : s.disAdult);
  const grade = disabled ? (r.next() < s.severeShare ? r.between(1, 2) : r.between(3, 4)) : 0;
  const ill = age >= 18 && r.next() < (old ? s.illOld : s.illAdult) ? 1 : 0;
  const severe = grade === 1 || grade === 2;
  const labor = age < 18 || old ? 'none' : severe || (ill && r.next() < 0.5) ? 'none' : grade || ill ? 'partial' : 'full';
  // Self-care is lost with severe disability, and with age: from 80 at the profile's rate, at 60–79 at a quarter of it.
  const lost = age >= 80 ? s.elderlyLost : old ? s.elderlyLost / 4 : 0;
  const selfCare = severe ? (r.next() < 0.4 ? 'none' : 'partial') : r.next() < lost ? 'partial' : 'full';
  return { age, grade, ill, labor, selfCare };
}

/** A member's share of the household's income: wages for those who can work, pensions for the elderly. */
const incomeShare = (m: Member): number =>
  m.age < 18 ? 0 : m.age >= 60 ? 0.6 : m.labor === 'full' ? 1 : m.labor === 'partial' ? 0.5 : 0.1;
const canEarn = (m: Member) => m.age >= 18 && m.age < 60 && m.labor !== 'none';

/**
 * The household's income shared unevenly among its earners, and among its pensioners (a realism audit found 92 % of
 * households with two earners paid the same to the fen, so that every rule read per person — tekun's own income, the
 * single-person inclusion, the 2 × S supporter — met household averages): each one's part times a factor drawn around
 * 1 (log-normal: wages σ 0.5, pensions σ 0.3; an estimate), the household's total kept. From a stream of its own per
 * household (`r`), so that every other draw — who lives where, the household's income, its assets — is as before.
 */
function spreadWithin(incomes: number[], members: readonly Member[], r: Random): void {
  for (const [group, sigma] of [
    [(m: Member) => canEarn(m), 0.5],
    [(m: Member) => m.age >= 60, 0.3],
  ] as const) {
    const at = members.flatMap((m, i) => (group(m) && incomes[i]! > 0 ? [i] : []));
    if (at.length < 2) continue;
    const total = at.reduce((a, i) => a + incomes[i]!, 0);
    const drawn = at.map((i) => incomes[i]! * Math.exp(sigma * r.normal()));
    const scale = total / drawn.reduce((a, x) => a + x, 0);
    at.forEach((i, k) => (incomes[i] = drawn[k]! * scale));
  }
}

/** Yields CSV text (no header) for households [1, n], `per` households at a time. */
export function* generateCsv(s: GenerateSettings, per = 5000): Generator<string> {
  const set = settingsOf(s.profile);
  const r = new Random(s.seed);
  const weight = weightOf(s.profile, s.households);
  const width = Math.max(6, String(s.households).length);
  for (let first = 1; first <= s.households; first += per) {
    const count = Math.min(per, s.households - first + 1);
    // Who lives in each household, and its earning capacity.
    const drawn: Drawn[] = Array.from({ length: count }, () => {
      const urban = r.next() < set.urbanHouseholdShare;
      const A = set.byArea[urban ? 0 : 1]!;
      const members = ages(r, A, set.over80, 1 + r.pick(A.sizes)).map((age) => member(r, set, age));
      const earners = members.reduce((a, m) => a + (canEarn(m) ? (m.labor === 'full' ? 1 : 0.5) : 0), 0);
      // Disability and serious illness cost a household more than the earnings they forgo (care, treatment).
      const afflicted = members.filter((m) => m.grade || m.ill).length;
      const score = Math.log(0.15 + earners / members.length) - (set.disabilityLink * afflicted) / members.length + set.link * r.normal();
      return { urban, members, score, perCapita: 0 };
    });
    // Incomes by rank, area by area: the chunk's draws from the area's log-normal, sorted, to households sorted by score.
    for (const [ai, A] of set.byArea.entries()) {
      const group = drawn.filter((d) => d.urban === (ai === 0)).sort((a, b) => a.score - b.score);
      const incomes = group.map(() => (r.next() < A.low ? r.next() * A.lowTop : body(r, A))).sort((a, b) => a - b);
      group.forEach((d, i) => (d.perCapita = incomes[i]!));
    }
    const rows: string[] = [];
    drawn.forEach((d, k) => rows.push(...householdRows(r, set, s, d, first + k, width, weight)));
    yield rows.join('\n') + '\n';
  }
}

/** A draw of the income body: log-normal about its median, σ below z0 and σu above (the same draws either way). */
function body(r: Random, A: Settings['byArea'][number]): number {
  const z = r.normal();
  return A.median * Math.exp(z > A.z0 ? A.sigma * A.z0 + A.upper * (z - A.z0) : A.sigma * z);
}

function householdRows(r: Random, set: Settings, s: GenerateSettings, d: Drawn, h: number, width: number, weight: string): string[] {
  const { members, urban } = d;
  const size = members.length;
  const S = s.standard[urban ? 0 : 1]! / 100;
  const total = d.perCapita * size;
  const shares = members.map(incomeShare);
  const sum = shares.reduce((x, y) => x + y, 0) || 1;
  // A working-age earner supports the household; without one, it may have no capable supporter at all.
  const earner = members.some(canEarn);
  const A = set.byArea[urban ? 0 : 1]!;
  const noSupporter = !earner && r.next() < A.noSupporter;
  const assets = r.next() < set.zeroAssets ? 0 : r.lognormal(set.assetMonths * total, 1);
  const sick = members.some((m) => m.ill || m.grade === 1 || m.grade === 2);
  const rigid =
    sick && r.next() < A.rigidSick
      ? r.lognormal(set.rigidMedian, 0.8)
      : r.next() < A.rigidOther
        ? r.lognormal(set.rigidOtherMedian, 0.8)
        : 0;
  const emergency = r.next() < set.emergencyShare ? r.lognormal(set.emergencyMedian, 1) : 0;
  const draw = Math.floor(r.next() * 1_000_000);
  // on_dibao marks only a household above the line that received dibao (the gradual exit's base): one below it that
  // takes dibao up receives it through its take-up draw, so a scenario's or an estimate's take-up moves it. Marked
  // on_dibao, it would take dibao up whatever take_up.dibao says (DOMAIN, take-up).
  const onDibao = d.perCapita >= S && d.perCapita < (1 + set.band) * S && draw < s.takeUpDibao * 1_000_000 ? 1 : 0;
  const prior = onDibao ? Math.max(S * 0.3, S - d.perCapita) * size : 0;
  const hid = generatedId(h, width);
  // (draws of this household's own, apart from the chunk's stream: every other draw stays as it was)
  const own = new Random(Math.imul(s.seed ^ 0x5bd1e995, 0x27d4eb2d) ^ h);
  const incomes = members.map((_, i) => (total * shares[i]!) / sum);
  spreadWithin(incomes, members, own);
  // A household on dibao now entered it within the asset limit (step 2): drawn over it, it holds a part of the limit
  // instead (5–8 % of them were over it, up to 7.8 ×, and left dibao at once: a realism audit).
  const limit = onDibao ? s.assetLimitMonths * S * size : Infinity;
  const held = assets > limit ? limit * (0.2 + 0.8 * own.next()) : assets;
  const household = [money(held), money(rigid), money(prior), money(emergency), `0.${String(draw).padStart(6, '0')}`];
  // A member whose own income keeps themselves and one more at the standard (2 × S) can support the others: a
  // grandparent's pension, the children they raise (an estimate; a researcher found tekun children beside a parent
  // with 26,658 a month, in the top decile).
  const supports = incomes.map((x) => x >= 2 * S);
  return members.map((m, i) => {
    const income = incomes[i]!;
    const wage = canEarn(m) ? income : 0;
    const row: Array<string | number> = new Array(COLUMN_NAMES.length);
    row[COL.household_id] = hid;
    row[COL.person_id] = `${hid}-${i + 1}`;
    row[COL.age] = m.age;
    row[COL.area] = urban ? 'urban' : 'rural';
    row[COL.wage_income] = money(wage);
    row[COL.other_income] = money(income - wage);
    row[COL.disability_grade] = m.grade;
    row[COL.serious_illness] = m.ill;
    row[COL.labor_capacity] = m.labor;
    row[COL.self_care] = m.selfCare;
    row[COL.has_capable_supporter] = noSupporter && !supports.some((y, j) => y && j !== i) ? 0 : 1;
    [row[COL.financial_assets], row[COL.rigid_expenditure], row[COL.prior_dibao], row[COL.emergency_need], row[COL.take_up_draw]] =
      household;
    row[COL.on_dibao] = onDibao;
    row[COL.weight] = weight;
    return row.join(',');
  });
}
