import { describe, expect, it } from 'vitest';
import { budgetMisses, pageFigures, worstOf } from '../../scripts/support/pageBudgets.ts';

const lhr = (performance: number, tbt: number, scriptBytes: number) => ({
  categories: { performance: { score: performance }, accessibility: { score: 1 }, 'best-practices': { score: 0.96 }, seo: { score: 1 } },
  audits: {
    'largest-contentful-paint': { numericValue: 1234.4 },
    'total-blocking-time': { numericValue: tbt },
    'cumulative-layout-shift': { numericValue: 0.0123 },
    'resource-summary': { details: { items: [{ resourceType: 'total', transferSize: 300 * 1024 }, { resourceType: 'image', transferSize: 150 * 1024 }, { resourceType: 'script', transferSize: scriptBytes }] } },
  },
});

describe('pageFigures', () => {
  it('returns scores 0–100 and compressed sizes in KB, total without images', () => {
    expect(pageFigures('home', lhr(0.99, 20, 51 * 1024))).toEqual({
      page: 'home', performance: 99, accessibility: 100, bestPractices: 96, seo: 100, lcpMs: 1234, tbtMs: 20, cls: 0.012, jsKB: 51, totalKB: 150,
    });
  });
});

describe('budgetMisses', () => {
  it('returns the 50 KB script budget on the search page only', () => {
    expect(budgetMisses(pageFigures('search', lhr(0.99, 20, 51 * 1024)), true)).toEqual(['JS 51 KB > 50 KB']);
    expect(budgetMisses(pageFigures('drug', lhr(0.99, 20, 51 * 1024)), false)).toEqual([]);
  });

  it('returns performance and TBT misses in words', () => {
    expect(budgetMisses(pageFigures('report', lhr(0.7, 10_372, 1024)), false)).toEqual(['performance 70 < 95', 'TBT 10372 ms > 150 ms']);
  });
});

describe('worstOf', () => {
  it('returns the lowest scores and the highest times and sizes over the pages', () => {
    const worst = worstOf([pageFigures('a', lhr(0.99, 20, 10 * 1024)), pageFigures('b', lhr(0.8, 300, 60 * 1024))]);
    expect(worst).toEqual({ pages: 2, performance: 80, accessibility: 100, lcpMs: 1234, tbtMs: 300, cls: 0.012, jsKB: 60, totalKB: 150 });
  });
});
