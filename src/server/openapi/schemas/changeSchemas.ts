import { z } from 'zod';
import { type FieldType, stockTable } from '../../../domain/openData/snapshotFields.ts';
import { changePageOf, isoInstant } from './common.ts';

const cellOf: Record<FieldType, () => z.ZodType> = {
  string: () => z.string(),
  integer: () => z.number().int(),
  number: () => z.number(),
  boolean: () => z.boolean(),
  datetime: () => isoInstant,
};

/**
 * A stock change is the `stock` snapshot's row (the same names and JSON types, null for an empty optional cell)
 * plus its change number. Built from the snapshot's own field list (src/domain/openData/snapshotFields.ts), as
 * the feed builds its items, so a column added to the snapshot is in the schema too.
 */
export const stockChangeItem = z.strictObject({
  ...Object.fromEntries(
    stockTable.fields.map((f) => {
      const cell = f.enum ? z.enum(f.enum as [string, ...string[]]) : cellOf[f.type]();
      return [f.name, (f.required ? cell : cell.nullable()).meta({ description: f.description })];
    }),
  ),
  change_seq: z.number().int().meta({ description: '库存变更序号，越大越新 / change number, larger is newer' }),
});

export const stockChangePage = changePageOf(stockChangeItem);
