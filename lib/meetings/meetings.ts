import 'server-only';
/**
 * Meetings of a pairing, logged by its members. Every function checks its permission and puts
 * ownership in the query: a member reaches a pairing only through `pairingMember(actor)`, and a
 * meeting only through its pairing (and, to correct or delete it, only when they logged it).
 *
 * Rules: a meeting is logged on an ACTIVE pairing, on a day not in the future (program time zone)
 * and not before the pairing's start. One live meeting per pairing and day (a partial unique
 * index): when the other member logs the same day, their submit confirms the existing row instead
 * of adding one. The author may correct or delete their entry for MEETING_EDIT_DAYS after logging
 * it; deletion is soft (deleted_at/deleted_by), and every change is audited.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db/client';
import { meetings, pairings, users, type Meeting } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { parseOrRefuse } from '@/lib/forms/parse';
import { pairingMember } from '@/lib/pairings/membership';
import { loadProgramSettings } from '@/lib/settings/program';
import { now } from '@/lib/time/clock';
import { todayIn } from '@/lib/time/dates';
import { cadenceFor, type Cadence } from './cadence';
import { correctMeetingSchema, deleteMeetingSchema, logMeetingSchema, MEETING_EDIT_DAYS, type CorrectMeetingInput, type LogMeetingInput } from './forms';

const DAY_MS = 86_400_000;

/** A refusal that belongs beside one field of the form (the action shows it there). */
export class MeetingFieldError extends UserFacingError {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the author may still correct or delete an entry logged at `loggedAt`. */
export function withinEditWindow(loggedAt: Date, at: Date = now()): boolean {
  return at.getTime() - loggedAt.getTime() <= MEETING_EDIT_DAYS * DAY_MS;
}

/** The member's pairing, locked for the change; refused when it is not theirs or not active. */
async function lockOwnActivePairing(tx: Tx, actor: SessionUser, pairingId: number) {
  const [p] = await tx
    .select({ id: pairings.id, state: pairings.state, startDate: pairings.startDate })
    .from(pairings)
    .where(and(eq(pairings.id, pairingId), pairingMember(actor)))
    .for('update');
  if (!p) throw new UserFacingError('That pairing is not one of yours.');
  if (p.state !== 'active') throw new UserFacingError('This pairing is no longer active, so meetings cannot be logged for it.');
  return p;
}

function checkDate(date: string, startDate: string | null, today: string) {
  if (date > today) throw new MeetingFieldError('date', 'The day you met cannot be in the future.');
  if (startDate && date < startDate) throw new MeetingFieldError('date', 'The day you met cannot be before the pairing started.');
}

export type LogOutcome = { outcome: 'logged' | 'confirmed' | 'already-confirmed'; meetingId: number };

/**
 * Logs a meeting, or confirms the one the other member logged for the same day. The pairing row is
 * locked first, so both members submitting at once are served one after the other (and the
 * partial unique index backs that up).
 */
export async function logMeeting(actor: SessionUser, input: LogMeetingInput): Promise<LogOutcome> {
  assertPermission(actor, 'meetings:log-own');
  const data = parseOrRefuse(logMeetingSchema, input, 'Check the meeting details.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const p = await lockOwnActivePairing(tx, actor, data.pairingId);
    const { timeZone } = await loadProgramSettings(tx);
    checkDate(data.date, p.startDate, todayIn(timeZone, now()));
    const [same] = await tx
      .select({ id: meetings.id, loggedBy: meetings.loggedBy, confirmedBy: meetings.confirmedBy })
      .from(meetings)
      .where(and(eq(meetings.pairingId, p.id), eq(meetings.date, data.date), isNull(meetings.deletedAt)));
    if (same) {
      if (same.loggedBy === actor.id) throw new MeetingFieldError('date', 'You already logged a meeting on that day. Correct that entry instead.');
      if (same.confirmedBy) return { outcome: 'already-confirmed', meetingId: same.id } as const;
      await tx.update(meetings).set({ confirmedBy: actor.id, confirmedAt: now() }).where(eq(meetings.id, same.id));
      await writeAudit(tx, { action: 'meeting.confirmed', actorId: actor.id, subjectId: same.id, details: { pairingId: p.id, date: data.date } });
      return { outcome: 'confirmed', meetingId: same.id } as const;
    }
    const [row] = await tx
      .insert(meetings)
      .values({
        pairingId: p.id,
        date: data.date,
        format: data.format,
        durationMinutes: data.durationMinutes,
        topics: data.topics,
        note: data.note,
        loggedBy: actor.id,
        loggedAt: now(),
      })
      .returning({ id: meetings.id });
    await writeAudit(tx, {
      action: 'meeting.logged',
      actorId: actor.id,
      subjectId: row.id,
      details: { pairingId: p.id, date: data.date, format: data.format, durationMinutes: data.durationMinutes, topics: data.topics },
    });
    return { outcome: 'logged', meetingId: row.id } as const;
  });
}

/** The author's own live entry on one of their pairings, locked; refused otherwise or once the window has closed. */
async function lockOwnEditableMeeting(tx: Tx, actor: SessionUser, meetingId: number): Promise<Meeting & { startDate: string | null; state: string }> {
  const [m] = await tx
    .select({ meeting: meetings, startDate: pairings.startDate, state: pairings.state })
    .from(meetings)
    .innerJoin(pairings, eq(pairings.id, meetings.pairingId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.loggedBy, actor.id), isNull(meetings.deletedAt), pairingMember(actor)))
    .for('update', { of: meetings });
  if (!m) throw new UserFacingError('You can only change meetings you logged yourself.');
  if (!withinEditWindow(m.meeting.loggedAt))
    throw new UserFacingError(`Entries can be changed for ${MEETING_EDIT_DAYS} days after they are logged; this one can no longer be changed.`);
  return { ...m.meeting, startDate: m.startDate, state: m.state };
}

/** Corrects one's own entry. A changed day drops the other member's confirmation (it was for another day). */
export async function correctMeeting(actor: SessionUser, input: CorrectMeetingInput): Promise<void> {
  assertPermission(actor, 'meetings:log-own');
  const data = parseOrRefuse(correctMeetingSchema, input, 'Check the meeting details.');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const m = await lockOwnEditableMeeting(tx, actor, data.meetingId);
    if (m.state !== 'active') throw new UserFacingError('This pairing is no longer active, so its meetings cannot be changed.');
    const { timeZone } = await loadProgramSettings(tx);
    checkDate(data.date, m.startDate, todayIn(timeZone, now()));
    if (data.date !== m.date) {
      const [clash] = await tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.pairingId, m.pairingId), eq(meetings.date, data.date), isNull(meetings.deletedAt)));
      if (clash) throw new MeetingFieldError('date', 'There is already a meeting logged on that day.');
    }
    const dateChanged = data.date !== m.date;
    await tx
      .update(meetings)
      .set({
        date: data.date,
        format: data.format,
        durationMinutes: data.durationMinutes,
        topics: data.topics,
        note: data.note,
        updatedBy: actor.id,
        updatedAt: now(),
        ...(dateChanged ? { confirmedBy: null, confirmedAt: null } : {}),
      })
      .where(eq(meetings.id, m.id));
    await writeAudit(tx, {
      action: 'meeting.corrected',
      actorId: actor.id,
      subjectId: m.id,
      details: {
        pairingId: m.pairingId,
        before: { date: m.date, format: m.format, durationMinutes: m.durationMinutes, topics: m.topics, noteChanged: (m.note ?? null) !== (data.note ?? null) },
        after: { date: data.date, format: data.format, durationMinutes: data.durationMinutes, topics: data.topics },
      },
    });
  });
}

/** Deletes one's own entry (soft: the row stays with who and when). */
export async function deleteMeeting(actor: SessionUser, input: { meetingId: number | string }): Promise<void> {
  assertPermission(actor, 'meetings:log-own');
  const data = parseOrRefuse(deleteMeetingSchema, input, 'Unknown meeting.');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const m = await lockOwnEditableMeeting(tx, actor, data.meetingId);
    await tx.update(meetings).set({ deletedAt: now(), deletedBy: actor.id }).where(eq(meetings.id, m.id));
    await writeAudit(tx, { action: 'meeting.deleted', actorId: actor.id, subjectId: m.id, details: { pairingId: m.pairingId, date: m.date } });
  });
}

// ───────────────────────── reads ─────────────────────────

export type MeetingView = {
  id: number;
  date: string;
  format: Meeting['format'];
  durationMinutes: number;
  topics: string[];
  note: string | null;
  loggedById: string;
  loggedByName: string;
  loggedAt: Date;
  confirmedByName: string | null;
  /** The viewer confirmed it (the other member logged it). */
  confirmedByMe: boolean;
  /** The viewer logged it. */
  mine: boolean;
  /** The viewer may still correct or delete it. */
  editable: boolean;
};

const logger = alias(users, 'logger');
const confirmer = alias(users, 'confirmer');

async function meetingRows(pairingId: number, viewerId: string | null, active: boolean): Promise<MeetingView[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: meetings.id,
      date: meetings.date,
      format: meetings.format,
      durationMinutes: meetings.durationMinutes,
      topics: meetings.topics,
      note: meetings.note,
      loggedById: meetings.loggedBy,
      loggedByName: sql<string>`coalesce(${logger.name}, ${logger.email})`,
      loggedAt: meetings.loggedAt,
      confirmedByName: sql<string | null>`coalesce(${confirmer.name}, ${confirmer.email})`,
      confirmedById: meetings.confirmedBy,
    })
    .from(meetings)
    .innerJoin(logger, eq(logger.id, meetings.loggedBy))
    .leftJoin(confirmer, eq(confirmer.id, meetings.confirmedBy))
    .where(and(eq(meetings.pairingId, pairingId), isNull(meetings.deletedAt)))
    .orderBy(desc(meetings.date), desc(meetings.id));
  const at = now();
  return rows.map(({ confirmedById, ...r }) => {
    const mine = viewerId !== null && r.loggedById === viewerId;
    return { ...r, mine, confirmedByMe: viewerId !== null && confirmedById === viewerId, editable: mine && active && withinEditWindow(r.loggedAt, at) };
  });
}

export type MemberPairing = {
  pairingId: number;
  state: string;
  startDate: string;
  /** The other member: the mentor for a student, the student for a mentor. */
  otherName: string;
  today: string;
  cadence: Cadence;
};

/**
 * One of the actor's active pairings, as the meeting page needs it: the mentee's only one (no id)
 * or the mentor's one by id. Null when it is not theirs or not active.
 */
export async function getMemberPairing(actor: SessionUser, pairingId?: number): Promise<MemberPairing | null> {
  assertPermission(actor, 'meetings:log-own');
  const db = await getDb();
  const other = alias(users, 'other');
  const otherSide = actor.role === 'mentor' ? pairings.menteeId : pairings.mentorId;
  const [p] = await db
    .select({
      pairingId: pairings.id,
      state: pairings.state,
      startDate: pairings.startDate,
      approvedAt: pairings.approvedAt,
      otherName: sql<string>`coalesce(${other.name}, ${other.email})`,
      lastMet: sql<string | null>`(select max(m.date)::text from ${meetings} m where m.pairing_id = ${pairings.id} and m.deleted_at is null)`,
    })
    .from(pairings)
    .innerJoin(other, eq(other.id, otherSide))
    .where(and(pairingMember(actor), eq(pairings.state, 'active'), pairingId === undefined ? undefined : eq(pairings.id, pairingId)))
    .limit(1);
  if (!p) return null;
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, now());
  const startDate = p.startDate ?? todayIn(settings.timeZone, p.approvedAt ?? now());
  return {
    pairingId: p.pairingId,
    state: p.state,
    startDate,
    otherName: p.otherName,
    today,
    cadence: cadenceFor({ lastMet: p.lastMet, startDate }, today, settings),
  };
}

/** The meetings of one of the actor's pairings, newest first. Empty when the pairing is not theirs. */
export async function listMyMeetings(actor: SessionUser, pairingId: number): Promise<MeetingView[]> {
  assertPermission(actor, 'meetings:log-own');
  const db = await getDb();
  const [p] = await db
    .select({ id: pairings.id, state: pairings.state })
    .from(pairings)
    .where(and(eq(pairings.id, pairingId), pairingMember(actor)));
  if (!p) return [];
  return meetingRows(p.id, actor.id, p.state === 'active');
}

export type MyCadence = { pairingId: number; otherName: string; cadence: Cadence };

/** The cadence of each of the actor's active pairings (portal homes), in one query. */
export async function getMyCadences(actor: SessionUser): Promise<MyCadence[]> {
  assertPermission(actor, 'meetings:log-own');
  const db = await getDb();
  const other = alias(users, 'other');
  const otherSide = actor.role === 'mentor' ? pairings.menteeId : pairings.mentorId;
  const rows = await db
    .select({
      pairingId: pairings.id,
      startDate: pairings.startDate,
      approvedAt: pairings.approvedAt,
      otherName: sql<string>`coalesce(${other.name}, ${other.email})`,
      lastMet: sql<string | null>`(select max(m.date)::text from ${meetings} m where m.pairing_id = ${pairings.id} and m.deleted_at is null)`,
    })
    .from(pairings)
    .innerJoin(other, eq(other.id, otherSide))
    .where(and(pairingMember(actor), eq(pairings.state, 'active')));
  if (!rows.length) return [];
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, now());
  return rows.map((r) => ({
    pairingId: r.pairingId,
    otherName: r.otherName,
    cadence: cadenceFor({ lastMet: r.lastMet, startDate: r.startDate ?? todayIn(settings.timeZone, r.approvedAt ?? now()) }, today, settings),
  }));
}

export type PairingMeetingsSummary = { meetings: MeetingView[]; count: number; lastMet: string | null; cadence: Cadence | null; active: boolean };

/** The coordinator's view of one pairing's meetings: list, count, last met and cadence (active pairings). */
export async function getPairingMeetingsForAdmin(actor: SessionUser, pairingId: number): Promise<PairingMeetingsSummary | null> {
  assertPermission(actor, 'meetings:read-any');
  const db = await getDb();
  const [p] = await db
    .select({ id: pairings.id, state: pairings.state, startDate: pairings.startDate, approvedAt: pairings.approvedAt })
    .from(pairings)
    .where(eq(pairings.id, pairingId));
  if (!p) return null;
  const list = await meetingRows(p.id, null, false);
  const lastMet = list[0]?.date ?? null;
  const active = p.state === 'active';
  let cadence: Cadence | null = null;
  if (active) {
    const settings = await loadProgramSettings(db);
    const today = todayIn(settings.timeZone, now());
    cadence = cadenceFor({ lastMet, startDate: p.startDate ?? todayIn(settings.timeZone, p.approvedAt ?? now()) }, today, settings);
  }
  return { meetings: list, count: list.length, lastMet, cadence, active };
}
