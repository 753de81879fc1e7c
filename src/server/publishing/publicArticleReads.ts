import type { Article, ArticleKind, Permalink } from '../../domain/publishing/article.ts';
import { isPublic } from '../../domain/publishing/workflow.ts';
import type { Portal } from '../portal.ts';
import type { Store } from '../store/openStore.ts';
import { publishDueArticles } from './articleIndexing.ts';
import { loadArticle, loadArticleByPermalink } from '../store/articleStore.ts';
import { type PublicArticleQuery, queryPublicArticles } from '../store/publicArticleStore.ts';

/**
 * The public reads every kind makes — a list, a page behind a permalink, one item by id — each settling due
 * publications first (articleIndexing.ts) and answering in the kind's own views.
 */
export interface ArticleViewSource<V> {
  kind: ArticleKind;
  /** The kind's views of stored articles, with whatever names and files they need, in few queries. */
  views(store: Store, articles: readonly Article[], now: Date): Promise<V[]>;
}

export type PublicArticleFilters = Omit<PublicArticleQuery, 'kind' | 'now'>;

/** One page of public articles of a kind and the total, in the order the filters ask for. */
export async function publicArticleViews<V>(portal: Portal, source: ArticleViewSource<V>, filters: PublicArticleFilters, now: Date): Promise<{ views: V[]; total: number }> {
  await publishDueArticles(portal, now);
  const { articles, total } = await queryPublicArticles(portal.store, { ...filters, kind: source.kind, now });
  return { views: await source.views(portal.store, articles, now), total };
}

/** A public list page: withdrawn articles left out, newest publication first, with the number of pages. */
export async function publicArticleList<V>(
  portal: Portal,
  source: ArticleViewSource<V>,
  filters: { region?: string | undefined; category?: string | undefined; page: number; pageSize: number },
  now: Date,
): Promise<{ items: V[]; total: number; pages: number }> {
  const { region, category, page, pageSize } = filters;
  const { views, total } = await publicArticleViews(portal, source, { region, category, includeWithdrawn: false, page, pageSize }, now);
  return { items: views, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The page behind a permalink: published, corrected or withdrawn; never a draft or a future item. */
export async function publicArticleAt<V>(portal: Portal, source: ArticleViewSource<V>, permalink: Permalink, now: Date): Promise<V | undefined> {
  await publishDueArticles(portal, now);
  const article = await loadArticleByPermalink(portal.store, source.kind, permalink.year, permalink.slug);
  if (!article || !isPublic(article, now)) return undefined;
  return (await source.views(portal.store, [article], now))[0];
}

/** One public article by its numeric id, or undefined for drafts, future items and other kinds. */
export async function publicArticleById<V>(portal: Portal, source: ArticleViewSource<V>, id: number, now: Date): Promise<V | undefined> {
  await publishDueArticles(portal, now);
  const article = await loadArticle(portal.store, id);
  if (article?.kind !== source.kind || !article.permalink || !isPublic(article, now)) return undefined;
  return (await source.views(portal.store, [article], now))[0];
}
