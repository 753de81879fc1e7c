import { z } from 'zod';
import { clarificationSource, clarificationVerdict } from '../../../domain/clarifications/clarification.ts';
import { articlePageOf, isoInstant, regionRef } from './common.ts';

/** Fields every article kind carries before and after its own (articleJsonParts in src/server/publishing). */
function articleOf<T extends z.ZodRawShape>(own: T, previous: z.ZodType) {
  return z.strictObject({
    id: z.number().int(),
    url: z.string().nullable(),
    status: z.enum(['published', 'withdrawn']),
    title: z.string(),
    ...own,
    region: regionRef,
    publishedAt: isoInstant.nullable(),
    correctedAt: isoInstant.nullable(),
    updatedAt: isoInstant,
    withdrawal: z.strictObject({ at: isoInstant.nullable(), reason: z.string().nullable() }).nullable(),
    corrections: z.array(z.strictObject({ correctedAt: isoInstant, note: z.string(), previous })),
    citation: z.string().nullable().meta({ description: '引用格式 / citation line' }),
  });
}

export const clarificationItem = articleOf(
  {
    claim: z.string(),
    verdict: clarificationVerdict,
    verdictLabel: z.string(),
    explanationHtml: z.string(),
    sources: z.array(clarificationSource.strict()),
    issuer: z.string(),
    relatedDrugs: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  },
  z.strictObject({ title: z.string(), claim: z.string(), verdict: clarificationVerdict, verdictLabel: z.string(), bodyHtml: z.string(), sources: z.array(clarificationSource.strict()) }),
);
export const clarificationPage = articlePageOf(clarificationItem);

export const noticeItem = articleOf(
  {
    docNumber: z.string().meta({ examples: ['景卫药政字〔2026〕12号'] }),
    quarter: z.string().meta({ examples: ['2026-q3'] }),
    quarterLabel: z.string(),
    issuer: z.string(),
    bodyHtml: z.string(),
    attachments: z.array(
      z.strictObject({ filename: z.string(), url: z.string().nullable(), contentType: z.literal('application/pdf'), size: z.number().int(), sha256: z.string() }),
    ),
  },
  z.strictObject({ title: z.string(), docNumber: z.string(), bodyHtml: z.string() }),
);
export const noticePage = articlePageOf(noticeItem);
