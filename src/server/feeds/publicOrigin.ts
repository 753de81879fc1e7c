import { config, type PortalConfig } from '../config.ts';

/**
 * The scheme and host for links that leave the site (feeds, JSON-LD, citation lines, Open Graph, API urls). Never
 * the request's Host as such: it is whatever a client sends, and these answers are cached publicly. In order:
 * PUBLIC_ORIGIN; the request's host when ALLOWED_HOSTS lists it (else the first allowed host); on loopback
 * (config refuses a public HOST without one of the two) http://HOST:PORT.
 */
export function publicOriginFor(cfg: Pick<PortalConfig, 'PUBLIC_ORIGIN' | 'ALLOWED_HOSTS' | 'HOST' | 'PORT'>, requestUrl: URL): string {
  if (cfg.PUBLIC_ORIGIN) return new URL(cfg.PUBLIC_ORIGIN).origin;
  const [firstAllowed] = cfg.ALLOWED_HOSTS ?? [];
  if (firstAllowed) {
    const host = cfg.ALLOWED_HOSTS?.includes(requestUrl.host.toLowerCase()) ? requestUrl.host : firstAllowed;
    // Behind the TLS-terminating proxy the request arrives as http; the public address is https.
    return new URL(`https://${host}`).origin;
  }
  const host = cfg.HOST.includes(':') ? `[${cfg.HOST}]` : cfg.HOST;
  return `http://${host}:${cfg.PORT}`;
}

export function publicOrigin(requestUrl: URL): string {
  return publicOriginFor(config(), requestUrl);
}

export function absoluteUrl(requestUrl: URL, path: string): string {
  return new URL(path, publicOrigin(requestUrl)).toString();
}
