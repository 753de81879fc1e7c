import type { Generated } from 'kysely';

/**
 * Row shapes of the system of record. Columns are portable between SQLite and PostgreSQL:
 * booleans are 0/1 integers, JSON is text, timestamps are ISO 8601 UTC strings.
 */
export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent_code: string | null;
}

export interface DrugTable {
  id: string;
  eml_number: number | null;
  kind: 'chemical' | 'tcm';
  generic_name: string;
  english_name: string | null;
  category: string;
  subcategory: string | null;
  therapeutic_group: string | null;
  also_listed_in: string;
  forms: string;
  forms_text: string;
  specialist_only: number;
  notes: string | null;
  is_essential: number;
  pinyin_full: string;
  pinyin_initials: string;
  updated_at: string;
}

export interface DrugAliasTable {
  drug_id: string;
  name: string;
  kind: 'brand' | 'common' | 'english' | 'former';
  source: string;
}

export interface FacilityTable {
  id: string;
  name: string;
  type: string;
  level: string | null;
  address: string;
  county_code: string;
  township_code: string | null;
  lat: number;
  lng: number;
  phone: string | null;
  opening_hours: string;
  insurance_designated: number;
  is_demo: number;
  updated_at: string;
}

export interface StockReportTable {
  facility_id: string;
  drug_id: string;
  status: 'in_stock' | 'low' | 'out';
  quantity: number | null;
  price_fen: number | null;
  price_unit: string | null;
  reported_at: string;
  source: string;
}

export interface ShortageListTable {
  id: Generated<number>;
  /** Versions of one list share a key, e.g. `national-shortage` or `360000-monitoring`. */
  list_key: string;
  kind: 'shortage' | 'monitoring' | 'watch';
  scope: 'national' | 'provincial' | 'city' | 'county';
  region_code: string | null;
  title: string;
  issuer: string;
  doc_number: string | null;
  effective_date: string;
  source_url: string | null;
  version: number;
  is_demo: number;
  created_at: string;
}

export interface ShortageListEntryTable {
  list_id: number;
  row_number: number;
  drug_id: string | null;
  raw_name: string;
  raw_form: string | null;
  note: string | null;
}

/** 国家/省级组织药品集中带量采购 (集采) selected products and their prices. */
export interface ProcurementPriceTable {
  id: Generated<number>;
  drug_id: string;
  batch: string;
  form_spec: string;
  price_fen: number;
  unit: string;
  is_demo: number;
  source: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  rows_total: number;
  rows_imported: number;
  rows_skipped: number;
  started_at: string;
  finished_at: string;
}

export interface Database {
  regions: RegionTable;
  drugs: DrugTable;
  drug_aliases: DrugAliasTable;
  facilities: FacilityTable;
  stock_reports: StockReportTable;
  shortage_lists: ShortageListTable;
  shortage_list_entries: ShortageListEntryTable;
  procurement_prices: ProcurementPriceTable;
  import_runs: ImportRunTable;
}
