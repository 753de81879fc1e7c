import { z } from 'zod';
import { staffRegionCode } from '../staff/regionScope.ts';
import { caseStatus } from './caseStatus.ts';
import { cleanLine } from './citizenText.ts';

/**
 * The intake queue's filters as the query string carries them; an empty field means "any". `open` (the
 * default) is every status but closed; `deadline` narrows to overdue cases or those due by the end of today.
 */
export const intakeQueueFilter = z.object({
  status: z.union([z.literal('open'), z.literal('all'), caseStatus]).catch('open'),
  region: staffRegionCode.optional().catch(undefined),
  drug: z
    .string()
    .transform((s) => cleanLine(s).slice(0, 40))
    .optional()
    .catch(undefined),
  deadline: z.enum(['overdue', 'today']).optional().catch(undefined),
});
export type IntakeQueueFilter = z.infer<typeof intakeQueueFilter>;

export function parseIntakeQueueFilter(params: URLSearchParams): IntakeQueueFilter {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ''));
  return intakeQueueFilter.parse(raw);
}
