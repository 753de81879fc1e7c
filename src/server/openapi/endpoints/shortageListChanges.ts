import { changeFeedEndpoint } from '../changeFeedEndpoint.ts';
import { shortageListChangePage } from '../schemas/shortageListSchemas.ts';

export const endpoint = changeFeedEndpoint({
  path: '/api/shortage-lists/changes',
  operationId: 'listShortageListChanges',
  summary: { zh: '短缺药品清单变更（增量同步）', en: 'Shortage list changes (sync)' },
  items: {
    zh: '有新版本的清单，形状与 /api/shortage-lists 的条目相同（最新版本）；按最新版本的 createdAt 与编号排序，最近 10 秒内的写入稍后才出现。',
    en: 'Lists with a new version, shaped as /api/shortage-lists items (their newest version); by that version\'s createdAt, then its id; the last 10 seconds are held back.',
  },
  schema: shortageListChangePage,
  responseName: 'ShortageListChangePage',
});
