import { describe, expect, test } from 'vitest';
import { claimReview, jsonLdText } from '../../../src/domain/clarifications/claimReview.ts';

const input = {
  url: 'https://yaopin.example.gov.cn/clarifications/2026/buluofen-duanhuo',
  title: '关于“布洛芬全国断货”的澄清',
  claim: '布洛芬全国断货，药店买不到',
  verdict: 'false' as const,
  issuer: '景德镇市卫生健康委员会',
  publishedAt: '2026-03-05T01:00:00.000Z',
  correctedAt: null,
};

describe('claimReview', () => {
  test('has the schema.org type, the claim, the verdict label as alternateName and the issuer as author', () => {
    const parsed = JSON.parse(jsonLdText(claimReview(input)));
    expect(parsed['@context']).toBe('https://schema.org');
    expect(parsed['@type']).toBe('ClaimReview');
    expect(parsed.url).toBe(input.url);
    expect(parsed.claimReviewed).toBe(input.claim);
    expect(parsed.datePublished).toBe(input.publishedAt);
    expect(parsed.author).toEqual({ '@type': 'Organization', name: '景德镇市卫生健康委员会' });
    expect(parsed.reviewRating).toEqual({ '@type': 'Rating', alternateName: '不实', ratingValue: 1, bestRating: 5, worstRating: 1 });
    expect(parsed.itemReviewed).toEqual({ '@type': 'Claim', text: input.claim });
    expect(parsed).not.toHaveProperty('dateModified');
  });

  test('gives 待核实 only a textual rating and adds dateModified after a correction', () => {
    const parsed = JSON.parse(jsonLdText(claimReview({ ...input, verdict: 'unverified', correctedAt: '2026-03-06T02:00:00.000Z' })));
    expect(parsed.reviewRating).toEqual({ '@type': 'Rating', alternateName: '待核实' });
    expect(parsed.dateModified).toBe('2026-03-06T02:00:00.000Z');
  });
});

describe('jsonLdText', () => {
  test('cannot be broken out of its script element by a claim containing </script>', () => {
    const text = jsonLdText(claimReview({ ...input, claim: '</script><script>alert(1)</script>' }));
    expect(text).not.toContain('</script');
    expect(text).not.toContain('<');
    expect(JSON.parse(text).claimReviewed).toBe('</script><script>alert(1)</script>');
  });
});
