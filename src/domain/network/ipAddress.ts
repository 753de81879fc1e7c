/**
 * IP addresses and CIDR ranges, parsed by hand so that the rules (what counts as one client, which proxies are
 * trusted) are plain data that tests can state. Used for lock-outs and rate limits, never for routing.
 */
export interface IpAddress {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

export interface CidrRange {
  address: IpAddress;
  prefixLength: number;
}

/** The 16-bit group starting at byte `at`. */
const word = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

/** Eight 16-bit groups from "a:b::c", with an optional dotted IPv4 tail ("::ffff:192.0.2.1"). */
function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        out.push(word(v4, 0), word(v4, 2));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        out.push(Number.parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  for (const [i, g] of groups.entries()) {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  }
  return bytes;
}

const v4MappedPrefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * An address as a socket or a proxy header gives it, or null. IPv4-mapped IPv6 ("::ffff:192.0.2.1", what a
 * dual-stack socket reports for an IPv4 client) is read as the IPv4 address, so both spellings are one client.
 * A zone ("fe80::1%eth0") and brackets ("[2001:db8::1]") are dropped.
 */
export function parseIp(text: string): IpAddress | null {
  const bare = text.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!bare.includes(':')) {
    const v4 = parseIpv4(bare);
    return v4 ? { version: 4, bytes: v4 } : null;
  }
  const v6 = parseIpv6(bare);
  if (!v6) return null;
  if (v4MappedPrefix.every((b, i) => v6[i] === b)) return { version: 4, bytes: v6.slice(12) };
  return { version: 6, bytes: v6 };
}

/** "192.0.2.0/24", "2001:db8::/32", or a single address (a /32 or /128). */
export function parseCidr(text: string): CidrRange | null {
  const [addressText, lengthText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return null;
  const address = parseIp(addressText ?? '');
  if (!address) return null;
  const max = address.version === 4 ? 32 : 128;
  if (lengthText === undefined) return { address, prefixLength: max };
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > max) return null;
  return { address, prefixLength: Number(lengthText) };
}

export function cidrContains(range: CidrRange, ip: IpAddress): boolean {
  if (range.address.version !== ip.version) return false;
  for (let bit = 0; bit < range.prefixLength; bit += 8) {
    const take = Math.min(8, range.prefixLength - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((range.address.bytes[bit / 8] ?? 0) & mask) !== ((ip.bytes[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(word(ip.bytes, i).toString(16));
  // Compress the longest run of zero groups (RFC 5952), so one address has one spelling.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

/**
 * The unit a limit counts as one client: an IPv4 address, or an IPv6 /64. An IPv6 host is handed a whole /64
 * and picks any address inside it at will, so counting per address would give it 2^64 fresh starts.
 */
export function clientSourceKey(ip: IpAddress): string {
  if (ip.version === 4) return formatIp(ip);
  const prefix = new Uint8Array(16);
  prefix.set(ip.bytes.slice(0, 8));
  return `${formatIp({ version: 6, bytes: prefix })}/64`;
}

/** The source key of an address as text; "unknown" when there is none or it cannot be read. */
export function clientSourceOf(text: string | null): string {
  const ip = text ? parseIp(text) : null;
  return ip ? clientSourceKey(ip) : 'unknown';
}
