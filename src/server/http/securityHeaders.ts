/**
 * Headers every response carries. Script and style sources are governed by Astro's own CSP (it hashes the
 * island loader it inlines); the directives here cover what it leaves out, such as framing.
 */
export function securityHeaders(isHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  };
  if (isHttps) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Adds our directives to a policy Astro already set, without repeating a directive it has. */
export function mergeContentSecurityPolicy(existing: string, ours: string): string {
  const directives = existing
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const names = new Set(directives.map((d) => d.split(/\s+/)[0]));
  for (const directive of ours.split(';').map((d) => d.trim())) {
    if (directive && !names.has(directive.split(/\s+/)[0])) directives.push(directive);
  }
  return directives.join('; ');
}

/** Sets our headers on a response, merging into Astro's CSP (which carries its script hashes) rather than replacing it. */
export function applySecurityHeaders(headers: Headers, isHttps: boolean): void {
  for (const [name, value] of Object.entries(securityHeaders(isHttps))) {
    const existing = headers.get(name);
    if (name === 'content-security-policy' && existing) {
      headers.set(name, mergeContentSecurityPolicy(existing, value));
    } else if (!existing) {
      headers.set(name, value);
    }
  }
}
