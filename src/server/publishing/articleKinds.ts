import { clarificationData, clarificationSummary, clarificationVerdict, verdictLabels } from '../../domain/clarifications/clarification.ts';
import { noticeData, noticeSummary } from '../../domain/notices/notice.ts';
import { quarterLabel, quarterParam } from '../../domain/notices/quarter.ts';
import type { Article, ArticleKind } from '../../domain/publishing/article.ts';
import { excerpt, markdownToText } from '../../domain/publishing/markdown.ts';

/**
 * How each kind of article presents itself to search, feeds and lists. The workflow, store and feeds are
 * kind-neutral; a new kind (季度通报) is a new entry here plus its own pages.
 */
export interface ArticleKindPresentation {
  /** What the public calls this kind, e.g. 辟谣澄清. */
  label: string;
  /** One or two plain sentences: what a result line or a feed reader shows. */
  summary(article: Article): string;
  /** Label of the kind's classification (a clarification's verdict), if it has one. */
  categoryLabel(category: string | null): string | null;
}

function bodyExcerpt(article: Article): string {
  return excerpt(markdownToText(article.bodyMd), 120);
}

export const articleKinds: Record<ArticleKind, ArticleKindPresentation> = {
  clarification: {
    label: '辟谣澄清',
    summary: (article) => {
      const data = clarificationData.safeParse(article.data);
      const verdict = clarificationVerdict.safeParse(article.category);
      return data.success && verdict.success ? clarificationSummary(data.data.claim, verdict.data) : bodyExcerpt(article);
    },
    categoryLabel: (category) => {
      const verdict = clarificationVerdict.safeParse(category);
      return verdict.success ? verdictLabels[verdict.data] : null;
    },
  },
  // A notice's category is its quarter (2026-q3), so lists and search can filter by it.
  notice: {
    label: '季度通报',
    summary: (article) => {
      const data = noticeData.safeParse(article.data);
      return data.success ? noticeSummary(data.data, bodyExcerpt(article)) : bodyExcerpt(article);
    },
    categoryLabel: (category) => {
      const quarter = quarterParam.safeParse(category);
      return quarter.success ? quarterLabel(quarter.data) : null;
    },
  },
};
