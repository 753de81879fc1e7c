import type { Kysely, Selectable } from 'kysely';
import { formatQuarterParam, type Quarter } from '../../domain/notices/quarter.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import { hydrate, loadArticleOfKind } from './articleStore.ts';
import type { Database, NoticeAttachmentTable } from './schema.ts';

/**
 * Notices are articles of kind 'notice' (the generic store does the work); this adds what only notices
 * need: finding one by region and quarter, the back-office queue, and attachment rows.
 */
type Db = Kysely<Database>;

export interface NoticeAttachment {
  sha256: string;
  filename: string;
  size: number;
  createdAt: string;
}

export async function loadNotice(db: Db, id: number): Promise<Article | undefined> {
  return loadArticleOfKind(db, 'notice', id);
}

/**
 * The notice for a region and quarter in any state, if there is one. There is at most one: a second draft
 * would end in two reviewers approving competing texts for one address.
 */
export async function noticeFor(db: Db, regionCode: string, quarter: Quarter, exceptId?: number): Promise<Article | undefined> {
  let query = db
    .selectFrom('articles')
    .selectAll()
    .where('kind', '=', 'notice')
    .where('region_code', '=', regionCode)
    .where('category', '=', formatQuarterParam(quarter));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const row = await query.orderBy('id').executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** Every notice of a region and its subregions, open work first, then newest change first. */
export async function noticeQueue(db: Db, scopeRegion: string, limit = 200): Promise<Article[]> {
  const { from, before } = regionPrefixRange(scopeRegion);
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('kind', '=', 'notice')
    .where('region_code', '>=', from)
    .where('region_code', '<', before)
    .orderBy((eb) => eb.case().when('state', 'in', ['in_review', 'draft', 'scheduled']).then(0).else(1).end())
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
  return hydrate(db, rows);
}

function toAttachment(row: Selectable<NoticeAttachmentTable>): NoticeAttachment {
  return { sha256: row.sha256, filename: row.filename, size: row.size_bytes, createdAt: row.created_at };
}

/** Attachments per notice, in the order they were attached. */
export async function attachmentsOf(db: Db, articleIds: readonly number[]): Promise<Map<number, NoticeAttachment[]>> {
  const result = new Map<number, NoticeAttachment[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return result;
  const rows = await db
    .selectFrom('notice_attachments')
    .selectAll()
    .where('article_id', 'in', [...articleIds])
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const row of rows) result.get(row.article_id)?.push(toAttachment(row));
  return result;
}

export async function findAttachment(db: Db, articleId: number, sha256: string): Promise<NoticeAttachment | undefined> {
  const row = await db.selectFrom('notice_attachments').selectAll().where('article_id', '=', articleId).where('sha256', '=', sha256).executeTakeFirst();
  return row ? toAttachment(row) : undefined;
}

export async function insertAttachment(db: Db, articleId: number, file: { sha256: string; filename: string; size: number }, actorId: number, now: Date): Promise<void> {
  const last = await db
    .selectFrom('notice_attachments')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  await db
    .insertInto('notice_attachments')
    .values({
      article_id: articleId,
      sha256: file.sha256,
      filename: file.filename,
      size_bytes: file.size,
      position: Number(last?.p ?? 0) + 1,
      created_by: actorId,
      created_at: now.toISOString(),
    })
    .execute();
}

export async function deleteAttachment(db: Db, articleId: number, sha256: string): Promise<boolean> {
  const result = await db.deleteFrom('notice_attachments').where('article_id', '=', articleId).where('sha256', '=', sha256).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether any notice still shows the file, before deleting it from disk. */
export async function attachmentInUse(db: Db, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('notice_attachments').select('id').where('sha256', '=', sha256).executeTakeFirst();
  return row !== undefined;
}
