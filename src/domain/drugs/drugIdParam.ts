import { z } from 'zod';

/** Drug ids in URLs: upper-case letters, digits and hyphens only (W078, T001). */
export const drugIdParam = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z][A-Z0-9-]{1,40}$/));
