import type { z } from 'zod';
import {
  type ClarificationContent,
  clarificationContent,
  clarificationData,
  parseSourceLines,
  sourcesToLines,
} from '../../domain/clarifications/clarification.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { toShanghaiLocalInput } from '../../domain/publishing/scheduleTime.ts';
import type { Portal } from '../portal.ts';
import type { FieldError, FormValues } from '../staff/staffForm.ts';
import { articleContentFromForm, postedArticleFields, postedText } from '../publishing/articleFormContent.ts';

/**
 * The staff form as posted: every field a string, checked only for presence here. The real rules live in
 * clarificationContent; this module turns the textarea-and-select shape into it and maps problems back to
 * the field each belongs to.
 */
export const clarificationFormFields = postedArticleFields.extend({
  title: postedText,
  claim: postedText,
  verdict: postedText,
  explanation: postedText,
  sources: postedText,
});
export type ClarificationFormFields = z.infer<typeof clarificationFormFields>;

export async function clarificationFromForm(
  portal: Portal,
  form: ClarificationFormFields,
): Promise<{ ok: true; content: ClarificationContent } | { ok: false; errors: FieldError[] }> {
  const sources = parseSourceLines(form.sources);
  return articleContentFromForm(portal, form, {
    content: clarificationContent,
    build: (common) => ({
      ...common,
      title: form.title,
      claim: form.claim,
      verdict: form.verdict || undefined,
      explanation: form.explanation,
      sources: sources.sources,
      issuer: form.issuer,
    }),
    choiceMessages: { verdict: '请选择核实结论' },
    order: ['title', 'claim', 'verdict', 'explanation', 'sources', 'issuer', 'drugs', 'region', 'publishAt', 'slug'],
    problems: sources.errors.length > 0 ? [{ field: 'sources', message: sources.errors.join('；') }] : [],
  });
}

/** The form filled from a stored article, for editing and for correcting. */
export function formValuesOf(article: Article): FormValues {
  const data = clarificationData.safeParse(article.data);
  return {
    title: article.title,
    claim: data.success ? data.data.claim : '',
    verdict: article.category ?? '',
    explanation: article.bodyMd,
    sources: data.success ? sourcesToLines(data.data.sources) : '',
    issuer: article.issuer,
    region: article.regionCode,
    drugs: article.relatedDrugIds.join(', '),
    publishAt: article.publishAt && article.state !== 'published' ? toShanghaiLocalInput(article.publishAt) : '',
    slug: article.permalink?.slug ?? article.requestedSlug ?? '',
  };
}
