import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/server/config.ts';

describe('parseConfig', () => {
  test('gives the embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 4321, HOST: '127.0.0.1', DATA_DIR: './data/runtime', DEMO_DATA: true });
    expect(config.MEILI_URL).toBeUndefined();
  });

  test('names every bad variable in one message', () => {
    try {
      parseConfig({ PORT: 'eighty', MEILI_URL: 'not a url', DEMO_DATA: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('MEILI_URL:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('DEMO_DATA:'))).toBe(true);
    }
  });

  test('requires a master key with an external Meilisearch', () => {
    expect(() => parseConfig({ MEILI_URL: 'http://10.0.0.5:7700' })).toThrow(/MEILI_MASTER_KEY/);
  });

  test('treats empty values as unset', () => {
    expect(parseConfig({ MEILI_URL: '', PORT: '' }).PORT).toBe(4321);
  });

  test('takes a PostgreSQL URL as DATABASE_URL and refuses any other kind of URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://portal:secret@127.0.0.1:5432/portal' }).DATABASE_URL).toBe('postgres://portal:secret@127.0.0.1:5432/portal');
    expect(parseConfig({ DATABASE_URL: 'postgresql://portal@db/portal' }).DATABASE_URL).toBe('postgresql://portal@db/portal');
    expect(parseConfig({}).DATABASE_URL).toBeUndefined();
    expect(() => parseConfig({ DATABASE_URL: 'mysql://portal@db/portal' })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
  });
});

describe('TRUSTED_PROXIES', () => {
  test('is empty by default, so X-Forwarded-For is never believed', () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toEqual([]);
  });

  test('reads addresses and ranges, and names a bad item', () => {
    expect(parseConfig({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).TRUSTED_PROXIES.map((r) => r.prefixLength)).toEqual([8, 128]);
    expect(() => parseConfig({ TRUSTED_PROXIES: '10.0.0.0/8,proxy.local' })).toThrow(/TRUSTED_PROXIES: "proxy.local"/);
  });
});

describe('MEILI_PROVINCES', () => {
  test('is empty by default: every province on the main Meilisearch', () => {
    expect(parseConfig({}).MEILI_PROVINCES).toEqual({});
  });

  test('maps province codes to an instance and index, and names what is wrong', () => {
    const key = 'k'.repeat(16);
    expect(parseConfig({ MEILI_PROVINCES: `{"36":{"url":"http://10.0.0.5:7700","key":"${key}","index":"jx"}}` }).MEILI_PROVINCES).toEqual({
      '36': { url: 'http://10.0.0.5:7700', key, index: 'jx' },
    });
    expect(() => parseConfig({ MEILI_PROVINCES: '{36:' })).toThrow(/MEILI_PROVINCES: must be JSON/);
    expect(() => parseConfig({ MEILI_PROVINCES: `{"360":{"url":"http://10.0.0.5:7700","key":"${key}"}}` })).toThrow(/two-digit province codes/);
    expect(() => parseConfig({ MEILI_PROVINCES: '{"36":{"url":"http://10.0.0.5:7700","key":"short"}}' })).toThrow(/MEILI_PROVINCES\.36\.key/);
  });

  test('MEILI_MAX_INDEXING_MEMORY takes a size', () => {
    expect(parseConfig({ MEILI_MAX_INDEXING_MEMORY: '1GiB' }).MEILI_MAX_INDEXING_MEMORY).toBe('1GiB');
    expect(() => parseConfig({ MEILI_MAX_INDEXING_MEMORY: 'lots' })).toThrow(/MEILI_MAX_INDEXING_MEMORY/);
  });
});
