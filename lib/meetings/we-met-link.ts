/**
 * The reminder email's one-click "We met" link: it opens the member's meeting form prefilled (their
 * pairing, today's date) after sign-in. It logs nothing by itself. The token names the pairing and
 * the person it was sent to and is signed with HMAC-SHA256 under a key derived from AUTH_SECRET
 * (HKDF, like the outbox seal in lib/auth/link-seal.ts, with its own label), so a changed pairing
 * id, a changed person or a token made elsewhere does not verify; the page then also checks that
 * the signed-in person is the one named and still a member of the pairing (pairingMember).
 * Pure: the secret comes in as an argument.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const VERSION = 'w1';

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'mentor-match', 'we-met-link', 32));
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', key(secret)).update(payload).digest('base64url');
}

export type WeMetClaim = { pairingId: number; userId: string };

/** `w1.<pairingId>.<userId as base64url>.<mac>` */
export function signWeMet(claim: WeMetClaim, secret: string): string {
  const payload = `${VERSION}.${claim.pairingId}.${Buffer.from(claim.userId, 'utf8').toString('base64url')}`;
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * The claim, when the token is ours and was made for `userId`; null when it was tampered with,
 * signed with another secret, malformed, or made for someone else.
 */
export function verifyWeMet(token: string, userId: string, secret: string): WeMetClaim | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || !/^[1-9]\d{0,9}$/.test(parts[1])) return null;
  const payload = parts.slice(0, 3).join('.');
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const claimedUser = Buffer.from(parts[2], 'base64url').toString('utf8');
  if (claimedUser !== userId) return null;
  return { pairingId: Number(parts[1]), userId: claimedUser };
}
