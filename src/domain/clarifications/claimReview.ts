import { type ClarificationVerdict, verdictLabels } from './clarification.ts';

/**
 * schema.org ClaimReview, the markup search engines and fact-check aggregators read, so that a search for
 * the rumour shows the authority's verdict beside it. https://schema.org/ClaimReview
 */
export interface ClaimReviewInput {
  url: string;
  title: string;
  claim: string;
  verdict: ClarificationVerdict;
  issuer: string;
  /** ISO 8601. */
  publishedAt: string;
  /** ISO 8601, when corrected. */
  correctedAt: string | null;
}

/**
 * A 1–5 scale as the fact-check guidelines suggest, 1 being false. 待核实 has no place on the scale, so it
 * carries only the textual rating.
 */
const ratingValues: Record<ClarificationVerdict, number | null> = {
  false: 1,
  misleading: 2,
  partly_false: 3,
  unverified: null,
  true: 5,
};

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  headline: string;
  inLanguage: 'zh-CN';
  claimReviewed: string;
  datePublished: string;
  dateModified?: string;
  author: { '@type': 'Organization'; name: string };
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: { '@type': 'Claim'; text: string };
}

export function claimReview(input: ClaimReviewInput): ClaimReviewJsonLd {
  const value = ratingValues[input.verdict];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.url,
    headline: input.title,
    inLanguage: 'zh-CN',
    claimReviewed: input.claim,
    datePublished: input.publishedAt,
    ...(input.correctedAt ? { dateModified: input.correctedAt } : {}),
    author: { '@type': 'Organization', name: input.issuer },
    reviewRating: {
      '@type': 'Rating',
      alternateName: verdictLabels[input.verdict],
      ...(value === null ? {} : { ratingValue: value, bestRating: 5, worstRating: 1 }),
    },
    itemReviewed: { '@type': 'Claim', text: input.claim },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. `<` is escaped so that a claim containing
 * "</script>" cannot end the element and inject markup; the line separators break some older parsers.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
