import { z } from 'zod';
import { type CidrRange, parseCidr } from '../domain/network/ipAddress.ts';
import { priceSignalThresholds } from '../domain/prices/signalThresholds.ts';

/**
 * The one place that reads process.env. Every variable is validated at start-up so that an operator sees
 * exactly which value is wrong instead of a failure deep inside a request.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be one of 1, 0, true, false, yes, no' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach the portal, so its own address is its origin. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

const configSchema = z
  .object({
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).default(4321),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** A PostgreSQL database for the store (postgres://user:password@host:5432/db); unset → SQLite in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://portal:secret@127.0.0.1:5432/portal')
      .optional(),
    /** Where the SQLite store, the embedded Meilisearch's files and its generated key live. */
    DATA_DIR: z.string().min(1).default('./data/runtime'),
    /** An external Meilisearch; when unset the portal starts the packaged binary itself. */
    MEILI_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:7700' }).optional(),
    MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Prefix for index names so that several portals (or test runs) can share one Meilisearch. */
    MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/, 'only a-z, 0-9 and _').default(''),
    /**
     * Availability routed by province: JSON mapping a two-digit province code to the Meilisearch that holds its
     * facilities, e.g. {"36":{"url":"http://10.0.0.5:7700","key":"…","index":"availability_36"}}. Provinces not
     * named stay on the main Meilisearch's availability index. See docs/operations.md.
     */
    MEILI_PROVINCES: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be JSON such as {"36":{"url":"http://10.0.0.5:7700","key":"…"}}' });
          return z.NEVER;
        }
      })
      .pipe(
        z
          .record(
            z.string(),
            z.object({
              url: z.url({ message: 'must be a URL such as http://10.0.0.5:7700' }),
              key: z.string().min(16, 'must be at least 16 characters'),
              index: z.string().regex(/^[A-Za-z0-9_-]+$/, 'only letters, digits, - and _').optional(),
            }),
          )
          .superRefine((provinces, ctx) => {
            for (const code of Object.keys(provinces)) {
              if (!/^\d{2}$/.test(code)) ctx.addIssue({ code: 'custom', path: [code], message: 'keys must be two-digit province codes such as 36' });
            }
          }),
      )
      .default({}),
    /** Caps the embedded Meilisearch's indexing memory (its --max-indexing-memory), e.g. 1GiB; see docs/scaling.md. */
    MEILI_MAX_INDEXING_MEMORY: z.string().regex(/^\d+(\.\d+)?\s*(B|KiB|MiB|GiB|KB|MB|GB)?$/i, 'must be a size such as 1GiB').optional(),
    /** Alert e-mail through this SMTP server (smtp:// or smtps://user:pass@host:port); unset → alerts are only logged. */
    ALERT_SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an SMTP URL such as smtps://alerts:secret@mail.example.gov.cn:465').optional(),
    /** The From of alert e-mail. */
    ALERT_MAIL_FROM: z.string().min(3).default('药品供应信息公开平台 <no-reply@localhost>'),
    /** Load the generated demo register, stock and 示例 lists when the store is empty. */
    DEMO_DATA: booleanFlag.default(true),
    /** Public origin used in feeds, canonical links and the Origin check, e.g. https://yaopin.jdz.gov.cn */
    PUBLIC_ORIGIN: z.url({ message: 'must be a URL such as https://example.gov.cn' }).optional(),
    /**
     * Host names the portal answers to, comma-separated, e.g. `yaopin.example.gov.cn,www.yaopin.example.gov.cn`.
     * A request naming one of them gets links on that host; any other Host gets links on the first.
     */
    ALLOWED_HOSTS: z
      .string()
      .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'must be host names such as yaopin.example.gov.cn, separated by commas')).min(1))
      .optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Rows a shortage-list file may have; real lists have hundreds, and a larger file is refused before matching. */
    SHORTAGE_LIST_MAX_ROWS: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(100_000).default(5000),
    /** Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges. */
    TRUSTED_PROXIES: z
      .string()
      .transform((text, ctx): CidrRange[] =>
        text
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
          .flatMap((item) => {
            const range = parseCidr(item);
            if (!range) ctx.addIssue({ code: 'custom', message: `"${item}" is not an address or CIDR range such as 10.0.0.0/8` });
            return range ? [range] : [];
          }),
      )
      .default([]),
    /** Citizen reports: new reports accepted per client address and per device cookie in an hour. */
    REPORTS_PER_IP_PER_HOUR: z.coerce.number({ message: 'must be a whole number' }).int().min(1).default(30),
    REPORTS_PER_DEVICE_PER_HOUR: z.coerce.number({ message: 'must be a whole number' }).int().min(1).default(10),
    /**
     * Public read API (/api/*): requests per client a minute, and with a staff-issued API key. Generous for one
     * person (search-as-you-type sends a few a second at most) and for a carrier NAT; a crawler meets the limit.
     */
    API_REQUESTS_PER_MINUTE: z.coerce.number({ message: 'must be a whole number' }).int().min(1).default(300),
    API_REQUESTS_PER_MINUTE_WITH_KEY: z.coerce.number({ message: 'must be a whole number' }).int().min(1).default(3000),
    /** The ALTCHA challenge's work: the solver tries up to this many numbers (about half on average). */
    REPORT_CHALLENGE_MAX_NUMBER: z.coerce.number({ message: 'must be a whole number' }).int().min(100).max(10_000_000).default(50_000),
    /** Lets a scraper outside loopback read /metrics with `Authorization: Bearer <token>`; unset → loopback only. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Requests served at once before new ones are shed with 503 + Retry-After (2 cores: a few dozen). */
    /** Seconds a public page or availability answer is shared between visitors (0 = render every request). */
    PUBLIC_SHARE_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).min(0).max(60).default(5),
    MAX_IN_FLIGHT: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(10_000).default(64),
    /** Days after a case closes until its reports' contact details (phone) are erased by the scheduled job. */
    /** Staff dashboard signal: this many citizen reports of one drug in one county within 7 days. */
    REPORT_SIGNAL_THRESHOLD: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(1000).default(3),
    /** Price-signal thresholds as JSON, e.g. {"risePct":15}; keys and defaults in domain/prices/signalThresholds.ts. */
    PRICE_SIGNAL_THRESHOLDS: z
      .string()
      .default('{}')
      .transform((text, ctx) => {
        try {
          const parsed = priceSignalThresholds.safeParse(JSON.parse(text));
          if (parsed.success) return parsed.data;
          ctx.addIssue({ code: 'custom', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be a JSON object such as {"risePct":20}' });
        }
        return z.NEVER;
      }),
    REPORT_CONTACT_RETENTION_DAYS: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(3650).default(90),
    /** Unverified 买不到 reports (different devices) that mark a facility × drug 有群众反映缺货 (domain/stock/stockDispute.ts). */
    DISPUTE_REPORTS: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(100).default(3),
    /** …when they arrive within this many hours of each other. */
    DISPUTE_WINDOW_HOURS: z.coerce.number({ message: 'must be a number of hours' }).positive().max(24 * 30).default(48),
  })
  .refine((c) => !c.MEILI_URL || c.MEILI_MASTER_KEY, {
    message: 'MEILI_MASTER_KEY is required when MEILI_URL points at an external Meilisearch',
    path: ['MEILI_MASTER_KEY'],
  })
  // On loopback (development, tests, `npm start` on one machine) http://HOST:PORT is the truth. Listening on a
  // public address, links in feeds and pages would otherwise follow whatever Host a request sends, and be cached.
  .refine((c) => isLoopbackHost(c.HOST) || c.PUBLIC_ORIGIN || c.ALLOWED_HOSTS, {
    message: 'set PUBLIC_ORIGIN (e.g. https://yaopin.example.gov.cn) or ALLOWED_HOSTS when HOST is not a loopback address',
    path: ['PUBLIC_ORIGIN'],
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
