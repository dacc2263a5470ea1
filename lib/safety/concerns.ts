import 'server-only';
/**
 * Concerns: a member raises one (about one of their pairings, or not), optionally pausing the
 * pairing at once and asking to be contacted. Only the coordinators read concerns, in the concerns
 * inbox; every opening is audited as a read. Members get back nothing but their own confirmation,
 * and the other member of a paused pairing sees only a neutral "paused" message.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db/client';
import { concernNotes, concerns, pairings, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { notice } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { pairingMember, partnerName, withPartner } from '@/lib/pairings/membership';
import { endPairingIn } from '@/lib/pairings/operations';
import { withdrawByCoordinatorIn } from '@/lib/people/withdraw';
import { now } from '@/lib/time/clock';
import type { ConcernInput, ConcernStatus, ResolutionOutcome } from './forms';
import { programAdmins } from './recipients';

export type MyPairingChoice = { pairingId: number; partner: string; paused: boolean };

/** The member's current (active) pairings, for "what is this about?" on the concern form. */
export async function getMyConcernChoices(actor: SessionUser): Promise<MyPairingChoice[]> {
  assertPermission(actor, 'concerns:raise');
  const db = await getDb();
  const rows = await withPartner(db.select({ pairingId: pairings.id, partner: partnerName, pausedAt: pairings.pausedAt }).from(pairings).$dynamic(), actor)
    .where(and(pairingMember(actor), eq(pairings.state, 'active')))
    .orderBy(asc(pairings.id));
  return rows.map((r) => ({ pairingId: r.pairingId, partner: r.partner, paused: r.pausedAt !== null }));
}

export type PauseNotice = { pairingId: number; partner: string; pausedByMe: boolean };

/**
 * The member's paused pairings, for the portal. Whoever paused it (through a concern) is told they
 * did; the other member learns only that the coordinator has paused it, never why or by whom.
 */
export async function getMyPauseNotices(actor: SessionUser): Promise<PauseNotice[]> {
  assertPermission(actor, 'pairings:view-own');
  const db = await getDb();
  const rows = await withPartner(db.select({ pairingId: pairings.id, partner: partnerName, pausedBy: pairings.pausedBy }).from(pairings).$dynamic(), actor)
    .where(and(pairingMember(actor), eq(pairings.state, 'active'), isNotNull(pairings.pausedAt)))
    .orderBy(asc(pairings.id));
  return rows.map((r) => ({ pairingId: r.pairingId, partner: r.partner, pausedByMe: r.pausedBy === actor.id }));
}

/**
 * Raises a concern. The pairing, when named, must be one of the actor's active pairings (ownership
 * in the WHERE clause). With `pause`, the pairing is paused in the same transaction; every admin is
 * emailed (kind `concern-raised`) without the concern's text.
 */
export async function raiseConcern(actor: SessionUser, input: ConcernInput): Promise<{ concernId: number; paused: boolean }> {
  assertPermission(actor, 'concerns:raise');
  const db = await getDb();
  return db.transaction(async (tx) => {
    let paused = false;
    if (input.pairingId !== null) {
      const [p] = await tx
        .select({ id: pairings.id, pausedAt: pairings.pausedAt })
        .from(pairings)
        .where(and(eq(pairings.id, input.pairingId), pairingMember(actor), eq(pairings.state, 'active')))
        .for('update');
      if (!p) throw new UserFacingError('Choose one of your current mentorships, or “not about a mentorship”.');
      if (input.pause && !p.pausedAt) {
        await tx.update(pairings).set({ pausedAt: now(), pausedBy: actor.id }).where(eq(pairings.id, p.id));
        paused = true;
      }
    }
    const [c] = await tx
      .insert(concerns)
      .values({
        raisedBy: actor.id,
        pairingId: input.pairingId,
        body: input.body,
        pausedPairing: paused,
        contactRequested: input.contact !== null,
        contactChannel: input.contact?.channel ?? null,
        contactPhone: input.contact?.phone ?? null,
        raisedAt: now(),
      })
      .returning({ id: concerns.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'concern.raised',
      subjectId: c.id,
      details: { pairingId: input.pairingId, paused, contactRequested: input.contact !== null },
    });
    if (paused) await writeAudit(tx, { actorId: actor.id, action: 'pairing.paused', subjectId: input.pairingId!, details: { concernId: c.id } });
    const who = actor.role === 'mentor' ? 'A physician' : 'A student';
    for (const admin of await programAdmins(tx))
      await notice(
        tx,
        admin,
        'concern-raised',
        'A concern has been raised',
        [
          `${who} has raised a concern${paused ? ' and paused their mentorship' : ''}${input.contact ? ', and would like to be contacted' : ''}.`,
          'Please read it in the concerns inbox within two working days. Its text is not included in this email.',
        ],
        { label: 'Open the concern', path: `/admin/concerns/${c.id}` },
      );
    return { concernId: c.id, paused };
  });
}

// ───────────── the concerns inbox (coordinators only) ─────────────

const raiser = alias(users, 'c_raiser');
const assignee = alias(users, 'c_assignee');
const pMentee = alias(users, 'c_mentee');
const pMentor = alias(users, 'c_mentor');

export type ConcernRow = {
  id: number;
  status: ConcernStatus;
  raisedAt: Date;
  raiserName: string;
  raiserRole: 'mentee' | 'mentor' | null;
  pairingId: number | null;
  pairingLabel: string | null;
  assigneeName: string | null;
  pausedPairing: boolean;
  contactRequested: boolean;
};

/** A concern's people: who raised it, who it is assigned to, and its pairing's two members. */
function withPeople<T extends PgSelect>(query: T) {
  return query
    .innerJoin(raiser, eq(raiser.id, concerns.raisedBy))
    .leftJoin(assignee, eq(assignee.id, concerns.assignedTo))
    .leftJoin(pairings, eq(pairings.id, concerns.pairingId))
    .leftJoin(pMentee, eq(pMentee.id, pairings.menteeId))
    .leftJoin(pMentor, eq(pMentor.id, pairings.mentorId));
}

const rowColumns = {
  id: concerns.id,
  status: concerns.status,
  raisedAt: concerns.raisedAt,
  raiserName: sql<string>`coalesce(${raiser.name}, ${raiser.email})`,
  raiserRole: sql<'mentee' | 'mentor' | null>`${raiser.role}::text`,
  pairingId: concerns.pairingId,
  pairingLabel: sql<
    string | null
  >`case when ${concerns.pairingId} is null then null else coalesce(${pMentee.name}, ${pMentee.email}) || ' and ' || coalesce(${pMentor.name}, ${pMentor.email}) end`,
  assigneeName: sql<string | null>`coalesce(${assignee.name}, ${assignee.email})`,
  pausedPairing: concerns.pausedPairing,
  contactRequested: concerns.contactRequested,
};

export const CONCERNS_PAGE_SIZE = 50;

/**
 * The inbox's list, without any concern's text (reading one is `openConcern`, audited): a page of
 * `limit` rows and the tab's total, so the list stays one page however long the program runs.
 */
export async function listConcerns(
  actor: SessionUser,
  tab: ConcernStatus | 'open' = 'open',
  { limit = CONCERNS_PAGE_SIZE, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<{ rows: ConcernRow[]; total: number }> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  const where = tab === 'open' ? ne(concerns.status, 'resolved') : eq(concerns.status, tab);
  const [rows, [{ n }]] = await Promise.all([
    withPeople(db.select(rowColumns).from(concerns).$dynamic())
      .where(where)
      .orderBy(tab === 'resolved' ? desc(concerns.resolvedAt) : asc(concerns.raisedAt), asc(concerns.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(concerns).where(where),
  ]);
  return { rows, total: Number(n) };
}

/** Open (new or in progress) concerns, for the admin navigation's count. */
export async function countOpenConcerns(actor: SessionUser): Promise<number> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(concerns).where(ne(concerns.status, 'resolved'));
  return Number(row?.n ?? 0);
}

/** Concerns about one pairing, without their text, for the coordinator's pairing page. */
export async function listPairingConcerns(actor: SessionUser, pairingId: number): Promise<ConcernRow[]> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  return withPeople(db.select(rowColumns).from(concerns).$dynamic()).where(eq(concerns.pairingId, pairingId)).orderBy(desc(concerns.raisedAt));
}

export type ConcernDetail = ConcernRow & {
  body: string;
  raiserEmail: string;
  raisedBy: string;
  contactChannel: 'email' | 'phone' | null;
  contactPhone: string | null;
  assignedTo: string | null;
  resolution: string | null;
  outcome: ResolutionOutcome | null;
  resolvedAt: Date | null;
  pairingState: 'proposed' | 'active' | 'completed' | 'ended' | null;
  pairingPausedAt: Date | null;
  /** The physician of the pairing, while they are still in the program (for "withdraw the physician"). */
  mentorInProgram: { id: string; name: string } | null;
  notes: { id: number; body: string; author: string; createdAt: Date }[];
  admins: { id: string; name: string }[];
};

/**
 * One concern with its text and notes. Opening it is a read of sensitive text, so it writes an
 * audit row (`concern.read`) in the same transaction as the read.
 */
export async function openConcern(actor: SessionUser, concernId: number): Promise<ConcernDetail | null> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [c] = await withPeople(
      tx
        .select({
          ...rowColumns,
          body: concerns.body,
          raiserEmail: raiser.email,
          raisedBy: concerns.raisedBy,
          contactChannel: concerns.contactChannel,
          contactPhone: concerns.contactPhone,
          assignedTo: concerns.assignedTo,
          resolution: concerns.resolution,
          outcome: concerns.outcome,
          resolvedAt: concerns.resolvedAt,
          pairingState: pairings.state,
          pairingPausedAt: pairings.pausedAt,
          mentorId: pMentor.id,
          mentorName: sql<string>`coalesce(${pMentor.name}, ${pMentor.email})`,
          mentorStatus: pMentor.status,
        })
        .from(concerns)
        .$dynamic(),
    ).where(eq(concerns.id, concernId));
    if (!c) return null;
    await writeAudit(tx, { actorId: actor.id, action: 'concern.read', subjectId: c.id, details: { status: c.status } });
    const author = alias(users, 'c_author');
    const notes = await tx
      .select({ id: concernNotes.id, body: concernNotes.body, author: sql<string>`coalesce(${author.name}, ${author.email})`, createdAt: concernNotes.createdAt })
      .from(concernNotes)
      .innerJoin(author, eq(author.id, concernNotes.authorId))
      .where(eq(concernNotes.concernId, c.id))
      .orderBy(asc(concernNotes.createdAt), asc(concernNotes.id));
    const admins = (await tx
      .select({ id: users.id, name: sql<string>`coalesce(${users.name}, ${users.email})` })
      .from(users)
      .where(and(eq(users.role, 'admin'), ne(users.status, 'withdrawn')))
      .orderBy(asc(users.name))) as { id: string; name: string }[];
    const { mentorId, mentorName, mentorStatus, ...rest } = c;
    const mentorInProgram = mentorId && mentorStatus !== 'withdrawn' ? { id: mentorId, name: mentorName } : null;
    return { ...rest, mentorInProgram, notes, admins };
  });
}

async function lockOpenConcern(tx: Tx, concernId: number) {
  const [c] = await tx
    .select({ id: concerns.id, status: concerns.status, assignedTo: concerns.assignedTo, pairingId: concerns.pairingId })
    .from(concerns)
    .where(eq(concerns.id, concernId))
    .for('update');
  if (!c) throw new UserFacingError('This concern does not exist.');
  if (c.status === 'resolved') throw new UserFacingError('This concern is already resolved.');
  return c;
}

/** Assigns a concern to a coordinator; a new concern becomes "in progress". Audited. */
export async function assignConcern(actor: SessionUser, input: { concernId: number; assigneeId: string }): Promise<void> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const c = await lockOpenConcern(tx, input.concernId);
    const [who] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.assigneeId), eq(users.role, 'admin'), ne(users.status, 'withdrawn')));
    if (!who) throw new UserFacingError('Choose one of the program’s coordinators.');
    await tx.update(concerns).set({ assignedTo: who.id, status: 'in_progress' }).where(eq(concerns.id, c.id));
    await writeAudit(tx, { actorId: actor.id, action: 'concern.assigned', subjectId: c.id, details: { from: c.assignedTo, to: who.id } });
  });
}

/** A coordinator's private note on a concern (never shown to members). Audited, without the text. */
export async function addConcernNote(actor: SessionUser, input: { concernId: number; body: string }): Promise<void> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [c] = await tx.select({ id: concerns.id, status: concerns.status }).from(concerns).where(eq(concerns.id, input.concernId)).for('update');
    if (!c) throw new UserFacingError('This concern does not exist.');
    const [n] = await tx.insert(concernNotes).values({ concernId: c.id, authorId: actor.id, body: input.body, createdAt: now() }).returning({ id: concernNotes.id });
    if (c.status === 'new') await tx.update(concerns).set({ status: 'in_progress' }).where(eq(concerns.id, c.id));
    await writeAudit(tx, { actorId: actor.id, action: 'concern.note-added', subjectId: c.id, details: { noteId: n.id, length: input.body.length } });
  });
}

/**
 * Resolves a concern with a resolution text and, for a concern about a pairing, what happens to
 * it: resumed (the pause lifted), ended with a no-fault rematch (the existing end-pairing
 * operation, in this same transaction: the student goes to the top of the waitlist), or the
 * physician withdrawn from the program (every pairing of theirs ends with a rematch). Audited.
 */
export async function resolveConcern(actor: SessionUser, input: { concernId: number; resolution: string; outcome: ResolutionOutcome }): Promise<void> {
  assertPermission(actor, 'concerns:manage');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const c = await lockOpenConcern(tx, input.concernId);
    if (input.outcome !== 'none') {
      if (c.pairingId === null) throw new UserFacingError('This concern is not about a pairing: choose “resolve only”.');
      const [p] = await tx
        .select({ id: pairings.id, state: pairings.state, pausedAt: pairings.pausedAt, mentorId: pairings.mentorId })
        .from(pairings)
        .where(eq(pairings.id, c.pairingId))
        .for('update');
      if (!p) throw new UserFacingError('This concern is not about a pairing: choose “resolve only”.');
      if (input.outcome === 'withdrew-mentor') {
        // Whatever became of this pairing, the physician may still mentor others.
        await withdrawByCoordinatorIn(tx, actor, p.mentorId, `After concern #${c.id}: ${input.resolution}`, c.id);
      } else if (p.state !== 'active') throw new UserFacingError('The pairing is no longer active: choose “resolve only”.');
      else if (input.outcome === 'resumed') {
        if (!p.pausedAt) throw new UserFacingError('The pairing is not paused: choose “resolve only”.');
        await tx.update(pairings).set({ pausedAt: null, pausedBy: null }).where(eq(pairings.id, p.id));
        await writeAudit(tx, { actorId: actor.id, action: 'pairing.resumed', subjectId: p.id, details: { concernId: c.id } });
      } else {
        await endPairingIn(tx, actor, p.id, 'Ended after a concern was raised (no-fault rematch).', true, 'active');
      }
    }
    await tx
      .update(concerns)
      .set({
        status: 'resolved',
        resolution: input.resolution,
        outcome: input.outcome,
        resolvedBy: actor.id,
        resolvedAt: now(),
        assignedTo: sql`coalesce(${concerns.assignedTo}, ${actor.id})`,
      })
      .where(eq(concerns.id, c.id));
    await writeAudit(tx, { actorId: actor.id, action: 'concern.resolved', subjectId: c.id, details: { outcome: input.outcome, pairingId: c.pairingId } });
  });
}

/** Which of these pairings have an open concern (for markers in lists). */
export async function pairingsWithOpenConcerns(actor: SessionUser, ids: number[]): Promise<Set<number>> {
  assertPermission(actor, 'concerns:manage');
  if (!ids.length) return new Set();
  const db = await getDb();
  const rows = await db
    .selectDistinct({ pairingId: concerns.pairingId })
    .from(concerns)
    .where(and(inArray(concerns.pairingId, ids), ne(concerns.status, 'resolved')));
  return new Set(rows.map((r) => r.pairingId!));
}
