import { z } from 'zod';
import { canLoadList, listKeyParam } from '../../domain/shortages/listMeta.ts';
import { hasAnyRole } from '../../domain/staff/roles.ts';
import { publicOrigin } from '../feeds/publicOrigin.ts';
import { apiError, searchParamsObject, validationError } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import type { Store } from '../store/openStore.ts';
import { type ListExport, loadListExport } from './listExport.ts';
import { type ListImportRecord, loadListImport } from './listImport.ts';

export const versionQuery = z.object({ version: z.coerce.number().int().min(1, 'version 应为正整数').max(100_000).optional() });

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

const importId = z.coerce.number().int().positive().max(2 ** 31);

/**
 * A staged import as a back-office page may show it: only to role `data` within the list's region (see
 * canLoadList). Outside it the answer is the same as for an id that does not exist, so ids cannot be probed
 * across regions, and the page never reaches a check that would throw.
 */
export async function listImportForStaff(store: Store, user: StaffUser, rawId: string | undefined): Promise<ListImportRecord | undefined> {
  const id = importId.safeParse(rawId);
  if (!id.success) return undefined;
  const found = await loadListImport(store, id.data);
  const allowed = found && hasAnyRole(user.account.roles, ['data']) && canLoadList(user.account.regionCode, found.meta);
  return allowed ? found : undefined;
}
