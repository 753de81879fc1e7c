import { clarificationJson } from '../../../server/clarifications/clarificationApi.ts';
import { clarificationViewSource } from '../../../server/clarifications/clarificationView.ts';
import { articleChangesRoute } from '../../../server/publishing/articleChanges.ts';

/** GET /api/clarifications/changes?since=&limit= — see docs/api.md (## Change feeds). */
export const GET = articleChangesRoute('clarifications', clarificationViewSource, clarificationJson);
