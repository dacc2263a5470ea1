import 'server-only';
/**
 * After a pairing completes: each member's close survey (once per member per pairing, read by the
 * coordinator only) and, for a student whose mentor concluded while they chose to continue, the
 * way back to the waitlist.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { closeSurveys, pairings, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { pairingMember } from '@/lib/pairings/membership';
import { now as clockNow } from '@/lib/time/clock';
import type { CloseSurveyInput, Side } from './forms';
import { choicesOf, lastTerm } from './terms';

export type MyClosing = {
  pairingId: number;
  otherName: string;
  endDate: string | null;
  surveyAnswered: boolean;
  /** The student chose to continue, the mentor concluded, and the student has not gone back yet. */
  mayRejoinWaitlist: boolean;
  /** Students: back on the waitlist since this pairing completed. */
  waitingAgain: boolean;
};

const sideOf = (actor: SessionUser): Side => (actor.role === 'mentor' ? 'mentor' : 'mentee');

/** The actor's completed pairings, newest first, with what is left to do about each. */
export async function getMyClosings(actor: SessionUser, limit = 5): Promise<MyClosing[]> {
  assertPermission(actor, 'terms:survey');
  const side = sideOf(actor);
  const db = await getDb();
  const other = alias(users, 'other');
  const me = alias(users, 'me');
  const rows = await db
    .select({
      pairingId: pairings.id,
      otherName: sql<string>`coalesce(${other.name}, ${other.email})`,
      endDate: pairings.endDate,
      endedAt: pairings.endedAt,
      waitingSince: me.waitingSince,
      surveyAnswered: sql<boolean>`exists (select 1 from ${closeSurveys} s where s.pairing_id = ${pairings.id} and s.user_id = ${actor.id})`,
      openPairing: sql<boolean>`exists (select 1 from ${pairings} o where o.mentee_id = ${me.id} and o.state in ('proposed','active'))`,
    })
    .from(pairings)
    .innerJoin(other, eq(other.id, side === 'mentee' ? pairings.mentorId : pairings.menteeId))
    .innerJoin(me, eq(me.id, actor.id))
    .where(and(pairingMember(actor), eq(pairings.state, 'completed')))
    .orderBy(desc(pairings.endedAt))
    .limit(limit);
  const out: MyClosing[] = [];
  for (const [i, r] of rows.entries()) {
    let mayRejoinWaitlist = false;
    // Only the latest completion, and only while the student has not gone back already.
    if (side === 'mentee' && i === 0 && !r.openPairing && (!r.waitingSince || (r.endedAt && r.waitingSince <= r.endedAt)))
      mayRejoinWaitlist = await mentorConcludedOnStudent(r.pairingId);
    const waitingAgain = side === 'mentee' && (r.openPairing || Boolean(r.waitingSince && r.endedAt && r.waitingSince > r.endedAt));
    out.push({ pairingId: r.pairingId, otherName: r.otherName, endDate: r.endDate, surveyAnswered: r.surveyAnswered, mayRejoinWaitlist, waitingAgain });
  }
  return out;
}

async function mentorConcludedOnStudent(pairingId: number): Promise<boolean> {
  const db = await getDb();
  const term = await lastTerm(db, pairingId);
  if (!term || term.outcome !== 'completed') return false;
  const c = await choicesOf(db, term.id);
  return c.mentee?.choice === 'continue' && c.mentor?.choice === 'conclude';
}

/** The survey page's facts: whose pairing, and whether it is still to answer. Null for anyone else's. */
export async function getSurveyFor(
  actor: SessionUser,
  pairingId: number,
): Promise<{ otherName: string; endDate: string | null; answered: boolean; side: Side } | null> {
  const rows = await getMyClosings(actor, 50);
  const r = rows.find((x) => x.pairingId === pairingId);
  return r ? { otherName: r.otherName, endDate: r.endDate, answered: r.surveyAnswered, side: sideOf(actor) } : null;
}

/** One member's close survey for their own completed pairing, once. */
export async function submitCloseSurvey(actor: SessionUser, input: CloseSurveyInput): Promise<void> {
  assertPermission(actor, 'terms:survey');
  const side = sideOf(actor);
  if (side === 'mentor' && input.mentorAgain === undefined) throw new UserFacingError('Please say whether you would mentor again.');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: pairings.id, state: pairings.state })
      .from(pairings)
      .where(and(eq(pairings.id, input.pairingId), pairingMember(actor)));
    if (!p) throw new UserFacingError('This pairing cannot be found.');
    if (p.state !== 'completed') throw new UserFacingError('The close survey opens when the mentorship has concluded.');
    const made = await tx
      .insert(closeSurveys)
      .values({
        pairingId: p.id,
        userId: actor.id,
        side,
        rating: input.rating,
        helpedMost: input.helpedMost,
        mentorAgain: side === 'mentor' ? (input.mentorAgain ?? null) : null,
        wouldRecommend: input.wouldRecommend,
        comment: input.comment,
        answeredAt: clockNow(),
      })
      .onConflictDoNothing()
      .returning({ id: closeSurveys.id });
    if (!made.length) throw new UserFacingError('You have already answered the close survey for this mentorship. Thank you!');
    await writeAudit(tx, { actorId: actor.id, action: 'term.survey-answered', subjectId: p.id, details: { side } });
  });
}

/**
 * Back on the waitlist, waiting counted from now: only for the student of a completed pairing whose
 * mentor concluded while the student chose to continue, once, and while no other pairing is open.
 */
export async function rejoinWaitlist(actor: SessionUser, pairingId: number): Promise<void> {
  assertPermission(actor, 'terms:rejoin-waitlist');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: pairings.id, state: pairings.state, endedAt: pairings.endedAt })
      .from(pairings)
      .where(and(eq(pairings.id, pairingId), pairingMember(actor)));
    if (!p || p.state !== 'completed') throw new UserFacingError('This mentorship cannot be found among your completed ones.');
    const term = await lastTerm(tx, p.id);
    const c = term ? await choicesOf(tx, term.id) : null;
    if (!c || term?.outcome !== 'completed' || c.mentee?.choice !== 'continue' || c.mentor?.choice !== 'conclude')
      throw new UserFacingError('Going back to the waitlist is for students whose mentor concluded while they chose to continue. Please contact the coordinator.');
    const at = clockNow();
    const updated = await tx
      .update(users)
      .set({ waitingSince: at })
      .where(
        and(
          eq(users.id, actor.id),
          eq(users.status, 'approved'),
          // Not already back since this completion, and not paired again meanwhile.
          sql`(${users.waitingSince} is null or ${users.waitingSince} <= ${p.endedAt!.toISOString()}::timestamptz)`,
          sql`not exists (select 1 from ${pairings} o where o.mentee_id = ${actor.id} and o.state in ('proposed','active'))`,
          sql`not exists (select 1 from ${pairings} later where later.mentee_id = ${actor.id} and later.id <> ${p.id} and later.approved_at > ${p.endedAt!.toISOString()}::timestamptz)`,
        ),
      )
      .returning({ id: users.id });
    if (!updated.length) throw new UserFacingError('You are already back on the waitlist.');
    await writeAudit(tx, { actorId: actor.id, action: 'term.waitlist-rejoined', subjectId: actor.id, details: { pairingId: p.id } });
  });
}

export type SurveyAnswer = {
  side: Side;
  name: string;
  rating: number;
  helpedMost: string;
  mentorAgain: boolean | null;
  wouldRecommend: boolean;
  comment: string | null;
  answeredAt: Date;
};

/** The coordinator's view of a pairing's close surveys. */
export async function listSurveyAnswers(actor: SessionUser, pairingId: number): Promise<SurveyAnswer[]> {
  assertPermission(actor, 'terms:manage');
  const db = await getDb();
  return db
    .select({
      side: closeSurveys.side,
      name: sql<string>`coalesce(${users.name}, ${users.email})`,
      rating: closeSurveys.rating,
      helpedMost: closeSurveys.helpedMost,
      mentorAgain: closeSurveys.mentorAgain,
      wouldRecommend: closeSurveys.wouldRecommend,
      comment: closeSurveys.comment,
      answeredAt: closeSurveys.answeredAt,
    })
    .from(closeSurveys)
    .innerJoin(users, eq(users.id, closeSurveys.userId))
    .where(eq(closeSurveys.pairingId, pairingId))
    .orderBy(closeSurveys.side);
}
