import { formatShanghaiTime } from '../time/shanghaiTime.ts';

/**
 * The line a journalist pastes under a quote, in the usual Chinese citation order:
 * 《标题》，发布机构，2026年3月5日，https://…
 * The date is the publication day in China, whatever the server's time zone.
 */
export interface CitationInput {
  title: string;
  issuer: string;
  /** ISO 8601. */
  publishedAt: string;
  url: string;
}

const dateParts = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' });

/** 2026年3月5日: no leading zeros, as dates are written in official documents. */
export function chineseDate(iso: string): string {
  const parts = Object.fromEntries(dateParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** 2026年3月5日 14:30, as a page shows when something was published, corrected or withdrawn. */
export function chineseDateTime(iso: string): string {
  return `${chineseDate(iso)} ${formatShanghaiTime(iso).slice(11)}`;
}

export function citationLine(input: CitationInput): string {
  // A title that already carries book-title marks would otherwise read 《《…》》.
  const title = input.title.replace(/^《(.*)》$/u, '$1');
  return `《${title}》，${input.issuer}，${chineseDate(input.publishedAt)}，${input.url}`;
}
