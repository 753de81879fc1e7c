/**
 * What changed for a watched drug since the citizen last looked: which facilities now have fresh 有货 that
 * did not before. Compared by facility, not by count, so one closing and another opening is still news.
 */
export interface WatchChange {
  count: number;
  added: number;
  removed: number;
  /** 新增 2 家有货 · 少了 1 家有货 · 没有变化 · (first look) empty */
  label: string;
}

export function watchChange(previous: readonly string[] | null, current: readonly string[]): WatchChange {
  if (previous === null) return { count: current.length, added: 0, removed: 0, label: '' };
  const before = new Set(previous);
  const now = new Set(current);
  const added = current.filter((id) => !before.has(id)).length;
  const removed = previous.filter((id) => !now.has(id)).length;
  const parts = [added > 0 && `新增 ${added} 家有货`, removed > 0 && `少了 ${removed} 家有货`].filter(Boolean);
  return { count: current.length, added, removed, label: parts.length > 0 ? parts.join('，') : '没有变化' };
}
