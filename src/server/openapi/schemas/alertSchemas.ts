import { z } from 'zod';
import type { alertPaths } from '../../alerts/alertPaths.ts';
import type { SameType } from './common.ts';

const privatePath = (example: string) => z.string().meta({ description: '私密地址，请勿公开 / private address, keep it to yourself', examples: [example] });

/** 201 of POST /api/alerts: the private token (shown once) and its addresses (alertPaths). */
export const alertSubscriptionCreated = z.strictObject({
  token: z.string().meta({ description: '私密令牌，只显示这一次 / the private token, shown once' }),
  page: privatePath('/alerts/3fQk…'),
  atom: privatePath('/alerts/3fQk….atom.xml'),
  rss: privatePath('/alerts/3fQk….rss.xml'),
  json: privatePath('/alerts/3fQk….json'),
});

// The route answers { token, ...alertPaths(token) }: the same fields, or this does not compile.
const sameAsTheRoute: SameType<z.infer<typeof alertSubscriptionCreated>, { token: string } & ReturnType<typeof alertPaths>> = true;
void sameAsTheRoute;
