import { describe, expect, it } from 'vitest';
import { shanghaiInputToIso } from '../../../src/domain/time/shanghaiTime.ts';

describe('shanghaiInputToIso', () => {
  it('returns a datetime-local value as Shanghai time', () => {
    expect(new Date(shanghaiInputToIso('2026-11-29T10:00')).toISOString()).toBe('2026-11-29T02:00:00.000Z');
  });

  it('returns a value that already has a zone unchanged', () => {
    expect(shanghaiInputToIso('2026-11-29T10:00:00Z')).toBe('2026-11-29T10:00:00Z');
  });
});
