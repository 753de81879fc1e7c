import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238 time-based one-time passwords, the second factor every common authenticator app implements. */
export interface TotpOptions {
  stepSeconds: number;
  digits: number;
  algorithm: 'sha1' | 'sha256' | 'sha512';
}

/** SHA-1, 6 digits, 30 s: the only combination every app supports; others are accepted by apps unevenly. */
export const defaultTotpOptions: TotpOptions = { stepSeconds: 30, digits: 6, algorithm: 'sha1' };

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, the form otpauth URIs carry. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Accepts lower case, spaces and padding, since people copy secrets by hand; throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error(`not a base32 character: ${char}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** 160 random bits, the key size RFC 4226 recommends for HMAC-SHA-1. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP with dynamic truncation. */
export function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: TotpOptions['algorithm'] = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpStep(timeMs: number, options: TotpOptions = defaultTotpOptions): number {
  return Math.floor(timeMs / 1000 / options.stepSeconds);
}

export function totpAt(secret: string, timeMs: number, options: TotpOptions = defaultTotpOptions): string {
  return hotp(base32Decode(secret), totpStep(timeMs, options), options.digits, options.algorithm);
}

/**
 * The time step a code belongs to, looking one step either side of now (phone clocks drift, and people type
 * slowly); null when it matches none. Steps at or before `lastUsedStep` are refused so that a code seen over a
 * shoulder cannot be replayed within its 90 s of validity.
 */
export function matchTotp(
  secret: string,
  code: string,
  timeMs: number,
  lastUsedStep: number | null = null,
  options: TotpOptions = defaultTotpOptions,
): number | null {
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${options.digits}}$`).test(typed)) return null;
  const key = base32Decode(secret);
  const now = totpStep(timeMs, options);
  for (const step of [now - 1, now, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = hotp(key, step, options.digits, options.algorithm);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(typed))) return step;
  }
  return null;
}

/** The `otpauth://` URI an authenticator app reads from the QR code (Google's Key Uri Format). */
export function otpauthUri(input: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({
    secret: input.secret,
    issuer: input.issuer,
    algorithm: 'SHA1',
    digits: String(defaultTotpOptions.digits),
    period: String(defaultTotpOptions.stepSeconds),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
