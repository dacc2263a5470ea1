import 'server-only';
import { getEnv } from '@/lib/env';
import { signWeMet, verifyWeMet } from './we-met-link';

/** The path of a member's meeting form for one pairing. */
export function meetingsPath(role: 'mentee' | 'mentor', pairingId: number): string {
  return role === 'mentee' ? '/mentee/meetings' : `/mentor/mentees/${pairingId}/meetings`;
}

/** The reminder's "We met" link (a path; the email prefixes AUTH_URL): the member's form with a signed token. */
export function weMetPath(role: 'mentee' | 'mentor', pairingId: number, userId: string): string {
  return `${meetingsPath(role, pairingId)}?we-met=${encodeURIComponent(signWeMet({ pairingId, userId }, getEnv().AUTH_SECRET))}`;
}

/**
 * Whether a "We met" token opens the form for this person and this pairing: signed by us, made for
 * the signed-in person, naming the pairing the page shows (which the page reached through
 * pairingMember). Anything else is refused and the form is not prefilled.
 */
export function weMetMatches(token: string, userId: string, pairingId: number): boolean {
  const claim = verifyWeMet(token, userId, getEnv().AUTH_SECRET);
  return !!claim && claim.pairingId === pairingId;
}
