const dist = new URL('./dist/', import.meta.url);
const load = (path) => import(new URL(path, dist));
const { readHouseholds } = await load('engine/households.js');
const { Executor } = await load('engine/pool.js');
const { settingsFromEnv } = await load('cli/settings.js');
const { loadPolicy } = await load('io/policy-file.js');
const { loadScenario } = await load('io/scenario-file.js');
const { resolve } = await load('core/parameters/tree.js');
const { compileRules } = await load('core/rules.js');
const { simulate, simulateRange } = await load('core/simulate.js');
const { applyScenario } = await load('core/scenario.js');
const FIVE = ['tekun-basic-1.6x', 'low-income-2x', 'tekun-care-70pct-min-wage', 'dibao-standard-plus-10pct', 'unify-rural-urban'];
const nanning = await loadPolicy('policies/guangxi-nanning.yaml');
const six = [{ id: 'baseline', rules: compileRules(resolve(nanning, '2025-06-30')) }, ...(await Promise.all(FIVE.map(async (id) => ({ id, rules: compileRules(resolve(applyScenario(nanning, await loadScenario(`scenarios/${id}.yaml`)), '2025-06-30')) }))))];
const exec = new Executor({ ...settingsFromEnv(process.env), threads: 1 });
for (const f of process.argv.slice(2)) {
  const pop = await readHouseholds(exec, f);
  const ts = [];
  const W = Number(process.env.WARM || 0); if (W) { const t = performance.now(); simulateRange(pop, six, 0, W); ts.push('warm ' + (performance.now() - t).toFixed(0)); }
  for (let i = 0; i < 4; i++) { const t = performance.now(); simulate(pop, six); ts.push((performance.now() - t).toFixed(0)); }
  console.log(f.split('/').pop(), pop.householdCount, ts.join(' '), 'ms');
}
exec.close();
