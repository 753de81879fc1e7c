import type { APIRoute } from 'astro';
import { portal } from '../../server/portal.ts';
import { priceSignalsCsv } from '../../server/prices/priceSignalCsv.ts';
import { priceSignalDesk } from '../../server/prices/priceSignalDesk.ts';
import { appendAudit } from '../../server/store/auditLogStore.ts';
import { actorOf, requireRole, staffUserOf } from '../../server/staff/staffAuth.ts';

/** The officer's price signals as CSV for the hand-over (UTF-8 with BOM for Excel); the export is audited. */
export const GET: APIRoute = async (context) => {
  const user = staffUserOf(context.locals);
  requireRole(user, 'intake', 'data');
  const p = await portal();
  const includeClosed = context.url.searchParams.get('closed') === '1';
  const signals = await priceSignalDesk(p, user, { includeClosed });
  await appendAudit(p.store, actorOf(user), { action: 'price_signal.export', regionCode: user.account.regionCode, detail: { includeClosed, rows: signals.length } });
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return new Response(priceSignalsCsv(signals), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="price-signals-${user.account.regionCode}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
