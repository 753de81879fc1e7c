import { z } from 'zod';
import { standardRegionCodeOutput } from '../../../domain/regions/standardCode.ts';
import { regionLevel } from '../../../domain/regions/regionTree.ts';

export interface RegionNodeJson {
  code: string;
  name: string;
  level: z.infer<typeof regionLevel>;
  children: RegionNodeJson[];
}

/** A node of the administrative tree; recursive, so it is named once and referred to. */
export const regionNode: z.ZodType<RegionNodeJson> = z
  .strictObject({
    code: standardRegionCodeOutput,
    name: z.string(),
    level: regionLevel,
    get children() {
      return z.array(regionNode);
    },
  })
  .meta({ id: 'RegionNode' });

export const regionsResponse = z.strictObject({ regions: z.array(regionNode) });
