import { clarificationData, clarificationSummary, clarificationVerdict, sourcesToLines, verdictLabels } from '../../domain/clarifications/clarification.ts';
import { enforcementAction, enforcementActionLabels, enforcementData, enforcementSummary } from '../../domain/enforcement/enforcementResult.ts';
import { noticeData, noticeSummary } from '../../domain/notices/notice.ts';
import { quarterLabel, quarterParam } from '../../domain/notices/quarter.ts';
import type { Article, ArticleKind, ProposedText } from '../../domain/publishing/article.ts';
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
  /** The fields besides the body a reviewer compares when a correction is proposed, labelled as on the form. */
  revisionFields(text: ProposedText): { label: string; value: string }[];
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
    revisionFields: (text) => {
      const data = clarificationData.safeParse(text.data);
      const verdict = clarificationVerdict.safeParse(text.category);
      return [
        { label: '标题', value: text.title },
        { label: '网传说法', value: data.success ? data.data.claim : '' },
        { label: '核实结论', value: verdict.success ? verdictLabels[verdict.data] : (text.category ?? '') },
        { label: '依据和来源', value: data.success ? sourcesToLines(data.data.sources) : '' },
        { label: '发布机构', value: text.issuer },
        { label: '相关药品', value: text.relatedDrugIds.join('、') },
      ];
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
    revisionFields: (text) => {
      const data = noticeData.safeParse(text.data);
      return [
        { label: '标题', value: text.title },
        { label: '发布机构', value: text.issuer },
        { label: '文号', value: data.success ? data.data.docNumber : '' },
      ];
    },
  },
  // An enforcement result's category is its action (函询约谈 …), so lists, the API and the notice can count by it.
  enforcement: {
    label: '整治结果',
    summary: (article) => {
      const data = enforcementData.safeParse(article.data);
      const action = enforcementAction.safeParse(article.category);
      return data.success && action.success ? enforcementSummary(data.data, action.data) : bodyExcerpt(article);
    },
    categoryLabel: (category) => {
      const action = enforcementAction.safeParse(category);
      return action.success ? enforcementActionLabels[action.data] : null;
    },
    revisionFields: (text) => {
      const data = enforcementData.safeParse(text.data);
      const action = enforcementAction.safeParse(text.category);
      return [
        { label: '标题', value: text.title },
        { label: '发现的问题', value: data.success ? data.data.finding : '' },
        { label: '处理措施', value: action.success ? enforcementActionLabels[action.data] : (text.category ?? '') },
        { label: '处理日期', value: data.success ? data.data.actionDate : '' },
        { label: '涉及单位', value: data.success ? data.data.party : '' },
        { label: '发布机构', value: text.issuer },
        { label: '涉及药品', value: text.relatedDrugIds.join('、') },
      ];
    },
  },
};
