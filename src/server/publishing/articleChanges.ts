import type { APIRoute } from 'astro';
import { type ChangeFeed, type TimedPosition, timedPosition } from '../../domain/openData/changeCursor.ts';
import { publicOrigin } from '../feeds/publicOrigin.ts';
import { orUnavailable } from '../http/apiResponse.ts';
import { changeFeedResponse, settledBefore } from '../openData/changeFeed.ts';
import { portal } from '../portal.ts';
import type { ArticleText, ArticleView } from './articleView.ts';
import { type ArticleViewSource, publicArticleViews } from './publicArticleReads.ts';

/**
 * GET /api/{kind}/changes?since=&limit=: public articles of a kind (withdrawals included) in (updatedAt, id)
 * order after the cursor, each in the kind's API shape; the convention of all change feeds (changeFeed.ts).
 */
export function articleChangesRoute<T extends ArticleText, V extends ArticleView<T>, J>(
  feed: ChangeFeed,
  source: ArticleViewSource<V>,
  toJson: (view: V, origin: string) => J,
): APIRoute {
  return ({ url }) =>
    orUnavailable(async () => {
      const p = await portal();
      const now = new Date();
      const origin = publicOrigin(url);
      return changeFeedResponse(url, feed, timedPosition, ['1970-01-01T00:00:00.000Z', 0] as TimedPosition, async (after, limit) => {
        const { views } = await publicArticleViews(
          p,
          source,
          { includeWithdrawn: true, order: 'updated_asc', after: after ?? undefined, updatedBefore: settledBefore(now), page: 1, pageSize: limit },
          now,
        );
        return views.map((v) => ({ position: [v.updatedAt, v.id] as TimedPosition, item: toJson(v, origin) }));
      });
    });
}
