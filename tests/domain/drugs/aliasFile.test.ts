import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AliasFileError, parseAliasCsv } from '../../../src/domain/drugs/aliasFile.ts';

const header = 'drug_id,alias,kind,source,note';
const problemsOf = (text: string, known?: Set<string>): readonly string[] => {
  try {
    parseAliasCsv(text, known);
  } catch (e) {
    if (e instanceof AliasFileError) return e.problems;
    throw e;
  }
  return [];
};

describe('parseAliasCsv', () => {
  test('reads rows with their line numbers', () => {
    expect(parseAliasCsv(`${header}\nW078,芬必得,brand,curated,缓释胶囊\n\nW076,扑热息痛,former,curated,\n`)).toEqual([
      { drugId: 'W078', alias: { name: '芬必得', kind: 'brand', source: 'curated' }, note: '缓释胶囊', line: 2 },
      { drugId: 'W076', alias: { name: '扑热息痛', kind: 'former', source: 'curated' }, note: null, line: 4 },
    ]);
  });

  test('names the line and the field in Chinese and English', () => {
    const problems = problemsOf(`${header}\nw78,美林,brand,x,\nW078,,trade,,\nW078,芬必得,,s,\n`);
    expect(problems).toEqual([
      '第 2 行 drug_id：不是目录编号（如 W078、T001）/ not a catalogue id such as W078',
      '第 3 行 alias：不能为空 / must not be empty',
      '第 3 行 kind：「trade」不是 brand、common、english、former 之一 / must be one of brand, common, english, former',
      '第 3 行 source：不能为空，请写明出处 / must say where the name comes from',
      '第 4 行 kind：不能为空 / must not be empty',
    ]);
  });

  test('reports ids not in the catalogue, duplicates and short rows', () => {
    const problems = problemsOf(`${header}\nW078,美林,brand,x,\nW999,X,common,y,\nW078,美林,brand,x,\nW078,a,b\n`, new Set(['W078']));
    expect(problems).toEqual([
      '第 3 行 drug_id：目录中没有「W999」/ no variety W999 in the catalogue',
      '第 4 行 alias：「美林」与第 2 行重复 / duplicates line 2',
      '第 5 行：应有 5 列，实有 3 列 / expected 5 columns, found 3',
    ]);
  });

  test('rejects a file with the wrong header', () => {
    expect(problemsOf('id,alias\n')).toEqual(['第 1 行：表头应为 drug_id,alias,kind,source,note / header must be drug_id,alias,kind,source,note']);
  });

  test('accepts data/drug-aliases.csv, whose sources are all filled in', () => {
    const rows = parseAliasCsv(readFileSync(join(import.meta.dirname, '../../../data/drug-aliases.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBeLessThanOrEqual(400);
    expect(rows.find((r) => r.alias.name === '芬必得')?.drugId).toBe('W078');
  });
});
