import type { z } from 'zod';

/** Chinese first, English after: how every description in the API reads (docs/api.md, conventions). */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface EndpointResponse {
  description: Bilingual;
  /** The zod schema the answer's JSON satisfies; absent for answers with no JSON body. */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
  /** Response headers worth naming (Retry-After, Link…), name → description. */
  headers?: Record<string, Bilingual>;
}

/**
 * One public endpoint as the OpenAPI document describes it. Each lives in its own file under ./endpoints/ and
 * is collected from there, so that adding an endpoint to the document is adding a file. `query` and `path` are
 * the very zod schemas the route parses its input with, so the documented parameters are the accepted ones.
 */
export interface ApiEndpoint {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI form: /api/drugs/{id} */
  path: string;
  operationId: string;
  tag: 'drugs' | 'facilities' | 'regions' | 'articles' | 'shortage-lists' | 'reports' | 'alerts' | 'intake' | 'open-data';
  summary: Bilingual;
  description: Bilingual;
  /** Path parameters: each property's meta carries its description and its example (from the demo data). */
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** Example values of the path parameters (taken from the demo data). */
  pathExample?: Record<string, string>;
  /** Example values of the query parameters the contract test sends (taken from the demo data). */
  queryExample?: Record<string, string>;
  /** Request headers, name → description and example. */
  headers?: Record<string, Bilingual & { example: string; required?: boolean }>;
  requestBody?: { schema: z.ZodType; example: unknown };
  responses: Record<number, EndpointResponse>;
  /** 'intakeToken': the monitoring systems' bearer token; 'apiKey': optional, raises the rate limit. */
  security?: 'intakeToken' | 'apiKey';
  /** Public read endpoints count against the per-client rate limit (docs/api.md, "Rate limits"). */
  rateLimited: boolean;
  /** Names the component the response schema becomes (#/components/schemas/<name>). */
  responseName: string;
}

export const both = (b: Bilingual): string => `${b.zh}\n\n${b.en}`;
export const short = (b: Bilingual): string => `${b.zh} / ${b.en}`;
