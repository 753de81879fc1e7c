import type { APIContext } from 'astro';
import { type CidrRange, cidrContains, clientSourceKey, clientSourceOf, formatIp, type IpAddress, parseIp } from '../../domain/network/ipAddress.ts';
import { config } from '../config.ts';

/**
 * Where a request came from, in one place for every limit and log (staff lock-out, report rate limits).
 * The socket's address is the truth; X-Forwarded-For is anyone's to write, so it is read only when the socket
 * belongs to a configured trusted proxy, and then from the right: each trusted hop appends the address it saw,
 * so the first address from the right that is not a trusted proxy is the client. Astro's own reading of the
 * header (the leftmost value, when `security.allowedDomains` is set) is not used: the client writes that one.
 */
export interface ClientAddress {
  /** Normalised address for logs ("192.0.2.1", "2001:db8::1"), or null when unknown. */
  ip: string | null;
  /** What limits count as one client: the IPv4 address or the IPv6 /64; "unknown" when there is no address. */
  source: string;
}

function described(ip: IpAddress | null): ClientAddress {
  return ip ? { ip: formatIp(ip), source: clientSourceKey(ip) } : { ip: null, source: clientSourceOf(null) };
}

const trusted = (ip: IpAddress, proxies: readonly CidrRange[]) => proxies.some((range) => cidrContains(range, ip));

/** The client behind a socket address and an X-Forwarded-For header, given the trusted proxies. */
export function resolveClientAddress(socketAddress: string | null, forwardedFor: string | null, proxies: readonly CidrRange[]): ClientAddress {
  const socket = socketAddress ? parseIp(socketAddress) : null;
  if (!socket || !forwardedFor || !trusted(socket, proxies)) return described(socket);
  const hops = forwardedFor.split(',').map((hop) => parseIp(hop));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    // A hop we cannot read was written by someone we do not trust: stop at the last address we could.
    if (!hop) return described(hops[i + 1] ?? socket);
    if (!trusted(hop, proxies)) return described(hop);
  }
  // Every hop is a trusted proxy (a health check from inside): the leftmost is as far back as we can see.
  return described(hops[0] ?? socket);
}

/** The client of an Astro request, with the configured TRUSTED_PROXIES. */
export function clientAddressOf(context: Pick<APIContext, 'clientAddress' | 'request'>, proxies = config().TRUSTED_PROXIES): ClientAddress {
  let socketAddress: string | null = null;
  try {
    socketAddress = context.clientAddress;
  } catch {
    // Astro throws when the adapter cannot tell the address (e.g. prerendering); limits then count "unknown".
  }
  return resolveClientAddress(socketAddress, context.request.headers.get('x-forwarded-for'), proxies);
}
