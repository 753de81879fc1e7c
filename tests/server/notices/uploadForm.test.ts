import { describe, expect, test } from 'vitest';
import { readAttachmentUpload } from '../../../src/server/notices/noticeForms.ts';
import { StaffAuthError } from '../../../src/server/staff/staffAuth.ts';
import { postedCsrfMatches } from '../../../src/server/staff/staffForm.ts';
import { pdfBytes } from './noticeFixtures.ts';

const token = 'session-csrf-token-0123456789abcdef0123456';

/** What a browser sends for the attach form: multipart/form-data with the token, the intent and the file. */
function multipart(fields: Record<string, string>, file?: File): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', file);
  return new Request('http://localhost/staff/notices/1/attachments', { method: 'POST', body: form });
}

const pdf = () => new File([pdfBytes('upload')], '通报.pdf', { type: 'application/pdf' });

describe('CSRF on multipart uploads', () => {
  test('the guard’s check reads the token from a multipart body', async () => {
    expect(await postedCsrfMatches(multipart({ _csrf: token, intent: 'upload' }, pdf()), token)).toBe(true);
    expect(await postedCsrfMatches(multipart({ _csrf: 'forged', intent: 'upload' }, pdf()), token)).toBe(false);
    expect(await postedCsrfMatches(multipart({ intent: 'upload' }, pdf()), token)).toBe(false);
  });

  test('the page refuses an upload without the right token before reading the file', async () => {
    for (const fields of [{ intent: 'upload' }, { _csrf: 'forged', intent: 'upload' }] as Record<string, string>[]) {
      const error = await readAttachmentUpload(multipart(fields, pdf()), token).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaffAuthError);
      expect((error as StaffAuthError).code).toBe('csrf');
    }
  });
});

describe('readAttachmentUpload', () => {
  test('returns the file’s name, declared type and exact bytes', async () => {
    const result = await readAttachmentUpload(multipart({ _csrf: token, intent: 'upload' }, pdf()), token);
    expect(result.ok && { ...result.data, bytes: [...result.data.bytes] }).toEqual({ filename: '通报.pdf', declaredType: 'application/pdf', bytes: [...pdfBytes('upload')] });
  });

  test('asks for a file when none was chosen', async () => {
    const result = await readAttachmentUpload(multipart({ _csrf: token, intent: 'upload' }), token);
    expect(result.ok ? [] : result.errors).toEqual([{ field: 'file', message: '请选择要上传的 PDF 文件' }]);
  });
});
