import { apiChangeLog, dataLicence } from '../../domain/openData/openDataTerms.ts';
import { publicOriginFor } from '../feeds/publicOrigin.ts';
import type { Portal } from '../portal.ts';
import { countDrugs } from '../store/drugStore.ts';
import { countFacilities } from '../store/facilityStore.ts';
import { latestStockReportAt } from '../store/stockStore.ts';

/** What the /open-data page shows: the figures, the terms, the limits in force and examples against this portal. */
export async function openDataPageView(portal: Portal, requestUrl: URL) {
  const [drugs, facilities, latestStockAt] = await Promise.all([countDrugs(portal.store), countFacilities(portal.store), latestStockReportAt(portal.store)]);
  const origin = publicOriginFor(portal.config, requestUrl);
  return {
    drugs,
    facilities,
    latestStockAt,
    licence: dataLicence,
    changeLog: apiChangeLog,
    limits: { perMinute: portal.config.API_REQUESTS_PER_MINUTE, perMinuteWithKey: portal.config.API_REQUESTS_PER_MINUTE_WITH_KEY },
    openApiUrl: `${origin}/api/openapi.json`,
    examples: [
      { label: '搜索药品（拼音首字母也可以）', command: `curl '${origin}/api/search?q=blf'` },
      { label: '景德镇市哪里有布洛芬（国家标准区划代码）', command: `curl '${origin}/api/drugs/W078/availability?region=360200&limit=20'` },
      { label: '一家机构及其库存', command: `curl '${origin}/api/facilities/JDZ-H-0001'` },
      { label: '行政区划树', command: `curl '${origin}/api/regions'` },
      { label: '增量同步库存（下次把回答中的 next 作为 since 传回）', command: `curl '${origin}/api/stock/changes?limit=500'` },
      { label: '持 API 密钥调用（限额更高）', command: `curl -H 'X-API-Key: odk_…' '${origin}/api/shortage-lists?region=360000'` },
    ],
  };
}
export type OpenDataPageView = Awaited<ReturnType<typeof openDataPageView>>;
