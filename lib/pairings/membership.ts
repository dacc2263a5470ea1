import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { pairings } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';

/**
 * Ownership of a pairing, as one WHERE condition: the actor is its mentee or its mentor, on the
 * side their role says. Every member-facing pairing query uses it, so an id from a form or an
 * address can never reach someone else's pairing. Anyone else matches nothing.
 */
export function pairingMember(actor: Pick<SessionUser, 'id' | 'role'>): SQL {
  if (actor.role === 'mentee') return eq(pairings.menteeId, actor.id);
  if (actor.role === 'mentor') return eq(pairings.mentorId, actor.id);
  return sql`false`;
}

/**
 * A pairing the year's machinery acts on: active and not paused. Reminders, check-ins and renewal
 * prompts select through this, so pausing a pairing (a concern, the coordinator) silences them all.
 */
export function livePairing(): SQL {
  return and(eq(pairings.state, 'active'), isNull(pairings.pausedAt))!;
}
