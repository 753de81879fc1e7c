import { z } from 'zod';

/** What the citizen ran into. Stored as these codes; the Chinese labels are what the form and timeline show. */
export const problemKind = z.enum(['unavailable', 'price_rise', 'rationing', 'closed', 'other'], {
  message: '请选择遇到的问题',
});
export type ProblemKind = z.infer<typeof problemKind>;

export const problemKindLabels: Record<ProblemKind, string> = {
  unavailable: '买不到',
  price_rise: '价格异常上涨',
  rationing: '限购或搭售',
  closed: '已停业或不再销售',
  other: '其他',
};
