/**
 * Imports reference prices (集采中选价, 挂网价) from CSV, JSON or JSON Lines:
 * `npm run import:prices -- FILE [--skip-bad] [--dry-run]`. Exit code 1 when nothing was imported because of bad
 * rows (or any failure), 0 otherwise; the same file twice is reported as already loaded. See docs/prices.md.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { formatImportProblems, isError } from '../src/domain/imports/importProblem.ts';
import { config } from '../src/server/config.ts';
import { importReferencePrices } from '../src/server/prices/referenceImport.ts';
import { openStore } from '../src/server/store/openStore.ts';
import { importCommand } from './support/importCommand.ts';

const usage = 'Usage: npm run import:prices -- FILE [--skip-bad] [--dry-run]';
const { file, skipBad, dryRun } = importCommand(usage);

const store = await openStore(config());
try {
  const result = await importReferencePrices(store, {
    fileName: file,
    text: readFileSync(file, 'utf8'),
    importedBy: `cli:${userInfo().username}`,
    skipBad: skipBad,
    dryRun: dryRun,
  });
  for (const line of formatImportProblems(result.problems, result.unit)) console.error(line);
  const errors = result.problems.filter(isError).length;
  if (result.rejected) {
    const hint = errors > 0 && !skipBad ? '；改正后重新导入，或加 --skip-bad 只导入正确的行' : '';
    console.log(`未导入任何数据：读取 ${result.rowsRead} 行，${result.skipped} 行有错误${hint}。 (nothing imported)`);
    process.exitCode = 1;
  } else if (result.alreadyVersion !== null) {
    console.log(`此文件已导入（第 ${result.alreadyVersion} 版），未重复写入。 (already imported as version ${result.alreadyVersion})`);
  } else {
    const verb = result.dryRun ? '试运行（未写入）' : `完成，第 ${result.version} 版`;
    console.log(`${verb}：读取 ${result.rowsRead} 行，导入 ${result.imported}，跳过 ${result.skipped}`
      + ` (rows read ${result.rowsRead}, ${result.dryRun ? 'would import' : 'imported'} ${result.imported}, skipped ${result.skipped})`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.destroy();
}
