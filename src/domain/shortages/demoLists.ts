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

/** 示例 集采 prices in fen; plausible magnitudes only. */
export const demoProcurementPrices = [
  { genericName: '阿莫西林', batch: '示例批次', formSpec: '胶囊 0.25g×24粒', priceFen: 590, unit: '盒' },
  { genericName: '氨氯地平', batch: '示例批次', formSpec: '片剂 5mg×28片', priceFen: 380, unit: '盒' },
  { genericName: '二甲双胍', batch: '示例批次', formSpec: '片剂 0.5g×60片', priceFen: 450, unit: '盒' },
  { genericName: '阿托伐他汀', batch: '示例批次', formSpec: '片剂 20mg×28片', priceFen: 620, unit: '盒' },
  { genericName: '氯吡格雷', batch: '示例批次', formSpec: '片剂 75mg×28片', priceFen: 1680, unit: '盒' },
  { genericName: '布洛芬', batch: '示例批次', formSpec: '缓释胶囊 0.3g×20粒', priceFen: 520, unit: '盒' },
];
