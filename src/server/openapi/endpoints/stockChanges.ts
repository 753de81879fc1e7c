import { changeFeedEndpoint } from '../changeFeedEndpoint.ts';
import { stockChangePage } from '../schemas/changeSchemas.ts';

export const endpoint = changeFeedEndpoint({
  path: '/api/stock/changes',
  operationId: 'listStockChanges',
  summary: { zh: '库存变更（增量同步）', en: 'Stock changes (sync)' },
  items: {
    zh: '变更过的库存行：与 stock 快照同样的字段和类型，另加 change_seq；按变更序号、机构、药品排序。同一行再次写入会移到新的序号，每次只得到其当前状态。',
    en: 'Changed stock rows: the stock snapshot\'s fields and types plus change_seq, by change number, then facility, drug. A row written again moves to its new number: you get its current state.',
  },
  schema: stockChangePage,
  responseName: 'StockChangePage',
});
