import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable is validated at start-up so that an operator sees
 * exactly which value is wrong instead of a failure deep inside a request.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be one of 1, 0, true, false, yes, no' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const configSchema = z
  .object({
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).default(4321),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Where the SQLite store, the embedded Meilisearch's files and its generated key live. */
    DATA_DIR: z.string().min(1).default('./data/runtime'),
    /** An external Meilisearch; when unset the portal starts the packaged binary itself. */
    MEILI_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:7700' }).optional(),
    MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Prefix for index names so that several portals (or test runs) can share one Meilisearch. */
    MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/, 'only a-z, 0-9 and _').default(''),
    /** Load the generated demo register, stock and 示例 lists when the store is empty. */
    DEMO_DATA: booleanFlag.default(true),
    /** Public origin used in feeds, canonical links and the Origin check, e.g. https://yaopin.jdz.gov.cn */
    PUBLIC_ORIGIN: z.url({ message: 'must be a URL such as https://example.gov.cn' }).optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Lets a scraper outside loopback read /metrics with `Authorization: Bearer <token>`; unset → loopback only. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Requests served at once before new ones are shed with 503 + Retry-After (2 cores: a few dozen). */
    MAX_IN_FLIGHT: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(10_000).default(64),
  })
  .refine((c) => !c.MEILI_URL || c.MEILI_MASTER_KEY, {
    message: 'MEILI_MASTER_KEY is required when MEILI_URL points at an external Meilisearch',
    path: ['MEILI_MASTER_KEY'],
  });

export type PortalConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function parseConfig(env: Record<string, string | undefined>): PortalConfig {
  // Empty strings mean "unset" for operators who write `MEILI_URL=` in a .env file.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`),
  );
}

let cached: PortalConfig | undefined;
export function config(): PortalConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
