import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, test } from 'vitest';
import { solveAltcha } from '../../../scripts/support/altchaSolver.ts';
import { createAltchaChallenge, verifyAltchaSolution } from '../../../src/server/reports/altchaV1.ts';

const key = 'a-challenge-key-of-the-portal-000';
const inAMinute = () => new Date(Date.now() + 60_000);
const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64');

describe('ALTCHA v1 with node:crypto, held to altcha-lib', () => {
  test('a challenge issued here is solved by altcha-lib (as the widget does) and verified by altcha-lib', async () => {
    const challenge = createAltchaChallenge(key, 2000, inAMinute());
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    expect(solution).not.toBeNull();
    const payload = encode({ ...challenge, number: solution?.number });
    expect(await verifySolution(payload, key, true)).toBe(true);
    expect(verifyAltchaSolution(payload, key)).toBe(true);
  });

  test("a payload for altcha-lib's own challenge is verified here", async () => {
    const challenge = await createChallenge({ hmacKey: key, maxNumber: 2000, expires: inAMinute() });
    expect(verifyAltchaSolution(solveAltcha(challenge), key)).toBe(true);
  });

  test('refuses what altcha-lib refuses: a wrong number, another key, a changed salt, an expired challenge', async () => {
    const challenge = createAltchaChallenge(key, 2000, inAMinute());
    const solved = JSON.parse(Buffer.from(solveAltcha(challenge), 'base64').toString()) as { number: number; salt: string };
    const variants = [
      { payload: encode({ ...solved, number: solved.number + 1 }), key },
      { payload: encode(solved), key: 'another-key-entirely-000000000000' },
      { payload: encode({ ...solved, salt: solved.salt.replace('expires=', 'expires=9') }), key },
    ];
    for (const v of variants) {
      expect(await verifySolution(v.payload, v.key, true)).toBe(false);
      expect(verifyAltchaSolution(v.payload, v.key)).toBe(false);
    }
    const expired = createAltchaChallenge(key, 100, new Date(Date.now() - 1000));
    const expiredPayload = solveAltcha(expired);
    expect(await verifySolution(expiredPayload, key, true)).toBe(false);
    expect(verifyAltchaSolution(expiredPayload, key)).toBe(false);
    expect(verifyAltchaSolution('not base64 json', key)).toBe(false);
  });
});
