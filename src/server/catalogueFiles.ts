import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, type CatalogueBuild } from '../domain/drugs/buildCatalogue.ts';
import type { DrugVariety } from '../domain/drugs/drugVariety.ts';

/** The files in data/ the catalogue is built from; the EML file is the repaired one (scripts/repair-eml.ts). */
export const CATALOGUE_FILES = {
  eml: 'eml2026_varieties.repaired.csv',
  aliases: 'drug-aliases.csv',
  originator: 'originator_drugs_brand_names.csv',
} as const;

export function buildCatalogueFromDataDir(dataDir: string): CatalogueBuild {
  const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
  return buildCatalogue({
    emlCsv: read(CATALOGUE_FILES.eml),
    aliasCsv: read(CATALOGUE_FILES.aliases),
    originatorCsv: read(CATALOGUE_FILES.originator),
  });
}

export function loadCatalogueFromDataDir(dataDir: string): DrugVariety[] {
  return buildCatalogueFromDataDir(dataDir).varieties;
}
