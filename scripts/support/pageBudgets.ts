/**
 * The page budgets of the mobile issue and how a Lighthouse result is read against them, apart from the
 * browser so that the reading is tested. Sizes are bytes on the wire (compressed), as Lighthouse's
 * resource-summary reports them; "total" leaves images out, as the budget says "before images".
 */
export interface PageFigures {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  jsKB: number;
  totalKB: number;
}

export const budgets = { performance: 95, accessibility: 100, lcpMs: 1800, tbtMs: 150, cls: 0.05, jsKB: 80, searchJsKB: 50, totalKB: 200 };

interface LighthouseLike {
  categories: Record<string, { score: number | null; auditRefs?: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } } | undefined>;
}

const score = (lhr: LighthouseLike, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function pageFigures(page: string, lhr: LighthouseLike): PageFigures {
  const summary = lhr.audits['resource-summary']?.details?.items ?? [];
  const bytesOf = (type: string) => summary.find((item) => item.resourceType === type)?.transferSize ?? 0;
  return {
    page,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
    jsKB: kb(bytesOf('script')),
    totalKB: kb(bytesOf('total') - bytesOf('image')),
  };
}

/** What a page misses, in words an operator reads in the log; empty when it is within every budget. */
export function budgetMisses(f: PageFigures, isSearch: boolean): string[] {
  const jsBudget = isSearch ? budgets.searchJsKB : budgets.jsKB;
  return [
    f.performance < budgets.performance && `performance ${f.performance} < ${budgets.performance}`,
    f.accessibility < budgets.accessibility && `accessibility ${f.accessibility} < ${budgets.accessibility}`,
    f.lcpMs > budgets.lcpMs && `LCP ${f.lcpMs} ms > ${budgets.lcpMs} ms`,
    f.tbtMs > budgets.tbtMs && `TBT ${f.tbtMs} ms > ${budgets.tbtMs} ms`,
    f.cls > budgets.cls && `CLS ${f.cls} > ${budgets.cls}`,
    f.jsKB > jsBudget && `JS ${f.jsKB} KB > ${jsBudget} KB`,
    f.totalKB > budgets.totalKB && `total ${f.totalKB} KB > ${budgets.totalKB} KB`,
  ].filter((miss): miss is string => typeof miss === 'string');
}

/** The last line: the worst of each figure over the pages. */
export function worstOf(figures: readonly PageFigures[]) {
  const min = (pick: (f: PageFigures) => number) => Math.min(...figures.map(pick));
  const max = (pick: (f: PageFigures) => number) => Math.max(...figures.map(pick));
  return {
    pages: figures.length,
    performance: min((f) => f.performance),
    accessibility: min((f) => f.accessibility),
    lcpMs: max((f) => f.lcpMs),
    tbtMs: max((f) => f.tbtMs),
    cls: max((f) => f.cls),
    jsKB: max((f) => f.jsKB),
    totalKB: max((f) => f.totalKB),
  };
}

/** The audits that cost a category points, so that a miss says what to mend ("errors-in-console"). */
export function failingAudits(lhr: LighthouseLike & { audits: Record<string, { score?: number | null } | undefined> }, category: string): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
}
