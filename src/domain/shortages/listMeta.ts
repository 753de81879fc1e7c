import { z } from 'zod';
import { cleanString } from '../text/cleanText.ts';
import { type ShortageListKind, type ShortageListScope, shortageListKind, shortageListScope } from '../drugs/drugFlags.ts';
import { canActOn } from '../staff/regionScope.ts';

/** Digits of a region code per list scope: lists use the short statistical codes of the regions table. */
const regionDigits: Record<ShortageListScope, number | null> = { national: null, provincial: 2, city: 4, county: 6 };

/** 短缺 and 重点监测 lists come from the national or a provincial authority; a 关注清单 is a city's or county's own. */
const scopesOfKind: Record<ShortageListKind, readonly ShortageListScope[]> = {
  shortage: ['national', 'provincial'],
  monitoring: ['national', 'provincial'],
  watch: ['city', 'county'],
};

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-09-01')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期不存在');

const sourceUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(s) && URL.canParse(s), '应为以 http:// 或 https:// 开头的网址');

/** Who issued a list version and where it holds: what every view and download repeats beside the entries. */
export const listMeta = z
  .object({
    title: cleanString(z.string().trim().min(1, '请填写清单名称').max(200, '清单名称过长')),
    kind: shortageListKind,
    scope: shortageListScope,
    regionCode: z.string().regex(/^\d{2}(\d{2}){0,2}$/, '地区代码应为 2、4 或 6 位数字').nullable(),
    issuer: cleanString(z.string().trim().min(1, '请填写发布机关').max(100, '发布机关名称过长')),
    docNumber: cleanString(z.string().trim().max(100, '文号过长').nullable()),
    effectiveDate: isoDate,
    sourceUrl: sourceUrl.nullable(),
    /** 示例 data: shown with the label everywhere and never mixed into an official list's versions. */
    isDemo: z.boolean(),
  })
  .superRefine((meta, ctx) => {
    const digits = regionDigits[meta.scope];
    if (digits === null && meta.regionCode !== null) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '国家级清单不填地区' });
    if (digits !== null && meta.regionCode?.length !== digits) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `此范围的清单须选择${digits === 2 ? '省' : digits === 4 ? '市' : '县（区）'}级地区` });
    }
    if (!scopesOfKind[meta.kind].includes(meta.scope)) ctx.addIssue({ code: 'custom', path: ['scope'], message: '清单类别与发布范围不匹配' });
    // An official list without its 文号 and link cannot be checked by a reader, which is the point of publishing it.
    if (!meta.isDemo && !meta.docNumber) ctx.addIssue({ code: 'custom', path: ['docNumber'], message: '正式清单须填写文号' });
    if (!meta.isDemo && !meta.sourceUrl) ctx.addIssue({ code: 'custom', path: ['sourceUrl'], message: '正式清单须填写原文链接' });
  });
export type ListMeta = z.infer<typeof listMeta>;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** The upload form's fields (all strings; a ticked checkbox is "on") to a ListMeta, with errors keyed by field name. */
export const listMetaForm = z.preprocess((raw) => {
  const form = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    title: form.title ?? '',
    kind: form.kind,
    scope: form.scope,
    // Forms post it as `region`: staff forms never echo fields whose name contains "code" (TOTP codes).
    regionCode: blankToNull(form.region ?? form.regionCode ?? ''),
    issuer: form.issuer ?? '',
    docNumber: blankToNull(form.docNumber ?? ''),
    effectiveDate: form.effectiveDate ?? '',
    sourceUrl: blankToNull(form.sourceUrl ?? ''),
    isDemo: form.isDemo === 'on' || form.isDemo === 'true',
  };
}, listMeta);

/** Keys are what URLs and downloads use, so they stay lower-case ASCII: `36-shortage`, `demo-national-monitoring`. */
export const listKeyParam = z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, '清单标识格式不正确');

/** One list per issuer level, region and kind; demo lists get their own key so they never become versions of a real one. */
export function listKeyFor(meta: Pick<ListMeta, 'isDemo' | 'regionCode' | 'kind'>): string {
  return `${meta.isDemo ? 'demo-' : ''}${meta.regionCode ?? 'national'}-${meta.kind}`;
}

/**
 * Who may load a list: an account at the list's region or above. National lists reach a provincial portal through
 * the provincial health commission, so they need a province-level account (a 2-digit region code).
 */
export function canLoadList(userRegion: string, meta: Pick<ListMeta, 'scope' | 'regionCode'>): boolean {
  if (meta.scope === 'national' || meta.regionCode === null) return /^\d{2}$/.test(userRegion);
  return canActOn(userRegion, meta.regionCode);
}

/** Whether a list holds for a reader in `regionCode`: national ones everywhere, others in their region and below. */
export function listAppliesTo(list: Pick<ListMeta, 'regionCode'>, regionCode: string): boolean {
  return list.regionCode === null || regionCode.startsWith(list.regionCode);
}
