// What a run says of the households file it ran on where jiuzhu generated it (io/generated.ts tells from which
// profile): the year its incomes are of, the emergencies drawn for it, and — run under another locality's rules — that
// it keeps the population drawn for its own (a researcher's Nanning population under Guangzhou's rules kept Nanning's
// dibao register: 12 % of Guangzhou's dibao households, on dibao only because the file marks them so, unsaid).
import { basename, extname } from 'node:path';
import { drawnFrom } from '../io/generated.js';
import type { Lang } from '../report/lang.js';
import { emergencyNotes } from './emergency-note.js';
import { grownAlso, ratePct, shortfall, type Projection } from '../core/projection.js';
import { loadProfile, profileFor } from '../io/profile-file.js';
import { projectionsNamedFor } from '../io/projection-file.js';

/** A generated population run under other localities' rules than its profile's: that it keeps its own. */
export async function drawnElsewhereNotes(policies: readonly string[], households: string, lang?: Lang): Promise<string[]> {
  const drawn = await drawnFrom(households, policies);
  if (!drawn) return [];
  const others = policies.filter((p) => profileFor(p) !== drawn.file).map((p) => basename(p, extname(p)));
  if (!others.length) return [];
  const place = drawn.profile.id;
  if (lang === 'zh')
    return [
      `注：这些家庭由 ${drawn.file}（${place}）生成，不是 ${others.join('、')} 的人口：在其规则下仍是为 ${place} 抽取的收入与低保名册（on_dibao、prior_dibao：现领低保者按 ${place} 的标准抽取，总是领取；渐退亦然）——费用是这批家庭在该规则下的费用，不是当地的`,
    ];
  return [
    `note: the households were generated from ${drawn.file} (${place}), not as ${others.join(' or ')}'s population: under ${others.length > 1 ? 'those rules' : 'its rules'} they keep what was drawn for ${place} — its incomes and its dibao register (on_dibao, prior_dibao: who receives dibao now was drawn against ${place}'s standard, always takes dibao up, and leaves through the gradual exit) — so the cost is of these households under those rules, not of that place`,
  ];
}

/** At a date or over a budget year without a projection: the notes on a generated households file (the first policy's). */
export async function householdsNotes(
  policies: readonly string[],
  households: string,
  lang: Lang | undefined,
  when: { readonly year: number; readonly date?: string },
): Promise<string[]> {
  return [
    ...(await incomesYearNotes(policies[0]!, null, lang, { year: when.year, households, ...(when.date ? { date: when.date } : {}) })),
    ...(await emergencyNotes(policies[0]!, households, lang)),
    ...(await drawnElsewhereNotes(policies, households, lang)),
  ];
}

/**
 * Where the households may be a population generated from the locality's profile, of an earlier year than the
 * projection's base_year, and no --incomes-year says their year: how to say it (a provincial trial's Guangzhou,
 * generated with 2021 incomes, was grown from 2025: its 2027 cost 25 % high, and nothing said so).
 */
export async function incomesYearNotes(
  policyFile: string,
  p: Projection | null,
  lang?: Lang,
  /** `date`: a one-date run's (sensitivity --date), its year `year`; `last`: a window's last year (else `year`). */
  budget?: { readonly year: number; readonly last?: number; readonly households: string; readonly date?: string },
): Promise<string[]> {
  if (p?.incomesYear !== undefined) return wrongIncomesYear(policyFile, p.incomesYear, budget?.households, lang);
  if (!p && budget === undefined) return [];
  // (without a projection: only where the file is one jiuzhu generate wrote — any file's incomes are of some year, and
  // the bundled sample's are of none in particular)
  // (the profile the file was drawn from where it is a generated population — another locality's too: a researcher's
  // Nanning population under Guangzhou's policy had been told of Guangzhou's profile's year; else the policy's own)
  const drawn = budget ? await drawnFrom(budget.households, [policyFile]) : null;
  if (!p && !drawn) return [];
  const file = drawn?.file ?? profileFor(policyFile);
  const profile = drawn?.profile ?? (await loadProfile(file).catch(() => null)); // (none, or one that does not load: nothing to say)
  const year = profile ? Number(profile.date.slice(0, 4)) : NaN;
  if (!p) return budget!.year > year ? unGrownNote(policyFile, file, year, budget!.year, lang, budget!.date) : [];
  if (!(year < p.baseYear)) return [];
  // (every year run at or before the base_year: the projection grows nothing there, the incomes included — it said it
  // grew them from its base_year, a year after the one run)
  const last = budget?.last ?? budget?.year;
  if (budget && last! <= p.baseYear)
    return [
      lang === 'zh'
        ? `注：预测 ${p.id} 的基年 ${p.baseYear} 不早于 ${last}：家庭收入按原样使用；由 ${file} 生成的家庭，其收入是 ${year} 年的：请给 --incomes-year ${year}，按预测的收入增长率增长到 ${budget.year} 年`
        : `note: projection ${p.id}'s base_year ${p.baseYear} is not before ${last}: the households' incomes are taken as they are; a population generated from ${file} has incomes of ${year}: for it, give --incomes-year ${year} to grow them to ${budget.year} at the projection's incomes rate`,
    ];
  // A warning, with how far the incomes fall short (a finance officer's 2027 cost was 17 % high without it, under a note)
  const short = shortfall(p.incomes.yearly, p.baseYear - year);
  if (lang === 'zh')
    return [
      `${short ? '警告' : '注'}：预测 ${p.id} 自基年 ${p.baseYear} 起增长家庭收入${p.households?.length ? `（及同一文件的 ${p.households.map((g) => g.column).join('、')}）` : ''}；由 ${file} 生成的家庭，其收入是 ${year} 年的：请给 --incomes-year ${year}（不给则视为 ${p.baseYear} 年的收入：${year} 至 ${p.baseYear} 年间不增长${short ? `，按预测每年 ${ratePct(p.incomes.yearly)} 计，各项收入比应有水平低 ${short} %` : ''}，而标准照常变化）`,
    ];
  return [
    `${short ? 'warning' : 'note'}: projection ${p.id} grows the households' incomes${grownAlso(p)} from its base_year ${p.baseYear}; a population generated from ${file} has incomes of ${year}: for it, give --incomes-year ${year} (without it, they are read as ${p.baseYear}'s: not grown from ${year} to ${p.baseYear}${short ? `, every income ${short} % below its path at the projection's ${ratePct(p.incomes.yearly)} a year` : ''}, whatever the standards do in those years)`,
  ];
}

/**
 * --incomes-year beside a file jiuzhu generate wrote, of another year than its profile's: a county officer's typo of
 * 2021 for 2022 took 5 % off the budget, 2000 for 2022 55 %, and nothing said so.
 */
async function wrongIncomesYear(policyFile: string, given: number, households: string | undefined, lang?: Lang): Promise<string[]> {
  const drawn = households === undefined ? null : await drawnFrom(households, [policyFile]);
  if (!drawn) return [];
  const { file, profile } = drawn;
  const year = Number(profile.date.slice(0, 4));
  if (!Number.isFinite(year) || year === given) return [];
  return [
    lang === 'zh'
      ? `注：给了 --incomes-year ${given}，但由 ${file} 生成的家庭，其收入是 ${year} 年的：其收入按自 ${given} 年起增长（${given < year ? '多' : '少'}增长了 ${Math.abs(year - given)} 年）`
      : `note: --incomes-year ${given} is given, but a population generated from ${file} has incomes of ${year}: they are grown from ${given} (${Math.abs(year - given)} year${Math.abs(year - given) > 1 ? 's' : ''} ${given < year ? 'too many' : 'too few'})`,
  ];
}

/**
 * A budget year without a projection: the households' incomes as they are, the standards of that year. A county
 * officer's population generated with 2022's incomes cost 23 % more in 2026 than grown to 2026, and nothing said so.
 */
function unGrownNote(policyFile: string, file: string, year: number, budget: number, lang?: Lang, date?: string): string[] {
  const named = projectionsNamedFor(policyFile);
  const which = named.length ? (lang === 'zh' ? `（P：${named.join('、')}）` : ` (P: ${named.join(' or ')})`) : '';
  // (at a date, a projection needs the year: sensitivity --date refuses --projection)
  if (date)
    return [
      lang === 'zh'
        ? `警告：家庭收入按原样用于 ${date}；由 ${file} 生成的家庭，其收入是 ${year} 年的，未增长到 ${budget} 年，而标准是 ${date} 的：请按年度运行：--year ${budget} --projection P --incomes-year ${year}${which}`
        : `warning: the households' incomes are taken as they are at ${date}; a population generated from ${file} has incomes of ${year}, not grown to ${budget} while the standards are ${date}'s: for it, run the year: --year ${budget} --projection P --incomes-year ${year}${which}`,
    ];
  if (lang === 'zh')
    return [
      `警告：家庭收入按原样用于 ${budget} 年；由 ${file} 生成的家庭，其收入是 ${year} 年的，未增长到 ${budget} 年，而标准是 ${budget} 年的：请给 --projection P --incomes-year ${year}${which}`,
    ];
  return [
    `warning: the households' incomes are taken as they are in ${budget}; a population generated from ${file} has incomes of ${year}, not grown to ${budget} while the standards are ${budget}'s: for it, give --projection P --incomes-year ${year}${which}`,
  ];
}
