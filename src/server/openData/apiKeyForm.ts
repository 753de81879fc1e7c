import { z } from 'zod';
import { lineField } from '../../domain/reports/citizenText.ts';

/** The forms of /staff/api-keys, told apart by `action`. */
export const apiKeyForm = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('issue'),
    holder: lineField('使用单位或应用', 80).pipe(z.string().min(2, '请填写使用单位或应用名称')),
    contact: lineField('联系方式', 120).pipe(z.string().min(5, '请填写联系方式（邮箱或电话），密钥被滥用时用于联系')),
  }),
  z.object({ action: z.literal('revoke'), id: z.coerce.number().int().positive() }),
]);
