import { config } from '../config.ts';

/**
 * The scheme and host for links that leave the site (feeds, JSON-LD, citation lines, Open Graph). The
 * configured public origin wins over the request's, which behind a proxy may be http://127.0.0.1:4321.
 */
export function publicOrigin(requestUrl: URL): string {
  const configured = config().PUBLIC_ORIGIN;
  return configured ? new URL(configured).origin : requestUrl.origin;
}

export function absoluteUrl(requestUrl: URL, path: string): string {
  return new URL(path, publicOrigin(requestUrl)).toString();
}
