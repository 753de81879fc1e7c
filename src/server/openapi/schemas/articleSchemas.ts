import { z } from 'zod';
import { clarificationSource, clarificationVerdict } from '../../../domain/clarifications/clarification.ts';
import { enforcementAction } from '../../../domain/enforcement/enforcementResult.ts';
import { articlePageOf, changePageOf, isoInstant, regionRef } from './common.ts';

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
export const clarificationChangePage = changePageOf(clarificationItem);

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
export const noticeChangePage = changePageOf(noticeItem);

/** The text fields of an enforcement result (EnforcementText), as it reads now and in each correction's `previous`. */
const enforcementText = {
  title: z.string(),
  finding: z.string().meta({ examples: ['价格上涨幅度异常'] }),
  action: enforcementAction,
  actionLabel: z.string().meta({ examples: ['函询约谈'] }),
  actionDate: z.string().meta({ description: '采取措施的日期（北京时间）/ day of the action, Beijing calendar', examples: ['2026-11-20'] }),
  bodyHtml: z.string(),
};

export const enforcementItem = articleOf(
  {
    ...enforcementText,
    party: z.string().nullable().meta({ description: '被处理的机构或企业，未点名为 null / the party named, null when none' }),
    drugs: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    issuer: z.string(),
    isDemo: z.boolean().meta({ description: '演示数据（示例）/ demo content' }),
  },
  z.strictObject({ ...enforcementText, party: z.string().meta({ description: '未点名为空字符串 / empty when none' }) }),
);
export const enforcementPage = articlePageOf(enforcementItem);
