// Synthetic households from a population profile: deterministic for a seed (mulberry32), produced in chunks
// so any number of households streams in bounded memory. Amounts are drawn as numbers and written as
// integer fen (this is data generation, not money arithmetic). Columns: DOMAIN's household CSV.
import { COL, COLUMN_NAMES, type Column } from './columns.js';
import { fenToYuan } from './money.js';
import { dist, num, type Profile } from './profile.js';

/** The columns written, in the column table's order (every column, so a generated file states every value). */
export const GENERATED_COLUMNS: readonly Column[] = COLUMN_NAMES;

export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  pick(shares: readonly number[]): number {
    let r = this.next();
    for (let i = 0; i < shares.length; i++) if ((r -= shares[i]!) < 0) return i;
    return shares.length - 1;
  }
}

export interface GenerateSettings {
  readonly profile: Profile;
  readonly households: number;
  readonly seed: number;
  /** S (fen a month) by area [urban, rural] at the date: the low tail and current dibao receipt are drawn against it. */
  readonly standard: readonly [number, number];
}

const fen = (yuan: number) => Math.max(0, Math.round(yuan * 100));
const money = (yuan: number) => fenToYuan(fen(yuan));

/** The weight of every household: the population over the expected persons of the sample, six decimals. */
export function weightOf(s: GenerateSettings): string {
  const p = s.profile;
  const meanSize = (key: string) => dist(p, key).reduce((a, share, i) => a + share * (i + 1), 0);
  const u = num(p, 'population.urban_share');
  // Households are drawn urban with the share that gives `u` of persons.
  const persons = s.households * (u * meanSize('household_size.urban') + (1 - u) * meanSize('household_size.rural'));
  return (num(p, 'population.persons') / persons).toFixed(6);
}

/** Yields CSV text (no header) for households [1, n], `per` households at a time. */
export function* generateCsv(s: GenerateSettings, per = 5000): Generator<string> {
  const p = s.profile;
  const r = new Random(s.seed);
  const weight = weightOf(s);
  const width = Math.max(6, String(s.households).length);
  // Every profile value is read once here, not once per draw.
  const byArea = (['urban', 'rural'] as const).map((a) => ({
    name: a,
    sizes: dist(p, `household_size.${a}`),
    child: num(p, `age.child_share.${a}`),
    elderly: num(p, `age.elderly_share.${a}`),
    sigma: num(p, `income.sigma.${a}`),
    mean: num(p, `income.disposable.${a}`) / 12,
    lowTail: num(p, `income.low_tail_share.${a}`),
  }));
  const over80 = num(p, 'age.over80_share');
  const [disAdult, disOld, severeShare] = [num(p, 'disability.adult'), num(p, 'disability.elderly'), num(p, 'disability.severe_share')];
  const [illAdult, illOld] = [num(p, 'illness.adult'), num(p, 'illness.elderly')];
  const [noSupporterShare, lowTailMedian] = [num(p, 'supporter.absent'), num(p, 'income.low_tail_median')];
  const [zeroAssets, assetMonths] = [num(p, 'assets.zero_share'), num(p, 'assets.median_months')];
  const [rigidShare, rigidMedian] = [num(p, 'rigid.share_sick'), num(p, 'rigid.median')];
  const onDibaoShare = num(p, 'on_dibao.share_below');
  const [emergencyShare, emergencyMedian] = [num(p, 'emergency.share'), num(p, 'emergency.median')];
  const u = num(p, 'population.urban_share');
  const [mu, mr] = byArea.map((x) => x.sizes.reduce((a, share, i) => a + share * (i + 1), 0));
  const urbanHouseholdShare = u / mu! / (u / mu! + (1 - u) / mr!);
  let rows: string[] = [];
  for (let h = 1; h <= s.households; h++) {
    const urban = r.next() < urbanHouseholdShare;
    const A = byArea[urban ? 0 : 1]!;
    const S = s.standard[urban ? 0 : 1]! / 100;
    const size = 1 + r.pick(A.sizes);
    // Members: the first is an adult or elderly head; the others follow the age structure.
    const persons = Array.from({ length: size }, (_, i) => {
      const g = i === 0 ? (r.next() < A.elderly / (1 - A.child) ? 2 : 1) : r.pick([A.child, 1 - A.child - A.elderly, A.elderly]);
      const age =
        g === 0
          ? Math.floor(r.next() * 18)
          : g === 1
            ? 18 + Math.floor(r.next() * 42)
            : r.next() < over80
              ? 80 + Math.floor(r.next() * 20)
              : 60 + Math.floor(r.next() * 20);
      const old = age >= 60;
      const disabled = age >= 18 && r.next() < (old ? disOld : disAdult);
      const grade = disabled ? (r.next() < severeShare ? 1 + Math.floor(r.next() * 2) : 3 + Math.floor(r.next() * 2)) : 0;
      const ill = age >= 18 && r.next() < (old ? illOld : illAdult) ? 1 : 0;
      const severe = grade === 1 || grade === 2;
      const labor = age < 18 || old ? 'none' : severe || (ill && r.next() < 0.5) ? 'none' : grade || ill ? 'partial' : 'full';
      const selfCare = severe ? (r.next() < 0.4 ? 'none' : 'partial') : age >= 80 && r.next() < 0.25 ? 'partial' : 'full';
      return { age, grade, ill, labor, selfCare };
    });
    // Per-capita monthly income: the main distribution (its mean is the published disposable income), or the low tail.
    const low = r.next() < A.lowTail;
    const perCapita = low ? r.lognormal(lowTailMedian * S, 0.5) : r.lognormal(A.mean * Math.exp(-(A.sigma * A.sigma) / 2), A.sigma);
    const total = perCapita * size;
    // Shares of income: full-capacity adults earn wages, partial ones half as much; the elderly have pensions.
    const shares = persons.map((m): number =>
      m.age < 18 ? 0 : m.age >= 60 ? 0.6 : m.labor === 'full' ? 1 : m.labor === 'partial' ? 0.5 : 0.1,
    );
    const sum = shares.reduce((x, y) => x + y, 0) || 1;
    const working = persons.some((m) => m.age >= 18 && m.age < 60 && m.labor !== 'none');
    const noSupporter = !working && r.next() < noSupporterShare;
    const assets = r.next() < zeroAssets ? 0 : r.lognormal(assetMonths * total, 1);
    const sick = persons.some((m) => m.ill || m.grade === 1 || m.grade === 2);
    const rigid = sick && r.next() < rigidShare ? r.lognormal(rigidMedian, 0.8) : 0;
    const onDibao = perCapita < 1.2 * S && r.next() < onDibaoShare ? 1 : 0;
    const prior = onDibao ? Math.max(S * 0.3, S - perCapita) * size : 0;
    const emergency = r.next() < emergencyShare ? r.lognormal(emergencyMedian, 1) : 0;
    const hid = `G${String(h).padStart(width, '0')}`;
    const [assetsText, rigidText, priorText, emergencyText] = [money(assets), money(rigid), money(prior), money(emergency)];
    persons.forEach((m, i) => {
      const income = (total * shares[i]!) / sum;
      const wage = m.age >= 18 && m.age < 60 && m.labor !== 'none' ? income : 0;
      const supporter = (m.age >= 60 || m.grade || m.age < 18) && noSupporter ? 0 : 1;
      const row: Array<string | number> = new Array(COLUMN_NAMES.length);
      row[COL.household_id] = hid;
      row[COL.person_id] = `${hid}-${i + 1}`;
      row[COL.age] = m.age;
      row[COL.area] = A.name;
      row[COL.wage_income] = money(wage);
      row[COL.other_income] = money(income - wage);
      row[COL.disability_grade] = m.grade;
      row[COL.serious_illness] = m.ill;
      row[COL.labor_capacity] = m.labor;
      row[COL.self_care] = m.selfCare;
      row[COL.has_capable_supporter] = supporter;
      row[COL.financial_assets] = assetsText;
      row[COL.rigid_expenditure] = rigidText;
      row[COL.on_dibao] = onDibao;
      row[COL.prior_dibao] = priorText;
      row[COL.emergency_need] = emergencyText;
      row[COL.weight] = weight;
      rows.push(row.join(','));
    });
    if (h % per === 0 || h === s.households) {
      yield rows.join('\n') + '\n';
      rows = [];
    }
  }
}
