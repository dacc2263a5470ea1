import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db/client';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { menteeProfiles, mentorProfiles, pairings, users } from '@/db/schema';
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

/** The partner's name as a member is told it: the name they go by, else their full name. Needs `withPartner`. */
export const partnerName = sql<string>`coalesce(nullif(trim(coalesce(${menteeProfiles.preferredName}, ${mentorProfiles.preferredName})), ''), ${users.name}, 'your partner')`;

/**
 * Joins the other member of each of the actor's pairings (their user row and profile) onto a
 * dynamic select from `pairings`, so `partnerName` can be selected. Pair it with `pairingMember`.
 */
export function withPartner<T extends PgSelect>(query: T, actor: Pick<SessionUser, 'role'>) {
  const partnerId = actor.role === 'mentee' ? pairings.mentorId : pairings.menteeId;
  return query
    .innerJoin(users, eq(users.id, partnerId))
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, partnerId))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, partnerId));
}

export type Member = { id: string; email: string; name: string | null; goesBy: string | null };

const memberMentee = alias(users, 'member_mentee');
const memberMentor = alias(users, 'member_mentor');

/** Both members of one pairing, with the names they go by: whom a pairing's emails are addressed to. */
export async function pairingMembers(db: Db | Tx, pairingId: number): Promise<{ mentee: Member; mentor: Member } | null> {
  const [r] = await db
    .select({
      menteeId: memberMentee.id,
      menteeEmail: memberMentee.email,
      menteeName: memberMentee.name,
      menteeGoesBy: menteeProfiles.preferredName,
      mentorId: memberMentor.id,
      mentorEmail: memberMentor.email,
      mentorName: memberMentor.name,
      mentorGoesBy: mentorProfiles.preferredName,
    })
    .from(pairings)
    .innerJoin(memberMentee, eq(memberMentee.id, pairings.menteeId))
    .innerJoin(memberMentor, eq(memberMentor.id, pairings.mentorId))
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, pairings.mentorId))
    .where(eq(pairings.id, pairingId));
  if (!r) return null;
  return {
    mentee: { id: r.menteeId, email: r.menteeEmail, name: r.menteeName, goesBy: r.menteeGoesBy },
    mentor: { id: r.mentorId, email: r.mentorEmail, name: r.mentorName, goesBy: r.mentorGoesBy },
  };
}
