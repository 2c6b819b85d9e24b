// Households at the lines the steps' reaches draw (programs/screen.ts): the screen's edges, for the tests that hold
// the screen and the reach index (core/reach-index.ts) to what every step run finds.
import { STEPS } from '../../src/core/programs/index.js';
import { compileScreen, FEATURE, type Reach } from '../../src/core/programs/screen.js';
import type { Rules } from '../../src/core/rules.js';
import { fenToYuan } from '../../src/core/money.js';

/** The lines the steps' reaches draw under some rules, by area: [needs, num, den] (I × den < num × n). */
function lines(rules: Rules, area: number): Array<[number, number, number]> {
  const reaches = STEPS.flatMap((s, i) =>
    s.run ? [(s.reach as ((r: unknown) => Reach) | undefined)?.(rules.byArea[area]![i]) ?? null] : [],
  );
  const s = compileScreen(reaches)!;
  return Array.from(s.needs, (needs, j) => [needs, s.num[j]!, s.den[j]!]);
}

/**
 * Households of 1 and 2 members with counted income one fen under, at and over each line (an adult of 40 with a
 * capable supporter, income as other_income so no deduction applies), with the feature the line needs.
 */
export function atTheLines(runs: readonly Rules[]): string {
  const rows = ['household_id,person_id,age,area,other_income,disability_grade,serious_illness,rigid_expenditure,on_dibao,emergency_need'];
  const feature = (needs: number) => ({
    disability: needs & FEATURE.severe ? 1 : 0,
    ill: needs & FEATURE.severeOrIll && !(needs & FEATURE.severe) ? 1 : 0,
    rigid: needs & FEATURE.rigid ? '5000' : '0',
    onDibao: needs & FEATURE.onDibao ? 1 : 0,
    emergency: needs & FEATURE.emergency ? '800' : '0',
  });
  let id = 0;
  runs.forEach((rules) =>
    [0, 1].forEach((area) =>
      lines(rules, area).forEach(([needs, num, den]) => {
        for (const n of [1, 2])
          for (const d of [-1, 0, 1]) {
            const I = Math.max(0, Math.floor((num * n) / den) + d);
            const f = feature(needs);
            const h = `L${id++}`;
            for (let m = 0; m < n; m++) {
              const inc = m === 0 ? I - Math.floor(I / n) * (n - 1) : Math.floor(I / n);
              rows.push(
                `${h},${h}-${m},40,${area ? 'rural' : 'urban'},${fenToYuan(inc)},${m === 0 ? f.disability : 0},${m === 0 ? f.ill : 0},${f.rigid},${f.onDibao},${f.emergency}`,
              );
            }
          }
      }),
    ),
  );
  return rows.join('\n') + '\n';
}
