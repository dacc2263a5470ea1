import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { getDb, type Tx } from '@/db/client';
import { mentorProfiles, pairings, users } from '@/db/schema';
import { writeAudit, writeAuditMany } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { queueEmail } from '@/lib/email/queue';
import { IntroductionEmail } from '@/lib/email/templates/introduction';
import { getEnv } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { loadPool, scoreInPool } from '@/lib/matching/pool';
import { loadProgramSettings } from '@/lib/settings/program';
import { now } from '@/lib/time/clock';
import { addMonths } from '@/lib/time/dates';
import { DEFAULT_INTRO_BODY, DEFAULT_INTRO_SUBJECT, fillIntro, INTRO_SUBJECT_MAX } from './introduction';
import { loadIntroFacts } from './intro-facts';
import { announcePairingEnded } from './endings';
import { createChecklist } from '@/lib/roadmap/checklist';
import { closeOpenTerm, openFirstTerm } from '@/lib/terms/terms';

export type Outcome = {
  ok: number;
  failed: { id: string; reason: string }[];
  /** When a staging wrote its proposals (all share it): lists them as one batch. */ stagedAt?: string;
};

/** Postgres error code and constraint name, whether the driver put them on the error or on its cause. */
function pgError(err: unknown): { code?: string; constraint?: string; text: string } {
  const e = err as {
    code?: string;
    constraint_name?: string;
    constraint?: string;
    message?: string;
    cause?: { code?: string; constraint_name?: string; constraint?: string; message?: string };
  };
  return {
    code: e?.code ?? e?.cause?.code,
    constraint: e?.constraint_name ?? e?.constraint ?? e?.cause?.constraint_name ?? e?.cause?.constraint,
    text: String(e?.cause?.message ?? e?.message ?? ''),
  };
}

/** Turns the database's refusals into sentences for the coordinator. */
function explain(err: unknown): string {
  const { code, constraint, text } = pgError(err);
  if (code === '23505' || text.includes('pairings_one_open_per_mentee')) return 'The student already has a proposed or active pairing.';
  // Only the capacity trigger's refusal means "full"; any other check violation is a real error.
  if ((code === '23514' && constraint === 'mentor_capacity') || text.includes('mentor_capacity_exceeded')) return 'The mentor has no free place left.';
  if (err instanceof UserFacingError) return err.message;
  console.error(err);
  return 'Something went wrong; nothing was changed for this pairing.';
}

/**
 * Stages proposals (invisible to the pair), any number in one action. The score is computed again
 * here from the database — never taken from the form — and a pair that is no longer allowed is
 * refused with the reason. The allowed pairs are written in ONE statement (INSERT … SELECT from
 * the request as JSON) inside one transaction that first locks the mentors' profile rows (the
 * capacity trigger's own lock, taken up front and in id order): each mentor gets at most their
 * free places, first come in the request's order, and a student at most one open pairing (the
 * partial unique index, as ON CONFLICT DO NOTHING). The database's checks still run on every row;
 * what they would refuse is reported per pair instead of failing the rest.
 */
export async function proposePairings(actor: SessionUser, pairs: { menteeId: string; mentorId: string }[]): Promise<Outcome> {
  assertPermission(actor, 'matching:run');
  const db = await getDb();
  const outcome: Outcome = { ok: 0, failed: [] };
  if (!pairs.length) return outcome;
  // Only the students asked about, and every mentor: not the whole waitlist.
  const pool = await loadPool(db, undefined, { menteeIds: [...new Set(pairs.map((p) => p.menteeId))] });
  const mentees = new Map(pool.mentees.map((m) => [m.id, m]));
  const mentors = new Map(pool.mentors.map((m) => [m.id, m]));
  const request: { mentee_id: string; mentor_id: string; score: number; breakdown: unknown; ord: number }[] = [];
  const totals = new Map<string, number>();
  for (const { menteeId, mentorId } of pairs) {
    const mentee = mentees.get(menteeId);
    const mentor = mentors.get(mentorId);
    const id = `${menteeId}→${mentorId}`;
    if (!mentee || !mentor) {
      outcome.failed.push({ id, reason: !mentee ? 'The student is not waiting for a mentor.' : 'The mentor cannot be found.' });
      continue;
    }
    const score = scoreInPool(pool, mentee, mentor);
    if (!score.allowed) {
      outcome.failed.push({ id, reason: score.blockers.join('; ') });
      continue;
    }
    totals.set(id, score.total);
    request.push({ mentee_id: menteeId, mentor_id: mentorId, score: Math.round(score.total * 100), breakdown: score.breakdown, ord: request.length });
  }
  if (!request.length) return outcome;

  let inserted: { id: number; menteeId: string; mentorId: string; proposedAt: Date | string }[] = [];
  try {
    inserted = await db.transaction(async (tx) => {
      const mentorIds = [...new Set(request.map((r) => r.mentor_id))].sort();
      await tx.execute(sql`select 1 from ${mentorProfiles} where ${inArray(mentorProfiles.userId, mentorIds)} order by ${mentorProfiles.userId} for update`);
      const result = await tx.execute(sql`
        with req as (
          select * from jsonb_to_recordset(${JSON.stringify(request)}::jsonb) as r(mentee_id text, mentor_id text, score integer, breakdown jsonb, ord integer)
        ),
        fresh as (
          select distinct on (req.mentee_id) req.* from req
          where not exists (select 1 from ${pairings} p where p.mentee_id = req.mentee_id and p.state in ('proposed', 'active'))
          order by req.mentee_id, req.ord
        ),
        ranked as (
          select f.*, row_number() over (partition by f.mentor_id order by f.ord) as n,
            mp.capacity - (select count(*) from ${pairings} p where p.mentor_id = f.mentor_id and p.state in ('proposed', 'active')) as free
          from fresh f join ${mentorProfiles} mp on mp.user_id = f.mentor_id
        )
        insert into ${pairings} (mentee_id, mentor_id, state, score, score_breakdown, proposed_by)
        select mentee_id, mentor_id, 'proposed', score, breakdown, ${actor.id} from ranked where n <= free order by ord
        on conflict (mentee_id) where state in ('proposed', 'active') do nothing
        returning id, mentee_id as "menteeId", mentor_id as "mentorId", proposed_at as "proposedAt"`);
      const rows = rowsOf<{ id: number; menteeId: string; mentorId: string; proposedAt: Date | string }>(result);
      await writeAuditMany(
        tx,
        rows.map((r) => ({
          actorId: actor.id,
          action: 'pairing.proposed' as const,
          subjectId: r.id,
          details: { menteeId: r.menteeId, mentorId: r.mentorId, score: totals.get(`${r.menteeId}→${r.mentorId}`) ?? 0 },
        })),
      );
      return rows;
    });
  } catch (err) {
    for (const r of request) outcome.failed.push({ id: `${r.mentee_id}→${r.mentor_id}`, reason: explain(err) });
    return outcome;
  }
  outcome.ok = inserted.length;
  if (inserted.length) outcome.stagedAt = new Date(inserted[0].proposedAt).toISOString();
  const done = new Set(inserted.map((r) => `${r.menteeId}→${r.mentorId}`));
  const left = request.filter((r) => !done.has(`${r.mentee_id}→${r.mentor_id}`));
  if (left.length) {
    // Why each of the rest was not written: the student is taken (before or by this very request), or the mentor is full.
    const open = await db
      .select({ menteeId: pairings.menteeId })
      .from(pairings)
      .where(and(inArray(pairings.menteeId, [...new Set(left.map((r) => r.mentee_id))]), inArray(pairings.state, ['proposed', 'active'])));
    const taken = new Set(open.map((r) => r.menteeId));
    for (const r of left)
      outcome.failed.push({
        id: `${r.mentee_id}→${r.mentor_id}`,
        reason: taken.has(r.mentee_id) ? 'The student already has a proposed or active pairing.' : 'The mentor has no free place left.',
      });
  }
  return outcome;
}

/** Rows of a raw `execute`: postgres.js returns them as the result, PGlite under `.rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return [...(result as T[])];
  return (result as { rows?: T[] }).rows ?? [];
}

async function releaseOne(tx: Tx, actor: SessionUser, pairingId: number, template: { subject: string; body: string }): Promise<void> {
  // Lock the pairing: two admins approving the same proposal cannot both release it.
  const [p] = await tx
    .select({ id: pairings.id, state: pairings.state, menteeId: pairings.menteeId, mentorId: pairings.mentorId })
    .from(pairings)
    .where(eq(pairings.id, pairingId))
    .for('update');
  if (!p) throw new UserFacingError('This proposal no longer exists.');
  if (p.state !== 'proposed') throw new UserFacingError(p.state === 'active' ? 'This pairing was already approved.' : 'This proposal was withdrawn.');

  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name, status: users.status })
    .from(users)
    .where(inArray(users.id, [p.menteeId, p.mentorId]));
  if (people.length !== 2 || people.some((x) => x.status !== 'approved')) throw new UserFacingError('One of the two is no longer approved for the program.');

  const settings = await loadProgramSettings(tx);
  const { facts, startDate } = (await loadIntroFacts(tx, p.id))!;
  const endDate = addMonths(startDate, settings.termMonths);
  const subject = fillIntro(template.subject, facts).slice(0, INTRO_SUBJECT_MAX);
  const body = fillIntro(template.body, facts);

  await tx
    .update(pairings)
    .set({
      state: 'active',
      approvedBy: actor.id,
      approvedAt: now(),
      // Kept before the student's own waitingSince is cleared below: the outcome report's "days waited".
      menteeWaitingSince: sql`(select ${users.waitingSince} from ${users} where ${users.id} = ${p.menteeId})`,
      startDate,
      endDate,
      introSubject: subject,
      introBody: body,
    })
    .where(and(eq(pairings.id, p.id), eq(pairings.state, 'proposed')));
  // Term 1 matches the pairing's dates; the sweep renews or completes it (lib/terms).
  await openFirstTerm(tx, p.id, startDate, endDate);
  await tx.update(users).set({ priorityRematchAt: null, waitingSince: null }).where(eq(users.id, p.menteeId));
  await writeAudit(tx, { actorId: actor.id, action: 'pairing.approved', subjectId: p.id, details: { startDate, endDate } });
  // The pair's shared application roadmap, from the program's template and the student's cycle.
  await createChecklist(tx, p.id, actor.id);
  // Queued with the release: both are introduced if and only if the pairing becomes active.
  const portalUrl = `${getEnv().AUTH_URL}/portal`;
  for (const person of people)
    await queueEmail(tx, { to: person.email, subject, kind: 'introduction', url: portalUrl, react: createElement(IntroductionEmail, { subject, body, portalUrl }) });
}

/**
 * Approves staged proposals and releases them: each becomes active and both people get the
 * introduction email, filled from the (admin-edited) template. Each approval is its own
 * transaction; the database's capacity guard and the row lock make concurrent approvals safe.
 */
export async function approvePairings(
  actor: SessionUser,
  ids: number[],
  template: { subject: string; body: string } = { subject: DEFAULT_INTRO_SUBJECT, body: DEFAULT_INTRO_BODY },
): Promise<Outcome> {
  assertPermission(actor, 'pairings:approve');
  const db = await getDb();
  const outcome: Outcome = { ok: 0, failed: [] };
  for (const id of ids) {
    try {
      await db.transaction((tx) => releaseOne(tx, actor, id, template));
      outcome.ok++;
    } catch (err) {
      outcome.failed.push({ id: String(id), reason: explain(err) });
    }
  }
  return outcome;
}

/**
 * Ends a proposed or active pairing with a reason (nothing is deleted). With `rematch` the student
 * goes back to the top of the waitlist — a no-fault ending.
 */
export async function endPairing(
  actor: SessionUser,
  pairingId: number,
  reason: string,
  rematch: boolean,
  /** The state the admin saw: withdrawing a proposal from a stale page must not end a pairing just approved. */
  expectedState?: 'proposed' | 'active',
): Promise<void> {
  assertPermission(actor, 'pairings:end');
  const db = await getDb();
  await db.transaction((tx) => endPairingIn(tx, actor, pairingId, reason, rematch, expectedState));
}

/**
 * endPairing inside the caller's transaction, for operations that end a pairing as one step of a
 * larger change (resolving a concern with a no-fault rematch). The caller has checked
 * `pairings:end`; this checks it again, since it writes as the coordinator.
 */
export async function endPairingIn(
  tx: Tx,
  actor: SessionUser,
  pairingId: number,
  reason: string,
  rematch: boolean,
  expectedState?: 'proposed' | 'active',
): Promise<void> {
  assertPermission(actor, 'pairings:end');
  {
    const ended = await tx
      .update(pairings)
      .set({ state: 'ended', endedBy: actor.id, endedAt: now(), endReason: reason, rematchRequested: rematch })
      .where(and(eq(pairings.id, pairingId), inArray(pairings.state, expectedState ? [expectedState] : ['proposed', 'active'])))
      // approvedAt is set only on release: it tells an active pairing (both introduced) from a staged one.
      .returning({ menteeId: pairings.menteeId, mentorId: pairings.mentorId, wasReleased: sql<boolean>`${pairings.approvedAt} is not null` });
    if (!ended.length)
      throw new UserFacingError(
        expectedState === 'proposed' ? 'This proposal is no longer staged: it was approved or withdrawn meanwhile.' : 'This pairing has already ended.',
      );
    await requeueMentee(tx, ended[0].menteeId, rematch);
    await closeOpenTerm(tx, pairingId, 'ended');
    await writeAudit(tx, { actorId: actor.id, action: 'pairing.ended', subjectId: pairingId, details: { reason, rematch } });
    const [e] = ended;
    // Queued in this transaction: the two people hear only about an ending that really happened.
    if (e.wasReleased) await announcePairingEnded(tx, { pairingId, menteeId: e.menteeId, mentorId: e.mentorId, cause: 'coordinator', rematch });
  }
}

/**
 * Back on the waitlist; a no-fault rematch goes to the top. The wait is kept when it was never
 * interrupted: a withdrawn proposal leaves waitingSince as it was (only a release clears it), so
 * the student does not lose the days they have already waited.
 */
async function requeueMentee(tx: Tx, menteeId: string, top: boolean) {
  await tx
    .update(users)
    .set({ waitingSince: sql`coalesce(${users.waitingSince}, ${now().toISOString()}::timestamptz)`, ...(top ? { priorityRematchAt: now() } : {}) })
    .where(and(eq(users.id, menteeId), eq(users.status, 'approved')));
}

/**
 * When someone leaves the program their open pairings end; a mentee whose mentor left goes back to
 * the top of the waitlist. Runs inside the withdrawal's transaction. `actorId` is who withdrew
 * them: themselves, or a coordinator (then the reason is the coordinator's, kept from the members).
 */
export async function endPairingsOnWithdrawal(tx: Tx, userId: string, reason: string, actorId = userId): Promise<number> {
  const ended = await tx
    .update(pairings)
    .set({
      state: 'ended',
      endedBy: actorId,
      endedAt: now(),
      endReason: actorId === userId ? `Withdrew from the program: ${reason}` : `Withdrawn from the program by a coordinator: ${reason}`,
      rematchRequested: true,
    })
    .where(and(or(eq(pairings.menteeId, userId), eq(pairings.mentorId, userId)), inArray(pairings.state, ['proposed', 'active'])))
    .returning({ id: pairings.id, menteeId: pairings.menteeId, mentorId: pairings.mentorId, wasReleased: sql<boolean>`${pairings.approvedAt} is not null` });
  for (const p of ended) {
    if (p.menteeId !== userId) await requeueMentee(tx, p.menteeId, true);
    await closeOpenTerm(tx, p.id, 'ended');
    await writeAudit(tx, { actorId, action: 'pairing.ended', subjectId: p.id, details: { reason: 'withdrawal' } });
    if (p.wasReleased)
      await announcePairingEnded(tx, {
        pairingId: p.id,
        menteeId: p.menteeId,
        mentorId: p.mentorId,
        cause: p.menteeId === userId ? 'mentee-withdrew' : 'mentor-withdrew',
        rematch: true,
      });
  }
  return ended.length;
}
