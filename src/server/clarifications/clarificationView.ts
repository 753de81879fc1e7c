import {
  type ClarificationContent,
  type ClarificationSource,
  type ClarificationVerdict,
  clarificationData,
  clarificationVerdict,
  verdictLabels,
} from '../../domain/clarifications/clarification.ts';
import { type Article, permalinkPath } from '../../domain/publishing/article.ts';
import { renderStoredMarkdown } from '../../domain/publishing/markdown.ts';
import type { Store } from '../store/openStore.ts';
import type { ArticleViewSource } from '../publishing/publicArticleReads.ts';
import { type ArticleViewBase, articleViewBase, regionNamesFor } from '../publishing/articleView.ts';
import { drugNames } from '../store/drugStore.ts';

/** A clarification as pages, feeds and the API show it: fields parsed, body rendered, drugs named. */
export interface ClarificationText {
  title: string;
  claim: string;
  verdict: ClarificationVerdict;
  verdictLabel: string;
  bodyHtml: string;
  sources: ClarificationSource[];
}

export interface ClarificationView extends ClarificationText, ArticleViewBase<ClarificationText> {
  relatedDrugs: { id: string; name: string }[];
}

function textOf(title: string, bodyMd: string, category: string | null, data: unknown, topHeading: 3 | 5 = 3): ClarificationText {
  const fields = clarificationData.safeParse(data);
  const verdict = clarificationVerdict.catch('unverified').parse(category);
  return {
    title,
    claim: fields.success ? fields.data.claim : '',
    verdict,
    verdictLabel: verdictLabels[verdict],
    bodyHtml: renderStoredMarkdown(bodyMd, topHeading),
    sources: fields.success ? fields.data.sources : [],
  };
}

/** What the public would see, for the staff preview before anything is saved. */
export function previewOf(content: ClarificationContent): ClarificationText {
  return textOf(content.title, content.explanation, content.verdict, { claim: content.claim, sources: content.sources });
}

export function clarificationView(article: Article, names: { drugs: Map<string, string>; regions: Map<string, string> }, now: Date): ClarificationView {
  const path = article.permalink ? permalinkPath(article.kind, article.permalink) : null;
  return {
    ...textOf(article.title, article.bodyMd, article.category, article.data),
    // Shown under the correction's <h3> and the text's own <h4> headings, so its body headings start at <h5>.
    ...articleViewBase(article, names.regions.get(article.regionCode) ?? article.regionCode, path, now, (previous) =>
      textOf(previous.title, previous.bodyMd, previous.category, previous.data, 5),
    ),
    relatedDrugs: article.relatedDrugIds.map((id) => ({ id, name: names.drugs.get(id) ?? id })),
  };
}

/** Names for the drugs and regions a set of articles mentions, in two queries. */
export async function namesFor(store: Store, articles: readonly Article[]): Promise<{ drugs: Map<string, string>; regions: Map<string, string> }> {
  const [drugs, regions] = await Promise.all([drugNames(store, [...new Set(articles.flatMap((a) => a.relatedDrugIds))]), regionNamesFor(store, articles)]);
  return { drugs, regions };
}

export async function clarificationViews(store: Store, articles: readonly Article[], now: Date): Promise<ClarificationView[]> {
  const names = await namesFor(store, articles);
  return articles.map((a) => clarificationView(a, names, now));
}

/** Clarifications for the generic public reads (server/publishing/publicArticleReads.ts). */
export const clarificationViewSource: ArticleViewSource<ClarificationView> = { kind: 'clarification', views: clarificationViews };
