import type { ClarificationContent } from '../../domain/clarifications/clarification.ts';
import type { Portal } from '../portal.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { type FieldError, type FormValues, readStaffForm } from '../staff/staffForm.ts';
import { type ClarificationFormFields, clarificationFormFields, clarificationFromForm } from './clarificationForm.ts';
import { type ClarificationText, previewOf } from './clarificationView.ts';
import { actionErrors } from './staffAccess.ts';

/** What a clarification form page shows: the values to re-fill, the errors beside them, a preview if asked. */
export interface ClarificationFormState {
  values: FormValues;
  errors: FieldError[];
  preview: ClarificationText | undefined;
}

export interface ClarificationFormSteps {
  /** The form as first shown, before anything is posted. */
  initial: FormValues;
  /** Checks of the page's own fields (a correction's note), shown together with the content's. */
  check?: (form: ClarificationFormFields) => FieldError[];
  /** Saves valid content and answers where to send the user (303). */
  save: (content: ClarificationContent, form: ClarificationFormFields) => Promise<string>;
  /** Where a refusal that names no field is shown; see actionErrors. */
  refusalField?: string;
}

/**
 * The new, edit and correct pages: on POST, read the form (CSRF checked), validate it, then either show the
 * preview (intent "preview") or save. A refusal by the role or region rules comes back as the 403 page.
 */
export async function handleClarificationForm(
  request: Request,
  portal: Portal,
  user: StaffUser,
  steps: ClarificationFormSteps,
): Promise<ClarificationFormState | { redirectTo: string } | Response> {
  if (request.method !== 'POST') return { values: steps.initial, errors: [], preview: undefined };
  const form = await readStaffForm(request, user.session.csrfToken, clarificationFormFields);
  const values = form.values;
  if (!form.ok) return { values, errors: form.errors, preview: undefined };
  const parsed = await clarificationFromForm(portal, form.data);
  const errors = [...(steps.check?.(form.data) ?? []), ...(parsed.ok ? [] : parsed.errors)];
  if (!parsed.ok) return { values, errors, preview: undefined };
  // A preview is shown even beside the page's own field errors, so the writer sees the text while fixing them.
  if (form.data.intent === 'preview') return { values, errors, preview: previewOf(parsed.content) };
  if (errors.length > 0) return { values, errors, preview: undefined };
  try {
    return { redirectTo: await steps.save(parsed.content, form.data) };
  } catch (error) {
    const handled = actionErrors(error, steps.refusalField);
    return handled instanceof Response ? handled : { values, errors: handled, preview: undefined };
  }
}
