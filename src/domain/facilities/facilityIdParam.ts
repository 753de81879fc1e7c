import { z } from 'zod';

export const facilityIdParam = z.string().regex(/^[A-Za-z0-9-]{2,40}$/);
