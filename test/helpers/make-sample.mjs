// Synthetic households that exercise every program (deterministic for a seed). Not a calibrated
// population (that is `jiuzhu generate`'s job): the bundled sample for the quick start and the tests,
// and the bench's input. Run `node test/helpers/make-sample.mjs` to rewrite
// policies/samples/households.csv (600 households, seed 20261122).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let state = 20261122;
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const lognormal = (median, sd) => median * Math.exp(sd * normal());
const pick = (weights) => {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
  return weights.length - 1;
};
const yuan = (x) => (Math.round(x * 100) / 100).toFixed(2).replace(/\.00$/, '');

const header = [
  'household_id',
  'person_id',
  'age',
  'area',
  'wage_income',
  'other_income',
  'disability_grade',
  'serious_illness',
  'labor_capacity',
  'self_care',
  'has_capable_supporter',
  'financial_assets',
  'rigid_expenditure',
  'on_dibao',
  'prior_dibao',
  'emergency_need',
  'weight',
];
export const HEADER = header.join(',') + '\n';

/** Yields the CSV text of households 1..n in chunks of about `per` households. */
export function* householdsCsv(n, seed = 20261122, per = 2000) {
  state = seed;
  let rows = [];
  for (let h = 1; h <= n; h++) {
    for (const row of household(h, n)) rows.push(row);
    if (h % per === 0 || h === n) {
      yield rows.join('\n') + '\n';
      rows = [];
    }
  }
}

function household(h, n) {
  const rows = [];
  const hid = `H${String(h).padStart(Math.max(4, String(n).length), '0')}`;
  const urban = rand() < 0.55;
  const size = 1 + pick([18, 26, 24, 19, 13]);
  const poor = rand() < 0.22; // a poorer household: lower wages
  const persons = [];
  for (let i = 0; i < size; i++) {
    const role = i === 0 ? pick([55, 45]) : pick([40, 25, 35]); // 0 adult, 1 elderly, 2 child
    const age = role === 0 ? 20 + Math.floor(rand() * 40) : role === 1 ? 60 + Math.floor(rand() * 30) : Math.floor(rand() * 18);
    const grade = rand() < 0.07 ? 1 + pick([25, 25, 25, 25]) : 0;
    const ill = rand() < 0.05 ? 1 : 0;
    const severe = grade === 1 || grade === 2;
    const labor = age < 18 || age >= 60 ? 'none' : severe || (ill && rand() < 0.6) ? 'none' : grade || ill ? 'partial' : 'full';
    const selfCare = severe && rand() < 0.5 ? 'none' : age >= 80 || severe ? 'partial' : 'full';
    const employed = labor !== 'none' && age >= 18 && rand() < (poor ? 0.55 : 0.85);
    const median = (urban ? 3600 : 2000) * (poor ? 0.35 : 1) * (labor === 'partial' ? 0.5 : 1);
    const wage = employed ? lognormal(median, 0.6) : 0;
    const pension = age >= 60 ? (urban ? (rand() < 0.7 ? lognormal(poor ? 700 : 2200, 0.5) : 0) : lognormal(180, 0.3)) : 0;
    const other = pension + (rand() < 0.1 ? lognormal(150, 0.8) : 0);
    const alone = size === 1 || persons.every((p) => p.age >= 60 || p.age < 18);
    const supporter = alone && (age >= 60 || severe || age < 18) && rand() < 0.25 ? 0 : 1;
    persons.push({ age, wage, other, grade, ill, labor, selfCare, supporter });
  }
  const sick = persons.some((p) => p.ill || p.grade);
  const assets = rand() < 0.3 ? 0 : lognormal(poor ? 4000 : 40000, 1.0);
  const rigid = sick && rand() < 0.7 ? lognormal(25000, 0.8) : rand() < 0.1 ? lognormal(6000, 0.7) : 0;
  const onDibao = poor && rand() < 0.35 ? 1 : 0;
  const prior = onDibao ? Math.round(lognormal(350, 0.4)) * size : 0;
  const emergency = rand() < 0.05 ? lognormal(6000, 1.2) : 0;
  const weight = (150 + rand() * 300).toFixed(1);
  persons.forEach((p, i) => {
    rows.push(
      [
        hid,
        `${hid}-${i + 1}`,
        p.age,
        urban ? 'urban' : 'rural',
        yuan(p.wage),
        yuan(p.other),
        p.grade,
        p.ill,
        p.labor,
        p.selfCare,
        p.supporter,
        yuan(assets),
        yuan(rigid),
        onDibao,
        yuan(prior),
        yuan(emergency),
        weight,
      ].join(','),
    );
  });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = HEADER + [...householdsCsv(600)].join('');
  writeFileSync(new URL('../../policies/samples/households.csv', import.meta.url), text);
  console.log(`wrote ${text.split('\n').length - 2} person rows`);
}
