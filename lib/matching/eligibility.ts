import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { attestations, mentorProfiles, pairings, users, valuesStatements } from '@/db/schema';
import { isPaused } from '@/lib/people/pause';
import { programToday } from '@/lib/settings/program';

export type MentorEligibility = {
  userId: string;
  capacity: number;
  openPairings: number;
  freeSlots: number;
  approved: boolean;
  attestedCurrent: boolean;
  pausedUntil: string | null;
  matchable: boolean;
  /** Why the mentor cannot take a new mentee now, in words. */
  reasons: string[];
};

/**
 * Whether each mentor can be offered a new mentee: approved, signed the *current* values statement,
 * not paused, with a free slot. One query, so the matcher and the admin screens agree.
 */
export async function mentorEligibility(db: Db | Tx, today?: string): Promise<MentorEligibility[]> {
  today ??= await programToday(db);
  const current = db.$with('current_statement').as(db.select({ version: sql<number>`max(${valuesStatements.version})`.as('version') }).from(valuesStatements));
  const rows = await db
    .with(current)
    .select({
      userId: mentorProfiles.userId,
      capacity: mentorProfiles.capacity,
      pausedUntil: mentorProfiles.pausedUntil,
      status: users.status,
      openPairings: sql<number>`(select count(*)::int from ${pairings} p where p.mentor_id = ${mentorProfiles.userId} and p.state in ('proposed','active'))`,
      attestedCurrent: sql<boolean>`exists (select 1 from ${attestations} a, ${current} c where a.user_id = ${mentorProfiles.userId} and a.statement_version = c.version)`,
    })
    .from(mentorProfiles)
    .innerJoin(users, and(eq(users.id, mentorProfiles.userId), eq(users.role, 'mentor')));
  return rows.map((r) => {
    const reasons: string[] = [];
    const approved = r.status === 'approved';
    if (!approved) reasons.push(`registration is ${r.status}`);
    if (!r.attestedCurrent) reasons.push('has not signed the current values statement');
    if (isPaused(r.pausedUntil, today)) reasons.push(`paused until ${r.pausedUntil}`);
    const openPairings = Number(r.openPairings);
    const freeSlots = Math.max(0, r.capacity - openPairings);
    if (freeSlots === 0) reasons.push('at capacity');
    return {
      userId: r.userId,
      capacity: r.capacity,
      openPairings,
      freeSlots,
      approved,
      attestedCurrent: Boolean(r.attestedCurrent),
      pausedUntil: r.pausedUntil,
      matchable: reasons.length === 0,
      reasons,
    };
  });
}
