import {
  type EnforcementContent,
  type EnforcementText,
  enforcementAction,
  enforcementActionLabels,
  enforcementData,
} from '../../domain/enforcement/enforcementResult.ts';
import { type Article, permalinkPath } from '../../domain/publishing/article.ts';
import { renderStoredMarkdown } from '../../domain/publishing/markdown.ts';
import { type ArticleViewBase, articleViewBase, regionNamesFor } from '../publishing/articleView.ts';
import type { ArticleViewSource } from '../publishing/publicArticleReads.ts';
import { drugNames } from '../store/drugStore.ts';
import type { Store } from '../store/openStore.ts';

export type { EnforcementText };

/** An enforcement result as pages, feeds and the API show it, with the drugs named. */
export interface EnforcementView extends EnforcementText, ArticleViewBase<EnforcementText> {
  drugs: { id: string; name: string }[];
  /** Demo content (示例) is labelled on every page that shows it. */
  isDemo: boolean;
}

function textOf(title: string, bodyMd: string, category: string | null, data: unknown, topHeading: 3 | 5 = 3): EnforcementText {
  const fields = enforcementData.safeParse(data);
  const action = enforcementAction.catch('other').parse(category);
  return {
    title,
    finding: fields.success ? fields.data.finding : '',
    action,
    actionLabel: enforcementActionLabels[action],
    actionDate: fields.success ? fields.data.actionDate : '',
    party: fields.success ? fields.data.party : '',
    bodyHtml: renderStoredMarkdown(bodyMd, topHeading),
  };
}

/** What the public would see, for the staff preview before anything is saved. */
export function enforcementPreview(content: EnforcementContent): EnforcementText {
  return textOf(content.title, content.bodyMd, content.action, { finding: content.finding, actionDate: content.actionDate, party: content.party });
}

export async function enforcementViews(store: Store, articles: readonly Article[], now: Date): Promise<EnforcementView[]> {
  const [drugs, regions] = await Promise.all([drugNames(store, [...new Set(articles.flatMap((a) => a.relatedDrugIds))]), regionNamesFor(store, articles)]);
  return articles.map((article) => ({
    ...textOf(article.title, article.bodyMd, article.category, article.data),
    // Shown under the correction's heading and the text's own, so a previous body's headings start at <h5>.
    ...articleViewBase(article, regions.get(article.regionCode) ?? article.regionCode, article.permalink ? permalinkPath(article.kind, article.permalink) : null, now, (previous) =>
      textOf(previous.title, previous.bodyMd, previous.category, previous.data, 5),
    ),
    drugs: article.relatedDrugIds.map((id) => ({ id, name: drugs.get(id) ?? id })),
    isDemo: enforcementData.safeParse(article.data).data?.demo === true,
  }));
}

/** Enforcement results for the generic public reads (server/publishing/publicArticleReads.ts). */
export const enforcementViewSource: ArticleViewSource<EnforcementView> = { kind: 'enforcement', views: enforcementViews };
