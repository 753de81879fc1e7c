import type { Portal } from '../portal.ts';
import { drugNames } from '../store/drugStore.ts';
import { regionNames } from '../store/regionStore.ts';
import type { InputProblem } from './articleInputError.ts';

/**
 * What every kind checks against the store before the workflow is asked: the region it is issued for and
 * the drugs it names must exist. Problems carry the content's field names (regionCode, relatedDrugs).
 */
export async function articleReferenceProblems(portal: Portal, regionCode: string, drugIds: readonly string[]): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  const [regions, drugs] = await Promise.all([regionNames(portal.store, [regionCode]), drugNames(portal.store, [...drugIds])]);
  if (!regions.has(regionCode)) problems.push({ field: 'regionCode', message: '没有这个地区' });
  const missing = drugIds.filter((id) => !drugs.has(id));
  if (missing.length > 0) problems.push({ field: 'relatedDrugs', message: `没有这些药品编号：${missing.join('、')}` });
  return problems;
}
