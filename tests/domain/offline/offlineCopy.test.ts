import { describe, expect, it } from 'vitest';
import { offlineCopyLabel, savedPageKind, savedPagesForDisplay } from '../../../src/domain/offline/offlineCopy.ts';

const now = new Date('2026-12-02T12:00:00Z');

describe('offline copies', () => {
  it('says how old a saved copy is', () => {
    expect(offlineCopyLabel('2026-12-02T09:00:00Z', now)).toBe('离线副本，保存于 3 小时前');
    expect(offlineCopyLabel('2026-11-30T12:00:00Z', now)).toBe('离线副本，保存于 2 天前');
    expect(offlineCopyLabel('2026-12-02T11:59:50Z', now)).toBe('离线副本，刚刚保存');
  });

  it('sorts saved pages newest first, one per path, with their kind and age', () => {
    const shown = savedPagesForDisplay(
      [
        { path: '/drugs/W078', title: '布洛芬', savedAt: '2026-12-02T08:00:00Z' },
        { path: '/facilities/F1', title: '社区卫生服务中心', savedAt: '2026-12-02T11:30:00Z' },
        { path: '/drugs/W078', title: '布洛芬', savedAt: '2026-12-02T10:00:00Z' },
      ],
      now,
    );
    expect(shown.map((p) => [p.path, p.kind, p.ageLabel])).toEqual([
      ['/facilities/F1', 'facility', '30 分钟前'],
      ['/drugs/W078', 'drug', '2 小时前'],
    ]);
  });

  it('names the kinds a citizen looks for', () => {
    expect(savedPageKind('/shortages')).toBe('list');
    expect(savedPageKind('/search?q=布洛芬')).toBe('list');
    expect(savedPageKind('/notices/1')).toBe('other');
  });
});
