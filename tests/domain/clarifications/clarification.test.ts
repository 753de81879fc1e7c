import { describe, expect, test } from 'vitest';
import { chineseDate, citationLine } from '../../../src/domain/clarifications/citation.ts';
import {
  clarificationContent,
  clarificationSummary,
  clarificationVerdict,
  parseSourceLines,
  verdictLabels,
} from '../../../src/domain/clarifications/clarification.ts';

const valid = {
  title: '关于“布洛芬全国断货”的澄清',
  claim: '布洛芬全国断货',
  verdict: 'false',
  explanation: '经核实，全市定点药店和医疗机构布洛芬库存充足。',
  sources: [{ title: '江西省药品集中采购平台', url: 'https://example.gov.cn/a' }],
  issuer: '景德镇市卫生健康委员会',
  regionCode: '3602',
  relatedDrugIds: ['w078'],
  publishAt: null,
  slug: null,
};

describe('clarificationVerdict', () => {
  test('has a Chinese label for every verdict', () => {
    expect(clarificationVerdict.options.map((v) => verdictLabels[v])).toEqual(['不实', '部分不实', '误导', '待核实', '属实']);
  });
});

describe('clarificationContent', () => {
  test('accepts a complete clarification and upper-cases drug ids', () => {
    const parsed = clarificationContent.parse(valid);
    expect(parsed.relatedDrugIds).toEqual(['W078']);
  });

  test('refuses an explanation with an image lacking alt text, on the explanation field', () => {
    const result = clarificationContent.safeParse({ ...valid, explanation: '经核实库存充足。\n\n![](/media/a.jpg)' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['explanation']);
  });

  test('refuses a source whose address is not http(s)', () => {
    const result = clarificationContent.safeParse({ ...valid, sources: [{ title: '来源', url: 'javascript:alert(1)' }] });
    expect(result.error?.issues[0]?.path).toEqual(['sources', 0, 'url']);
  });

  test('refuses an unknown verdict and a region code of the wrong length', () => {
    expect(clarificationContent.safeParse({ ...valid, verdict: 'fake' }).success).toBe(false);
    expect(clarificationContent.safeParse({ ...valid, regionCode: '36020' }).success).toBe(false);
  });
});

describe('parseSourceLines', () => {
  test('reads “name address” lines and reports bad ones by line number', () => {
    const { sources, errors } = parseSourceLines('国家药监局公告 https://www.nmpa.gov.cn/a.html\n\n没有网址\n省卫健委，https://example.gov.cn/b');
    expect(sources).toEqual([
      { title: '国家药监局公告', url: 'https://www.nmpa.gov.cn/a.html' },
      { title: '省卫健委', url: 'https://example.gov.cn/b' },
    ]);
    expect(errors).toEqual(['第 3 行：请写成“来源名称 网址”']);
  });
});

describe('clarificationSummary', () => {
  test('states the claim and the verdict', () => {
    expect(clarificationSummary('布洛芬全国断货', 'false')).toBe('网传“布洛芬全国断货”：不实');
  });
});

describe('citationLine', () => {
  test('reads 《标题》，发布机构，YYYY年M月D日，URL with the date in China time', () => {
    const line = citationLine({ title: '关于布洛芬供应的说明', issuer: '景德镇市卫生健康委员会', publishedAt: '2026-03-04T16:30:00Z', url: 'https://x.gov.cn/clarifications/2026/a' });
    expect(line).toBe('《关于布洛芬供应的说明》，景德镇市卫生健康委员会，2026年3月5日，https://x.gov.cn/clarifications/2026/a');
  });

  test('does not double the book-title marks of a title that already has them', () => {
    expect(citationLine({ title: '《说明》', issuer: '甲', publishedAt: '2026-01-01T00:00:00Z', url: 'u' })).toBe('《说明》，甲，2026年1月1日，u');
  });

  test('chineseDate has no leading zeros', () => {
    expect(chineseDate('2026-01-08T00:00:00Z')).toBe('2026年1月8日');
  });
});
