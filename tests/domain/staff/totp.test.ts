import { describe, expect, test } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  matchTotp,
  otpauthUri,
  totpAt,
  type TotpOptions,
} from '../../../src/domain/staff/totp.ts';

// RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to 20, 32 and 64 bytes; codes have 8 digits.
const seed = (length: number) => base32Encode(Buffer.from('1234567890'.repeat(7).slice(0, length)));
const seeds = { sha1: seed(20), sha256: seed(32), sha512: seed(64) };
const rfcVectors: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];
const eightDigits = (algorithm: TotpOptions['algorithm']): TotpOptions => ({ stepSeconds: 30, digits: 8, algorithm });

describe('totpAt', () => {
  test.each(rfcVectors)('returns the RFC 6238 codes at T=%i for SHA-1, SHA-256 and SHA-512', (seconds, sha1, sha256, sha512) => {
    expect(totpAt(seeds.sha1, seconds * 1000, eightDigits('sha1'))).toBe(sha1);
    expect(totpAt(seeds.sha256, seconds * 1000, eightDigits('sha256'))).toBe(sha256);
    expect(totpAt(seeds.sha512, seconds * 1000, eightDigits('sha512'))).toBe(sha512);
  });

  test('returns the last 6 digits of the 8-digit code with the default options', () => {
    expect(totpAt(seeds.sha1, 59_000)).toBe('287082');
    expect(totpAt(seeds.sha1, 1111111109_000)).toBe('081804');
  });
});

describe('hotp', () => {
  test('returns the RFC 4226 appendix D values for counters 0 and 9', () => {
    const key = Buffer.from('12345678901234567890');
    expect(hotp(key, 0)).toBe('755224');
    expect(hotp(key, 9)).toBe('520489');
  });
});

describe('matchTotp', () => {
  const secret = seeds.sha1;
  const now = 1111111111_000;
  const codeAt = (offsetSteps: number) => totpAt(secret, now + offsetSteps * 30_000);

  test('returns the step for the current code and for one step either side', () => {
    const step = Math.floor(now / 30_000);
    expect(matchTotp(secret, codeAt(0), now)).toBe(step);
    expect(matchTotp(secret, codeAt(-1), now)).toBe(step - 1);
    expect(matchTotp(secret, codeAt(1), now)).toBe(step + 1);
  });

  test('returns null for codes two steps away, which are outside the window', () => {
    expect(matchTotp(secret, codeAt(-2), now)).toBeNull();
    expect(matchTotp(secret, codeAt(2), now)).toBeNull();
  });

  test('returns null for a code already used, so that it cannot be replayed', () => {
    const step = matchTotp(secret, codeAt(0), now);
    expect(matchTotp(secret, codeAt(0), now, step)).toBeNull();
    expect(matchTotp(secret, codeAt(1), now, step)).toBe((step ?? 0) + 1);
  });

  test('accepts spaces inside the code and refuses non-digits and wrong lengths', () => {
    const code = codeAt(0);
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
    expect(matchTotp(secret, `${code}0`, now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
    expect(matchTotp(secret, '', now)).toBeNull();
  });
});

describe('base32', () => {
  test('returns the RFC 4648 test vectors without padding and decodes them back', () => {
    const vectors: Array<[string, string]> = [['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
  });

  test('decodes lower case with spaces and padding, as people copy secrets by hand', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
  });

  test('throws on characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
  });
});

describe('generateTotpSecret', () => {
  test('returns 32 base32 characters (160 bits) that differ each time', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('otpauthUri', () => {
  test('returns a Key Uri Format URI with the issuer in the label and the parameters', () => {
    const uri = new URL(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', account: 'zhang.wei', issuer: '工作人员后台' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/工作人员后台:zhang.wei');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: '工作人员后台',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
