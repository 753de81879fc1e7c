/**
 * What the portal says about its open data, in one place: the OpenAPI document's info block and the /open-data
 * page both read it, so the licence, the attribution line and the change log cannot say two things.
 */
export const apiVersion = '1.2.0';

export const dataLicence = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
  /** The line re-users print beside what they show (署名). */
  attribution: '数据来源：药品供应信息公开平台（景德镇市，含演示数据）',
};

export interface ApiChange {
  version: string;
  /** YYYY-MM-DD, Beijing calendar day */
  date: string;
  changes: string[];
}

/** Newest first. A change that renames or removes a field would be a new major version; none has. */
export const apiChangeLog: readonly ApiChange[] = [
  {
    version: '1.2.0',
    date: '2026-12-07',
    changes: [
      '增量同步接口 GET /api/stock/changes、/api/clarifications/changes、/api/notices/changes、/api/shortage-lists/changes（since 游标 + limit，回答 items、next、hasMore）',
      '整治结果接口 GET /api/enforcement、GET /api/enforcement/{id}；/api/search 的 articles 可含 kind: enforcement',
      '到货提醒接口 POST /api/alerts（无需账号，回答私密令牌与订阅地址）、DELETE /api/alerts/{token}（退订）',
      '哪里有货与机构库存增加 disputed（有群众反映缺货）及 standing: disputed；哪里有货的 summary 增加 usableOpenNow、nearestUsableOpenNow、toCall',
    ],
  },
  {
    version: '1.1.0',
    date: '2026-12-07',
    changes: [
      '发布 OpenAPI 3.1 接口说明 /api/openapi.json',
      '行政区划代码改为国家标准六位（360000、360200、360203），乡镇街道为九位统计用区划代码；仍接受 36、3602 等简写',
      '机构增加 creditCode（统一社会信用代码）与 licenceNumber（医疗机构执业许可证登记号），无登记时为 null',
      '公开只读接口按客户端限流（429 + Retry-After）；可申请免费 API 密钥提高限额',
    ],
  },
  {
    version: '1.0.0',
    date: '2026-11-29',
    changes: ['药品搜索、药品详情、哪里有货、机构、行政区划、辟谣澄清、季度通报、短缺药品清单、群众反映接口'],
  },
];
