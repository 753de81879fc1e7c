import type { Article, ArticleKind } from '../../domain/publishing/article.ts';
import { permalinkPath } from '../../domain/publishing/article.ts';
import { excerpt, markdownToText } from '../../domain/publishing/markdown.ts';
import { normaliseQuery } from '../../domain/search/searchQuery.ts';
import { articleKinds } from '../publishing/articleKinds.ts';
import { ensureIndex, type SearchConnection, settled } from './meiliClient.ts';
import { whenSearchAnswers } from './searchCall.ts';

/** What the articles index holds for one published article of any kind: enough to show a result line. */
export interface ArticleDocument {
  /** `clarification-12`: ids are unique per kind in the store, so the kind makes them unique here. */
  id: string;
  kind: ArticleKind;
  articleId: number;
  title: string;
  summary: string;
  text: string;
  issuer: string;
  regionCode: string;
  category: string | null;
  categoryLabel: string | null;
  drugNames: string[];
  url: string;
  publishedAt: string;
  publishedTs: number;
}

export type ArticleHit = Pick<ArticleDocument, 'kind' | 'articleId' | 'title' | 'summary' | 'issuer' | 'categoryLabel' | 'url' | 'publishedAt'> & {
  kindLabel: string;
};

export function articleDocumentId(kind: ArticleKind, id: number): string {
  return `${kind}-${id}`;
}

/** Only for published articles with a permalink; callers delete the document of anything else. */
export function articleDocument(article: Article, drugNames: string[]): ArticleDocument | null {
  if (!article.permalink || !article.publishedAt) return null;
  const kind = articleKinds[article.kind];
  return {
    id: articleDocumentId(article.kind, article.id),
    kind: article.kind,
    articleId: article.id,
    title: article.title,
    summary: kind.summary(article),
    // Long bodies are cut: the opening paragraphs carry what people search for, and documents stay small.
    text: excerpt(markdownToText(article.bodyMd), 4000),
    issuer: article.issuer,
    regionCode: article.regionCode,
    category: article.category,
    categoryLabel: kind.categoryLabel(article.category),
    drugNames,
    url: permalinkPath(article.kind, article.permalink),
    publishedAt: article.publishedAt,
    publishedTs: Date.parse(article.publishedAt),
  };
}

/** Title and claim beat drug names, which beat body text: a rumour is searched by its own words. */
export const articleIndexSettings = {
  searchableAttributes: ['title', 'summary', 'drugNames', 'text', 'issuer'],
  filterableAttributes: ['kind', 'regionCode', 'category'],
  sortableAttributes: ['publishedTs'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedTs:desc'],
  pagination: { maxTotalHits: 1000 },
};

const configured = new Set<string>();

export async function configureArticleIndex(search: SearchConnection, indexUid = search.indexName('articles')): Promise<void> {
  await ensureIndex(search, indexUid);
  await settled(search.client.index(indexUid).updateSettings(articleIndexSettings));
  configured.add(indexUid);
}

/** Adds or replaces documents; configures the index the first time this process writes to it. */
export async function indexArticleDocuments(search: SearchConnection, docs: ArticleDocument[], indexUid = search.indexName('articles')): Promise<void> {
  if (!configured.has(indexUid)) await configureArticleIndex(search, indexUid);
  if (docs.length === 0) return;
  await settled(search.client.index<ArticleDocument>(indexUid).addDocuments(docs, { primaryKey: 'id' }));
}

export async function removeArticleDocument(search: SearchConnection, kind: ArticleKind, id: number): Promise<void> {
  const indexUid = search.indexName('articles');
  if (!configured.has(indexUid)) await configureArticleIndex(search, indexUid);
  await settled(search.client.index(indexUid).deleteDocument(articleDocumentId(kind, id)));
}

/**
 * Published clarifications and notices matching what was typed, newest first among equals. Shown beside
 * drug results on the site search and in /api/search. An index that does not exist yet means no results.
 */
export async function searchArticles(search: SearchConnection, rawQuery: string, limit: number, kinds?: ArticleKind[]): Promise<ArticleHit[]> {
  const q = normaliseQuery(rawQuery);
  if (!q) return [];
  const filter = kinds && kinds.length > 0 ? `kind IN [${kinds.map((k) => JSON.stringify(k)).join(', ')}]` : undefined;
  try {
    const response = await whenSearchAnswers((init) =>
      search.client.index<ArticleDocument>(search.indexName('articles')).search(
        q,
        { limit, ...(filter ? { filter } : {}), attributesToRetrieve: ['kind', 'articleId', 'title', 'summary', 'issuer', 'categoryLabel', 'url', 'publishedAt'] },
        init,
      ),
    );
    return response.hits.map((hit) => ({
      kind: hit.kind,
      articleId: hit.articleId,
      title: hit.title,
      summary: hit.summary,
      issuer: hit.issuer,
      categoryLabel: hit.categoryLabel,
      url: hit.url,
      publishedAt: hit.publishedAt,
      kindLabel: articleKinds[hit.kind].label,
    }));
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return [];
    throw error;
  }
}
