import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { apiRoutes, otherRoutes } from '../../../src/server/http/routeTable.ts';
import { matchApiRoute, routeLabel } from '../../../src/server/http/routeMatch.ts';

const pagesDir = join(process.cwd(), 'src', 'pages');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('_')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /\.(astro|ts)$/.test(entry.name) ? [path] : [];
  });
}

/** What Astro makes of a file name: src/pages/api/notices/index.ts → /api/notices. */
function patternOf(file: string): string {
  const path = `/${relative(pagesDir, file).replace(/\.(astro|ts)$/, '')}`;
  const withoutIndex = path.replace(/\/index$/, '');
  return withoutIndex === '' ? '/' : withoutIndex;
}

function exportedMethods(file: string): string[] | undefined {
  if (!file.endsWith('.ts')) return undefined;
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|ALL)\b/g)].map((m) => m[1] as string).sort();
}

describe('routeTable', () => {
  const files = routeFiles(pagesDir);
  const table = new Map([...apiRoutes, ...otherRoutes].map((r) => [r.pattern, r.methods ? [...r.methods].sort() : undefined]));

  test('lists every route file under src/pages with the methods it exports', () => {
    const fromFiles = new Map(files.map((f) => [patternOf(f), exportedMethods(f)]));
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(fromFiles));
  });

  test('keeps API routes in the API list, so unknown API paths are 404 and wrong methods 405', () => {
    for (const route of apiRoutes) expect(route.pattern.startsWith('/api/')).toBe(true);
    for (const route of otherRoutes) expect(route.pattern.startsWith('/api/')).toBe(false);
  });
});

describe('routeLabel', () => {
  test('labels a path with its route pattern, static assets as static and anything else as unmatched', () => {
    expect(routeLabel('/drugs/W078')).toBe('/drugs/[id]');
    expect(routeLabel('/staff/accounts/new')).toBe('/staff/accounts/new');
    expect(routeLabel('/staff/accounts/12')).toBe('/staff/accounts/[id]');
    expect(routeLabel('/shortages/national-2026.csv')).toBe('/shortages/[listKey].csv');
    expect(routeLabel('/_astro/index.abc123.js')).toBe('static');
    expect(routeLabel('/wp-login.php')).toBe('static');
    expect(routeLabel('/no/such/page')).toBe('unmatched');
  });

  test('matches API routes with or without a trailing slash', () => {
    expect(matchApiRoute('/api/drugs/W078/availability/')?.pattern).toBe('/api/drugs/[id]/availability');
    expect(matchApiRoute('/api/notices')?.pattern).toBe('/api/notices');
    expect(matchApiRoute('/api/nothing')).toBeUndefined();
  });
});
