import type { APIRoute } from 'astro';
import { z } from 'zod';
import { standardRegionCode } from '../../domain/regions/standardCode.ts';
import { citationLine } from '../../domain/clarifications/citation.ts';
import { type ArticleApiQuery, type ArticlePage, articlePage } from '../feeds/apiPaging.ts';
import { publicOrigin } from '../feeds/publicOrigin.ts';
import { apiError, json, searchParamsObject, validationError } from '../http/apiResponse.ts';
import { type Portal, portal } from '../portal.ts';
import type { ArticleText, ArticleView } from './articleView.ts';
import { type ArticleViewSource, publicArticleViews } from './publicArticleReads.ts';

/**
 * What the article APIs (/api/clarifications, /api/notices; docs/api.md) share. Each kind writes its JSON as
 * `{ ...head, <its own fields>, ...tail }`, so that the fields keep the order the documentation shows.
 */
export function articleJsonParts<T extends ArticleText>(view: ArticleView<T>, origin: string) {
  const url = view.path ? new URL(view.path, origin).toString() : null;
  const withdrawn = view.state === 'withdrawn';
  return {
    head: { id: view.id, url, status: withdrawn ? 'withdrawn' : 'published', title: view.title },
    region: { code: standardRegionCode(view.regionCode), name: view.regionName },
    tail: {
      publishedAt: view.publishedAt,
      correctedAt: view.correctedAt,
      updatedAt: view.updatedAt,
      withdrawal: withdrawn ? { at: view.withdrawnAt, reason: view.withdrawnReason } : null,
      corrections: view.corrections.map((c) => ({ correctedAt: c.correctedAt, note: c.note, previous: c.previous })),
      citation: url && view.publishedAt ? citationLine({ title: view.title, issuer: view.issuer, publishedAt: view.publishedAt, url }) : null,
    },
  };
}

/**
 * One page of the API for a kind: withdrawn items included (a mirror must learn of them), filtered by region,
 * by the kind's category (a verdict, a quarter) and by `updatedSince`, with the link to the next page.
 */
export async function articleApiPage<V, J>(
  portal: Portal,
  source: ArticleViewSource<V>,
  query: ArticleApiQuery & { category?: string | undefined },
  toJson: (view: V) => J,
  requestUrl: URL,
  now: Date,
): Promise<ArticlePage<J>> {
  const { region, category, updatedSince, page, pageSize } = query;
  const { views, total } = await publicArticleViews(portal, source, { region, category, updatedSince, includeWithdrawn: true, page, pageSize }, now);
  return articlePage(views.map(toJson), total, query, requestUrl, now);
}

/**
 * The two API endpoints every kind has, as Astro routes: `export const GET = articleListRoute(…);`. Answers are
 * public for a minute; a bad parameter is a 400 naming the field, as everywhere in the API (docs/api.md).
 */
const idParam = z.coerce.number().int().positive().max(2 ** 31);

/** GET /api/{kind}: the query string checked against the kind's schema, then one page. */
export function articleListRoute<Q>(query: z.ZodType<Q>, page: (portal: Portal, query: Q, requestUrl: URL, origin: string) => Promise<unknown>): APIRoute {
  return async ({ url }) => {
    const parsed = query.safeParse(searchParamsObject(url.searchParams));
    if (!parsed.success) return validationError(parsed.error);
    return json(await page(await portal(), parsed.data, url, publicOrigin(url)), { maxAge: 60 });
  };
}

/** GET /api/{kind}/{id}: one public item by its number; `notFound` is the 404's message, in both languages. */
export function articleItemRoute(item: (portal: Portal, id: number, origin: string) => Promise<unknown>, notFound: string): APIRoute {
  return async ({ params, url }) => {
    const id = idParam.safeParse(params.id);
    if (!id.success) return apiError(400, 'invalid_parameter', 'id: 编号须为正整数 / id must be a positive integer', 'id');
    const found = await item(await portal(), id.data, publicOrigin(url));
    if (!found) return apiError(404, 'not_found', notFound, 'id');
    return json(found, { maxAge: 60 });
  };
}
