import type { z } from 'zod';
import { type EnforcementContent, enforcementContent, enforcementData } from '../../domain/enforcement/enforcementResult.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { toShanghaiLocalInput } from '../../domain/publishing/scheduleTime.ts';
import type { Portal } from '../portal.ts';
import { articleContentFromForm, postedArticleFields, postedText } from '../publishing/articleFormContent.ts';
import type { FieldError, FormValues } from '../staff/staffForm.ts';

/**
 * The staff form of an enforcement result as posted: every field a string, checked for presence only; the
 * rules live in enforcementContent, and problems are mapped back to the field each belongs to.
 */
export const enforcementFormFields = postedArticleFields.extend({
  title: postedText,
  finding: postedText,
  action: postedText,
  actionDate: postedText,
  party: postedText,
  body: postedText,
});
export type EnforcementFormFields = z.infer<typeof enforcementFormFields>;

export function enforcementFromForm(
  portal: Portal,
  form: EnforcementFormFields,
): Promise<{ ok: true; content: EnforcementContent } | { ok: false; errors: FieldError[] }> {
  return articleContentFromForm(portal, form, {
    content: enforcementContent,
    build: (common) => ({
      ...common,
      title: form.title,
      finding: form.finding,
      action: form.action || undefined,
      actionDate: form.actionDate,
      party: form.party,
      bodyMd: form.body,
      issuer: form.issuer,
    }),
    fieldOf: { bodyMd: 'body' },
    choiceMessages: { action: '请选择处理措施' },
    order: ['title', 'finding', 'action', 'actionDate', 'party', 'drugs', 'body', 'issuer', 'region', 'publishAt', 'slug'],
  });
}

/** The form filled from a stored article, for editing and for correcting. */
export function enforcementFormValues(article: Article): FormValues {
  const data = enforcementData.safeParse(article.data);
  return {
    title: article.title,
    finding: data.success ? data.data.finding : '',
    action: article.category ?? '',
    actionDate: data.success ? data.data.actionDate : '',
    party: data.success ? data.data.party : '',
    body: article.bodyMd,
    issuer: article.issuer,
    region: article.regionCode,
    drugs: article.relatedDrugIds.join(', '),
    publishAt: article.publishAt && article.state !== 'published' ? toShanghaiLocalInput(article.publishAt) : '',
    slug: article.permalink?.slug ?? article.requestedSlug ?? '',
  };
}
