import type { z } from 'zod';
import type { Portal } from '../portal.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { type FieldError, type FormValues, readStaffForm } from '../staff/staffForm.ts';

/** What an article form page shows: the values to re-fill, the errors beside them, a preview if asked. */
export interface ArticleFormState<P> {
  values: FormValues;
  errors: FieldError[];
  preview: P | undefined;
}

/** How one kind reads its form: the posted fields, their content (or problems by field) and its preview. */
export interface ArticleFormKind<F extends { intent: string }, C, P> {
  fields: z.ZodType<F>;
  fromForm(portal: Portal, form: F): Promise<{ ok: true; content: C } | { ok: false; errors: FieldError[] }>;
  preview(content: C): P;
  /** A refusal of the save as errors by field, or the page to send instead (403). */
  refusal(error: unknown, fallbackField?: string): FieldError[] | Response;
}

export interface ArticleFormSteps<F, C> {
  /** The form as first shown, before anything is posted. */
  initial: FormValues;
  /** Checks of the page's own fields (a correction's note), shown together with the content's. */
  check?: (form: F) => FieldError[];
  /** Saves valid content and answers where to send the user (303). */
  save: (content: C, form: F) => Promise<string>;
  /** Where a refusal that names no field is shown. */
  refusalField?: string;
}

/**
 * The new, edit and correct pages of any kind: on POST, read the form (CSRF checked), validate it, then either
 * show the preview (intent "preview") or save. A refusal by the role or region rules comes back as the 403 page.
 */
export async function handleArticleForm<F extends { intent: string }, C, P>(
  request: Request,
  portal: Portal,
  user: StaffUser,
  kind: ArticleFormKind<F, C, P>,
  steps: ArticleFormSteps<F, C>,
): Promise<ArticleFormState<P> | { redirectTo: string } | Response> {
  if (request.method !== 'POST') return { values: steps.initial, errors: [], preview: undefined };
  const form = await readStaffForm(request, user.session.csrfToken, kind.fields);
  const values = form.values;
  if (!form.ok) return { values, errors: form.errors, preview: undefined };
  const parsed = await kind.fromForm(portal, form.data);
  const errors = [...(steps.check?.(form.data) ?? []), ...(parsed.ok ? [] : parsed.errors)];
  if (!parsed.ok) return { values, errors, preview: undefined };
  // A preview is shown even beside the page's own field errors, so the writer sees the text while fixing them.
  if (form.data.intent === 'preview') return { values, errors, preview: kind.preview(parsed.content) };
  if (errors.length > 0) return { values, errors, preview: undefined };
  try {
    return { redirectTo: await steps.save(parsed.content, form.data) };
  } catch (error) {
    const handled = kind.refusal(error, steps.refusalField);
    return handled instanceof Response ? handled : { values, errors: handled, preview: undefined };
  }
}
