// What temporary assistance rests on in a generated population (a temporary-assistance officer's trial: its row had no
// `*`, so its cost read as firm as a published standard's, while its emergencies are drawn from national figures).
import { groupDigits } from '../report/text-table.js';
import type { Lang } from '../report/lang.js';
import { drawnFrom } from '../io/generated.js';

/**
 * Where the households are a population jiuzhu generated (io/generated.ts: from the locality's profile or another) and
 * that profile targets temporary assistance: that its cost is paid on emergencies the profile drew, at the rate and
 * average grant it names, no parameter's range moving them; over `years`, that each year pays such a year's emergencies
 * again.
 */
export async function emergencyNotes(policyFile: string, households: string, lang?: Lang, years = false): Promise<string[]> {
  const drawn = await drawnFrom(households, [policyFile]);
  if (!drawn) return [];
  const { file, profile } = drawn;
  const rate = profile.values.get('target.temporary_rate');
  const average = profile.values.get('target.temporary_average');
  if (typeof rate?.value !== 'number' || typeof average?.value !== 'number') return [];
  const per100 = (rate.value * 100).toFixed(2);
  const grant = groupDigits(String(average.value));
  const sources = [...new Set([rate.source, average.source].filter(Boolean))].join(', ');
  if (lang === 'zh')
    return [
      `注：临时救助按家庭的 emergency_need 计算；由 ${file} 生成的家庭，其急难按画像的估计抽取（每年每百人 ${per100} 件、平均救助 ${grant} 元，${sources}），不随任何参数的区间变动，对照见 jiuzhu generate --report${years ? '；各年度都按同样的急难再算一次（一年的急难流量，而非同一批家庭重复受助）' : ''}`,
    ];
  return [
    `note: temporary assistance is paid on the households' emergency_need; a population generated from ${file} draws its emergencies from the profile's estimates (${per100} cases a year per 100 persons at ${grant} yuan on average, ${sources}), which no parameter's range moves — jiuzhu generate --report sets them beside their sources${years ? "; each year of the window pays such emergencies again (a year's flow of them, not the same households aided twice)" : ''}`,
  ];
}
