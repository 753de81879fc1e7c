import type { ClarificationContent } from '../../domain/clarifications/clarification.ts';
import type { Portal } from '../portal.ts';
import { type ArticleFormState, type ArticleFormSteps, handleArticleForm } from '../publishing/articleFormPost.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { type ClarificationFormFields, clarificationFormFields, clarificationFromForm } from './clarificationForm.ts';
import { type ClarificationText, previewOf } from './clarificationView.ts';
import { actionErrors } from './staffAccess.ts';

export type ClarificationFormState = ArticleFormState<ClarificationText>;
export type ClarificationFormSteps = ArticleFormSteps<ClarificationFormFields, ClarificationContent>;

/** The new, edit and correct pages of a clarification (server/publishing/articleFormPost.ts does the work). */
export function handleClarificationForm(
  request: Request,
  portal: Portal,
  user: StaffUser,
  steps: ClarificationFormSteps,
): Promise<ClarificationFormState | { redirectTo: string } | Response> {
  return handleArticleForm(request, portal, user, { fields: clarificationFormFields, fromForm: clarificationFromForm, preview: previewOf, refusal: actionErrors }, steps);
}
