import { translator } from './t.ts';

/** Strings of the price watch (稳价): the drug page's price section and the staff price signals. */
export const pricesZhCN = {
  'prices.title': '价格',
  'prices.area': '{area}的价格（按最小单位折算）',
  'prices.range': '最低 {low} · 中位 {median} · 最高 {high}（每{unit}）',
  'prices.count': '{n} 家机构报价，最新 {newest}，最早 {oldest}',
  'prices.reference': '{label} {price}/{unit}',
  'prices.above': '中位价高于中选价 {pct}%',
  'prices.below': '中位价低于中选价 {pct}%',
  'prices.same': '中位价与中选价持平',
  'prices.referenceSource': '来源：{issuer}《{document}》（{date}）',
  'prices.noReference': '暂无可比的集采中选价或挂网价（须剂型、规格一致）。',
  'prices.unreadable': '另有 {n} 家的报价读不出包装数量，照原样显示在机构列表中，不参与比较。',
  'prices.none': '{area}暂无机构报价。',
  'prices.history': '近 6 个月中位价走势（每{unit}）',
  'prices.historyTable': '每周中位价',
  'prices.week': '周',
  'prices.median': '中位价',
  'prices.facilities': '报价机构',
  'prices.note': '价格由各机构自行上报，仅供参考；以购药时实际价格为准。发现价格异常上涨可以反映。',
  'prices.signals.title': '价格异常信号',
  'prices.signals.kind.rise': '涨幅异常',
  'prices.signals.kind.frequency': '频繁上涨',
  'prices.signals.kind.regional_gap': '区域价差',
  'prices.signals.kind.reference_gap': '远高于中选价',
  'prices.signals.kind.report_cluster': '群众反映集中',
  'prices.signals.status.open': '待处理',
  'prices.signals.status.assigned': '已分派',
  'prices.signals.status.closed': '已办结',
  'prices.signals.action.inquiry': '函询约谈',
  'prices.signals.action.cost_survey': '成本调查',
  'prices.signals.action.referral': '移交市场监管',
  'prices.signals.none': '暂无价格异常信号。',
} as const;

export const pt = translator(pricesZhCN);
export type PriceStringKey = keyof typeof pricesZhCN;
