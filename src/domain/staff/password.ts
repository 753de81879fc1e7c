import { randomBytes, randomInt, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt option of N=2^15, r=8, p=3: as strong as its 2^17 option but with 32 MiB per hash instead of
 * 128 MiB, so a burst of login attempts cannot exhaust the server's memory. About 0.25 s per hash.
 */
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const keyLength = 32;
const saltLength = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem must exceed 128·N·r; Node's default (32 MiB) is exactly our cost and would be refused.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so that they can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const costParameter = z.string().regex(/^\d{1,10}$/).transform(Number);
const storedHash = z
  .string()
  .transform((s) => s.split('$'))
  .pipe(z.tuple([z.literal('scrypt'), costParameter, costParameter, costParameter, z.base64(), z.base64()]));

/** False for a wrong password and for a stored value that is not one of our hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = storedHash.safeParse(stored);
  if (!parsed.success) return false;
  const [, N, r, p, saltB64, hashB64] = parsed.data;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await derive(password, Buffer.from(saltB64, 'base64'), { N, r, p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when a hash was made with weaker parameters than today's; rehash it at the next successful login. */
export function needsRehash(stored: string, params: ScryptParams = defaultScryptParams): boolean {
  const parsed = storedHash.safeParse(stored);
  if (!parsed.success) return true;
  const [, N, r, p] = parsed.data;
  return N * r * p < params.N * params.r * params.p;
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real check when the username is unknown, so that response time does not tell an
 * attacker which usernames exist.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  await verifyPassword(password, await dummyHash);
  return false;
}

export const minPasswordLength = 12;

/**
 * A new password: long enough to resist guessing once the hash leaks, and not trivially derived from the
 * username. Length beats composition rules (NIST SP 800-63B), so there are none of those.
 */
export function newPasswordSchema(username?: string) {
  return z
    .string()
    .min(minPasswordLength, `密码至少需要 ${minPasswordLength} 个字符`)
    .max(200, '密码不能超过 200 个字符')
    .refine((pw) => new Set(pw).size > 3, '密码过于简单，请不要重复同一个字符')
    // Very short usernames (li, wu) would forbid half the dictionary, so only longer ones are checked.
    .refine((pw) => !username || username.length < 4 || !pw.toLowerCase().includes(username.toLowerCase()), '密码不能包含用户名');
}

/** A readable one-time password for an admin to hand over: 4 groups of 4 from an unambiguous alphabet. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
