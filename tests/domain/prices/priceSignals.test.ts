import { describe, expect, test } from 'vitest';
import { frequencySignal, median, referenceGapSignal, regionalGapSignal, reportClusterSignal, riseSignal } from '../../../src/domain/prices/priceSignals.ts';
import { defaultPriceSignalThresholds as t } from '../../../src/domain/prices/signalThresholds.ts';

const day = (n: number) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString();

describe('riseSignal', () => {
  test('fires at exactly 20 % within 90 days and not at 19.99 %', () => {
    expect(riseSignal([{ at: day(0), unitFen: 50 }, { at: day(30), unitFen: 60 }], t)).toMatchObject({ risePct: 20, fromFen: 50, toFen: 60 });
    expect(riseSignal([{ at: day(0), unitFen: 5000 }, { at: day(30), unitFen: 5999 }], t)).toBeUndefined();
  });

  test('measures from the lowest price in the window, and ignores prices before it', () => {
    expect(riseSignal([{ at: day(0), unitFen: 10 }, { at: day(100), unitFen: 11 }, { at: day(120), unitFen: 12 }], t)).toBeUndefined();
    expect(riseSignal([{ at: day(0), unitFen: 12 }, { at: day(10), unitFen: 10 }, { at: day(20), unitFen: 12 }], t)?.fromFen).toBe(10);
  });
});

describe('frequencySignal', () => {
  const rises = (n: number) => Array.from({ length: n + 1 }, (_, i) => ({ at: day(i * 30), unitFen: 100 + i }));
  test('fires on the third rise within 180 days and not on the second', () => {
    expect(frequencySignal(rises(3), t)?.rises).toHaveLength(3);
    expect(frequencySignal(rises(2), t)).toBeUndefined();
  });
  test('does not count a fall as a rise', () => {
    expect(frequencySignal([{ at: day(0), unitFen: 10 }, { at: day(10), unitFen: 11 }, { at: day(20), unitFen: 9 }, { at: day(30), unitFen: 10 }], t)).toBeUndefined();
  });
});

describe('regionalGapSignal', () => {
  const c = (countyCode: string, medianFen: number, facilities = 5) => ({ countyCode, medianFen, facilities });
  test('compares a county with the median of its city’s county medians', () => {
    const city = [c('360202', 130), c('360203', 100), c('360222', 90), c('360281', 110)];
    // Median of 90, 100, 110, 130 is 105; 130 is 23.81 % above it.
    expect(regionalGapSignal(city[0] as never, city, city, t)).toBeUndefined();
    const gap = regionalGapSignal(c('360202', 136.5), [c('360202', 136.5), ...city.slice(1)], city, t);
    expect(gap).toMatchObject({ against: 'city', referenceMedianFen: 105, gapPct: 30 });
  });
  test('falls back to the province when the city has no other county, and ignores thin counties', () => {
    const province = [c('360202', 200), c('360403', 100), c('360502', 100)];
    expect(regionalGapSignal(c('360202', 200), [c('360202', 200)], province, t)).toMatchObject({ against: 'province', referenceMedianFen: 100, gapPct: 100 });
    expect(regionalGapSignal(c('360202', 200, 2), [c('360202', 200, 2)], province, t)).toBeUndefined();
  });
  test('median takes the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('referenceGapSignal and reportClusterSignal', () => {
  test('fire at their thresholds and not below', () => {
    expect(referenceGapSignal(52, { unitFen: 26, label: '集采' }, t)?.gapPct).toBe(100);
    expect(referenceGapSignal(51.9, { unitFen: 26, label: '集采' }, t)).toBeUndefined();
    expect(reportClusterSignal(3, t)).toEqual({ reports: 3 });
    expect(reportClusterSignal(2, t)).toBeUndefined();
  });
});
