/**
 * Which address a request came from, for the per-network sign-in limit.
 *
 * Anyone can send `X-Forwarded-For`, so it means nothing unless the connection itself comes from a
 * proxy we were told to trust (TRUSTED_PROXIES). By default nothing is trusted and the limit counts
 * the TCP peer — the address Node saw on the socket, stamped onto the request by
 * `stampPeerAddress()` (installed from instrumentation.ts) under a header name that a client's own
 * copy cannot survive.
 */
export const PEER_HEADER = 'x-mentor-match-peer';

/** `::ffff:10.0.0.1` → `10.0.0.1`; lower-case; no brackets or zone. */
export function normalise(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'));
  a = a.replace(/%.*$/, '');
  if (a.startsWith('::ffff:') && a.includes('.')) a = a.slice(7);
  return a;
}

type Matcher = (address: string) => boolean;

/**
 * TRUSTED_PROXIES entries: an exact address (`10.0.0.5`, `::1`), an IPv4 range (`10.0.0.0/8`), or
 * `loopback` (127.0.0.0/8 and ::1).
 */
export function parseTrustedProxies(entries: string[]): Matcher {
  const matchers: Matcher[] = entries.map((entry) => {
    const e = entry.trim().toLowerCase();
    if (e === 'loopback') return isLoopbackAddress;
    const [base, bits] = e.split('/');
    if (bits !== undefined) {
      const start = ipv4ToInt(base);
      const n = Number(bits);
      if (start === null || !Number.isInteger(n) || n < 0 || n > 32) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IPv4 range`);
      const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
      return (a) => {
        const v = ipv4ToInt(a);
        return v !== null && (v & mask) >>> 0 === (start & mask) >>> 0;
      };
    }
    const exact = normalise(e);
    return (a) => a === exact;
  });
  return (address) => matchers.some((m) => m(normalise(address)));
}

export function isLoopbackAddress(address: string): boolean {
  const a = normalise(address);
  if (a === '::1') return true;
  const v = ipv4ToInt(a);
  return v !== null && v >>> 24 === 127;
}

/** `localhost`, 127.0.0.0/8 or ::1 as the host of a URL. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
  } catch {
    return false;
  }
}

function ipv4ToInt(a: string): number | null {
  const parts = a.split('.');
  if (parts.length !== 4) return null;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    v = v * 256 + Number(p);
  }
  return v >>> 0;
}

/**
 * The client address: start at the socket peer and walk X-Forwarded-For from the right while each
 * hop is a trusted proxy; the first untrusted hop is the client. With nothing trusted this is just
 * the peer, whatever the headers say.
 */
export function clientAddress(h: Headers, trusted: Matcher): string {
  let current = normalise(h.get(PEER_HEADER) ?? '') || 'unknown';
  const hops = (h.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => normalise(s))
    .filter(Boolean);
  while (trusted(current) && hops.length) current = hops.pop()!;
  return current.slice(0, 64);
}
