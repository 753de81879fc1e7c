import { z } from 'zod';
import { cleanString, cleanText } from '../text/cleanText.ts';
import { renderMarkdown } from '../publishing/markdown.ts';
import { staffRegionCode } from '../staff/regionScope.ts';
import { type Quarter, quarterLabel, quarterParam } from './quarter.ts';

/**
 * A quarterly notice (季度通报): what the authority of one region reports about drug supply in one quarter,
 * under a document number (文号) like any official paper. One notice per region and quarter, so the pair is
 * its address: /notices/3602/2026-q3.
 */

/**
 * 文号 as written on the paper: issuer abbreviation, year in 〔〕 and serial, e.g. 景卫药政字〔2026〕12号.
 * Keyboards give [2026], (2026), （2026） or 【2026】 and full-width digits; all are normalised to the
 * standard 〔〕 (GB/T 9704) so that the number reads the same everywhere it is cited.
 */
export const docNumber = z
  .string({ error: '请填写文号' })
  .transform((text) => cleanText(text).normalize('NFKC').replace(/\s+/g, '').replace(/[[(【]/g, '〔').replace(/[\])】]/g, '〕'))
  .pipe(
    z
      .string()
      .min(1, '请填写文号')
      .max(40, '文号不能超过 40 个字符')
      .regex(/^[\p{Script=Han}A-Za-z0-9]{1,24}〔\d{4}〕\d{1,4}号$/u, '文号格式应如 景卫药政字〔2026〕12号'),
  );

export const noticeContent = z.object({
  regionCode: staffRegionCode,
  quarter: quarterParam,
  title: cleanString(z.string().trim().min(4, '请填写标题（至少 4 个字）').max(80, '标题不能超过 80 个字')),
  issuer: cleanString(z.string().trim().min(2, '请填写发布机构').max(60, '发布机构不能超过 60 个字')),
  docNumber,
  bodyMd: cleanString(
    z
      .string()
      .trim()
      .min(10, '请填写正文（至少 10 个字）')
      .max(50_000, '正文不能超过 50000 个字')
      .superRefine((text, ctx) => {
        const rendered = renderMarkdown(text, 'bodyMd');
        if (!rendered.ok) ctx.addIssue({ code: 'custom', message: rendered.error.message });
      }),
    { multiline: true },
  ),
});
export type NoticeContent = z.infer<typeof noticeContent>;

/** The notice's own fields in the article's JSON column; the quarter is also its category, for filtering. */
export const noticeData = z.object({ quarter: z.string().regex(/^\d{4}-q[1-4]$/), docNumber: z.string() });
export type NoticeData = z.infer<typeof noticeData>;

/** 景德镇市2026年第三季度药品供应保障情况通报 */
export function defaultNoticeTitle(regionName: string, quarter: Quarter): string {
  return `${regionName}${quarterLabel(quarter)}药品供应保障情况通报`;
}

/** A result line or feed summary: 景卫药政字〔2026〕12号 · 2026年第三季度：现将…; the number first, as it is cited. */
export function noticeSummary(data: NoticeData, bodyExcerpt: string): string {
  const quarter = quarterParam.safeParse(data.quarter);
  const when = quarter.success ? ` · ${quarterLabel(quarter.data)}` : '';
  return `${data.docNumber}${when}：${bodyExcerpt}`;
}
