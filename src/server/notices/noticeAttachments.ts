import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AttachmentUpload, checkPdfUpload, type CheckedAttachment, sha256Pattern } from '../../domain/notices/attachment.ts';
import { transition, WorkflowError } from '../../domain/publishing/workflow.ts';
import type { Portal } from '../portal.ts';
import type { ArticleUser } from '../publishing/articleActions.ts';
import { updateArticleRow } from '../store/articleStore.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { attachmentInUse, deleteAttachment, findAttachment, insertAttachment, loadNotice } from '../store/noticeStore.ts';

/**
 * PDF attachments on disk, named by their SHA-256: a file never changes under its URL (so it can be cached
 * for good), and the checksum shown on the page is the file's name, not a claim beside it. Attaching or
 * removing a file changes what the public will get, so it counts as an edit for the two-person rule.
 */
export class AttachmentError extends Error {
  readonly field = 'file';
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentError';
  }
}

export function attachmentPath(dataDir: string, sha256: string): string {
  // Checked here as well as at every caller: this string becomes a path on disk.
  if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return join(dataDir, 'attachments', `${sha256}.pdf`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Write-then-rename, so that a reader never sees half a file and a crash leaves only a stray temp file. */
async function storeFile(dataDir: string, file: CheckedAttachment, bytes: Uint8Array): Promise<void> {
  const path = attachmentPath(dataDir, file.sha256);
  if (await exists(path)) return;
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    await mkdir(join(dataDir, 'attachments'), { recursive: true });
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    // A read-only, full or missing volume is not the uploader's fault, but they must learn that nothing was
    // saved; the notice is left as it was and no partial file stays behind.
    await rm(temp, { force: true }).catch(() => undefined);
    throw new AttachmentError(`附件无法保存：服务器存储暂时无法写入（${(error as NodeJS.ErrnoException).code ?? '未知错误'}），请稍后再试或联系管理员。`);
  }
}

async function dropIfUnused(portal: Portal, sha256: string): Promise<void> {
  if (!(await attachmentInUse(portal.store, sha256))) await rm(attachmentPath(portal.config.DATA_DIR, sha256), { force: true });
}

const auditActor = (user: ArticleUser) => ({ id: user.account.id, username: user.account.username, ip: user.ip });

/** Checks the upload, stores the file and attaches it to a draft or a notice in review. */
export async function attachToNotice(portal: Portal, user: ArticleUser, id: number, upload: AttachmentUpload, now = new Date()): Promise<CheckedAttachment> {
  const checked = checkPdfUpload(upload);
  if (!checked.ok) throw new AttachmentError(checked.message);
  const file = checked.attachment;
  const before = await loadNotice(portal.store, id);
  if (!before) throw new WorkflowError('invalid_transition', `no notice ${id}`);
  // Refused before anything touches the disk; checked again inside the transaction below.
  transition(user.account, before, 'edit', { now });
  await storeFile(portal.config.DATA_DIR, file, upload.bytes);
  try {
    await portal.store.transaction().execute(async (trx) => {
      const current = await loadNotice(trx, id);
      if (!current) throw new WorkflowError('invalid_transition', `no notice ${id}`);
      const result = transition(user.account, current, 'edit', { now });
      if (await findAttachment(trx, id, file.sha256)) throw new AttachmentError(`同一文件已经附上（${file.filename}）`);
      await insertAttachment(trx, id, file, user.account.id, now);
      await updateArticleRow(trx, id, { last_editor_id: result.lastEditorId, revision: result.revision, updated_at: now.toISOString() });
      await appendAudit(trx, auditActor(user), { action: 'notice.attachment_add', regionCode: current.regionCode, target: { type: 'notice', id }, after: { ...file } }, now);
    });
  } catch (error) {
    await dropIfUnused(portal, file.sha256);
    throw error;
  }
  return file;
}

export async function removeFromNotice(portal: Portal, user: ArticleUser, id: number, sha256: string, now = new Date()): Promise<void> {
  if (!sha256Pattern.test(sha256)) throw new AttachmentError('没有这个附件');
  await portal.store.transaction().execute(async (trx) => {
    const current = await loadNotice(trx, id);
    if (!current) throw new WorkflowError('invalid_transition', `no notice ${id}`);
    const result = transition(user.account, current, 'edit', { now });
    const attachment = await findAttachment(trx, id, sha256);
    if (!attachment || !(await deleteAttachment(trx, id, sha256))) throw new AttachmentError('没有这个附件');
    await updateArticleRow(trx, id, { last_editor_id: result.lastEditorId, revision: result.revision, updated_at: now.toISOString() });
    const { createdAt: _c, ...file } = attachment;
    await appendAudit(trx, auditActor(user), { action: 'notice.attachment_remove', regionCode: current.regionCode, target: { type: 'notice', id }, before: file }, now);
  });
  // A file removed from the last notice that showed it leaves the disk too: an upload by mistake may hold
  // something that should never have been there.
  await dropIfUnused(portal, sha256);
}

export async function readAttachmentBytes(portal: Portal, sha256: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(await readFile(attachmentPath(portal.config.DATA_DIR, sha256)));
  } catch {
    return undefined;
  }
}
