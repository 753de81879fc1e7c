/**
 * News about a watched drug besides stock: a new version of a shortage list that names it, and a published
 * clarification (辟谣澄清) about it. Each becomes one alert item, told once.
 */
export type DrugNews =
  | { kind: 'shortage_list_version'; listKey: string; title: string; version: number; at: string }
  | { kind: 'clarification'; title: string; year: number; slug: string; at: string };

export interface NewsItem {
  kind: DrugNews['kind'];
  title: string;
  summary: string;
  urlPath: string;
}

export function newsItem(drugName: string, news: DrugNews): NewsItem {
  if (news.kind === 'shortage_list_version') {
    return {
      kind: news.kind,
      title: `${drugName}列入《${news.title}》第${news.version}版`,
      summary: `《${news.title}》发布了第${news.version}版，其中包括${drugName}。`,
      urlPath: `/shortages?list=${encodeURIComponent(news.listKey)}`,
    };
  }
  return { kind: news.kind, title: `关于${drugName}的辟谣澄清：${news.title}`, summary: `卫生健康部门发布了关于${drugName}的澄清：${news.title}`, urlPath: `/clarifications/${news.year}/${news.slug}` };
}

/** Only news after the last check, oldest first, so the feed tells it in order. */
export function untoldNews(news: readonly DrugNews[], checkedAt: string): DrugNews[] {
  return news.filter((n) => n.at > checkedAt).sort((a, b) => a.at.localeCompare(b.at));
}
