import { describe, expect, test } from 'vitest';
import { draftNoticeMarkdown, type QuarterFigures } from '../../../src/domain/notices/draftFigures.ts';
import { type PriceFigureInputs, priceFigures } from '../../../src/domain/notices/priceFigures.ts';
import { renderMarkdown } from '../../../src/domain/publishing/markdown.ts';

const regionNames = new Map([
  ['3602', '景德镇市'],
  ['360203', '珠山区'],
  ['360281', '乐平市'],
]);

function inputs(overrides: Partial<PriceFigureInputs> = {}): PriceFigureInputs {
  return {
    regionNames,
    enforcementResults: [
      { regionCode: '360203', action: 'inquiry' },
      { regionCode: '360203001', action: 'inquiry' },
      { regionCode: '360281', action: 'referral' },
      { regionCode: '3602', action: 'cost_survey' },
    ],
    priceReports: [
      { countyCode: '360203', drugName: '布洛芬', verified: true, confirmed: true, reports: 3 },
      { countyCode: '360203', drugName: '布洛芬', verified: false, confirmed: false, reports: 2 },
      { countyCode: '360281', drugName: '阿莫西林', verified: true, confirmed: false, reports: 4 },
      { countyCode: '360281', drugName: '布洛芬', verified: false, confirmed: false, reports: 1 },
    ],
    ...overrides,
  };
}

describe('priceFigures', () => {
  test('counts results by action in the documents’ order, zero counts included', () => {
    const f = priceFigures(inputs());
    expect(f.enforcement.total).toBe(4);
    expect(f.enforcement.byAction.map((a) => [a.label, a.count])).toEqual([
      ['函询约谈', 2],
      ['成本调查', 1],
      ['移交市场监管', 1],
      ['责令整改', 0],
      ['其他', 0],
    ]);
  });

  test('places a township result under its county and a city result under the city itself', () => {
    expect(priceFigures(inputs()).enforcement.byArea).toEqual([
      { areaName: '景德镇市', count: 1 },
      { areaName: '珠山区', count: 2 },
      { areaName: '乐平市', count: 1 },
    ]);
  });

  test('counts price-rise reports received, verified and confirmed per county', () => {
    const f = priceFigures(inputs());
    expect(f.priceReports.total).toBe(10);
    expect(f.priceReports.byCounty).toEqual([
      { countyName: '珠山区', received: 5, verified: 3, confirmed: 3 },
      { countyName: '乐平市', received: 5, verified: 4, confirmed: 0 },
    ]);
  });

  test('ranks the most reported drugs across counties, most first', () => {
    expect(priceFigures(inputs()).priceReports.topDrugs).toEqual([
      { drugName: '布洛芬', reports: 6 },
      { drugName: '阿莫西林', reports: 4 },
    ]);
  });

  test('counts an action it does not know as 其他 rather than dropping the result', () => {
    const f = priceFigures(inputs({ enforcementResults: [{ regionCode: '360203', action: 'something_new' }] }));
    expect(f.enforcement.byAction.find((a) => a.action === 'other')?.count).toBe(1);
  });
});

describe('the notice draft’s price section', () => {
  const base = {
    regionName: '景德镇市',
    quarter: { year: 2026, q: 4 },
    generatedAt: '2027-01-05T02:00:00.000Z',
    listChanges: [],
    unchangedLists: [],
    coverage: { facilityCount: 0, demoFacilities: false, reportedBetween: null, tables: [] },
    citizenReports: { byCounty: [], topDrugs: [] },
  } satisfies Omit<QuarterFigures, 'prices'>;

  test('writes the results by action and area, the reports by county and the drugs most reported', () => {
    const md = draftNoticeMarkdown({ ...base, prices: priceFigures(inputs()) });
    const section = md.slice(md.indexOf('## 四、药品价格监测和整治情况'), md.indexOf('（以上数据'));
    expect(section).toContain('本季度共发布药品价格整治结果 4 件，其中函询约谈 2 件、成本调查 1 件、移交市场监管 1 件。');
    expect(section).toContain('| 珠山区 | 2 |');
    expect(section).toContain('收到反映药品价格异常上涨的群众反映 10 件');
    expect(section).toContain('| 乐平市 | 5 | 4 | 0 |');
    expect(section).toContain('反映价格问题较多的药品：布洛芬（6 件）、阿莫西林（4 件）。');
    expect(renderMarkdown(md, 'bodyMd').ok).toBe(true);
  });

  test('says plainly when nothing was published or reported, with no numbers', () => {
    const md = draftNoticeMarkdown({ ...base, prices: priceFigures(inputs({ enforcementResults: [], priceReports: [] })) });
    const section = md.slice(md.indexOf('## 四、'), md.indexOf('（以上数据'));
    expect(section).toContain('本季度景德镇市没有发布药品价格整治结果。');
    expect(section).toContain('没有收到反映药品价格异常上涨的群众反映');
    expect(section.replace('## 四、', '')).not.toMatch(/\d/);
  });
});
