import { revisionsZhCN } from './revisions.zh-CN.ts';
import { translator } from './t.ts';
import { workflowZhCN } from './workflow.zh-CN.ts';

/** Strings for enforcement results (整治结果), their feeds and their back-office pages; same flat keys as t(). */
export const enforcementZhCN = {
  'nav.label': '价格整治',
  'list.title': '价格整治结果',
  'list.intro': '卫生健康部门对药品价格异常上涨等问题的核查和处理结果，依照保供稳价工作要求向社会公布。',
  'list.action': '处理措施',
  'list.anyAction': '全部措施',
  'list.none': '没有符合条件的整治结果。',
  'list.feedsHint': '用 RSS 阅读器或新闻客户端订阅，有新的整治结果或更正时会收到提醒。',
  'item.finding': '发现的问题',
  'item.action': '处理措施',
  'item.actionDate': '处理日期',
  'item.party': '涉及单位',
  'item.drugs': '涉及药品',
  'item.body': '处理情况',
  'item.back': '全部整治结果',
  'item.withdrawnTitle': '本条整治结果已撤回',
  'item.withdrawnNote': '以下为撤回前的内容，仅供查考，不再代表发布机构的结论。',
  'item.demo': '示例数据：本条为演示用的示例，不是真实的整治结果。',
  'feed.description': '{label}：卫生健康部门对药品价格问题的核查和处理结果。',
  'staff.queue': '价格整治结果工作台',
  'staff.new': '新建整治结果',
  'staff.forbidden': '只有“信息发布”或“审核发布”角色可以使用整治结果工作台。',
  'staff.notFound': '找不到该条目，或它不在您所属地区范围内。',
  'form.title': '标题',
  'form.titleHint': '如：关于某药店布洛芬价格异常上涨的处理结果',
  'form.finding': '发现的问题',
  'form.findingHint': '一句话写明核查发现的问题，如：价格上涨幅度异常、区域间价格差异较大。',
  'form.action': '处理措施',
  'form.actionDate': '处理日期',
  'form.actionDateHint': '采取措施的日期，如 2026-10-15。',
  'form.party': '涉及单位（可不填）',
  'form.partyHint': '公开点名的医疗机构、药店或企业名称；不点名则不填。',
  'form.body': '处理情况（正文）',
  'form.drugs': '涉及药品',
  'form.drugsHint': '填写药品编号或名称，多个用逗号分隔，如：W078, 布洛芬。',
  ...workflowZhCN,
  ...revisionsZhCN,
} as const;

export type EnforcementStringKey = keyof typeof enforcementZhCN;

export const et = translator(enforcementZhCN);
