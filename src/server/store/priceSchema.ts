import type { Generated } from 'kysely';

/** Price watch tables (migration 0030); see that migration for what each keeps. */
interface PricedProduct {
  facility_id: string;
  drug_id: string;
  county_code: string;
  price_fen: number;
  pack_text: string | null;
  dosage_form: string | null;
  strength: string | null;
  unit: string | null;
  /** Fen per smallest unit; null when the pack cannot be read (kept, shown, never compared). */
  unit_fen: number | null;
  comparable_key: string | null;
  reported_at: string;
}

export interface PriceHistoryTable extends PricedProduct {
  id: Generated<number>;
  source: string;
  recorded_at: string;
}

export type PriceCurrentTable = PricedProduct;

export interface PriceCountyMedianTable {
  drug_id: string;
  comparable_key: string;
  county_code: string;
  median_fen: number;
  facilities: number;
  updated_at: string;
}

export interface ReferencePriceImportTable {
  id: Generated<number>;
  file_name: string;
  file_sha256: string;
  version: number;
  rows_imported: number;
  imported_by: string;
  is_demo: number;
  imported_at: string;
}

export interface ReferencePriceTable {
  id: Generated<number>;
  import_id: number;
  line: number;
  kind: 'national_vbp' | 'provincial_vbp' | 'listing';
  drug_id: string;
  region_code: string | null;
  dosage_form: string | null;
  strength: string | null;
  pack: string;
  company: string | null;
  price_fen: number;
  issuer: string;
  document: string;
  issued_on: string;
  source_url: string | null;
  is_demo: number;
  superseded_by: number | null;
}

export interface PriceSignalTable {
  id: Generated<number>;
  signal_key: string;
  kind: 'rise' | 'frequency' | 'regional_gap' | 'reference_gap' | 'report_cluster';
  county_code: string;
  facility_id: string | null;
  drug_id: string;
  comparable_key: string | null;
  measure: number;
  evidence_json: string;
  status: 'open' | 'assigned' | 'closed';
  assigned_to: number | null;
  action: string | null;
  note: string | null;
  detected_at: string;
  closed_at: string | null;
  updated_at: string;
}

export interface PriceTables {
  price_history: PriceHistoryTable;
  price_current: PriceCurrentTable;
  price_county_medians: PriceCountyMedianTable;
  reference_price_imports: ReferencePriceImportTable;
  reference_prices: ReferencePriceTable;
  price_signals: PriceSignalTable;
}
