import { describe, expect, test } from 'vitest';
import { docNumber, noticeContent, noticeSummary } from '../../../src/domain/notices/notice.ts';
import { noticePath, noticePathFromSlug, noticePermalink } from '../../../src/domain/notices/noticePermalink.ts';
import { permalinkPath } from '../../../src/domain/publishing/article.ts';

describe('docNumber', () => {
  test('normalises brackets and full-width digits to the standard 〔〕 form', () => {
    expect(docNumber.parse('景卫药政字[2026]12号')).toBe('景卫药政字〔2026〕12号');
    expect(docNumber.parse('景卫药政字（２０２６）１２号')).toBe('景卫药政字〔2026〕12号');
    expect(docNumber.parse(' 景卫药政字【2026】 3号 ')).toBe('景卫药政字〔2026〕3号');
  });

  test('refuses text without year and serial', () => {
    for (const bad of ['', '景卫药政字12号', '景卫药政字〔26〕12号', '景卫药政字〔2026〕号']) expect(docNumber.safeParse(bad).success, bad).toBe(false);
  });
});

describe('noticeContent', () => {
  test('parses the quarter and refuses a body with an image lacking a description', () => {
    const input = { regionCode: '3602', quarter: '2026-q3', title: '景德镇市季度通报', issuer: '景德镇市卫生健康委员会', docNumber: '景卫药政字〔2026〕12号', bodyMd: '现将有关情况通报如下。' };
    expect(noticeContent.parse(input).quarter).toEqual({ year: 2026, q: 3 });
    const withImage = noticeContent.safeParse({ ...input, bodyMd: '现将有关情况通报如下。![](https://example.gov.cn/a.png)' });
    expect(withImage.success).toBe(false);
  });
});

describe('notice permalinks', () => {
  test('two regions in the same quarter get different slugs under the same year', () => {
    const city = noticePermalink('3602', { year: 2026, q: 3 });
    const county = noticePermalink('360203', { year: 2026, q: 3 });
    expect(city).toEqual({ year: 2026, slug: '3602-2026-q3' });
    expect(county.year).toBe(city.year);
    expect(county.slug).not.toBe(city.slug);
  });

  test('the stored permalink maps to /notices/{region}/{yyyy}-q{n}', () => {
    expect(noticePath('360203', { year: 2026, q: 4 })).toBe('/notices/360203/2026-q4');
    expect(noticePathFromSlug('360203-2026-q4')).toBe('/notices/360203/2026-q4');
    expect(permalinkPath('notice', { year: 2026, slug: '3602-2026-q3' })).toBe('/notices/3602/2026-q3');
    expect(permalinkPath('clarification', { year: 2026, slug: '3602-2026-q3' })).toBe('/clarifications/2026/3602-2026-q3');
  });
});

describe('noticeSummary', () => {
  test('leads with the document number and the quarter', () => {
    expect(noticeSummary({ quarter: '2026-q3', docNumber: '景卫药政字〔2026〕12号' }, '现将……')).toBe('景卫药政字〔2026〕12号 · 2026年第三季度：现将……');
  });
});
