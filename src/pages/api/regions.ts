import type { APIRoute } from 'astro';
import { buildRegionTree, type Region, type RegionTree } from '../../domain/regions/regionTree.ts';
import { standardRegionCode } from '../../domain/regions/standardCode.ts';
import type { RegionNodeJson } from '../../server/openapi/schemas/regionSchemas.ts';
import { json } from '../../server/http/apiResponse.ts';
import { portal } from '../../server/portal.ts';
import { loadRegions } from '../../server/store/regionStore.ts';

/** The shape the OpenAPI document names (RegionNode); the contract test holds the answer to it. */
type RegionNode = RegionNodeJson;

function toNode(tree: RegionTree, r: Region): RegionNode {
  return { code: standardRegionCode(r.code), name: r.name, level: r.level, children: tree.children(r.code).map((c) => toNode(tree, c)) };
}

/** The administrative tree (province → city → county → township) the portal covers. */
export const GET: APIRoute = async () => {
  const tree = buildRegionTree(await loadRegions((await portal()).store));
  return json({ regions: tree.roots.map((r) => toNode(tree, r)) }, { maxAge: 3600 });
};
