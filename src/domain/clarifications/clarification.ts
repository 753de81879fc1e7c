import { z } from 'zod';
import { cleanString } from '../text/cleanText.ts';
import { drugIdParam } from '../drugs/drugIdParam.ts';
import { staffRegionCode } from '../staff/regionScope.ts';
import { renderMarkdown } from '../publishing/markdown.ts';
import { articleSlug } from '../publishing/slug.ts';

/**
 * A clarification (澄清/辟谣): a claim circulating among the public, the authority's verdict on it and why.
 * Verdict codes are English in storage and URLs; the labels are the wording the public sees.
 */
export const clarificationVerdict = z.enum(['false', 'partly_false', 'misleading', 'unverified', 'true']);
export type ClarificationVerdict = z.infer<typeof clarificationVerdict>;

export const verdictLabels: Record<ClarificationVerdict, string> = {
  false: '不实',
  partly_false: '部分不实',
  misleading: '误导',
  unverified: '待核实',
  true: '属实',
};

export const clarificationSource = z.object({
  title: cleanString(z.string().trim().min(1, '请填写来源名称').max(120, '来源名称不能超过 120 个字符')),
  url: z
    .url({ protocol: /^https?$/, message: '来源网址须以 http:// 或 https:// 开头' })
    .max(500, '来源网址过长'),
});
export type ClarificationSource = z.infer<typeof clarificationSource>;

/** The part staff write; workflow fields (state, author, dates) live with the article, not here. */
export const clarificationContent = z.object({
  title: cleanString(z.string().trim().min(4, '请填写标题（至少 4 个字）').max(80, '标题不能超过 80 个字')),
  claim: cleanString(z.string().trim().min(4, '请写明网传说法（至少 4 个字）').max(200, '网传说法不能超过 200 个字')),
  verdict: clarificationVerdict,
  explanation: cleanString(
    z
      .string()
      .trim()
      .min(10, '请写明核实情况（至少 10 个字）')
      .max(20_000, '正文不能超过 20000 个字')
      .superRefine((text, ctx) => {
        const rendered = renderMarkdown(text, 'explanation');
        if (!rendered.ok) ctx.addIssue({ code: 'custom', message: rendered.error.message });
      }),
    { multiline: true },
  ),
  sources: z.array(clarificationSource).max(10, '来源最多 10 条'),
  issuer: cleanString(z.string().trim().min(2, '请填写发布机构').max(60, '发布机构不能超过 60 个字')),
  regionCode: staffRegionCode,
  relatedDrugIds: z.array(drugIdParam).max(20, '相关药品最多 20 个'),
  /** When the author would like it to go out; the reviewer decides. ISO 8601 with offset. */
  publishAt: z.iso.datetime({ offset: true }).nullable(),
  /** Optional ASCII permalink name; otherwise the pinyin of the title. */
  slug: articleSlug.nullable(),
});
export type ClarificationContent = z.infer<typeof clarificationContent>;

/** Kind-specific fields kept in the article's JSON column; the verdict has its own column for filtering. */
export const clarificationData = z.object({
  claim: z.string(),
  sources: z.array(clarificationSource),
});
export type ClarificationData = z.infer<typeof clarificationData>;

/**
 * Sources as staff type them in one textarea, a line each: a name, then the address (“国家药监局公告 https://…”).
 * Works without JavaScript and is quick to paste into; malformed lines are reported by line number.
 */
export function parseSourceLines(text: string): { sources: ClarificationSource[]; errors: string[] } {
  const sources: ClarificationSource[] = [];
  const errors: string[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .forEach((line, index) => {
      if (!line) return;
      const match = /^(.*?)[\s，,]*(https?:\/\/\S+)$/u.exec(line);
      const parsed = clarificationSource.safeParse({ title: match?.[1] ?? '', url: match?.[2] ?? '' });
      if (parsed.success) sources.push(parsed.data);
      else errors.push(`第 ${index + 1} 行：${match ? (parsed.error.issues[0]?.message ?? '格式不正确') : '请写成“来源名称 网址”'}`);
    });
  return { sources, errors };
}

export function sourcesToLines(sources: readonly ClarificationSource[]): string {
  return sources.map((s) => `${s.title} ${s.url}`).join('\n');
}

/** The one-line summary feeds, search results and meta descriptions use: “网传‘…’——不实”. */
export function clarificationSummary(claim: string, verdict: ClarificationVerdict): string {
  return `网传“${claim}”：${verdictLabels[verdict]}`;
}
