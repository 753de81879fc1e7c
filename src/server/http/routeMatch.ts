import { apiRoutes, otherRoutes, type RouteEntry } from './routeTable.ts';

interface CompiledRoute extends RouteEntry {
  regex: RegExp;
  /** Static routes beat dynamic ones, as in Astro (/staff/accounts/new before /staff/accounts/[id]). */
  dynamicSegments: number;
}

function compile(entry: RouteEntry): CompiledRoute {
  const source = entry.pattern
    .split(/(\[[^\]]+\])/)
    .map((part) => (part.startsWith('[') ? '[^/]+?' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
    .join('');
  const body = entry.pattern === '/' ? '' : source;
  return { ...entry, regex: new RegExp(`^${body}/?$`), dynamicSegments: (entry.pattern.match(/\[/g) ?? []).length };
}

const byPrecedence = (a: CompiledRoute, b: CompiledRoute) => a.dynamicSegments - b.dynamicSegments;
const compiledApi = apiRoutes.map(compile).sort(byPrecedence);
const compiledOther = otherRoutes.map(compile).sort(byPrecedence);

export function matchApiRoute(pathname: string): RouteEntry | undefined {
  return compiledApi.find((route) => route.regex.test(pathname));
}

/**
 * The label logs and metrics use for a path: its route pattern, `static` for build assets and public files,
 * or `unmatched`. Never the raw path, which may carry identifiers a citizen typed and grows without bound.
 */
export function routeLabel(pathname: string): string {
  const route = matchApiRoute(pathname) ?? compiledOther.find((r) => r.regex.test(pathname));
  if (route) return route.pattern;
  if (pathname.startsWith('/_astro/') || /\.[a-z0-9]{2,5}$/i.test(pathname)) return 'static';
  return 'unmatched';
}
