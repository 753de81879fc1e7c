import { z } from 'zod';

/**
 * The hidden field every review decision form carries: the revision number of the text the page showed
 * (domain/publishing/workflow.ts refuses a decision on any other). Missing only from a tampered or stale form.
 */
export const seenRevision = z.coerce.number({ error: '页面已过期，请刷新后再操作' }).int('页面已过期，请刷新后再操作').min(1, '页面已过期，请刷新后再操作');
