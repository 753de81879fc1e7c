/**
 * What a reviewer reads before approving a correction: the proposed text against the published one, line by
 * line. Longest common subsequence over lines; articles are a few hundred lines at most, so the quadratic
 * table stays small, and beyond `maxCells` the whole text is shown as replaced rather than risk a slow page.
 */
export interface DiffLine {
  change: 'same' | 'removed' | 'added';
  text: string;
}

const maxCells = 4_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > maxCells) {
    return [...a.map((text) => ({ change: 'removed' as const, text })), ...b.map((text) => ({ change: 'added' as const, text }))];
  }
  // at(i, j): length of the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => common[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && left === right) {
      lines.push({ change: 'same', text: left });
      i++;
      j++;
    } else if (left !== undefined && (right === undefined || at(i + 1, j) >= at(i, j + 1))) {
      lines.push({ change: 'removed', text: left });
      i++;
    } else {
      lines.push({ change: 'added', text: right ?? '' });
      j++;
    }
  }
  return lines;
}
