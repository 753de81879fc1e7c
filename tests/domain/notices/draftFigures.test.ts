import { describe, expect, test } from 'vitest';
import { draftNoticeMarkdown, type QuarterFigures } from '../../../src/domain/notices/draftFigures.ts';
import { priceFigures } from '../../../src/domain/notices/priceFigures.ts';
import { renderMarkdown } from '../../../src/domain/publishing/markdown.ts';

function figures(overrides: Partial<QuarterFigures> = {}): QuarterFigures {
  return {
    regionName: '景德镇市',
    quarter: { year: 2026, q: 3 },
    generatedAt: '2026-10-08T02:00:00.000Z',
    listChanges: [
      {
        title: '江西省短缺药品清单',
        isDemo: false,
        before: { version: 1, effectiveDate: '2026-03-01' },
        after: { version: 2, effectiveDate: '2026-08-15' },
        added: ['鱼精蛋白', '多巴胺'],
        removed: ['地高辛'],
        changed: [],
      },
    ],
    unchangedLists: ['国家临床必需易短缺药品重点监测清单'],
    coverage: {
      facilityCount: 200,
      demoFacilities: false,
      reportedBetween: { from: '2026-09-01', to: '2026-10-07' },
      tables: [
        {
          listTitle: '江西省短缺药品清单',
          isDemo: false,
          rows: [{ drugName: '鱼精蛋白', inStock: 50, low: 10, out: 30 }],
          unmatched: ['某某注射液'],
        },
      ],
    },
    citizenReports: { byCounty: [], topDrugs: [] },
    prices: priceFigures({ regionNames: new Map(), enforcementResults: [], priceReports: [] }),
    ...overrides,
  };
}

describe('draftNoticeMarkdown', () => {
  test('reports list changes as added and removed drugs with the versions compared', () => {
    const md = draftNoticeMarkdown(figures());
    expect(md).toContain('## 一、短缺药品清单变化');
    expect(md).toContain('由第 1 版（2026-03-01 起施行）变为第 2 版（2026-08-15 起施行）');
    expect(md).toContain('- 新增 2 种：鱼精蛋白、多巴胺');
    expect(md).toContain('- 调出 1 种：地高辛');
    expect(md).toContain('本季度无变化的清单：国家临床必需易短缺药品重点监测清单');
  });

  test('gives coverage as the share of all facilities in the region, non-reporting ones counting as not in stock', () => {
    const md = draftNoticeMarkdown(figures());
    expect(md).toContain('| 药品 | 有货占比 | 有货 | 其中紧张 | 缺货 |');
    expect(md).toContain('| 鱼精蛋白 | 25.0% | 50 | 10 | 30 |');
    expect(md).toContain('200 家医疗机构和药店');
    expect(md).toContain('未与药品目录对应、无法统计库存的条目：某某注射液');
  });

  test('says plainly when no citizen report came in, with no numbers in that section', () => {
    const md = draftNoticeMarkdown(figures());
    const section = md.slice(md.indexOf('## 三、群众反映情况'), md.indexOf('## 四、'));
    expect(section).toContain('本季度景德镇市没有收到群众反映。');
    expect(section).not.toMatch(/\d/);
  });

  test('gives citizen reports by county and the most reported drugs', () => {
    const md = draftNoticeMarkdown(
      figures({
        citizenReports: {
          byCounty: [
            { countyName: '珠山区', received: 7, verified: 4, overdue: 1, reopened: 1 },
            { countyName: '浮梁县', received: 2, verified: 2, overdue: 0, reopened: 0 },
          ],
          topDrugs: [
            { drugName: '布洛芬', reports: 5 },
            { drugName: '阿莫西林', reports: 2 },
          ],
        },
      }),
    );
    expect(md).toContain('本季度共收到群众反映 9 件');
    expect(md).toContain('| 县（市、区） | 收到反映 | 已核实 | 逾期转报 | 重新办理 |');
    expect(md).toContain('| 珠山区 | 7 | 4 | 1 | 1 |');
    expect(md).toContain('反映较多的药品：布洛芬（5 件）、阿莫西林（2 件）。');
  });

  test('labels demo lists and demo facilities so that a draft from demo data cannot pass for official', () => {
    const md = draftNoticeMarkdown(
      figures({
        listChanges: [{ title: '某市短缺药品清单', isDemo: true, before: null, after: { version: 1, effectiveDate: '2026-09-01' }, added: ['尿激酶'], removed: [], changed: [] }],
        coverage: { facilityCount: 10, demoFacilities: true, reportedBetween: null, tables: [{ listTitle: '示例短缺药品清单（演示数据）', isDemo: true, rows: [], unmatched: [] }] },
      }),
    );
    expect(md).toContain('### 某市短缺药品清单（示例，非官方）');
    // A title that already says 示例 is not labelled twice.
    expect(md).toContain('### 示例短缺药品清单（演示数据）\n');
    expect(md).toContain('由季度初尚未施行变为第 1 版');
    expect(md).toContain('含演示数据（示例）');
  });

  test('says so when the region has no facilities or no lists, rather than showing zeros', () => {
    const md = draftNoticeMarkdown(figures({ listChanges: [], unchangedLists: [], coverage: { facilityCount: 0, demoFacilities: false, reportedBetween: null, tables: [] } }));
    expect(md).toContain('本季度没有适用于景德镇市的短缺药品清单');
    expect(md).toContain('无法统计库存覆盖');
    expect(md).not.toContain('0.0%');
  });

  test('keeps a pipe in a list title from breaking the table, and renders as valid Markdown', () => {
    const base = figures();
    const md = draftNoticeMarkdown({ ...base, coverage: { ...base.coverage, tables: [{ listTitle: 'A|B', isDemo: false, rows: [{ drugName: '甲|乙', inStock: 1, low: 0, out: 0 }], unmatched: [] }] } });
    expect(md).toContain('| 甲\\|乙 | 0.5% | 1 |');
    const rendered = renderMarkdown(md);
    expect(rendered.ok && rendered.html).toContain('<table>');
  });
});
