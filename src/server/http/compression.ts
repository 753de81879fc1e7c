import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ContentCoding = 'br' | 'gzip';

/** Below this a compressed body saves less than the header costs. */
const minimumBytes = 1024;
const compressibleType = /^(text\/|application\/(json|javascript|xml|atom\+xml|rss\+xml|feed\+json|manifest\+json)|image\/svg\+xml)/i;

export function isCompressibleType(contentType: string | undefined): boolean {
  return !!contentType && compressibleType.test(contentType);
}

/** Picks brotli, then gzip, from an Accept-Encoding header, honouring `;q=0` refusals. */
export function chooseCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  for (const coding of ['br', 'gzip'] as const) {
    if ((accepted.get(coding) ?? wildcard) > 0) return coding;
  }
  return null;
}

/**
 * Compresses a whole body. Brotli at quality 5 and gzip at level 6: far faster than brotli's default 11,
 * which would cost tens of milliseconds of the single event loop per page under load.
 */
export function compressBody(body: Buffer, coding: ContentCoding): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

export function worthCompressing(contentType: string | undefined, alreadyEncoded: boolean, bytes: number): boolean {
  return !alreadyEncoded && bytes >= minimumBytes && isCompressibleType(contentType);
}
