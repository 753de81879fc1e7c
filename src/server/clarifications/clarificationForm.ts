import { z } from 'zod';
import { cleanString } from '../../domain/text/cleanText.ts';
import {
  type ClarificationContent,
  clarificationContent,
  clarificationData,
  parseSourceLines,
  sourcesToLines,
} from '../../domain/clarifications/clarification.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { shanghaiLocalDateTime, toShanghaiLocalInput } from '../../domain/publishing/scheduleTime.ts';
import type { Portal } from '../portal.ts';
import type { FieldError, FormValues } from '../staff/staffForm.ts';
import { drugReferenceMessage, resolveDrugReferences } from '../publishing/drugReferences.ts';

/**
 * The staff form as posted: every field a string, checked only for presence here. The real rules live in
 * clarificationContent; this module turns the textarea-and-select shape into it and maps problems back to
 * the field each belongs to. Field names avoid "code" because the staff form helper never echoes such fields.
 */
// Cleaned of control and format characters here too, so that the correction note, which skips clarificationContent, is.
const text = cleanString(z.string(), { multiline: true }).optional().default('');
export const clarificationFormFields = z.object({
  intent: z.enum(['preview', 'save', 'correct']).default('save'),
  title: text,
  claim: text,
  verdict: text,
  explanation: text,
  sources: text,
  issuer: text,
  region: text,
  drugs: text,
  publishAt: text,
  slug: text,
  note: text,
});
export type ClarificationFormFields = z.infer<typeof clarificationFormFields>;

/** Where each content field's problems are shown; the form's own names differ in three places. */
const fieldOf: Record<string, string> = { regionCode: 'region', relatedDrugIds: 'drugs', sources: 'sources' };

export async function clarificationFromForm(
  portal: Portal,
  form: ClarificationFormFields,
): Promise<{ ok: true; content: ClarificationContent } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const sources = parseSourceLines(form.sources);
  if (sources.errors.length > 0) errors.push({ field: 'sources', message: sources.errors.join('；') });
  const drugs = await resolveDrugReferences(portal, form.drugs);
  if (drugs.unknown.length > 0) errors.push({ field: 'drugs', message: drugReferenceMessage(drugs.unknown) });
  let publishAt: string | null = null;
  if (form.publishAt.trim()) {
    const parsed = shanghaiLocalDateTime.safeParse(form.publishAt);
    if (parsed.success) publishAt = parsed.data;
    else errors.push({ field: 'publishAt', message: parsed.error.issues[0]?.message ?? '时间格式不正确' });
  }
  const parsed = clarificationContent.safeParse({
    title: form.title,
    claim: form.claim,
    verdict: form.verdict || undefined,
    explanation: form.explanation,
    sources: sources.sources,
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
      const message = key === 'verdict' ? '请选择核实结论' : issue.message;
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
  }
  // Same order as the fields on the page, so the error summary reads top to bottom.
  const order = ['title', 'claim', 'verdict', 'explanation', 'sources', 'issuer', 'region', 'drugs', 'publishAt', 'slug'];
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return parsed.success && errors.length === 0 ? { ok: true, content: parsed.data } : { ok: false, errors };
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
