import { describe, expect, it } from 'vitest';
import { mayOfferInstall } from '../../../src/domain/offline/installHint.ts';

describe('mayOfferInstall', () => {
  it('returns false on a first visit', () => {
    expect(mayOfferInstall({ visits: 1, watching: false, dismissed: false })).toBe(false);
  });

  it('returns true from the second visit on, or on a first visit once a drug is watched', () => {
    expect(mayOfferInstall({ visits: 2, watching: false, dismissed: false })).toBe(true);
    expect(mayOfferInstall({ visits: 1, watching: true, dismissed: false })).toBe(true);
  });

  it('returns false once dismissed, however often the citizen comes back', () => {
    expect(mayOfferInstall({ visits: 40, watching: true, dismissed: true })).toBe(false);
  });
});
