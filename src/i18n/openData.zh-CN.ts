import { translator } from './t.ts';

/** Strings of the /open-data page, apart from zh-CN.ts so that the area is translated and reviewed on its own. */
export const openDataZhCN = {
  'openData.title': '开放数据',
  'openData.intro': '本平台的药品目录、医疗机构名册、库存报告、短缺药品清单、辟谣澄清和季度通报，供媒体、研究者、其他政务系统和应用开发者免费使用。',
  'openData.published': '公开哪些数据',
  'openData.freshness': '更新频率',
  'openData.freshness.text': '库存状态在机构报告或卫健部门导入后立即可查，接口答复最多缓存 1 分钟（药品与搜索 5 分钟、行政区划 1 小时）。超过 72 小时未更新的库存标注为“可能已过时”。',
  'openData.latest': '最近一次库存报告：{at}（北京时间）。',
  'openData.licence': '许可与署名',
  'openData.licence.text': '数据以 {licence} 许可发布：可以复制、转载、改编和商用，请在显著位置注明出处：',
  'openData.demo': '演示部署中的机构名册、库存、价格和“示例”清单为程序生成的演示数据，不代表真实机构。',
  'openData.api': '接口',
  'openData.api.text': '接口说明（OpenAPI 3.1，可导入 Postman、Swagger UI 等工具）：',
  'openData.api.docs': '字段含义和用法详见 docs/api.md。',
  'openData.codes': '标准代码',
  'openData.codes.text': '行政区划使用国家标准六位代码（360000 江西省、360200 景德镇市、360203 珠山区），乡镇街道使用九位统计用区划代码（360203001）；查询参数也接受 36、3602 这样的简写。机构记录含统一社会信用代码（creditCode）和医疗机构执业许可证登记号（licenceNumber），登记中没有的为 null。',
  'openData.limits': '调用限额',
  'openData.limits.text': '公开只读接口每个客户端（IP 地址）每分钟 {perMinute} 次；持免费 API 密钥每分钟 {perMinuteWithKey} 次。超出时返回 429 和 Retry-After（秒），请等待后重试。群众反映接口另有每小时限额。',
  'openData.limits.key': '需要更高限额的单位可向平台管理部门申请免费 API 密钥，调用时放在请求头 X-API-Key（或 Authorization: Bearer）中。密钥不要放进网页或手机应用的前端代码。',
  'openData.examples': '调用示例',
  'openData.changes': '接口更新记录',
  'openData.downloads': '批量下载',
  'openData.downloads.text': '按省、市打包的机构名册、药品目录和当前库存（CSV 与 NDJSON，gzip 压缩，附校验文件和 datapackage.json 字段说明），每日及数据变化时更新。需要全部数据时请用下载，不要逐条调用接口。',
  'openData.downloads.link': '打开下载目录',
} as const;

export type OpenDataStringKey = keyof typeof openDataZhCN;
export const ot = translator<OpenDataStringKey>(openDataZhCN);
