import { type Kysely, sql } from 'kysely';
import { identityColumn } from './portableColumns.ts';

interface LegacyStagedRow {
  line: number;
  rowNumber: number | null;
  name: string;
  form: string | null;
  spec: string | null;
  note: string | null;
  match: { status: 'matched' | 'ambiguous' | 'unmatched' };
  decision: { drugId: string | null; by: 'matcher' | 'staff' } | null;
  searched: string[];
}

/** Rows needing a person come first on the review page: ambiguous, then unmatched, then matched. */
const reviewOrder = { ambiguous: 0, unmatched: 1, matched: 2 } as const;

// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per staged file row instead of one JSON blob per import: a review page reads 100 rows, not the file,
  // and a decision updates one row, not a rewritten multi-megabyte string.
  await db.schema
    .createTable('shortage_list_import_rows')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('shortage_list_imports.id'))
    .addColumn('row_index', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('row_number', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('form', 'text')
    .addColumn('spec', 'text')
    .addColumn('note', 'text')
    .addColumn('match_json', 'text', (c) => c.notNull())
    .addColumn('review_order', 'integer', (c) => c.notNull())
    .addColumn('decision_drug_id', 'text')
    .addColumn('decision_by', 'text')
    .addColumn('searched_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shortage_list_import_rows_order')
    .on('shortage_list_import_rows')
    .columns(['import_id', 'review_order', 'row_index'])
    .execute();
  await db.schema.createIndex('shortage_list_import_rows_index').on('shortage_list_import_rows').columns(['import_id', 'row_index']).unique().execute();

  const imports = await sql<{ id: number; rows_json: string }>`select id, rows_json from shortage_list_imports`.execute(db);
  for (const found of imports.rows) {
    const rows = JSON.parse(found.rows_json) as LegacyStagedRow[];
    for (const [index, row] of rows.entries()) {
      await sql`insert into shortage_list_import_rows
        (import_id, row_index, line, row_number, name, form, spec, note, match_json, review_order, decision_drug_id, decision_by, searched_json)
        values (${found.id}, ${index}, ${row.line}, ${row.rowNumber}, ${row.name}, ${row.form}, ${row.spec}, ${row.note},
          ${JSON.stringify(row.match)}, ${reviewOrder[row.match.status]}, ${row.decision?.drugId ?? null}, ${row.decision?.by ?? null},
          ${JSON.stringify(row.searched)})`.execute(db);
    }
  }
  await db.schema.alterTable('shortage_list_imports').dropColumn('rows_json').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shortage_list_imports').addColumn('rows_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.dropTable('shortage_list_import_rows').ifExists().execute();
}
