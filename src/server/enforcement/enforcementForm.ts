import { z } from 'zod';
import { type EnforcementContent, enforcementContent, enforcementData } from '../../domain/enforcement/enforcementResult.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { shanghaiLocalDateTime, toShanghaiLocalInput } from '../../domain/publishing/scheduleTime.ts';
import { cleanString } from '../../domain/text/cleanText.ts';
import type { Portal } from '../portal.ts';
import { drugReferenceMessage, resolveDrugReferences } from '../publishing/drugReferences.ts';
import type { FieldError, FormValues } from '../staff/staffForm.ts';

/**
 * The staff form of an enforcement result as posted: every field a string, checked for presence only; the
 * rules live in enforcementContent, and problems are mapped back to the field each belongs to.
 */
const text = cleanString(z.string(), { multiline: true }).optional().default('');
export const enforcementFormFields = z.object({
  intent: z.enum(['preview', 'save', 'correct']).default('save'),
  title: text,
  finding: text,
  action: text,
  actionDate: text,
  party: text,
  body: text,
  issuer: text,
  region: text,
  drugs: text,
  publishAt: text,
  slug: text,
  note: text,
});
export type EnforcementFormFields = z.infer<typeof enforcementFormFields>;

/** Where each content field's problems are shown, when the form names it differently. */
const fieldOf: Record<string, string> = { regionCode: 'region', relatedDrugIds: 'drugs', bodyMd: 'body' };
/** The order of the fields on the page, so the error summary reads top to bottom. */
const order = ['title', 'finding', 'action', 'actionDate', 'party', 'drugs', 'body', 'issuer', 'region', 'publishAt', 'slug'];

export async function enforcementFromForm(
  portal: Portal,
  form: EnforcementFormFields,
): Promise<{ ok: true; content: EnforcementContent } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const drugs = await resolveDrugReferences(portal, form.drugs);
  if (drugs.unknown.length > 0) errors.push({ field: 'drugs', message: drugReferenceMessage(drugs.unknown) });
  let publishAt: string | null = null;
  if (form.publishAt.trim()) {
    const parsed = shanghaiLocalDateTime.safeParse(form.publishAt);
    if (parsed.success) publishAt = parsed.data;
    else errors.push({ field: 'publishAt', message: parsed.error.issues[0]?.message ?? '时间格式不正确' });
  }
  const parsed = enforcementContent.safeParse({
    title: form.title,
    finding: form.finding,
    action: form.action || undefined,
    actionDate: form.actionDate,
    party: form.party,
    bodyMd: form.body,
    issuer: form.issuer,
    regionCode: form.region,
    relatedDrugIds: drugs.ids,
    publishAt,
    slug: form.slug.trim() ? form.slug : null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      const field = fieldOf[key] ?? key;
      const message = key === 'action' ? '请选择处理措施' : issue.message;
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
  }
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return parsed.success && errors.length === 0 ? { ok: true, content: parsed.data } : { ok: false, errors };
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
