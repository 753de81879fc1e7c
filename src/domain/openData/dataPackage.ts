import { snapshotFileName, type SnapshotFormat } from './snapshotRegions.ts';
import type { SnapshotTable } from './snapshotFields.ts';

/** What the build knows about one written file. */
export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
  rows?: number;
}

export interface DataPackageInput {
  regionCode: string;
  regionName: string | null;
  builtAt: string;
  /** The stock change feed cursor this snapshot is complete up to (see docs/api.md, "Change feeds"). */
  stockCursor: string;
  tables: readonly SnapshotTable<never>[];
  files: ReadonlyMap<string, WrittenFile>;
}

const formatFacts: Record<SnapshotFormat, { mediatype: string; profile: string }> = {
  csv: { mediatype: 'text/csv', profile: 'tabular-data-resource' },
  ndjson: { mediatype: 'application/x-ndjson', profile: 'data-resource' },
};

function tableSchema(table: SnapshotTable<never>) {
  return {
    fields: table.fields.map((f) => ({
      name: f.name,
      type: f.type,
      description: f.description,
      ...(f.required || f.enum ? { constraints: { ...(f.required ? { required: true } : {}), ...(f.enum ? { enum: f.enum } : {}) } } : {}),
    })),
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys.map((k) => ({ fields: k.fields, reference: { ...k.reference, resource: `${k.reference.resource}-csv` } })) } : {}),
    // Empty cells are nulls, booleans are written true/false (Table Schema's defaults, stated for readers).
    missingValues: [''],
  };
}

/**
 * A Frictionless Data Package descriptor (https://specs.frictionlessdata.io/data-package/) for one region's
 * snapshot: each table twice, as CSV and NDJSON, gzip-compressed, with its schema, size and SHA-256.
 */
export function dataPackage(input: DataPackageInput) {
  const resources = input.tables.flatMap((table) =>
    (['csv', 'ndjson'] as const).map((format) => {
      const path = snapshotFileName(table.name, format);
      const file = input.files.get(path);
      return {
        name: `${table.name}-${format}`,
        title: table.title,
        profile: formatFacts[format].profile,
        path,
        format,
        mediatype: formatFacts[format].mediatype,
        compression: 'gz',
        encoding: 'utf-8',
        ...(format === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } } : {}),
        ...(file ? { bytes: file.bytes, hash: `sha256:${file.sha256}` } : {}),
        schema: tableSchema(table),
      };
    }),
  );
  return {
    profile: 'tabular-data-package',
    name: `drug-availability-${input.regionCode}`,
    title: `${input.regionName ?? input.regionCode} 药品供应信息公开数据 / Drug availability open data`,
    description:
      '医疗机构与药店名录、药品目录、当前库存（每个机构 × 药品一行）。CSV 为带 BOM 的 UTF-8；以 = + - @ 开头的文本前加了单引号。' +
      ' / Facility register, catalogue and current stock, one row per facility × drug. CSV is UTF-8 with a BOM; text cells starting with = + - @ carry a leading apostrophe.',
    created: input.builtAt,
    stockCursor: input.stockCursor,
    resources,
  };
}
