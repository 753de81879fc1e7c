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
import { type ArticleState, effectiveState } from '../../domain/publishing/workflow.ts';
import type { Store } from '../store/openStore.ts';

/** A clarification as pages, feeds and the API show it: fields parsed, body rendered, drugs named. */
export interface ClarificationText {
  title: string;
  claim: string;
  verdict: ClarificationVerdict;
  verdictLabel: string;
  bodyHtml: string;
  sources: ClarificationSource[];
}

export interface ClarificationView extends ClarificationText {
  id: number;
  state: ArticleState;
  issuer: string;
  regionCode: string;
  regionName: string;
  relatedDrugs: { id: string; name: string }[];
  /** Null until published (a draft being previewed). */
  path: string | null;
  publishedAt: string | null;
  correctedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  updatedAt: string;
  corrections: { correctedAt: string; note: string; previous: ClarificationText }[];
  article: Article;
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
  return {
    ...textOf(article.title, article.bodyMd, article.category, article.data),
    id: article.id,
    state: effectiveState(article, now),
    issuer: article.issuer,
    regionCode: article.regionCode,
    regionName: names.regions.get(article.regionCode) ?? article.regionCode,
    relatedDrugs: article.relatedDrugIds.map((id) => ({ id, name: names.drugs.get(id) ?? id })),
    path: article.permalink ? permalinkPath(article.kind, article.permalink) : null,
    publishedAt: article.publishedAt,
    correctedAt: article.correctedAt,
    withdrawnAt: article.withdrawnAt,
    withdrawnReason: article.withdrawnReason,
    updatedAt: article.updatedAt,
    // Newest first: the reader wants to know what changed last.
    corrections: [...article.corrections].reverse().map((c) => ({
      correctedAt: c.correctedAt,
      note: c.note,
      // Shown under the correction's <h3> and the text's own <h4> headings, so its body headings start at <h5>.
      previous: textOf(c.previous.title, c.previous.bodyMd, c.previous.category, c.previous.data, 5),
    })),
    article,
  };
}

/** Names for the drugs and regions a set of articles mentions, in two queries. */
export async function namesFor(store: Store, articles: readonly Article[]): Promise<{ drugs: Map<string, string>; regions: Map<string, string> }> {
  const drugIds = [...new Set(articles.flatMap((a) => a.relatedDrugIds))];
  const regionCodes = [...new Set(articles.map((a) => a.regionCode))];
  const [drugs, regions] = await Promise.all([
    drugIds.length > 0 ? store.selectFrom('drugs').select(['id', 'generic_name']).where('id', 'in', drugIds).execute() : [],
    regionCodes.length > 0 ? store.selectFrom('regions').select(['code', 'name']).where('code', 'in', regionCodes).execute() : [],
  ]);
  return { drugs: new Map(drugs.map((d) => [d.id, d.generic_name])), regions: new Map(regions.map((r) => [r.code, r.name])) };
}

export async function clarificationViews(store: Store, articles: readonly Article[], now: Date): Promise<ClarificationView[]> {
  const names = await namesFor(store, articles);
  return articles.map((a) => clarificationView(a, names, now));
}
