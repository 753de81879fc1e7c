import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/server/config.ts';
import { publicOriginFor } from '../../../src/server/feeds/publicOrigin.ts';

const evil = new URL('http://evil.example/feeds/notices.rss.xml');

describe('publicOriginFor', () => {
  test('uses the configured PUBLIC_ORIGIN whatever Host the request names', () => {
    expect(publicOriginFor(parseConfig({ HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://yaopin.example.gov.cn/' }), evil)).toBe('https://yaopin.example.gov.cn');
  });

  test('on loopback with nothing configured, uses http://HOST:PORT, never the request Host', () => {
    expect(publicOriginFor(parseConfig({}), evil)).toBe('http://127.0.0.1:4321');
    expect(publicOriginFor(parseConfig({ HOST: 'localhost', PORT: '4405' }), evil)).toBe('http://localhost:4405');
    expect(publicOriginFor(parseConfig({ HOST: '::1' }), evil)).toBe('http://[::1]:4321');
  });

  test('takes the request Host only when ALLOWED_HOSTS lists it', () => {
    const cfg = parseConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'yaopin.example.gov.cn, www.yaopin.example.gov.cn' });
    expect(publicOriginFor(cfg, new URL('https://www.yaopin.example.gov.cn/x'))).toBe('https://www.yaopin.example.gov.cn');
    expect(publicOriginFor(cfg, evil)).toBe('https://yaopin.example.gov.cn');
  });
});

describe('start-up without a public origin', () => {
  test('refuses to listen on a public address with neither PUBLIC_ORIGIN nor ALLOWED_HOSTS, naming both', () => {
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(/PUBLIC_ORIGIN.*ALLOWED_HOSTS|ALLOWED_HOSTS.*PUBLIC_ORIGIN/);
  });
});
