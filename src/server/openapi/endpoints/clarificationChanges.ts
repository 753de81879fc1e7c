import { changeFeedEndpoint } from '../changeFeedEndpoint.ts';
import { clarificationChangePage } from '../schemas/articleSchemas.ts';

export const endpoint = changeFeedEndpoint({
  path: '/api/clarifications/changes',
  operationId: 'listClarificationChanges',
  summary: { zh: '辟谣澄清变更（增量同步）', en: 'Clarification changes (sync)' },
  items: {
    zh: '与 /api/clarifications 同样形状的辟谣澄清，撤回的以 status: withdrawn 出现；按 updatedAt、id 排序，最近 10 秒内的写入稍后才出现。',
    en: 'Clarifications shaped as in /api/clarifications, withdrawals as status: withdrawn; by updatedAt, then id; the last 10 seconds are held back.',
  },
  schema: clarificationChangePage,
  responseName: 'ClarificationChangePage',
});
