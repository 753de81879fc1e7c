import { noticeJson } from '../../../server/notices/noticeApi.ts';
import { noticeViewSource } from '../../../server/notices/noticeView.ts';
import { articleChangesRoute } from '../../../server/publishing/articleChanges.ts';

/** GET /api/notices/changes?since=&limit= — see docs/api.md (## Change feeds). */
export const GET = articleChangesRoute('notices', noticeViewSource, noticeJson);
