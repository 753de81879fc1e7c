import { z } from 'zod';
import { cleanString } from '../../domain/text/cleanText.ts';
import { shanghaiLocalDateTime } from '../../domain/publishing/scheduleTime.ts';
import type { Portal } from '../portal.ts';
import type { FieldError } from '../staff/staffForm.ts';
import { drugReferenceMessage, resolveDrugReferences } from './drugReferences.ts';

/**
 * A posted field: any string, cleaned of control and format characters here already, so that the correction
 * note, which skips the content schema, is too. Presence and rules are the content schema's business.
 */
export const postedText = cleanString(z.string(), { multiline: true }).optional().default('');

/**
 * The posted fields every kind's form has, which each kind extends with its own. Names avoid "code": the staff
 * form helper never echoes such fields back into a re-shown form.
 */
export const postedArticleFields = z.object({
  intent: z.enum(['preview', 'save', 'correct']).default('save'),
  issuer: postedText,
  region: postedText,
  drugs: postedText,
  publishAt: postedText,
  slug: postedText,
  note: postedText,
});

/** The posted fields every kind's form has, as strings (see ArticlePlacementFields.astro). */
export interface PostedArticleFields {
  region: string;
  drugs: string;
  publishAt: string;
  slug: string;
}

/** The same fields in the content's terms, for the kind to put beside its own. */
export interface CommonContent {
  regionCode: string;
  relatedDrugIds: string[];
  publishAt: string | null;
  slug: string | null;
}

export interface ArticleFormSpec<C> {
  content: z.ZodType<C>;
  /** The kind's content to validate, from its own fields and the common ones. */
  build(common: CommonContent): Record<string, unknown>;
  /** Content field → form field where they are named differently (regionCode and relatedDrugIds are known). */
  fieldOf?: Record<string, string>;
  /** The message for a choice left empty (a radio group), by content field, instead of zod's wording. */
  choiceMessages?: Record<string, string>;
  /** The fields in page order, so the error summary reads top to bottom. */
  order: readonly string[];
  /** Problems the kind found reading its own fields (a source line that is not "name URL"). */
  problems?: FieldError[];
}

/**
 * A kind's posted form as content, or the problems by form field: drug names resolved (with suggestions), the
 * suggested time read as Beijing time, then the kind's zod schema, its first problem per field kept.
 */
export async function articleContentFromForm<C>(
  portal: Portal,
  form: PostedArticleFields,
  spec: ArticleFormSpec<C>,
): Promise<{ ok: true; content: C } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [...(spec.problems ?? [])];
  const drugs = await resolveDrugReferences(portal, form.drugs);
  if (drugs.unknown.length > 0) errors.push({ field: 'drugs', message: drugReferenceMessage(drugs.unknown) });
  let publishAt: string | null = null;
  if (form.publishAt.trim()) {
    const parsed = shanghaiLocalDateTime.safeParse(form.publishAt);
    if (parsed.success) publishAt = parsed.data;
    else errors.push({ field: 'publishAt', message: parsed.error.issues[0]?.message ?? '时间格式不正确' });
  }
  const common = { regionCode: form.region, relatedDrugIds: drugs.ids, publishAt, slug: form.slug.trim() ? form.slug : null };
  const parsed = spec.content.safeParse(spec.build(common));
  if (!parsed.success) {
    const fieldOf: Record<string, string> = { regionCode: 'region', relatedDrugIds: 'drugs', ...spec.fieldOf };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      const field = fieldOf[key] ?? key;
      const message = spec.choiceMessages?.[key] ?? issue.message;
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
  }
  errors.sort((a, b) => spec.order.indexOf(a.field) - spec.order.indexOf(b.field));
  return parsed.success && errors.length === 0 ? { ok: true, content: parsed.data } : { ok: false, errors };
}
