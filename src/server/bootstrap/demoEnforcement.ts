import { demoEnforcementResults } from '../../domain/enforcement/demoResults.ts';
import { permalinkYear } from '../../domain/publishing/slug.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';
import { insertArticle } from '../store/articleStore.ts';
import type { Store } from '../store/openStore.ts';
import { drugIdsByGenericName } from '../store/drugStore.ts';

/**
 * The demo's 示例 enforcement results, stored as published so that the list, feeds, API and the notice's
 * price section have something to show. Nobody wrote or approved them: author and reviewer are 0 (no
 * account), and their data carries `demo: true`, which every page showing them turns into a 示例 label.
 */
export async function seedDemoEnforcement(store: Store, now = new Date()): Promise<number> {
  const ids = await drugIdsByGenericName(store, demoEnforcementResults.flatMap((r) => r.drugNames));
  for (const result of demoEnforcementResults) {
    const at = new Date(now.getTime() - result.daysAgo * 86_400_000);
    const stamp = at.toISOString();
    // Acted on the day before it was published, as a Beijing calendar day.
    const actionDate = formatShanghaiDate(new Date(at.getTime() - 86_400_000));
    await insertArticle(
      store,
      {
        kind: 'enforcement', state: 'published', region_code: result.regionCode, title: result.title, issuer: '演示数据（非官方）',
        body_md: result.bodyMd, category: result.action,
        data_json: JSON.stringify({ finding: result.finding, actionDate, party: result.party, demo: true }),
        requested_slug: result.slug, permalink_year: permalinkYear(at), permalink_slug: result.slug, publish_at: stamp,
        published_at: stamp, corrected_at: null, withdrawn_at: null, withdrawn_reason: null, review_note: null, author_id: 0,
        last_editor_id: 0, reviewer_id: 0, created_at: stamp, updated_at: stamp, indexed_at: null, revision: 1,
      },
      result.drugNames.flatMap((name) => ids.get(name) ?? []),
    );
  }
  return demoEnforcementResults.length;
}
