import 'server-only';
import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { pairings } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { notice } from '@/lib/email/notices';
import { now } from '@/lib/time/clock';
import { pairingMember, pairingMembers, partnerName, withPartner, type Member } from './membership';

/** Who ended a pairing, as far as the two people are told: never the coordinator's private reason. */
export type EndingCause = 'coordinator' | 'mentor-withdrew' | 'mentee-withdrew';

export type EndedPairing = { pairingId: number; menteeId: string; mentorId: string; cause: EndingCause; rematch: boolean };

const called = (m: Pick<Member, 'name' | 'goesBy'>) => m.goesBy?.trim() || m.name?.trim() || 'your partner';

/** What the student is told comes next; the same words appear on their portal. */
export function menteeNextStep(rematch: boolean): string {
  return rematch
    ? 'You keep your place at the top of the waitlist, and the coordinator is looking for a new mentor for you. You will get an introduction email as soon as you are paired.'
    : 'If you would like another mentor, write to the coordinator and they will talk it through with you.';
}

/** What the mentor is told comes next; the same words appear on their portal. */
export const MENTOR_NEXT_STEP =
  'The place is free again. The coordinator may introduce you to another student; if you would rather pause new pairings, you can do that from your portal.';

/**
 * The kind, neutral email each member of an ended pairing gets (kind `pairing-ended`): that it has
 * ended, never who was at fault or the coordinator's note, and what happens next. Queued in the
 * ending's transaction, so it is sent if and only if the ending commits. Only released (active)
 * pairings are announced: a staged proposal was never shown to the two people.
 */
export async function announcePairingEnded(tx: Tx, ended: EndedPairing): Promise<void> {
  const people = await pairingMembers(tx, ended.pairingId);
  if (!people) return;
  const withMentor = called(people.mentor);
  const withMentee = called(people.mentee);

  if (ended.cause !== 'mentee-withdrew')
    await notice(
      tx,
      people.mentee,
      'pairing-ended',
      'Your mentorship has ended',
      [
        ended.cause === 'mentor-withdrew'
          ? `${withMentor} has had to step back from the program, so your mentorship with them has ended. This is not about you, and thank you for the time you spent together.`
          : `Your mentorship with ${withMentor} has ended. Thank you for the time you spent together.`,
        menteeNextStep(ended.rematch),
      ],
      { label: 'Open your portal', path: '/mentee' },
    );
  if (ended.cause !== 'mentor-withdrew')
    await notice(
      tx,
      people.mentor,
      'pairing-ended',
      'Your mentorship has ended',
      [
        ended.cause === 'mentee-withdrew'
          ? `${withMentee} has left the program, so your mentorship with them has ended. Thank you for the time and care you gave.`
          : `Your mentorship with ${withMentee} has ended. Thank you for the time and care you gave.`,
        MENTOR_NEXT_STEP,
      ],
      { label: 'Open your portal', path: '/mentor' },
    );
}

export type RecentEnding = { pairingId: number; partner: string; endedAt: Date; rematch: boolean };

/** How long a portal keeps saying that a pairing ended. */
const RECENT_DAYS = 60;

/**
 * The member's released pairings that ended in the last 60 days, newest first, for the portal's
 * "your mentorship has ended" note. Ownership is in the WHERE clause (pairingMember).
 */
export async function getMyRecentEndings(actor: SessionUser): Promise<RecentEnding[]> {
  assertPermission(actor, 'pairings:view-own');
  const db = await getDb();
  const since = new Date(now().getTime() - RECENT_DAYS * 86_400_000);
  const rows = await withPartner(
    db.select({ pairingId: pairings.id, partner: partnerName, endedAt: pairings.endedAt, rematch: pairings.rematchRequested }).from(pairings).$dynamic(),
    actor,
  )
    .where(and(pairingMember(actor), eq(pairings.state, 'ended'), isNotNull(pairings.approvedAt), gte(pairings.endedAt, since)))
    .orderBy(desc(pairings.endedAt));
  return rows.map((r) => ({ pairingId: r.pairingId, partner: r.partner, endedAt: r.endedAt!, rematch: r.rematch }));
}
