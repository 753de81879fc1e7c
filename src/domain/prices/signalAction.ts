import { z } from 'zod';

/** What staff record doing about a price signal (处置方式). */
export const signalAction = z.enum(['inquiry', 'cost_survey', 'referral']);
export type SignalAction = z.infer<typeof signalAction>;

/** The one form on a signal: assign it to oneself, record an action, or close it; a note goes with any. */
export const signalActionForm = z.discriminatedUnion('step', [
  z.object({ step: z.literal('assign'), note: z.string().trim().max(500, '说明不超过 500 字').optional() }),
  z.object({
    step: z.literal('action'),
    action: signalAction.or(z.literal('').transform(() => undefined)).refine((a) => a !== undefined, '请选择处置方式'),
    note: z.string().trim().min(1, '请写明处置情况').max(500, '说明不超过 500 字'),
  }),
  z.object({ step: z.literal('close'), note: z.string().trim().min(1, '办结须写明结果').max(500, '说明不超过 500 字') }),
], { error: () => '未知的操作' });
export type SignalActionForm = z.infer<typeof signalActionForm>;
