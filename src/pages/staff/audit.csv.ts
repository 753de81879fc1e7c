import type { APIRoute } from 'astro';
import { auditFilter } from '../../domain/staff/auditFilter.ts';
import { searchParamsObject } from '../../server/http/apiResponse.ts';
import { portal } from '../../server/portal.ts';
import { auditCsvStream } from '../../server/staff/auditCsv.ts';
import { allAuditEntries, appendAudit, auditScopeOf } from '../../server/store/auditLogStore.ts';
import { staffRegionTree } from '../../server/staff/regionChoices.ts';
import { actorOf, requireRole, staffUserOf } from '../../server/staff/staffAuth.ts';

/** The audit log as CSV, with the same filter as the viewer; the export itself is an audited action. */
export const GET: APIRoute = async (context) => {
  const user = staffUserOf(context.locals);
  requireRole(user, 'admin');
  const parsed = auditFilter.safeParse(searchParamsObject(context.url.searchParams));
  if (!parsed.success) return context.redirect(`/staff/audit${context.url.search}`, 303);
  const { page: _page, ...filter } = parsed.data;
  const store = (await portal()).store;
  const scope = auditScopeOf(await staffRegionTree(store), user.account.regionCode);
  await appendAudit(store, actorOf(user), { action: 'audit.export', regionCode: user.account.regionCode, detail: { filter } });
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return new Response(auditCsvStream(allAuditEntries(store, scope, filter)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${user.account.regionCode}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
