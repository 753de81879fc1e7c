import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Article, ArticleCorrection, ArticleKind, ArticleRevision } from '../../domain/publishing/article.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { ArticleCorrectionTable, ArticleRevisionTable, ArticleTable, Database } from './schema.ts';

/**
 * Persistence of articles of every kind. No rules here (domain/publishing/workflow.ts decides) and no audit
 * (articleActions.ts writes it in the same transaction); every function takes a Kysely or a transaction.
 */
type Db = Kysely<Database>;
type ArticleRow = Selectable<ArticleTable>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function toCorrection(row: Selectable<ArticleCorrectionTable>): ArticleCorrection {
  return {
    id: row.id,
    correctedAt: row.corrected_at,
    note: row.note,
    previous: { title: row.previous_title, bodyMd: row.previous_body_md, category: row.previous_category, data: parseJson(row.previous_data_json) },
  };
}

function toRevision(row: Selectable<ArticleRevisionTable>): ArticleRevision {
  const proposed =
    row.kind === 'correction'
      ? {
          title: row.title ?? '',
          issuer: row.issuer ?? '',
          bodyMd: row.body_md ?? '',
          category: row.category,
          data: parseJson(row.data_json ?? '{}'),
          relatedDrugIds: z.array(z.string()).catch([]).parse(parseJson(row.related_drug_ids_json ?? '[]')),
        }
      : null;
  return { id: row.id, kind: row.kind, authorId: row.author_id, note: row.note, createdAt: row.created_at, proposed };
}

export function toArticle(row: ArticleRow, relatedDrugIds: string[], corrections: ArticleCorrection[], pendingRevision: ArticleRevision | null = null): Article {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    regionCode: row.region_code,
    title: row.title,
    issuer: row.issuer,
    bodyMd: row.body_md,
    category: row.category,
    data: parseJson(row.data_json),
    requestedSlug: row.requested_slug,
    permalink: row.permalink_year !== null && row.permalink_slug !== null ? { year: row.permalink_year, slug: row.permalink_slug } : null,
    relatedDrugIds,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    correctedAt: row.corrected_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
    reviewNote: row.review_note,
    authorId: row.author_id,
    lastEditorId: row.last_editor_id,
    reviewerId: row.reviewer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    pendingRevision,
    corrections: [],
    ...(corrections.length > 0 ? { corrections } : {}),
  };
}

/** Rows to full articles with their drugs, corrections and pending revision, three queries however many rows. */
export async function hydrate(db: Db, rows: ArticleRow[]): Promise<Article[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [drugs, corrections, pending] = await Promise.all([
    db.selectFrom('article_drugs').selectAll().where('article_id', 'in', ids).orderBy('drug_id').execute(),
    db.selectFrom('article_corrections').selectAll().where('article_id', 'in', ids).orderBy('corrected_at').orderBy('id').execute(),
    db.selectFrom('article_revisions').selectAll().where('article_id', 'in', ids).where('status', '=', 'pending').execute(),
  ]);
  return rows.map((row) => {
    const revision = pending.find((p) => p.article_id === row.id);
    return toArticle(
      row,
      drugs.filter((d) => d.article_id === row.id).map((d) => d.drug_id),
      corrections.filter((c) => c.article_id === row.id).map(toCorrection),
      revision ? toRevision(revision) : null,
    );
  });
}

export async function loadArticle(db: Db, id: number): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** The article when it exists and is of the given kind; pages answer 404 otherwise. */
export async function loadArticleOfKind(db: Db, kind: ArticleKind, id: number): Promise<Article | undefined> {
  const article = await loadArticle(db, id);
  return article?.kind === kind ? article : undefined;
}

export async function loadArticleByPermalink(db: Db, kind: ArticleKind, year: number, slug: string): Promise<Article | undefined> {
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('kind', '=', kind)
    .where('permalink_year', '=', year)
    .where('permalink_slug', '=', slug)
    .executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

export type ArticleInsert = Omit<ArticleTable, 'id'>;

export async function insertArticle(db: Db, values: ArticleInsert, relatedDrugIds: readonly string[]): Promise<number> {
  const row = await db.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow();
  await replaceRelatedDrugs(db, row.id, relatedDrugIds);
  return row.id;
}

export async function updateArticleRow(db: Db, id: number, changes: Partial<ArticleInsert>): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

export async function replaceRelatedDrugs(db: Db, articleId: number, drugIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_drugs').where('article_id', '=', articleId).execute();
  for (const drugId of new Set(drugIds)) await db.insertInto('article_drugs').values({ article_id: articleId, drug_id: drugId }).execute();
}

export async function insertCorrection(db: Db, values: Omit<ArticleCorrectionTable, 'id'>): Promise<void> {
  await db.insertInto('article_corrections').values(values).execute();
}

export async function insertRevision(db: Db, values: Omit<ArticleRevisionTable, 'id' | 'status' | 'decided_by' | 'decided_at' | 'decision_note'>): Promise<number> {
  const row = await db
    .insertInto('article_revisions')
    .values({ ...values, status: 'pending', decided_by: null, decided_at: null, decision_note: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes a pending revision as approved or rejected; the row stays as the record of what was proposed. */
export async function decideRevision(db: Db, id: number, status: 'approved' | 'rejected', by: number, at: Date, note: string | null): Promise<void> {
  await db
    .updateTable('article_revisions')
    .set({ status, decided_by: by, decided_at: at.toISOString(), decision_note: note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Slugs already given out in one year for one kind, for choosing the next free one. */
export async function takenSlugs(db: Db, kind: ArticleKind, year: number): Promise<Set<string>> {
  const rows = await db.selectFrom('articles').select('permalink_slug').where('kind', '=', kind).where('permalink_year', '=', year).execute();
  return new Set(rows.map((r) => r.permalink_slug).filter((s): s is string => s !== null));
}

/** Scheduled articles whose time has come, oldest first. */
export async function dueScheduledIds(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('state', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Marks one due article published; false when another request got there first. */
export async function markDuePublished(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ state: 'published', updated_at: now.toISOString(), indexed_at: null })
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .where('publish_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every published article, for rebuilding the search index. */
export async function publishedArticles(db: Db): Promise<Article[]> {
  return hydrate(db, await db.selectFrom('articles').selectAll().where('state', '=', 'published').execute());
}

/** Notes that the search index holds the article as stored now (one id, or every published article). */
export async function markIndexed(db: Db, which: number | 'published', now: Date): Promise<void> {
  const query = db.updateTable('articles').set({ indexed_at: now.toISOString() });
  await (which === 'published' ? query.where('state', '=', 'published') : query.where('id', '=', which)).execute();
}

/** Articles of a kind for a region and below, newest change first, for a back-office queue. */
export async function articlesInRegion(db: Db, kind: ArticleKind, regionCode: string, limit: number): Promise<Article[]> {
  const { from, before } = regionPrefixRange(regionCode);
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('kind', '=', kind)
    .where('region_code', '>=', from)
    .where('region_code', '<', before)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return hydrate(db, rows);
}
