import { describe, expect, test } from 'vitest';
import { lineDiff } from '../../../src/domain/publishing/lineDiff.ts';

describe('lineDiff', () => {
  test('marks a changed line as removed then added and keeps the lines around it', () => {
    expect(lineDiff('经核实：\n库存充足。\n请勿囤积。', '经核实：\n个别药店曾短暂缺货。\n请勿囤积。')).toEqual([
      { change: 'same', text: '经核实：' },
      { change: 'removed', text: '库存充足。' },
      { change: 'added', text: '个别药店曾短暂缺货。' },
      { change: 'same', text: '请勿囤积。' },
    ]);
  });

  test('returns only unchanged lines for identical texts', () => {
    expect(lineDiff('一\n二', '一\n二').every((l) => l.change === 'same')).toBe(true);
  });

  test('shows lines added at the end and removed from the start', () => {
    expect(lineDiff('旧标题\n正文', '正文\n补充说明').map((l) => l.change)).toEqual(['removed', 'same', 'added']);
  });
});
