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
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ change: 'same', text: a[i]! });
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) {
      lines.push({ change: 'removed', text: a[i++]! });
    } else {
      lines.push({ change: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) lines.push({ change: 'removed', text: a[i++]! });
  while (j < b.length) lines.push({ change: 'added', text: b[j++]! });
  return lines;
}
