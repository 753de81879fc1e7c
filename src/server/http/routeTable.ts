/**
 * Every route under src/pages as a pattern, with the methods an endpoint exports. The outer handler uses it to
 * answer unknown API paths (404) and wrong methods (405 with Allow) without Astro, and logs and metrics label
 * requests with these patterns instead of raw paths. tests/server/http/routeTable.test.ts reads the route files
 * and fails when this table and their exports disagree, so it cannot drift.
 */
export interface RouteEntry {
  pattern: string;
  /** Methods an endpoint exports; pages (.astro) have none listed and are not method-checked. */
  methods?: readonly string[];
}

export const apiRoutes: readonly RouteEntry[] = [
  { pattern: '/api/clarifications', methods: ['GET'] },
  { pattern: '/api/clarifications/[id]', methods: ['GET'] },
  { pattern: '/api/drugs/[id]', methods: ['GET'] },
  { pattern: '/api/drugs/[id]/availability', methods: ['GET'] },
  { pattern: '/api/facilities/[id]', methods: ['GET'] },
  { pattern: '/api/notices', methods: ['GET'] },
  { pattern: '/api/notices/[id]', methods: ['GET'] },
  { pattern: '/api/regions', methods: ['GET'] },
  { pattern: '/api/reports', methods: ['POST'] },
  { pattern: '/api/reports/[trackingNumber]', methods: ['GET'] },
  { pattern: '/api/reports/challenge', methods: ['GET'] },
  { pattern: '/api/search', methods: ['GET'] },
  { pattern: '/api/shortage-lists', methods: ['GET'] },
  { pattern: '/api/shortage-lists/[listKey]', methods: ['GET'] },
];

export const otherRoutes: readonly RouteEntry[] = [
  { pattern: '/' },
  { pattern: '/404' },
  { pattern: '/500' },
  { pattern: '/clarifications' },
  { pattern: '/clarifications/[year]/[slug]' },
  { pattern: '/data-notes' },
  { pattern: '/drugs/[id]' },
  { pattern: '/facilities/[id]' },
  { pattern: '/feeds/[region]/clarifications.atom.xml', methods: ['GET'] },
  { pattern: '/feeds/[region]/clarifications.json', methods: ['GET'] },
  { pattern: '/feeds/[region]/clarifications.rss.xml', methods: ['GET'] },
  { pattern: '/feeds/[region]/notices.atom.xml', methods: ['GET'] },
  { pattern: '/feeds/[region]/notices.json', methods: ['GET'] },
  { pattern: '/feeds/[region]/notices.rss.xml', methods: ['GET'] },
  { pattern: '/feeds/clarifications.atom.xml', methods: ['GET'] },
  { pattern: '/feeds/clarifications.json', methods: ['GET'] },
  { pattern: '/feeds/clarifications.rss.xml', methods: ['GET'] },
  { pattern: '/feeds/notices.atom.xml', methods: ['GET'] },
  { pattern: '/feeds/notices.json', methods: ['GET'] },
  { pattern: '/feeds/notices.rss.xml', methods: ['GET'] },
  { pattern: '/healthz', methods: ['GET'] },
  { pattern: '/notices' },
  { pattern: '/notices/[region]/[quarter]' },
  { pattern: '/notices/[region]/[quarter]/attachments/[sha].pdf', methods: ['GET'] },
  { pattern: '/offline' },
  { pattern: '/preferences', methods: ['POST'] },
  { pattern: '/readyz', methods: ['GET'] },
  { pattern: '/report' },
  { pattern: '/report/status' },
  { pattern: '/search' },
  { pattern: '/shortages' },
  { pattern: '/shortages/[listKey].csv', methods: ['GET'] },
  { pattern: '/shortages/[listKey].json', methods: ['GET'] },
  { pattern: '/shortages/[listKey]/history' },
  { pattern: '/staff' },
  { pattern: '/staff/accounts' },
  { pattern: '/staff/accounts/[id]' },
  { pattern: '/staff/accounts/new' },
  { pattern: '/staff/audit' },
  { pattern: '/staff/audit.csv', methods: ['GET'] },
  { pattern: '/staff/clarifications' },
  { pattern: '/staff/clarifications/[id]' },
  { pattern: '/staff/clarifications/[id]/correct' },
  { pattern: '/staff/clarifications/[id]/edit' },
  { pattern: '/staff/clarifications/new' },
  { pattern: '/staff/login' },
  { pattern: '/staff/logout' , methods: ['POST'] },
  { pattern: '/staff/logout-everywhere', methods: ['POST'] },
  { pattern: '/staff/notices' },
  { pattern: '/staff/notices/[id]' },
  { pattern: '/staff/notices/[id]/attachments' },
  { pattern: '/staff/notices/[id]/edit' },
  { pattern: '/staff/notices/new' },
  { pattern: '/staff/security' },
  { pattern: '/staff/shortages' },
  { pattern: '/staff/shortages/imports/[id]' },
];
