import type { APIRoute } from 'astro';
import { type TimedPosition, timedPosition } from '../../../domain/openData/changeCursor.ts';
import { orUnavailable } from '../../../server/http/apiResponse.ts';
import { changeFeedResponse, settledBefore } from '../../../server/openData/changeFeed.ts';
import { portal } from '../../../server/portal.ts';
import { listApiItem } from '../../../server/shortages/listApi.ts';
import { listChangesAfter } from '../../../server/shortages/listQueries.ts';

const start: TimedPosition = ['1970-01-01T00:00:00.000Z', 0];

/** GET /api/shortage-lists/changes?since=&limit= — lists whose newest version is new; docs/api.md (## Change feeds). */
export const GET: APIRoute = ({ url }) =>
  orUnavailable(async () => {
    const store = (await portal()).store;
    const before = settledBefore(new Date());
    return changeFeedResponse(url, 'shortage-lists', timedPosition, start, async (after, limit) =>
      (await listChangesAfter(store, after, before, limit)).map((l) => ({ position: [l.createdAt, l.id] as TimedPosition, item: listApiItem(l) })),
    );
  });
