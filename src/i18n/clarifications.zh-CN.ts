import { revisionsZhCN } from './revisions.zh-CN.ts';
import { workflowZhCN } from './workflow.zh-CN.ts';

/**
 * Strings for clarifications (辟谣澄清), their feeds and their back-office pages. Kept apart from zh-CN.ts and
 * staff.zh-CN.ts so that engineers working in parallel do not edit one file; same flat keys as t().
 */
export const clarificationsZhCN = {
  'list.title': '辟谣澄清',
  'list.intro': '针对网传药品短缺、涨价、停产等说法，卫生健康部门核实后发布的结论和依据。',
  'list.filter': '筛选',
  'list.verdict': '核实结论',
  'list.anyVerdict': '全部结论',
  'list.none': '没有符合条件的辟谣澄清。',
  'list.feedsHint': '用 RSS 阅读器或新闻客户端订阅，有新的澄清或更正时会收到提醒。',
  'item.claim': '网传说法',
  'item.verdict': '核实结论',
  'item.explanation': '核实情况',
  'item.sources': '依据和来源',
  'item.relatedDrugs': '相关药品',
  'item.withdrawnTitle': '本条澄清已撤回',
  'item.withdrawnNote': '以下为撤回前的内容，仅供查考，不再代表发布机构的结论。',
  'item.back': '全部辟谣澄清',
  'drug.heading': '关于本药的辟谣澄清',
  'drug.more': '查看全部辟谣澄清',
  'feed.description': '{label}：卫生健康部门对网传药品信息的核实结论。',
  'staff.section': '辟谣澄清发布',
  'staff.queue': '辟谣澄清工作台',
  'staff.new': '新建辟谣澄清',
  'staff.forbidden': '只有“信息发布”或“审核发布”角色可以使用辟谣澄清工作台。',
  'staff.notFound': '找不到该条目，或它不在您所属地区范围内。',
  'form.title': '标题',
  'form.titleHint': '如：关于网传“布洛芬全国断货”的说明',
  'form.claim': '网传说法',
  'form.claimHint': '用一句话写明正在流传的说法，不加评论。',
  'form.verdict': '核实结论',
  'form.explanation': '核实情况（正文）',
  'form.sources': '依据和来源',
  'form.sourcesHint': '每行一条，先写来源名称，再写网址，如：国家药监局公告 https://www.nmpa.gov.cn/…',
  'form.drugs': '相关药品',
  'form.drugsHint': '填写药品编号或名称，多个用逗号分隔，如：W078, 对乙酰氨基酚。相关药品页面会醒目显示本条澄清。',
  ...workflowZhCN,
  ...revisionsZhCN,
} as const;

export type ClarificationStringKey = keyof typeof clarificationsZhCN;

export function ct(key: ClarificationStringKey, values: Record<string, string | number> = {}): string {
  return clarificationsZhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
