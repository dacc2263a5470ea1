import 'server-only';
/**
 * Private check-ins. The daily sweep opens a round for each live pairing (lib/pairings/membership.ts
 * `livePairing`: active and not paused) `checkInFirstDays` after its start and every
 * `checkInEveryDays` after that, and emails both members. Each member answers privately; only the
 * coordinators read the answers, and a 1 or 2 on the safety statement emails every admin at once.
 */
import { and, asc, desc, eq, inArray, isNotNull, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db/client';
import { checkInRounds, checkIns, menteeProfiles, mentorProfiles, pairings, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { notice } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { claimOnce, type SweepTask } from '@/lib/jobs/sweep';
import { livePairing, pairingMember } from '@/lib/pairings/membership';
import { loadProgramSettings } from '@/lib/settings/program';
import { now } from '@/lib/time/clock';
import { daysBetween, todayIn } from '@/lib/time/dates';
import { FLAG_AT_OR_BELOW, type CheckInInput } from './forms';
import { programAdmins } from './recipients';

/** Which round is due `days` after the start: 0 before the first, 1 at `first`, 2 at `first + every`… */
export function checkInRoundAt(days: number, first: number, every: number): number {
  if (days < first) return 0;
  return 1 + Math.floor((days - first) / every);
}

const mentee = alias(users, 'ci_mentee');
const mentor = alias(users, 'ci_mentor');

/**
 * The sweep task: opens the round due today for every live pairing, once (claimOnce per pairing and
 * round, in the same transaction as the emails), and emails both members a link to their form.
 * Only the current round opens: a pairing paused through a round does not get it late.
 */
export const openCheckIns: SweepTask = {
  name: 'check-ins',
  async run({ now: at }) {
    const db = await getDb();
    const settings = await loadProgramSettings(db);
    const today = todayIn(settings.timeZone, at);
    const live = await db
      .select({ id: pairings.id, startDate: pairings.startDate })
      .from(pairings)
      .where(and(livePairing(), isNotNull(pairings.startDate), lte(pairings.startDate, today)));
    let opened = 0;
    let emailed = 0;
    for (const p of live) {
      const round = checkInRoundAt(daysBetween(p.startDate!, today), settings.checkInFirstDays, settings.checkInEveryDays);
      if (round < 1) continue;
      await db.transaction(async (tx) => {
        // Still live now (a concern may have paused it since the list was read): lock and look again.
        const [row] = await tx
          .select({ id: pairings.id, menteeEmail: mentee.email, menteeName: mentee.name, mentorEmail: mentor.email, mentorName: mentor.name })
          .from(pairings)
          .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
          .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
          .where(and(eq(pairings.id, p.id), livePairing()))
          .for('update', { of: pairings });
        if (!row) return;
        if (!(await claimOnce(tx, { task: 'check-in', subject: `pairing:${p.id}`, period: `round:${round}` }))) return;
        const [r] = await tx.insert(checkInRounds).values({ pairingId: p.id, round, openedOn: today }).onConflictDoNothing().returning({ id: checkInRounds.id });
        if (!r) return;
        opened++;
        for (const [person, role] of [
          [{ email: row.menteeEmail, name: row.menteeName }, 'mentee'],
          [{ email: row.mentorEmail, name: row.mentorName }, 'mentor'],
        ] as const) {
          await notice(
            tx,
            person,
            'check-in',
            'A private check-in about your mentorship',
            [
              'How is your mentorship going? Three quick statements and an optional comment, about two minutes.',
              'Only the program coordinators read your answers. The other person never sees them, or whether you answered.',
            ],
            { label: 'Answer the check-in', path: `/${role}/check-in/${r.id}` },
          );
          emailed++;
        }
      });
    }
    return { opened, emailed };
  },
};

export type CheckInPrompt = { roundId: number; round: number; partner: string; openedOn: string };

const partnerName = sql<string>`coalesce(nullif(trim(coalesce(${menteeProfiles.preferredName}, ${mentorProfiles.preferredName})), ''), ${users.name}, 'your partner')`;

/**
 * The member's open check-ins: the latest round of each of their live pairings that they have not
 * answered. Ownership is in the WHERE clause (pairingMember), so a round id can reach only one's own.
 */
async function openRounds(actor: SessionUser, roundId?: number): Promise<CheckInPrompt[]> {
  const db = await getDb();
  const partnerId = actor.role === 'mentee' ? pairings.mentorId : pairings.menteeId;
  const latest = alias(checkInRounds, 'ci_latest');
  return db
    .select({ roundId: checkInRounds.id, round: checkInRounds.round, partner: partnerName, openedOn: checkInRounds.openedOn })
    .from(checkInRounds)
    .innerJoin(pairings, eq(pairings.id, checkInRounds.pairingId))
    .innerJoin(users, eq(users.id, partnerId))
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, partnerId))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, partnerId))
    .where(
      and(
        pairingMember(actor),
        livePairing(),
        roundId === undefined ? undefined : eq(checkInRounds.id, roundId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(latest)
            .where(and(eq(latest.pairingId, checkInRounds.pairingId), sql`${latest.round} > ${checkInRounds.round}`)),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(checkIns)
            .where(and(eq(checkIns.roundId, checkInRounds.id), eq(checkIns.userId, actor.id))),
        ),
      ),
    )
    .orderBy(asc(checkInRounds.id));
}

/** For the portal's banner: the check-ins waiting for this member's answer. */
export async function getMyCheckInPrompts(actor: SessionUser): Promise<CheckInPrompt[]> {
  assertPermission(actor, 'check-ins:answer-own');
  return openRounds(actor);
}

/** One open check-in of the member's, for its form; null when it is not theirs, not open, or answered. */
export async function getMyCheckIn(actor: SessionUser, roundId: number): Promise<CheckInPrompt | null> {
  assertPermission(actor, 'check-ins:answer-own');
  return (await openRounds(actor, roundId))[0] ?? null;
}

/**
 * Records a member's private answers to an open round, once. A 1 or 2 on the safety statement
 * emails every admin (kind `check-in-flag`, without the answers) in the same transaction.
 */
export async function submitCheckIn(actor: SessionUser, input: CheckInInput): Promise<{ flagged: boolean }> {
  assertPermission(actor, 'check-ins:answer-own');
  const open = await getMyCheckIn(actor, input.roundId);
  if (!open) throw new UserFacingError('This check-in is not open for you: it may have been answered already, or a newer one has replaced it.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Ownership again inside the transaction: the round's pairing is the actor's and still live.
    const [round] = await tx
      .select({ id: checkInRounds.id, pairingId: checkInRounds.pairingId, round: checkInRounds.round })
      .from(checkInRounds)
      .innerJoin(pairings, eq(pairings.id, checkInRounds.pairingId))
      .where(and(eq(checkInRounds.id, input.roundId), pairingMember(actor), livePairing()));
    if (!round) throw new UserFacingError('This check-in is not open for you.');
    const flagged = input.safety <= FLAG_AT_OR_BELOW;
    const made = await tx
      .insert(checkIns)
      .values({
        roundId: round.id,
        pairingId: round.pairingId,
        userId: actor.id,
        safety: input.safety,
        useful: input.useful,
        frequency: input.frequency,
        comment: input.comment,
        answeredAt: now(),
      })
      .onConflictDoNothing()
      .returning({ id: checkIns.id });
    if (!made.length) throw new UserFacingError('You have already answered this check-in. Thank you.');
    await writeAudit(tx, { actorId: actor.id, action: 'check-in.answered', subjectId: round.pairingId, details: { round: round.round, flagged } });
    if (flagged) await notifyFlag(tx, round.pairingId);
    return { flagged };
  });
}

async function notifyFlag(tx: Tx, pairingId: number) {
  for (const admin of await programAdmins(tx))
    await notice(
      tx,
      admin,
      'check-in-flag',
      'A check-in needs your attention',
      [
        'A member of a pairing disagreed that they feel respected and safe in their mentorship (a 1 or 2 in their private check-in).',
        'Please look at the pairing soon. The answers are on its page; they are not included in this email.',
      ],
      { label: 'Open the pairing', path: `/admin/pairings/${pairingId}` },
    );
}

// ───────────── the coordinators' view ─────────────

/**
 * Pairings flagged by their latest answered round: some member answered 1 or 2 on the safety
 * statement in it. A later round answered without a low score clears the flag.
 */
export async function flaggedPairingIds(actor: SessionUser, ids?: number[]): Promise<Set<number>> {
  assertPermission(actor, 'check-ins:read');
  if (ids && !ids.length) return new Set();
  const db = await getDb();
  const later = alias(checkIns, 'ci_later');
  const laterRound = alias(checkInRounds, 'ci_later_round');
  const rows = await db
    .selectDistinct({ pairingId: checkIns.pairingId })
    .from(checkIns)
    .innerJoin(checkInRounds, eq(checkInRounds.id, checkIns.roundId))
    .where(
      and(
        lte(checkIns.safety, FLAG_AT_OR_BELOW),
        ids ? inArray(checkIns.pairingId, ids) : undefined,
        notExists(
          db
            .select({ one: sql`1` })
            .from(later)
            .innerJoin(laterRound, eq(laterRound.id, later.roundId))
            .where(and(eq(later.pairingId, checkIns.pairingId), sql`${laterRound.round} > ${checkInRounds.round}`)),
        ),
      ),
    );
  return new Set(rows.map((r) => r.pairingId));
}

export type CheckInAnswer = {
  side: 'mentee' | 'mentor';
  name: string;
  safety: number;
  useful: number;
  frequency: number;
  comment: string | null;
  answeredAt: Date;
};
export type CheckInHistory = { round: number; openedOn: string; answers: CheckInAnswer[] }[];

/** A pairing's check-in rounds with every answer, newest first, for the coordinator's pairing page. */
export async function getPairingCheckIns(actor: SessionUser, pairingId: number): Promise<CheckInHistory> {
  assertPermission(actor, 'check-ins:read');
  const db = await getDb();
  const rounds = await db
    .select({ id: checkInRounds.id, round: checkInRounds.round, openedOn: checkInRounds.openedOn })
    .from(checkInRounds)
    .where(eq(checkInRounds.pairingId, pairingId))
    .orderBy(desc(checkInRounds.round));
  if (!rounds.length) return [];
  const answers = await db
    .select({
      roundId: checkIns.roundId,
      side: sql<'mentee' | 'mentor'>`case when ${checkIns.userId} = ${pairings.menteeId} then 'mentee' else 'mentor' end`,
      name: sql<string>`coalesce(${users.name}, ${users.email})`,
      safety: checkIns.safety,
      useful: checkIns.useful,
      frequency: checkIns.frequency,
      comment: checkIns.comment,
      answeredAt: checkIns.answeredAt,
    })
    .from(checkIns)
    .innerJoin(pairings, eq(pairings.id, checkIns.pairingId))
    .innerJoin(users, eq(users.id, checkIns.userId))
    .where(eq(checkIns.pairingId, pairingId))
    .orderBy(asc(checkIns.answeredAt));
  return rounds.map((r) => ({
    round: r.round,
    openedOn: r.openedOn,
    answers: answers.filter((a) => a.roundId === r.id).map(({ roundId: _r, ...a }) => a),
  }));
}
