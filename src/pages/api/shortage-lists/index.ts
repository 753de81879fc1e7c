import type { APIRoute } from 'astro';
import { standardRegionCodeOrNull } from '../../../domain/regions/standardCode.ts';
import { lt } from '../../../i18n/shortages.zh-CN.ts';
import { json, searchParamsObject, validationError } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { shortageListIndexQuery as query } from '../../../server/shortages/listApiQuery.ts';
import { listPage } from '../../../server/shortages/listQueries.ts';

/** Lists with their newest version, for data users who poll for changes; shape documented in docs/api.md. */
export const GET: APIRoute = async ({ url }) => {
  const parsed = query.safeParse(searchParamsObject(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { page, pageSize, updatedSince, region } = parsed.data;
  const result = await listPage((await portal()).store, { page, pageSize, updatedSince, region });
  return json(
    {
      page, pageSize, total: result.total,
      items: result.items.map((l) => {
        const key = encodeURIComponent(l.listKey);
        return {
          key: l.listKey, title: l.title, kind: l.kind, scope: l.scope, regionCode: standardRegionCodeOrNull(l.regionCode), issuer: l.issuer,
          docNumber: l.docNumber, effectiveDate: l.effectiveDate, sourceUrl: l.sourceUrl, version: l.version,
          versionInForce: l.versionInForce, isDemo: l.isDemo, ...(l.isDemo ? { label: lt('shortages.demoLabel') } : {}),
          createdAt: l.createdAt, entryCount: l.entryCount,
          links: { self: `/api/shortage-lists/${key}`, csv: `/shortages/${key}.csv`, json: `/shortages/${key}.json`, history: `/shortages/${key}/history` },
        };
      }),
    },
    { maxAge: 60 },
  );
};
