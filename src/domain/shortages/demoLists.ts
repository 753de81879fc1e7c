/**
 * Demo lists, loaded only with the demo data and always labelled 示例. They show how flags look until staff
 * load an official file; the names are drugs commonly discussed as short-supply prone, not an official list.
 */
export const demoShortageList = {
  listKey: 'demo-shortage',
  kind: 'shortage' as const,
  scope: 'provincial' as const,
  regionCode: '36',
  title: '示例短缺药品清单（演示数据，非官方发布）',
  issuer: '演示数据（非官方）',
  docNumber: null,
  effectiveDate: '2026-09-01',
  sourceUrl: null,
  genericNames: ['去甲肾上腺素', '鱼精蛋白', '硝酸甘油', '甲巯咪唑', '地高辛', '青霉胺', '苄星青霉素', '多巴胺', '尿激酶', '新斯的明'],
};

export const demoMonitoringList = {
  listKey: 'demo-monitoring',
  kind: 'monitoring' as const,
  scope: 'national' as const,
  regionCode: null,
  title: '示例临床必需易短缺药品重点监测清单（演示数据，非官方发布）',
  issuer: '演示数据（非官方）',
  docNumber: null,
  effectiveDate: '2026-09-01',
  sourceUrl: null,
  genericNames: ['阿托品', '肾上腺素', '异丙肾上腺素', '氯解磷定', '碘解磷定', '维生素K1', '葡萄糖酸钙', '注射用硫酸镁', '硫酸镁', '间羟胺', '地西泮', '苯巴比妥'],
};
