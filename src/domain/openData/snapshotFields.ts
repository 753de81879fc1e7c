import type { DrugVariety } from '../drugs/drugVariety.ts';
import type { Facility } from '../facilities/facility.ts';
import type { StockReport } from '../stock/stockStatus.ts';

/** Frictionless Table Schema field types used by the snapshots (https://specs.frictionlessdata.io/table-schema/). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
export type CellValue = string | number | boolean | null;

export interface SnapshotField<R> {
  name: string;
  type: FieldType;
  /** Chinese first, then English: the descriptor is read by people as much as by programs. */
  description: string;
  required?: true;
  enum?: readonly string[];
  value(record: R): CellValue;
}

/** A snapshot's table: its file stem, its columns in their published (never reordered) order, its key. */
export interface SnapshotTable<R> {
  name: 'facilities' | 'catalogue' | 'stock';
  title: string;
  fields: readonly SnapshotField<R>[];
  primaryKey: readonly string[];
  foreignKeys?: readonly { fields: string; reference: { resource: string; fields: string } }[];
}

export type StockRecord = StockReport & { source: string };

/**
 * Column orders are a published contract (docs/api.md, "Bulk downloads"): a new column goes at the end, and a
 * column is never renamed or moved, so that scripts reading by position keep working.
 */
export const facilityTable: SnapshotTable<Facility> = {
  name: 'facilities',
  title: '医疗机构与药店名录 / Facility register',
  primaryKey: ['id'],
  fields: [
    { name: 'id', type: 'string', required: true, description: '机构编号 / facility id', value: (f) => f.id },
    { name: 'name', type: 'string', required: true, description: '名称 / name', value: (f) => f.name },
    {
      name: 'type', type: 'string', required: true, description: '类型 / kind of facility',
      enum: ['hospital', 'community_health_center', 'township_health_center', 'village_clinic', 'retail_pharmacy', 'post_office_pharmacy'],
      value: (f) => f.type,
    },
    { name: 'level', type: 'string', description: '医院等级 / hospital grade', enum: ['tertiary', 'secondary', 'primary'], value: (f) => f.level },
    { name: 'address', type: 'string', required: true, description: '地址 / address', value: (f) => f.address },
    { name: 'county_code', type: 'string', required: true, description: '县级行政区划代码 / county code (6 digits)', value: (f) => f.countyCode },
    { name: 'township_code', type: 'string', description: '乡级统计用区划代码 / township code (9 digits)', value: (f) => f.townshipCode },
    { name: 'lat', type: 'number', required: true, description: '纬度 WGS-84 / latitude', value: (f) => f.lat },
    { name: 'lng', type: 'number', required: true, description: '经度 WGS-84 / longitude', value: (f) => f.lng },
    { name: 'phone', type: 'string', description: '电话 / phone', value: (f) => f.phone },
    { name: 'opening_hours', type: 'string', required: true, description: '营业时间（JSON，北京时间）/ opening hours as JSON, Asia/Shanghai', value: (f) => JSON.stringify(f.openingHours) },
    { name: 'insurance_designated', type: 'boolean', required: true, description: '医保定点 / designated for medical insurance', value: (f) => f.insuranceDesignated },
    { name: 'is_demo', type: 'boolean', required: true, description: '演示数据 / generated demo record', value: (f) => f.isDemo },
  ],
};

export type CatalogueRecord = Pick<
  DrugVariety,
  'id' | 'emlNumber' | 'kind' | 'genericName' | 'englishName' | 'category' | 'subcategory' | 'therapeuticGroup' | 'formsText' | 'specialistOnly' | 'isEssential'
>;

export const catalogueTable: SnapshotTable<CatalogueRecord> = {
  name: 'catalogue',
  title: '药品目录 / Drug catalogue',
  primaryKey: ['id'],
  fields: [
    { name: 'id', type: 'string', required: true, description: '药品品种编号 / drug variety id', value: (d) => d.id },
    { name: 'eml_number', type: 'integer', description: '国家基本药物目录序号 / essential medicines list number', value: (d) => d.emlNumber },
    { name: 'kind', type: 'string', required: true, description: '西药或中成药 / chemical or Chinese patent medicine', enum: ['chemical', 'tcm'], value: (d) => d.kind },
    { name: 'generic_name', type: 'string', required: true, description: '通用名 / generic name', value: (d) => d.genericName },
    { name: 'english_name', type: 'string', description: '英文名 / English name', value: (d) => d.englishName },
    { name: 'category', type: 'string', required: true, description: '一级分类 / category', value: (d) => d.category },
    { name: 'subcategory', type: 'string', description: '二级分类 / subcategory', value: (d) => d.subcategory },
    { name: 'therapeutic_group', type: 'string', description: '功能主治分类 / therapeutic group', value: (d) => d.therapeuticGroup },
    { name: 'forms_text', type: 'string', required: true, description: '剂型与规格 / forms and strengths', value: (d) => d.formsText },
    { name: 'specialist_only', type: 'boolean', required: true, description: '专科医师指导使用 / specialist use', value: (d) => d.specialistOnly },
    { name: 'is_essential', type: 'boolean', required: true, description: '基本药物 / on the essential medicines list', value: (d) => d.isEssential },
  ],
};

export const stockTable: SnapshotTable<StockRecord> = {
  name: 'stock',
  title: '当前库存 / Current stock (facility × drug)',
  primaryKey: ['facility_id', 'drug_id'],
  foreignKeys: [
    { fields: 'facility_id', reference: { resource: 'facilities', fields: 'id' } },
    { fields: 'drug_id', reference: { resource: 'catalogue', fields: 'id' } },
  ],
  fields: [
    { name: 'facility_id', type: 'string', required: true, description: '机构编号 / facility id', value: (s) => s.facilityId },
    { name: 'drug_id', type: 'string', required: true, description: '药品品种编号 / drug variety id', value: (s) => s.drugId },
    { name: 'status', type: 'string', required: true, description: '有货、紧张、缺货 / in stock, low, out', enum: ['in_stock', 'low', 'out'], value: (s) => s.status },
    { name: 'quantity', type: 'integer', description: '数量（按售卖单位）/ quantity in selling units', value: (s) => s.quantity },
    { name: 'price_fen', type: 'integer', description: '价格（分）/ price in fen (1/100 yuan)', value: (s) => s.priceFen },
    { name: 'price_unit', type: 'string', description: '价格对应的包装，如 盒(0.2g×24片) / the pack the price is for', value: (s) => s.priceUnit },
    { name: 'reported_at', type: 'datetime', required: true, description: '报告时间（UTC）/ when reported, UTC', value: (s) => s.reportedAt },
    { name: 'source', type: 'string', required: true, description: '来源：demo、facility、import:文件名 / who sent it', value: (s) => s.source },
  ],
};

/** The snapshot's three tables in the order they are written and listed. */
export const snapshotTables = [facilityTable, catalogueTable, stockTable] as const;

export function headerOf<R>(table: SnapshotTable<R>): string[] {
  return table.fields.map((f) => f.name);
}

export function cellsOf<R>(table: SnapshotTable<R>, record: R): CellValue[] {
  return table.fields.map((f) => f.value(record));
}

/** One NDJSON line: the same fields, same order, JSON types (null for empty). */
export function ndjsonLine<R>(table: SnapshotTable<R>, record: R): string {
  const entry: Record<string, CellValue> = {};
  for (const f of table.fields) entry[f.name] = f.value(record);
  return `${JSON.stringify(entry)}\n`;
}
