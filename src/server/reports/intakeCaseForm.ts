import { z } from 'zod';
import { caseAction, verificationResult } from '../../domain/reports/caseStatus.ts';
import { paragraphField } from '../../domain/reports/citizenText.ts';
import { intakeText } from '../../i18n/intake.zh-CN.ts';
import type { Portal } from '../portal.ts';
import { StaffAuthError, type StaffUser } from '../staff/staffAuth.ts';
import type { FieldError } from '../staff/staffForm.ts';
import { CaseStepRefused, revealCasePhones, takeCaseStep } from './intakeActions.ts';

/** The case page's forms: one button each, told apart by `action`. */
export const intakeCaseForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign') }),
  z.object({
    action: z.literal('verify'),
    result: z.enum(verificationResult.options, { error: '请选择核实结果' }),
    caseAction: z.enum(caseAction.options, { error: '请选择处理措施' }),
  }),
  z.object({ action: z.literal('reply'), reply: paragraphField('公开答复', 500).pipe(z.string().min(4, '公开答复至少写 4 个字')) }),
  z.object({ action: z.literal('close') }),
  z.object({ action: z.literal('reveal') }),
]);
export type IntakeCaseForm = z.infer<typeof intakeCaseForm>;

export type IntakeCaseOutcome =
  | { kind: 'done'; step: 'assign' | 'verify' | 'reply' | 'close' }
  | { kind: 'revealed'; phones: { trackingNumber: string; phone: string | null }[] }
  | { kind: 'errors'; errors: FieldError[] };

/** Runs one posted action; refusals become a message at the top of the page (role/region ones are rethrown). */
export async function runIntakeCaseAction(portal: Pick<Portal, 'store'>, user: StaffUser, caseId: number, form: IntakeCaseForm): Promise<IntakeCaseOutcome> {
  try {
    if (form.action === 'reveal') {
      const phones = await revealCasePhones(portal, user, caseId);
      return { kind: 'revealed', phones: phones.map((p) => ({ trackingNumber: p.tracking_number, phone: p.phone })) };
    }
    if (form.action === 'verify') await takeCaseStep(portal, user, caseId, { kind: 'verify', result: form.result, action: form.caseAction });
    else if (form.action === 'reply') await takeCaseStep(portal, user, caseId, { kind: 'reply', text: form.reply });
    else await takeCaseStep(portal, user, caseId, { kind: form.action });
    return { kind: 'done', step: form.action };
  } catch (error) {
    if (error instanceof StaffAuthError) throw error;
    if (!(error instanceof CaseStepRefused)) throw error;
    return { kind: 'errors', errors: [{ field: 'form', message: intakeText(`error.${error.code}`) }] };
  }
}
