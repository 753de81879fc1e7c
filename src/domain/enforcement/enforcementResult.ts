import { z } from 'zod';
import { drugIdParam } from '../drugs/drugIdParam.ts';
import { renderMarkdown } from '../publishing/markdown.ts';
import { articleSlug } from '../publishing/slug.ts';
import { staffRegionCode } from '../staff/regionScope.ts';
import { cleanString } from '../text/cleanText.ts';

/**
 * An enforcement result (整治结果): what the authority found about a drug's price in a region and what it did,
 * published so that the public sees the 稳价 work done (整治结果及时向社会公布). Action codes are English in
 * storage, URLs and the API; the labels are the wording of the policy documents.
 */
export const enforcementAction = z.enum(['inquiry', 'cost_survey', 'referral', 'rectification', 'other']);
export type EnforcementAction = z.infer<typeof enforcementAction>;

export const enforcementActionLabels: Record<EnforcementAction, string> = {
  inquiry: '函询约谈',
  cost_survey: '成本调查',
  referral: '移交市场监管',
  rectification: '责令整改',
  other: '其他',
};

/** What staff usually write as the finding; offered as suggestions, any wording is accepted. */
export const commonFindings = ['价格上涨幅度异常', '价格上涨频次异常', '区域间价格差异较大', '明显高于集采中选价', '哄抬价格'] as const;

/** A calendar day as written in the form and the API: 2026-10-15, a real date. */
export const calendarDay = z
  .string({ error: '请填写处理日期' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '处理日期格式应如 2026-10-15')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), '没有这一天');

/** The part staff write; workflow fields (state, author, dates) live with the article, not here. */
export const enforcementContent = z.object({
  title: cleanString(z.string().trim().min(4, '请填写标题（至少 4 个字）').max(80, '标题不能超过 80 个字')),
  finding: cleanString(z.string().trim().min(2, '请写明发现的问题，如：价格上涨幅度异常').max(80, '发现的问题不能超过 80 个字')),
  action: enforcementAction,
  actionDate: calendarDay,
  /** The facility or company concerned, when the authority names it. */
  party: cleanString(z.string().trim().max(80, '涉及单位不能超过 80 个字')),
  bodyMd: cleanString(
    z
      .string()
      .trim()
      .min(10, '请写明处理情况（至少 10 个字）')
      .max(20_000, '正文不能超过 20000 个字')
      .superRefine((text, ctx) => {
        const rendered = renderMarkdown(text, 'bodyMd');
        if (!rendered.ok) ctx.addIssue({ code: 'custom', message: rendered.error.message });
      }),
    { multiline: true },
  ),
  issuer: cleanString(z.string().trim().min(2, '请填写发布机构').max(60, '发布机构不能超过 60 个字')),
  regionCode: staffRegionCode,
  relatedDrugIds: z.array(drugIdParam).min(1, '请填写涉及的药品').max(20, '涉及药品最多 20 个'),
  /** When the author would like it to go out; the reviewer decides. ISO 8601 with offset. */
  publishAt: z.iso.datetime({ offset: true }).nullable(),
  /** Optional ASCII permalink name; otherwise the pinyin of the title. */
  slug: articleSlug.nullable(),
});
export type EnforcementContent = z.infer<typeof enforcementContent>;

/** Kind-specific fields kept in the article's JSON column; the action has its own column for filtering. */
export const enforcementData = z.object({
  finding: z.string(),
  actionDate: z.string(),
  party: z.string().catch(''),
  /** Set only on the demo's 示例 results, which every page showing them labels as such. */
  demo: z.literal(true).optional().catch(undefined),
});
export type EnforcementData = z.infer<typeof enforcementData>;

/** A result's text as pages, feeds and the API show it: fields parsed, the body rendered and sanitised. */
export interface EnforcementText {
  title: string;
  finding: string;
  action: EnforcementAction;
  actionLabel: string;
  actionDate: string;
  /** The facility or company named; empty when none is. */
  party: string;
  bodyHtml: string;
}

/** The one-line summary feeds, search results and meta descriptions use: “价格上涨幅度异常 → 函询约谈（某药店）”. */
export function enforcementSummary(data: EnforcementData, action: EnforcementAction): string {
  const party = data.party ? `（${data.party}）` : '';
  return `${data.finding}：${enforcementActionLabels[action]}${party}`;
}
