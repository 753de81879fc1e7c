import type { DrugFlags } from '../domain/drugs/drugFlags.ts';
import { t } from '../i18n/t.ts';
import type { StringKey } from '../i18n/zh-CN.ts';

export interface FlagBadge {
  label: string;
  tone: 'essential' | 'shortage' | 'monitoring' | 'procurement' | 'demo';
  /** The list's full title, for a tooltip-free explanation next to the badge on detail pages. */
  detail?: string;
}

/** Badges in the order a citizen cares about: shortage first. Demo lists always say 示例 in the label itself. */
export function flagBadges(flags: DrugFlags): FlagBadge[] {
  const badges: FlagBadge[] = [];
  for (const list of flags.lists) {
    const key = (list.kind === 'watch' ? 'flags.watch' : `flags.${list.kind}.${list.scope === 'national' ? 'national' : 'provincial'}`) as StringKey;
    const label = `${t(key)}${list.isDemo ? `（${t('flags.demo')}）` : ''}`;
    badges.push({ label, tone: list.isDemo ? 'demo' : list.kind === 'shortage' ? 'shortage' : 'monitoring', detail: `${list.title} 第${list.version}版` });
  }
  if (flags.procurement.length > 0) {
    const demo = flags.procurement.every((p) => p.isDemo);
    badges.push({ label: `${t('flags.procurement')}${demo ? `（${t('flags.demo')}）` : ''}`, tone: demo ? 'demo' : 'procurement' });
  }
  if (flags.essential) badges.push({ label: t('flags.essential'), tone: 'essential' });
  if (flags.rx) badges.push({ label: t(flags.rx === 'rx' ? 'flags.rx' : 'flags.otc'), tone: 'essential' });
  return badges;
}

export function formatYuan(yuan: number): string {
  return `¥${yuan.toFixed(2)}`;
}
