import { changeFeedEndpoint } from '../changeFeedEndpoint.ts';
import { noticeChangePage } from '../schemas/articleSchemas.ts';

export const endpoint = changeFeedEndpoint({
  path: '/api/notices/changes',
  operationId: 'listNoticeChanges',
  summary: { zh: '季度通报变更（增量同步）', en: 'Notice changes (sync)' },
  items: {
    zh: '与 /api/notices 同样形状的季度通报（含撤回的）；按 updatedAt、id 排序，最近 10 秒内的写入稍后才出现。',
    en: 'Notices shaped as in /api/notices, withdrawals included; by updatedAt, then id; the last 10 seconds are held back.',
  },
  schema: noticeChangePage,
  responseName: 'NoticeChangePage',
});
