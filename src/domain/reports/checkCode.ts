/**
 * 查询码: shown once with the tracking number, needed to open the status page. Eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits: with the rate limit on wrong codes, guessing
 * one is out of reach, and it is short enough to copy from a phone screen.
 */
export const checkCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const checkCodeLength = 8;

/** Maps bytes (random or an HMAC) onto the alphabet; takes bytes so the caller chooses where they come from. */
export function checkCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < checkCodeLength) throw new Error('need at least 8 bytes for a check code');
  let code = '';
  for (let i = 0; i < checkCodeLength; i += 1) {
    // 256 is not a multiple of 31: the bias this leaves (< 1 in 8 per character) does not matter for a
    // rate-limited code, and it keeps the mapping deterministic for the idempotent replay.
    code += checkCodeAlphabet[(bytes[i] as number) % checkCodeAlphabet.length];
  }
  return code;
}

/** What people type: spaces, dashes and lower case are forgiven. */
export function normalizeCheckCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
