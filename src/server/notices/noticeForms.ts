import { z } from 'zod';
import { cleanString } from '../../domain/text/cleanText.ts';
import { type AttachmentUpload, maxAttachmentBytes, sha256Pattern } from '../../domain/notices/attachment.ts';
import { docNumber, noticeContent } from '../../domain/notices/notice.ts';
import { quarterParam } from '../../domain/notices/quarter.ts';
import { shanghaiLocalDateTime } from '../../domain/publishing/scheduleTime.ts';
import { seenRevision } from '../publishing/seenRevision.ts';
import { WorkflowError } from '../../domain/publishing/workflow.ts';
import { nt } from '../../i18n/notices.zh-CN.ts';
import { type FieldError, readStaffForm, type StaffFormResult } from '../staff/staffForm.ts';
import { NoticeInputError } from './noticeActions.ts';
import { AttachmentError } from './noticeAttachments.ts';

/** The back-office forms for notices, validated by zod; pages only render what these return. */
export const newNoticeForm = z.object({
  regionCode: z.string({ error: '请选择地区' }).regex(/^\d+$/, '请选择地区'),
  quarter: z.string({ error: '请选择季度' }).pipe(quarterParam),
  issuer: z.string({ error: '请填写发布机构' }).trim().min(2, '请填写发布机构').max(60, '发布机构不能超过 60 个字'),
  docNumber,
});

export const noticeEditForm = noticeContent;

export const noticeCorrectForm = noticeContent.extend({
  note: cleanString(z.string({ error: '请填写更正说明' }).trim().min(4, '请写明更正了什么（至少 4 个字）').max(300, '更正说明不能超过 300 个字'), { multiline: true }),
});

const optionalText = (max: number) =>
  cleanString(z.string().trim().max(max, `不能超过 ${max} 个字`), { multiline: true }).optional().transform((v) => v || undefined);

/** One form per workflow button; the button's value says which. */
export const noticeActionForm = z.object({
  action: z.enum(['submit', 'return', 'publish', 'withdraw', 'approve_revision', 'reject_revision'], { error: '未知操作' }),
  /** The revision the page showed; decisions without it are refused as stale by the workflow. */
  revision: seenRevision.optional(),
  note: optionalText(300),
  reason: optionalText(300),
  rejectReason: optionalText(300),
  publishAt: z.preprocess((v) => (v === '' ? undefined : v), shanghaiLocalDateTime.optional()),
});

export const attachmentRemoveForm = z.object({
  intent: z.literal('remove'),
  sha256: z.string().regex(sha256Pattern, '没有这个附件'),
});

/** Some headroom over the file limit for the form's other fields and multipart boundaries. */
const maxUploadRequestBytes = maxAttachmentBytes + 64 * 1024;

/**
 * An upload is multipart/form-data; it goes through the same staff form helper as every other POST, so
 * the CSRF token is checked the same way (the guard also checked it before the page ran). The helper
 * ignores files, so a clone of the request is read for the file part, and only after the token matched.
 */
export async function readAttachmentUpload(request: Request, csrf: string | null | undefined): Promise<StaffFormResult<AttachmentUpload>> {
  const declaredLength = Number(request.headers.get('content-length') ?? 0);
  const copy = request.clone();
  const form = await readStaffForm(request, csrf, z.object({ intent: z.literal('upload') }));
  if (!form.ok) return form;
  if (declaredLength > maxUploadRequestBytes) return { ok: false, errors: [{ field: 'file', message: '文件过大，附件不能超过 10 MB' }], values: form.values };
  const file = (await copy.formData()).get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, errors: [{ field: 'file', message: '请选择要上传的 PDF 文件' }], values: form.values };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { ok: true, data: { filename: file.name, declaredType: file.type, bytes }, values: form.values };
}

/** The message beside the field for a refusal the store or the workflow gave; anything else is rethrown. */
export function noticeFieldErrors(error: unknown, field = 'form'): FieldError[] {
  if (error instanceof NoticeInputError) return error.errors;
  if (error instanceof AttachmentError) return [{ field: error.field, message: error.message }];
  if (error instanceof WorkflowError) {
    if (error.field === 'permalink') return [{ field, message: nt('error.permalinkTaken') }];
    return [{ field: error.field ?? field, message: nt(`error.${error.code}`) }];
  }
  throw error;
}
