import { z } from 'zod';
import { listKeyParam } from '../../domain/shortages/listMeta.ts';
import { publicOrigin } from '../feeds/publicOrigin.ts';
import { apiError, searchParamsObject, validationError } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { type ListExport, loadListExport } from './listExport.ts';

const versionQuery = z.object({ version: z.coerce.number().int().min(1, 'version 应为正整数').max(100_000).optional() });

/**
 * Shared by the CSV and JSON downloads and the API: the list version a request names, or the error response to
 * send instead. Links in the files use the configured public origin, so a file saved behind a proxy still works.
 */
export async function requestedListExport(params: Record<string, string | undefined>, url: URL): Promise<ListExport | Response> {
  const key = listKeyParam.safeParse(params.listKey);
  if (!key.success) return apiError(400, 'invalid_parameter', 'listKey: 清单标识格式不正确 / malformed list key', 'listKey');
  const query = versionQuery.safeParse(searchParamsObject(url.searchParams));
  if (!query.success) return validationError(query.error);
  const origin = publicOrigin(url);
  const found = await loadListExport((await portal()).store, key.data, query.data.version, origin);
  return found ?? apiError(404, 'not_found', '没有这个清单或版本 / no such list or version', query.data.version ? 'version' : 'listKey');
}
