import type { ExpressionBuilder } from 'kysely';
import { type Article, type ArticleKind, ancestorRegionCodes } from '../../domain/publishing/article.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Store } from './openStore.ts';
import type { Database } from './schema.ts';
import { hydrate } from './articleStore.ts';

/** What the public may read, for lists, feeds and the API of any kind. Drafts never leave this module. */
export interface PublicArticleQuery {
  kind: ArticleKind;
  now: Date;
  /** Articles concerning this region: issued for it, for a region above it, or for one below it. */
  region?: string;
  category?: string;
  drugId?: string;
  /** Only articles changed at or after this instant (ISO 8601), oldest change first, for synchronising. */
  updatedSince?: string;
  /** Change feeds: only articles whose (updated_at, id) comes after this position, and changed before `updatedBefore`. */
  after?: readonly [string, number];
  updatedBefore?: string;
  /** Withdrawn articles keep their URL; lists hide them, feeds and the API report them. */
  includeWithdrawn: boolean;
  /** Default: newest publication first; with `updatedSince`, oldest change first. Feeds want newest change first. */
  order?: 'published' | 'updated_asc' | 'updated_desc';
  page: number;
  pageSize: number;
}

type Eb = ExpressionBuilder<Database, 'articles'>;

function visible(eb: Eb, now: Date, includeWithdrawn: boolean) {
  const nowIso = now.toISOString();
  const live = [
    eb('state', '=', 'published'),
    // Due but not yet settled by publishDueArticles (another request may be doing it right now).
    eb.and([eb('state', '=', 'scheduled'), eb('publish_at', '<=', nowIso)]),
  ];
  return eb.or(includeWithdrawn ? [...live, eb('state', '=', 'withdrawn')] : live);
}

function concerning(eb: Eb, region: string) {
  const { from, before } = regionPrefixRange(region);
  const above = ancestorRegionCodes(region);
  return eb.or([
    eb.and([eb('region_code', '>=', from), eb('region_code', '<', before)]),
    ...(above.length > 0 ? [eb('region_code', 'in', above)] : []),
  ]);
}

function filtered(store: Store, q: PublicArticleQuery) {
  let query = store
    .selectFrom('articles')
    .where('kind', '=', q.kind)
    .where('permalink_slug', 'is not', null)
    .where((eb) => visible(eb, q.now, q.includeWithdrawn));
  if (q.region) {
    const region = q.region;
    query = query.where((eb) => concerning(eb, region));
  }
  if (q.category) query = query.where('category', '=', q.category);
  if (q.updatedSince) query = query.where('updated_at', '>=', new Date(q.updatedSince).toISOString());
  if (q.after) {
    const [updatedAt, id] = q.after;
    query = query.where((eb) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(updatedAt, id)));
  }
  if (q.updatedBefore) query = query.where('updated_at', '<', q.updatedBefore);
  if (q.drugId) {
    const drugId = q.drugId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('article_drugs').select('article_id').where('drug_id', '=', drugId));
  }
  return query;
}

/** One page and the total, in the requested order. */
export async function queryPublicArticles(store: Store, q: PublicArticleQuery): Promise<{ articles: Article[]; total: number }> {
  const count = await filtered(store, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  let rows = filtered(store, q).selectAll();
  const order = q.order ?? (q.updatedSince ? 'updated_asc' : 'published');
  if (order === 'updated_asc') rows = rows.orderBy('updated_at', 'asc').orderBy('id', 'asc');
  else if (order === 'updated_desc') rows = rows.orderBy('updated_at', 'desc').orderBy('id', 'desc');
  else rows = rows.orderBy('published_at', 'desc').orderBy('id', 'desc');
  const page = await rows.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { articles: await hydrate(store, page), total: Number(count?.n ?? 0) };
}
