import { z } from 'zod';
import { noticePathFromSlug } from '../notices/noticePermalink.ts';
import type { ArticleState, PendingRevision, WorkflowItem } from './workflow.ts';

/** What the authority publishes through the workflow. Each kind has its own public path and fields. */
export const articleKind = z.enum(['clarification', 'notice', 'enforcement']);
export type ArticleKind = z.infer<typeof articleKind>;

/** URL path prefix per kind: /clarifications/2026/ibuprofen-supply. */
export const kindPaths: Record<ArticleKind, string> = {
  clarification: '/clarifications',
  notice: '/notices',
  enforcement: '/enforcement',
};

export interface Permalink {
  year: number;
  slug: string;
}

export interface ArticleCorrection {
  id: number;
  correctedAt: string;
  note: string;
  /** The text before this correction, as it was then shown. */
  previous: { title: string; bodyMd: string; category: string | null; data: unknown };
}

/** The text a correction proposes: everything staff edit except what fixes the address (region, slug, date). */
export interface ProposedText {
  title: string;
  issuer: string;
  bodyMd: string;
  category: string | null;
  data: unknown;
  relatedDrugIds: string[];
}

/** A correction or withdrawal proposed for a published article, not yet public (see workflow.ts). */
export interface ArticleRevision extends PendingRevision {
  id: number;
  /** The public correction note, or the public reason for a withdrawal. */
  note: string;
  createdAt: string;
  /** The proposed text of a correction; null for a withdrawal. */
  proposed: ProposedText | null;
}

/**
 * One article of any kind, as the server reads it. `data` is the kind's own fields, still unvalidated JSON;
 * each kind parses it with its zod schema (clarifications: claim and sources).
 */
export interface Article extends WorkflowItem {
  id: number;
  kind: ArticleKind;
  /** The state as stored; see `effectiveState` for what the public sees now. */
  state: ArticleState;
  title: string;
  issuer: string;
  bodyMd: string;
  category: string | null;
  data: unknown;
  requestedSlug: string | null;
  permalink: Permalink | null;
  relatedDrugIds: string[];
  publishedAt: string | null;
  correctedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  reviewNote: string | null;
  reviewerId: number | null;
  createdAt: string;
  updatedAt: string;
  corrections: ArticleCorrection[];
  /** Staff only: public pages, feeds, the API and search read the published columns, never this. */
  pendingRevision: ArticleRevision | null;
}

/**
 * The regions an article for `code` also concerns upwards: a 珠山区 reader is served by what the city and the
 * province say too. Statistical codes nest by prefix (36 → 3602 → 360203 → 360203006).
 */
export function ancestorRegionCodes(code: string): string[] {
  return [2, 4, 6].filter((length) => length < code.length).map((length) => code.slice(0, length));
}

export function permalinkPath(kind: ArticleKind, permalink: Permalink): string {
  // A notice is addressed by region and quarter (/notices/3602/2026-q3), both carried by its slug.
  const noticePage = kind === 'notice' ? noticePathFromSlug(permalink.slug) : undefined;
  return noticePage ?? `${kindPaths[kind]}/${permalink.year}/${permalink.slug}`;
}

/** The fields an audit entry records for an article, so before/after shows what a person changed. */
export function articleAuditView(a: Pick<Article, 'state' | 'title' | 'issuer' | 'regionCode' | 'category' | 'bodyMd' | 'data' | 'relatedDrugIds' | 'publishAt' | 'permalink'>): Record<string, unknown> {
  return {
    state: a.state,
    title: a.title,
    issuer: a.issuer,
    regionCode: a.regionCode,
    category: a.category,
    bodyMd: a.bodyMd,
    data: a.data,
    relatedDrugIds: a.relatedDrugIds,
    publishAt: a.publishAt,
    permalink: a.permalink ? `${a.permalink.year}/${a.permalink.slug}` : null,
  };
}
