import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/server/config.ts';
import { clientAddressOf, resolveClientAddress } from '../../../src/server/http/clientAddress.ts';

const proxies = parseConfig({ TRUSTED_PROXIES: '10.0.0.0/8,2001:db8:ffff::/48' }).TRUSTED_PROXIES;

describe('resolveClientAddress', () => {
  test('returns the socket address and ignores X-Forwarded-For from a client that is not a trusted proxy', () => {
    expect(resolveClientAddress('198.51.100.7', '203.0.113.9', proxies)).toEqual({ ip: '198.51.100.7', source: '198.51.100.7' });
    expect(resolveClientAddress('198.51.100.7', '203.0.113.9', [])).toEqual({ ip: '198.51.100.7', source: '198.51.100.7' });
  });

  test('believes a trusted proxy, reading from the right past every trusted hop', () => {
    expect(resolveClientAddress('10.0.0.2', '203.0.113.9', proxies).ip).toBe('203.0.113.9');
    // The leftmost value is the client's own writing; the proxies appended the rest.
    expect(resolveClientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9, 10.0.0.5', proxies).ip).toBe('203.0.113.9');
  });

  test('stops at an unreadable hop instead of skipping past it', () => {
    expect(resolveClientAddress('10.0.0.2', '1.2.3.4, not-an-ip, 10.0.0.5', proxies).ip).toBe('10.0.0.5');
  });

  test('counts an IPv6 client by its /64 and a mapped IPv4 socket address as IPv4', () => {
    expect(resolveClientAddress('2001:db8:ffff::1', '2001:db8:1:2::abcd', proxies)).toEqual({ ip: '2001:db8:1:2::abcd', source: '2001:db8:1:2::/64' });
    expect(resolveClientAddress('::ffff:198.51.100.7', null, proxies)).toEqual({ ip: '198.51.100.7', source: '198.51.100.7' });
  });

  test('returns an unknown source when there is no address', () => {
    expect(resolveClientAddress(null, '203.0.113.9', proxies)).toEqual({ ip: null, source: 'unknown' });
  });
});

describe('clientAddressOf', () => {
  test('reads the header only through the trusted proxies it is given', () => {
    const request = new Request('http://portal.test/', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(clientAddressOf({ clientAddress: '10.1.2.3', request }, proxies).ip).toBe('203.0.113.9');
    expect(clientAddressOf({ clientAddress: '10.1.2.3', request }, []).ip).toBe('10.1.2.3');
  });
});
