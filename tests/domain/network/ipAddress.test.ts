import { describe, expect, test } from 'vitest';
import { cidrContains, clientSourceKey, formatIp, type IpAddress, parseCidr, parseIp } from '../../../src/domain/network/ipAddress.ts';

const ip = (text: string): IpAddress => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
};
const range = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`not a range: ${text}`);
  return parsed;
};

describe('parseIp', () => {
  test('reads IPv4 and IPv6, and refuses anything else', () => {
    expect(formatIp(ip('192.0.2.1'))).toBe('192.0.2.1');
    expect(formatIp(ip('2001:DB8:0:0:0:0:0:1'))).toBe('2001:db8::1');
    for (const bad of ['', '192.0.2', '192.0.2.256', '192.0.2.01', '2001:db8::1::2', '2001:db8:1:2:3:4:5:6:7', 'g::1', 'localhost']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  test('reads an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(ip('::ffff:192.0.2.7')).toEqual(ip('192.0.2.7'));
  });

  test('drops brackets and zones', () => {
    expect(formatIp(ip('[2001:db8::5]'))).toBe('2001:db8::5');
    expect(formatIp(ip('fe80::1%eth0'))).toBe('fe80::1');
  });
});

describe('formatIp', () => {
  test('compresses the longest run of zero groups, and only runs longer than one', () => {
    expect(formatIp(ip('2001:0:0:1:0:0:0:1'))).toBe('2001:0:0:1::1');
    expect(formatIp(ip('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIp(ip('::'))).toBe('::');
  });
});

describe('cidrContains', () => {
  test('matches inside the prefix and not just outside it', () => {
    expect(cidrContains(range('10.0.0.0/8'), ip('10.255.255.255'))).toBe(true);
    expect(cidrContains(range('10.0.0.0/8'), ip('11.0.0.0'))).toBe(false);
    expect(cidrContains(range('192.0.2.128/25'), ip('192.0.2.127'))).toBe(false);
    expect(cidrContains(range('2001:db8::/32'), ip('2001:db8:ffff::1'))).toBe(true);
    expect(cidrContains(range('2001:db8::/32'), ip('2001:db9::1'))).toBe(false);
  });

  test('treats a bare address as a single-address range and never mixes families', () => {
    expect(cidrContains(range('192.0.2.1'), ip('192.0.2.1'))).toBe(true);
    expect(cidrContains(range('192.0.2.1'), ip('192.0.2.2'))).toBe(false);
    expect(cidrContains(range('::/0'), ip('192.0.2.1'))).toBe(false);
  });

  test('refuses malformed ranges', () => {
    for (const bad of ['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/8/8', '10.0.0.0/x']) expect(parseCidr(bad), bad).toBeNull();
  });
});

describe('clientSourceKey', () => {
  test('returns the IPv4 address itself', () => {
    expect(clientSourceKey(ip('198.51.100.7'))).toBe('198.51.100.7');
  });

  test('returns one key for every address in an IPv6 /64 and another for the next /64', () => {
    expect(clientSourceKey(ip('2001:db8:1:2::1'))).toBe('2001:db8:1:2::/64');
    expect(clientSourceKey(ip('2001:db8:1:2:ffff:ffff:ffff:ffff'))).toBe('2001:db8:1:2::/64');
    expect(clientSourceKey(ip('2001:db8:1:3::1'))).toBe('2001:db8:1:3::/64');
  });
});
