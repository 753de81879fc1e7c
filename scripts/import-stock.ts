/**
 * Imports a stock file (CSV, JSON or JSON Lines): `npm run import:stock -- FILE [--skip-bad] [--dry-run]`.
 * Exit code 1 when nothing was imported because of bad rows (or any failure), 0 otherwise. See docs/importing.md.
 */
import { readFileSync } from 'node:fs';
import { formatImportProblems, isError } from '../src/domain/imports/importProblem.ts';
import { config } from '../src/server/config.ts';
import { type ImportProgress, importStock } from '../src/server/imports/stockImport.ts';
import { openPortal } from '../src/server/portal.ts';
import { importCommand } from './support/importCommand.ts';

const usage = 'Usage: npm run import:stock -- FILE [--skip-bad] [--dry-run]';
const { file, skipBad, dryRun } = importCommand(usage);

/** Excel's plain "CSV" (not "CSV UTF-8") on a Chinese Windows saves GB18030; read that rather than print mojibake. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    console.error('注意：文件不是 UTF-8 编码，按 GB18030（Excel 默认的中文 CSV 编码）读取。');
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const phaseNames: Record<ImportProgress['phase'], string> = { parse: '检查', compare: '比对', save: '保存', index: '更新索引' };
/** Short files finish before anyone looks; only long ones get progress lines. */
function showProgress({ phase, done, total }: ImportProgress): void {
  if (total >= 5000) console.error(`${phaseNames[phase]} ${done}/${total}`);
}

const text = decode(readFileSync(file));
const portal = await openPortal(config());
try {
  const result = await importStock(portal, {
    fileName: file,
    text,
    skipBad: skipBad,
    dryRun: dryRun,
    onProgress: showProgress,
  });
  for (const line of formatImportProblems(result.problems, result.unit)) console.error(line);
  const errors = result.problems.filter(isError).length;
  if (result.rejected) {
    const hint = errors > 0 && !skipBad ? '；改正后重新导入，或加 --skip-bad 只导入正确的行' : '';
    console.log(`未导入任何数据：读取 ${result.rowsRead} 行，${result.skipped} 行有错误${hint}。`
      + ` (nothing imported: rows read ${result.rowsRead}, rows with errors ${result.skipped})`);
    process.exitCode = 1;
  } else {
    const verb = result.dryRun ? '试运行（未写入）' : '完成';
    console.log(`${verb}：读取 ${result.rowsRead} 行，导入 ${result.imported}，跳过 ${result.skipped}，未变 ${result.unchanged}`
      + ` (rows read ${result.rowsRead}, ${result.dryRun ? 'would import' : 'imported'} ${result.imported},`
      + ` skipped ${result.skipped}, unchanged ${result.unchanged})`);
    if (result.indexError) {
      console.error(`警告：数据已保存，但搜索索引未更新（${result.indexError}）；请运行 npm run reindex。`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await portal.close();
}
