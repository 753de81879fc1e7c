import { describe, expect, test } from 'vitest';
import { mergeContentSecurityPolicy, securityHeaders } from '../../../src/server/http/securityHeaders.ts';

describe('securityHeaders', () => {
  test('forbids framing and sniffing on every response', () => {
    const headers = securityHeaders(false);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('adds HSTS only over HTTPS, where it means something', () => {
    expect(securityHeaders(false)['strict-transport-security']).toBeUndefined();
    expect(securityHeaders(true)['strict-transport-security']).toContain('max-age=');
  });
});

describe('mergeContentSecurityPolicy', () => {
  test('keeps Astro script hashes and adds missing directives once', () => {
    const merged = mergeContentSecurityPolicy("default-src 'self';script-src 'self' 'sha256-abc';;", "default-src 'none'; frame-ancestors 'none'");
    expect(merged).toBe("default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'");
  });
});
