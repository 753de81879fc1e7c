import { describe, expect, it } from 'vitest';
import { backInStockStep, freshInStockFacilities, type InStockFact } from '../../../src/domain/alerts/backInStock.ts';

const now = new Date('2026-12-06T12:00:00Z');
const fact = (facilityId: string, hoursAgo: number, overrides: Partial<InStockFact> = {}): InStockFact => ({
  facilityId, countyCode: '360203', lat: 29.3, lng: 117.2, reportedAt: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(), closedFrom: null, ...overrides,
});
const county = { kind: 'county', countyCode: '360203' } as const;

describe('backInStockStep', () => {
  it('returns an alert on the step from no fresh 有货 to some', () => {
    expect(backInStockStep({ wasAvailable: false, lastAlertAt: null }, 2, now)).toEqual({ available: true, alert: true });
  });

  it('returns no alert while it stays available, or stays out', () => {
    expect(backInStockStep({ wasAvailable: true, lastAlertAt: null }, 2, now).alert).toBe(false);
    expect(backInStockStep({ wasAvailable: false, lastAlertAt: null }, 0, now)).toEqual({ available: false, alert: false });
  });

  it('returns no alert within 24 hours of the last one and an alert at exactly 24 hours', () => {
    const at = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
    expect(backInStockStep({ wasAvailable: false, lastAlertAt: at(23.9) }, 1, now).alert).toBe(false);
    expect(backInStockStep({ wasAvailable: false, lastAlertAt: at(24) }, 1, now).alert).toBe(true);
  });
});

describe('freshInStockFacilities', () => {
  it('returns not stale at exactly 72 hours and stale just after; 24 hours for a drug on a shortage list', () => {
    expect(freshInStockFacilities([fact('A', 72), fact('B', 72.01)], county, now, '2026-12-06', false)).toEqual(['A']);
    expect(freshInStockFacilities([fact('A', 24), fact('B', 25)], county, now, '2026-12-06', true)).toEqual(['A']);
  });

  it('leaves out facilities staff closed from today or earlier, and those outside the area', () => {
    const facts = [fact('A', 1, { closedFrom: '2026-12-06' }), fact('B', 1, { closedFrom: '2026-12-07' }), fact('C', 1, { countyCode: '360222' })];
    expect(freshInStockFacilities(facts, county, now, '2026-12-06', false)).toEqual(['B']);
  });
});
