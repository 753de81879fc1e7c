import type { Article, ArticleCorrection } from '../../domain/publishing/article.ts';
import { type ArticleState, effectiveState } from '../../domain/publishing/workflow.ts';
import type { Store } from '../store/openStore.ts';
import { regionNames } from '../store/regionStore.ts';

/**
 * What pages, feeds and the API show of an article of any kind, beside the kind's own text (a clarification's
 * claim and verdict, a notice's 文号): issuer and region, the public address, the dates, and the corrections.
 */
export interface ArticleText {
  title: string;
  /** The body rendered from Markdown and sanitised. */
  bodyHtml: string;
}

export interface ArticleViewBase<T extends ArticleText> {
  id: number;
  state: ArticleState;
  issuer: string;
  regionCode: string;
  regionName: string;
  /** The public page; null until published (a draft being previewed). */
  path: string | null;
  publishedAt: string | null;
  correctedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  updatedAt: string;
  /** Newest first, each with the text as it was before that correction. */
  corrections: { correctedAt: string; note: string; previous: T }[];
  article: Article;
}

/** A kind's text with the fields every kind shares: what the generic feed, API and page parts take. */
export type ArticleView<T extends ArticleText> = T & ArticleViewBase<T>;

/**
 * The shared fields of a view. `previousText` renders the text a correction replaced, in the kind's own shape;
 * it is shown deeper in the page than the current text, under the correction's own heading.
 */
export function articleViewBase<T extends ArticleText>(
  article: Article,
  regionName: string,
  path: string | null,
  now: Date,
  previousText: (previous: ArticleCorrection['previous']) => T,
): ArticleViewBase<T> {
  return {
    id: article.id,
    state: effectiveState(article, now),
    issuer: article.issuer,
    regionCode: article.regionCode,
    regionName,
    path,
    publishedAt: article.publishedAt,
    correctedAt: article.correctedAt,
    withdrawnAt: article.withdrawnAt,
    withdrawnReason: article.withdrawnReason,
    updatedAt: article.updatedAt,
    // Newest first: the reader wants to know what changed last.
    corrections: [...article.corrections].reverse().map((c) => ({ correctedAt: c.correctedAt, note: c.note, previous: previousText(c.previous) })),
    article,
  };
}

/** Names of the regions a set of articles is issued for, in one query (none for no articles). */
export async function regionNamesFor(store: Store, articles: readonly Article[]): Promise<Map<string, string>> {
  return regionNames(store, articles.map((a) => a.regionCode));
}
