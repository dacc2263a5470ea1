import { parse } from 'csv-parse/sync';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, meetings, pairings, users } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { startExport } from '@/lib/exports/exports';
import { correctMeeting, deleteMeeting, getMemberPairing, getMyCadences, listMyMeetings, logMeeting, MeetingFieldError } from '@/lib/meetings/meetings';
import type { LogMeetingInput } from '@/lib/meetings/forms';
import { listPairings } from '@/lib/pairings/queries';
import { resetClock, setClock } from '@/lib/time/clock';
import { activePairing } from '../support/meetings';
import { createPerson } from '../support/people';

// Noon in Chicago (the program's default zone) on 1 March 2027.
const NOW = new Date('2027-03-01T18:00:00Z');
const START = '2027-01-04';
/** A meeting as the form sends it; `extra` may hold values the form would refuse. */
const meeting = (pairingId: number, date: string, extra: Record<string, unknown> = {}) =>
  ({
    pairingId,
    date,
    format: 'video',
    durationMinutes: '45',
    topics: ['mcat', 'personal-statement'],
    note: 'We talked about the MCAT plan.',
    ...extra,
  }) as LogMeetingInput;
const later = (days: number) => setClock(new Date(NOW.getTime() + days * 86_400_000));

async function liveRows(pairingId: number) {
  const db = await getDb();
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.pairingId, pairingId), isNull(meetings.deletedAt)));
}

beforeEach(() => setClock(NOW));
afterAll(() => resetClock());

describe('[MEETINGS]: logging a meeting', () => {
  it('a student logs a meeting and both members see it, newest first', async () => {
    const { mentee, mentor, pairingId } = await activePairing(START);
    await logMeeting(mentee, meeting(pairingId, '2027-02-01'));
    await logMeeting(mentor, meeting(pairingId, '2027-02-20', { format: 'phone', note: '' }));
    const forMentee = await listMyMeetings(mentee, pairingId);
    const forMentor = await listMyMeetings(mentor, pairingId);
    expect(forMentee.map((m) => m.date)).toEqual(['2027-02-20', '2027-02-01']);
    expect(forMentor.map((m) => m.date)).toEqual(['2027-02-20', '2027-02-01']);
    expect(forMentor[1]).toMatchObject({ note: 'We talked about the MCAT plan.', mine: false, editable: false, topics: ['mcat', 'personal-statement'] });
    expect(forMentee[1]).toMatchObject({ mine: true, editable: true });
    expect(forMentee[0].note).toBeNull();
    const db = await getDb();
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'meeting.logged'), eq(auditLog.actorId, mentee.id)));
    expect(audits).toHaveLength(1);
  });

  it('a meeting in the future (program time zone) is refused beside the date', async () => {
    const { mentee, pairingId } = await activePairing(START);
    await expect(logMeeting(mentee, meeting(pairingId, '2027-03-02'))).rejects.toThrow(MeetingFieldError);
    // 1 March 23:30 in Chicago is already 2 March in UTC: still "today" for the program.
    setClock(new Date('2027-03-02T05:30:00Z'));
    await expect(logMeeting(mentee, meeting(pairingId, '2027-03-02'))).rejects.toThrow('cannot be in the future');
    await logMeeting(mentee, meeting(pairingId, '2027-03-01'));
    expect(await liveRows(pairingId)).toHaveLength(1);
  });

  it('a meeting before the pairing started is refused', async () => {
    const { mentee, pairingId } = await activePairing(START);
    await expect(logMeeting(mentee, meeting(pairingId, '2027-01-03'))).rejects.toThrow('before the pairing started');
    await logMeeting(mentee, meeting(pairingId, START));
    expect((await liveRows(pairingId)).map((r) => r.date)).toEqual([START]);
  });

  it('a mentor cannot log a meeting for another mentor’s pairing', async () => {
    const { pairingId } = await activePairing(START);
    const other = await activePairing(START);
    await expect(logMeeting(other.mentor, meeting(pairingId, '2027-02-01'))).rejects.toThrow('not one of yours');
    await expect(logMeeting(other.mentee, meeting(pairingId, '2027-02-01'))).rejects.toThrow('not one of yours');
    expect(await listMyMeetings(other.mentor, pairingId)).toEqual([]);
    expect(await getMemberPairing(other.mentor, pairingId)).toBeNull();
    expect(await liveRows(pairingId)).toHaveLength(0);
  });

  it('an admin has no member rights: logging is refused by permission', async () => {
    const { admin, pairingId } = await activePairing(START);
    await expect(logMeeting(admin, meeting(pairingId, '2027-02-01'))).rejects.toThrow(ForbiddenError);
    expect(await liveRows(pairingId)).toHaveLength(0);
  });

  it('an ended pairing takes no new meetings', async () => {
    const { mentee, pairingId } = await activePairing(START);
    const db = await getDb();
    await db.update(pairings).set({ state: 'ended', endedAt: NOW, endReason: 'Test' }).where(eq(pairings.id, pairingId));
    await expect(logMeeting(mentee, meeting(pairingId, '2027-02-01'))).rejects.toThrow('no longer active');
    expect(await liveRows(pairingId)).toHaveLength(0);
  });

  it('the other member logging the same day confirms the meeting instead of adding one', async () => {
    const { mentee, mentor, pairingId } = await activePairing(START);
    expect((await logMeeting(mentee, meeting(pairingId, '2027-02-10'))).outcome).toBe('logged');
    expect((await logMeeting(mentor, meeting(pairingId, '2027-02-10', { format: 'phone', durationMinutes: '30' }))).outcome).toBe('confirmed');
    const rows = await liveRows(pairingId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ loggedBy: mentee.id, confirmedBy: mentor.id, format: 'video', durationMinutes: 45 });
    expect((await listMyMeetings(mentee, pairingId))[0].confirmedByName).not.toBeNull();
    // Again: nothing changes, and the author logging the same day twice is refused.
    expect((await logMeeting(mentor, meeting(pairingId, '2027-02-10'))).outcome).toBe('already-confirmed');
    await expect(logMeeting(mentee, meeting(pairingId, '2027-02-10'))).rejects.toThrow('already logged');
    expect(await liveRows(pairingId)).toHaveLength(1);
  });

  it('the database itself refuses two live meetings of one pairing on one day', async () => {
    const { mentee, pairingId } = await activePairing(START);
    await logMeeting(mentee, meeting(pairingId, '2027-02-10'));
    const db = await getDb();
    await expect(db.insert(meetings).values({ pairingId, date: '2027-02-10', format: 'phone', durationMinutes: 30, loggedBy: mentee.id })).rejects.toThrow();
  });

  it('bad topics, a silly length and a missing topic are refused', async () => {
    const { mentee, pairingId } = await activePairing(START);
    await expect(logMeeting(mentee, meeting(pairingId, '2027-02-10', { topics: ['astrology'] }))).rejects.toThrow();
    await expect(logMeeting(mentee, meeting(pairingId, '2027-02-10', { durationMinutes: '2' }))).rejects.toThrow();
    await expect(logMeeting(mentee, meeting(pairingId, '2027-02-10', { durationMinutes: '600' }))).rejects.toThrow();
    await expect(logMeeting(mentee, meeting(pairingId, '2027-02-10', { topics: [] }))).rejects.toThrow();
    expect(await liveRows(pairingId)).toHaveLength(0);
  });
});

describe('[MEETINGS]: correcting and deleting one’s own entry', () => {
  it('the author corrects their entry within 14 days; the change is kept with who and when', async () => {
    const { mentee, pairingId } = await activePairing(START);
    const { meetingId } = await logMeeting(mentee, meeting(pairingId, '2027-02-10'));
    later(14);
    await correctMeeting(mentee, { ...meeting(pairingId, '2027-02-11', { durationMinutes: '60', note: '' }), meetingId });
    const [row] = await liveRows(pairingId);
    expect(row).toMatchObject({ date: '2027-02-11', durationMinutes: 60, note: null, updatedBy: mentee.id });
    const db = await getDb();
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'meeting.corrected'), eq(auditLog.subjectId, String(meetingId)))),
    ).toHaveLength(1);
  });

  it('after 14 days the entry can no longer be corrected or deleted', async () => {
    const { mentee, pairingId } = await activePairing(START);
    const { meetingId } = await logMeeting(mentee, meeting(pairingId, '2027-02-10'));
    later(15);
    await expect(correctMeeting(mentee, { ...meeting(pairingId, '2027-02-11'), meetingId })).rejects.toThrow('can no longer be changed');
    await expect(deleteMeeting(mentee, { meetingId })).rejects.toThrow('can no longer be changed');
    const [row] = await liveRows(pairingId);
    expect(row).toMatchObject({ date: '2027-02-10', updatedBy: null, deletedAt: null });
    expect((await listMyMeetings(mentee, pairingId))[0].editable).toBe(false);
  });

  it('a member cannot correct or delete the other member’s entry', async () => {
    const { mentee, mentor, pairingId } = await activePairing(START);
    const { meetingId } = await logMeeting(mentee, meeting(pairingId, '2027-02-10'));
    await expect(correctMeeting(mentor, { ...meeting(pairingId, '2027-02-12'), meetingId })).rejects.toThrow('only change meetings you logged');
    await expect(deleteMeeting(mentor, { meetingId })).rejects.toThrow('only change meetings you logged');
    const stranger = await activePairing(START);
    await expect(deleteMeeting(stranger.mentee, { meetingId })).rejects.toThrow('only change meetings you logged');
    const [row] = await liveRows(pairingId);
    expect(row).toMatchObject({ date: '2027-02-10', deletedAt: null });
  });

  it('deleting is soft: the row stays with who and when, the list drops it, the day is free again', async () => {
    const { mentee, mentor, pairingId } = await activePairing(START);
    const { meetingId } = await logMeeting(mentee, meeting(pairingId, '2027-02-10'));
    await deleteMeeting(mentee, { meetingId });
    const db = await getDb();
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(row.deletedBy).toBe(mentee.id);
    // Stamped by the app clock (2027 here), not the database's own time.
    expect(Math.abs(row.deletedAt!.getTime() - NOW.getTime())).toBeLessThan(60_000);
    expect(await listMyMeetings(mentor, pairingId)).toEqual([]);
    expect((await logMeeting(mentor, meeting(pairingId, '2027-02-10'))).outcome).toBe('logged');
  });

  it('moving an entry to another day drops the other member’s confirmation, and cannot land on a taken day', async () => {
    const { mentee, mentor, pairingId } = await activePairing(START);
    const { meetingId } = await logMeeting(mentee, meeting(pairingId, '2027-02-10'));
    await logMeeting(mentor, meeting(pairingId, '2027-02-10'));
    await logMeeting(mentor, meeting(pairingId, '2027-02-14'));
    await expect(correctMeeting(mentee, { ...meeting(pairingId, '2027-02-14'), meetingId })).rejects.toThrow('already a meeting');
    await correctMeeting(mentee, { ...meeting(pairingId, '2027-02-12'), meetingId });
    const [row] = await getDb().then((db) => db.select().from(meetings).where(eq(meetings.id, meetingId)));
    expect(row).toMatchObject({ date: '2027-02-12', confirmedBy: null, confirmedAt: null });
  });
});

describe('[MEETINGS]: cadence', () => {
  it('members see their cadence from the last meeting, or the start when there is none', async () => {
    const { mentee, mentor, pairingId } = await activePairing('2027-01-15'); // 45 days before TODAY
    expect((await getMyCadences(mentee))[0].cadence).toMatchObject({ status: 'due-soon', days: 45, lastMet: null });
    await logMeeting(mentor, meeting(pairingId, '2027-02-20'));
    expect((await getMyCadences(mentee))[0].cadence).toMatchObject({ status: 'on-track', days: 9, lastMet: '2027-02-20' });
  });

  it('the Active tab computes cadence in its one query, filters and sorts by it', async () => {
    const overdue = await activePairing('2026-12-01'); // 90 days
    const dueSoon = await activePairing('2027-01-10'); // 50 days
    const onTrack = await activePairing('2027-02-20'); // 9 days
    const ids = [overdue.pairingId, dueSoon.pairingId, onTrack.pairingId];
    const all = (await listPairings(overdue.admin, ['active'])).filter((r) => ids.includes(r.id));
    expect(Object.fromEntries(all.map((r) => [r.id, [r.cadence, r.cadenceDays]]))).toEqual({
      [overdue.pairingId]: ['overdue', 90],
      [dueSoon.pairingId]: ['due-soon', 50],
      [onTrack.pairingId]: ['on-track', 9],
    });
    const onlyOverdue = await listPairings(overdue.admin, ['active'], { cadence: 'overdue' });
    expect(onlyOverdue.map((r) => r.id)).toContain(overdue.pairingId);
    expect(onlyOverdue.map((r) => r.id)).not.toContain(dueSoon.pairingId);
    expect(onlyOverdue.every((r) => r.cadence === 'overdue')).toBe(true);
    const sorted = (await listPairings(overdue.admin, ['active'], { sort: 'days' })).map((r) => r.cadenceDays ?? -1);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    // A meeting moves the pairing to on track.
    await logMeeting(overdue.mentee, meeting(overdue.pairingId, '2027-02-27'));
    const after = (await listPairings(overdue.admin, ['active'])).find((r) => r.id === overdue.pairingId)!;
    expect(after).toMatchObject({ cadence: 'on-track', cadenceDays: 2, lastMet: '2027-02-27' });
  });
});

describe('[MEETINGS]: meetings.csv', () => {
  it('admins only; one row per live meeting, no shared note, formulas neutralised, audited', async () => {
    const { admin, mentee, mentor, pairingId } = await activePairing(START);
    const db = await getDb();
    await db.update(users).set({ name: '=HYPERLINK("http://example.org")' }).where(eq(users.id, mentee.id));
    const a = await logMeeting(mentee, meeting(pairingId, '2027-02-10', { note: 'Private words between us' }));
    await logMeeting(mentor, meeting(pairingId, '2027-02-10'));
    const b = await logMeeting(mentor, meeting(pairingId, '2027-02-15', { format: 'in-person' }));
    const deleted = await logMeeting(mentor, meeting(pairingId, '2027-02-16'));
    await deleteMeeting(mentor, { meetingId: deleted.meetingId });

    await expect(startExport(mentee, 'meetings', { identity: false })).rejects.toThrow(ForbiddenError);
    await expect(startExport(mentor, 'meetings', { identity: false })).rejects.toThrow(ForbiddenError);

    const chunks: Buffer[] = [];
    for await (const c of (await startExport(admin, 'meetings', { identity: false })) as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).not.toContain('Private words');
    const rows = (parse(text, { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.pairing_id === String(pairingId));
    expect(rows.map((r) => r.meeting_id)).toEqual([String(a.meetingId), String(b.meetingId)]);
    expect(Object.keys(rows[0])).not.toContain('note');
    expect(rows[0]).toMatchObject({
      student: '\'=HYPERLINK("http://example.org")',
      date: '2027-02-10',
      format: 'video',
      duration_minutes: '45',
      topics: 'mcat; personal-statement',
      logged_by_role: 'student',
      confirmed: 'yes',
    });
    expect(rows[1]).toMatchObject({ format: 'in-person', confirmed: 'no', logged_by_role: 'physician' });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export.downloaded'), eq(auditLog.actorId, admin.id), sql`${auditLog.details}->>'file' = 'meetings.csv'`));
    expect(audits).toHaveLength(1);
  });

  it('a student or physician is refused the export route with a 404 (see the authz matrix); an unknown export too', async () => {
    const someone = await createPerson('mentee', 'approved');
    await expect(startExport(someone, 'meetings', { identity: false })).rejects.toThrow(ForbiddenError);
  });
});
