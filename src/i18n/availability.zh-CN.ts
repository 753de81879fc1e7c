import { translator } from './t.ts';

/** Strings of the "where to get it" answer: the one-line status, disputed facts, the remembered place. */
export const availabilityZhCN = {
  'status.usable': '{area} {n} 家有货',
  'status.usableOpen': '{n} 家现在营业',
  'status.noneOpen': '暂无确认营业中的',
  'status.nearestOpen': '最近一家有货的 {km} 公里，营业中',
  'status.nearestClosed': '最近一家有货的 {km} 公里，休息中',
  'status.nearestUnknown': '最近一家有货的 {km} 公里，营业时间未知',
  'status.updated': '{age}更新',
  'status.toCall': '{area}暂无确认有货的机构 · {n} 家可电话确认',
  'status.allOut': '{area} {n} 家报告缺货',
  'status.none': '{area}暂无机构报告这种药',
  'stock.disputed': '有群众反映缺货',
  'stock.disputedNote': '机构报告{status}后，有群众反映买不到',
  'place.near': '您的位置：以当前位置为中心 {radius} 公里',
  'place.region': '您选择的地区：{region}',
  'place.clear': '清除位置',
  'place.remembered': '本次浏览期间在本设备上记住，换药品或搜索时沿用。',
  'reports.heading': '群众反映（最近）',
  'reports.none': '近期没有群众反映。',
  'reports.drug': '药品',
  'reports.problem': '问题',
  'reports.date': '日期',
  'reports.status': '处理状态',
} as const;

export const at = translator(availabilityZhCN);
