/**
 * Who stands behind a stock fact, in the citizen's words. `stock_reports.source` holds 'demo', a facility's own
 * report ('facility' or 'facility:<account>') or a health-commission file ('import:<file name>').
 */
export function reportSourceLabel(source: string): string {
  if (source === 'demo') return '演示数据';
  if (source === 'facility' || source.startsWith('facility:')) return '药店自报';
  if (source.startsWith('import:')) return '卫健部门导入';
  return '其他来源';
}
