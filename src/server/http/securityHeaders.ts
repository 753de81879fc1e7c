/**
 * Headers every response carries. Script and style sources are governed by Astro's own CSP (it hashes the
 * island loader it inlines); these cover what a meta-tag policy cannot, such as framing.
 */
export function securityHeaders(isHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
    'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  };
  if (isHttps) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
