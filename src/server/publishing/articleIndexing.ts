import type { Article } from '../../domain/publishing/article.ts';
import { effectiveState } from '../../domain/publishing/workflow.ts';
import type { AuditActor } from '../../domain/staff/audit.ts';
import type { Portal } from '../portal.ts';
import { articleDocument, type ArticleDocument, configureArticleIndex, indexArticleDocuments, removeArticleDocument } from '../search/articleIndex.ts';
import { ensureIndex, indexExists, settled } from '../search/meiliClient.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { drugNames } from '../store/drugStore.ts';
import type { Store } from '../store/openStore.ts';
import { dueScheduledIds, loadArticle, markDuePublished, markIndexed, publishedArticles } from '../store/articleStore.ts';

/** Who is named in the log when something happens because its time came rather than because someone acted. */
export const scheduleActor: AuditActor = { id: null, username: 'system:schedule', ip: null };

async function documentsFor(store: Store, articles: Article[]): Promise<ArticleDocument[]> {
  const names = await drugNames(store, [...new Set(articles.flatMap((a) => a.relatedDrugIds))]);
  return articles
    .map((a) => articleDocument(a, a.relatedDrugIds.map((id) => names.get(id) ?? id)))
    .filter((d): d is ArticleDocument => d !== null);
}

/**
 * Brings the index in line with one article: present while it is published, absent otherwise (a withdrawn
 * item keeps its URL but should no longer turn up in search). A search outage must not undo a publication
 * that is already committed, so failures are logged and `indexed_at` stays null for the next reindex.
 */
export async function syncArticleIndex(portal: Portal, id: number, now = new Date()): Promise<void> {
  try {
    const article = await loadArticle(portal.store, id);
    if (!article) return;
    if (effectiveState(article, now) === 'published') {
      await indexArticleDocuments(portal.search, await documentsFor(portal.store, [article]));
    } else {
      await removeArticleDocument(portal.search, article.kind, article.id);
    }
    await markIndexed(portal.store, id, now);
  } catch (error) {
    console.error(`[articles] search index update for article ${id} failed; run the reindex`, error);
  }
}

/**
 * Scheduled publication without a job runner: every public read calls this first, so an article is public,
 * in feeds and in search from the first request after its time. The state is settled in the store once
 * (with an audit entry naming the schedule, not a person) so that `updatedSince` clients see it as new.
 */
export async function publishDueArticles(portal: Portal, now = new Date()): Promise<number> {
  const ids = await dueScheduledIds(portal.store, now);
  let published = 0;
  for (const id of ids) {
    const changed = await portal.store.transaction().execute(async (trx) => {
      const before = await loadArticle(trx, id);
      if (!before || !(await markDuePublished(trx, id, now))) return false;
      await appendAudit(
        trx,
        scheduleActor,
        {
          action: 'article.publish_due',
          regionCode: before.regionCode,
          target: { type: before.kind, id },
          before: { state: 'scheduled' },
          after: { state: 'published', publishAt: before.publishAt },
        },
        now,
      );
      return true;
    });
    if (changed) {
      published += 1;
      await syncArticleIndex(portal, id, now);
    }
  }
  return published;
}

/** Rebuilds the articles index from the store aside and swaps it in, like reindexAll does for drugs. */
export async function reindexArticles(portal: Portal, now = new Date()): Promise<number> {
  await publishDueArticles(portal, now);
  const { client, indexName } = portal.search;
  const live = indexName('articles');
  const next = `${live}__next`;
  if (await indexExists(portal.search, next)) await settled(client.deleteIndex(next));
  await configureArticleIndex(portal.search, next);
  const docs = await documentsFor(portal.store, await publishedArticles(portal.store));
  await indexArticleDocuments(portal.search, docs, next);
  await ensureIndex(portal.search, live);
  await settled(client.swapIndexes([{ indexes: [live, next], rename: false }]));
  await settled(client.deleteIndex(next));
  await markIndexed(portal.store, 'published', now);
  return docs.length;
}
