import { z } from 'zod';
import { noticePermalink } from '../../domain/notices/noticePermalink.ts';
import { formatQuarterParam, type Quarter, quarterParam } from '../../domain/notices/quarter.ts';
import { staffRegionCode } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { publicArticleAt, publicArticleList } from '../publishing/publicArticleReads.ts';
import { findAttachment } from '../store/noticeStore.ts';
import { type NoticeView, noticeViewSource } from './noticeView.ts';

/** What the public list accepts; a malformed filter falls back to "all" so a stale bookmark still shows a list. */
export const noticeListQuery = z.object({
  region: staffRegionCode.optional().catch(undefined),
  quarter: quarterParam.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const noticePageSize = 20;

export async function listNotices(portal: Portal, query: NoticeListQuery, now = new Date()): Promise<{ items: NoticeView[]; total: number; pages: number }> {
  const category = query.quarter ? formatQuarterParam(query.quarter) : undefined;
  return publicArticleList(portal, noticeViewSource, { region: query.region, category, page: query.page, pageSize: noticePageSize }, now);
}

/** The page behind /notices/{region}/{yyyy}-q{n}: published, corrected or withdrawn; never a draft. */
export async function noticeAt(portal: Portal, regionCode: string, quarter: Quarter, now = new Date()): Promise<NoticeView | undefined> {
  return publicArticleAt(portal, noticeViewSource, noticePermalink(regionCode, quarter), now);
}

/**
 * An attachment as the public may fetch it: only of a notice the public can read, and only a file that
 * notice lists, so a file's checksum alone (seen in a draft, say) opens nothing.
 */
export async function publicAttachment(portal: Portal, regionCode: string, quarter: Quarter, sha256: string, now = new Date()) {
  const notice = await noticeAt(portal, regionCode, quarter, now);
  if (!notice) return undefined;
  return findAttachment(portal.store, notice.id, sha256);
}
