import { z } from 'zod';
import { lineField } from '../../domain/reports/citizenText.ts';

/** The forms of /staff/intake-systems, told apart by `action`. */
export const intakeSystemsForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('issue_token'), name: lineField('系统名称', 60).pipe(z.string().min(2, '请填写系统名称')), allowPersonal: z.literal('1').optional() }),
  z.object({ action: z.literal('revoke_token'), id: z.coerce.number().int().positive() }),
  z.object({
    action: z.literal('add_endpoint'),
    name: lineField('推送名称', 60).pipe(z.string().min(2, '请填写推送名称')),
    url: z.url({ protocol: /^https?$/, error: '推送地址应为 http:// 或 https:// 开头的网址' }).max(500, '推送地址不能超过 500 个字符'),
  }),
  z.object({ action: z.literal('disable_endpoint'), id: z.coerce.number().int().positive() }),
]);
