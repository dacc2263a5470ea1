import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { adminNotes, auditLog } from '@/db/schema';
import { describeAudit } from '@/lib/audit/describe';
import { listAuditLog, parseAuditQuery } from '@/lib/audit/log';
import { ForbiddenError } from '@/lib/auth/permissions';
import { UserFacingError } from '@/lib/errors';
import { addPairingNote, addPersonNote, listPairingNotes, listPersonNotes } from '@/lib/notes/notes';
import { proposePairings } from '@/lib/pairings/operations';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor } from '../support/program';

async function notesAbout(userId: string) {
  const db = await getDb();
  return db.select({ id: adminNotes.id, body: adminNotes.body }).from(adminNotes).where(eq(adminNotes.userId, userId));
}

describe('[NOTES] coordinators’ private notes', () => {
  it('[NOTES]: an admin adds a note on a person; it is listed newest first and audited with its length, never its words', async () => {
    const db = await getDb();
    const admin = await createPerson('admin', 'approved', 'Casey Coordinator');
    const person = await createPerson('mentee');
    await addPersonNote(admin, { userId: person.id, body: 'Asked to meet by phone.' });
    const second = await addPersonNote(admin, { userId: person.id, body: '  Prefers evenings.\r\nCall first.  ' });
    const notes = await listPersonNotes(admin, person.id);
    expect(notes.map((n) => n.body)).toEqual(['Prefers evenings.\nCall first.', 'Asked to meet by phone.']);
    expect(notes[0].authorName).toBe('Casey Coordinator');
    const [audit] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'note.added-person'), eq(auditLog.subjectId, person.id), eq(auditLog.actorId, admin.id)))
      .orderBy(auditLog.id)
      .offset(1);
    expect(audit.details).toEqual({ noteId: second, length: 'Prefers evenings.\nCall first.'.length });
    expect(JSON.stringify(audit.details)).not.toContain('evenings');
  });

  it('[NOTES]: a mentor or a student can neither read nor write notes, and nothing is written', async () => {
    const admin = await createPerson('admin');
    const person = await createPerson('mentee');
    await addPersonNote(admin, { userId: person.id, body: 'Private to coordinators.' });
    for (const role of ['mentor', 'mentee'] as const) {
      const member = await createPerson(role, 'approved');
      await expect(listPersonNotes(member, person.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addPersonNote(member, { userId: person.id, body: 'Sneaky' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await notesAbout(person.id)).map((n) => n.body)).toEqual(['Private to coordinators.']);
  });

  it('[NOTES]: a blank or too long note, or one about nobody, is refused with a reason', async () => {
    const admin = await createPerson('admin');
    const person = await createPerson('mentee');
    await expect(addPersonNote(admin, { userId: person.id, body: '   ' })).rejects.toThrow(UserFacingError);
    await expect(addPersonNote(admin, { userId: person.id, body: 'x'.repeat(4001) })).rejects.toThrow(/under 4,000/);
    await expect(addPersonNote(admin, { userId: 'no-such-person', body: 'Hello' })).rejects.toThrow('That person was not found.');
    await expect(addPairingNote(admin, { pairingId: 2_000_000_000, body: 'Hello' })).rejects.toThrow('That pairing was not found.');
    expect(await notesAbout(person.id)).toEqual([]);
  });

  it('[NOTES]: notes on a pairing are kept apart from notes on its people', async () => {
    const admin = await createPerson('admin');
    const [mentee, mentor] = await Promise.all([approvedMentee(), approvedMentor()]);
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const db = await getDb();
    const { pairings } = await import('@/db/schema');
    const [{ id }] = await db.select({ id: pairings.id }).from(pairings).where(eq(pairings.menteeId, mentee.id));
    await addPairingNote(admin, { pairingId: id, body: 'Both prefer video.' });
    expect((await listPairingNotes(admin, id)).map((n) => n.body)).toEqual(['Both prefer video.']);
    expect(await listPersonNotes(admin, mentee.id)).toEqual([]);
  });
});

describe('[AUDIT] the audit log viewer', () => {
  it('[AUDIT]: only admins read the log', async () => {
    for (const role of ['mentor', 'mentee'] as const) {
      const member = await createPerson(role, 'approved');
      await expect(listAuditLog(member, parseAuditQuery({}))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('[AUDIT]: pages by cursor, newest first, with no entry twice and none missed', async () => {
    const admin = await createPerson('admin', 'approved', `Pager ${Date.now()}`);
    const person = await createPerson('mentee');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await addPersonNote(admin, { userId: person.id, body: `Note ${i}` }));
    const query = parseAuditQuery({ subjectType: 'user', subjectId: person.id });
    const first = await listAuditLog(admin, query, 2);
    const second = await listAuditLog(admin, { ...query, before: first.nextBefore! }, 2);
    const third = await listAuditLog(admin, { ...query, before: second.nextBefore! }, 2);
    const seen = [...first.rows, ...second.rows, ...third.rows].map((r) => (r.details as { noteId: number }).noteId);
    expect(seen).toEqual([...ids].reverse());
    expect(third.nextBefore).toBeNull();
  });

  it('[AUDIT]: filters by actor, event, subject and day; malformed filters are ignored, not errors', async () => {
    const db = await getDb();
    const tag = Date.now().toString(36);
    const admin = await createPerson('admin', 'approved', `Filter Admin ${tag}`);
    const other = await createPerson('admin', 'approved', `Someone Else ${tag}`);
    const person = await createPerson('mentee');
    await addPersonNote(admin, { userId: person.id, body: 'by the first admin' });
    await addPersonNote(other, { userId: person.id, body: 'by the other admin' });
    const byActor = await listAuditLog(admin, parseAuditQuery({ actor: `filter admin ${tag}` }));
    expect(byActor.rows.map((r) => r.actorId)).toEqual([admin.id]);
    const byEvent = await listAuditLog(admin, parseAuditQuery({ event: 'note.added-person', subjectId: person.id }));
    expect(byEvent.rows).toHaveLength(2);
    expect(byEvent.rows.every((r) => r.action === 'note.added-person')).toBe(true);
    // Move one row to another day: the day filter keeps only that day's rows.
    await db
      .update(auditLog)
      .set({ createdAt: new Date('2026-01-02T15:00:00Z') })
      .where(and(eq(auditLog.actorId, other.id), eq(auditLog.subjectId, person.id)));
    const onDay = await listAuditLog(admin, parseAuditQuery({ subjectId: person.id, from: '2026-01-02', to: '2026-01-02' }));
    expect(onDay.rows.map((r) => r.actorId)).toEqual([other.id]);
    const malformed = parseAuditQuery({ event: 'not.an-event', from: '2026-02-30', before: 'abc', subjectType: 'nope' });
    expect(malformed).toEqual({
      actor: undefined,
      event: undefined,
      subjectType: undefined,
      subjectId: undefined,
      from: undefined,
      to: undefined,
      before: undefined,
    });
  });

  it('[AUDIT]: rows read in words; identity reads and exports name what was read', () => {
    expect(describeAudit('export.downloaded', { file: 'people.csv', identity: true })).toBe('Downloaded people.csv WITH identity columns.');
    expect(describeAudit('identity.viewed', { found: true })).toBe('Read this person’s identity answers.');
    expect(describeAudit('pairing.ended', { reason: 'Schedules did not fit', rematch: true })).toBe(
      'Ended — “Schedules did not fit”; the student asked for a no-fault rematch.',
    );
    expect(describeAudit('some.future-event', { a: 1 })).toBe('Some future event — a: 1.');
  });
});

describe('[PEOPLE] a person’s pairings on their page', () => {
  it('[PEOPLE]: the page lists current and past pairings with states, dates and reasons, and pairing events join the audit trail', async () => {
    const { getPersonDetail } = await import('@/lib/people/detail');
    const { approvePairings, endPairing } = await import('@/lib/pairings/operations');
    const db = await getDb();
    const { pairings } = await import('@/db/schema');
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const [first, second] = await Promise.all([approvedMentor(), approvedMentor()]);
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: first.id }]);
    const idOf = async (mentorId: string) =>
      (
        await db
          .select({ id: pairings.id })
          .from(pairings)
          .where(and(eq(pairings.menteeId, mentee.id), eq(pairings.mentorId, mentorId)))
      )[0].id;
    const firstId = await idOf(first.id);
    await approvePairings(admin, [firstId]);
    await endPairing(admin, firstId, 'Schedules never lined up', true);
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: second.id }]);
    const secondId = await idOf(second.id);
    await approvePairings(admin, [secondId]);

    const detail = await getPersonDetail(admin, mentee.id);
    expect(detail!.pairings.map((p) => [p.id, p.state, p.otherId, p.endReason, p.rematchRequested])).toEqual([
      [secondId, 'active', second.id, null, false],
      [firstId, 'ended', first.id, 'Schedules never lined up', true],
    ]);
    expect(detail!.pairings[0].startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const pairingEvents = detail!.audit.filter((a) => a.action.startsWith('pairing.')).map((a) => a.action);
    expect(pairingEvents.sort()).toEqual(['pairing.approved', 'pairing.approved', 'pairing.ended', 'pairing.proposed', 'pairing.proposed']);
    // The mentor's page shows the student, and only their own pairing's events.
    const mentorDetail = await getPersonDetail(admin, first.id);
    expect(mentorDetail!.pairings.map((p) => p.otherId)).toEqual([mentee.id]);
    expect(
      mentorDetail!.audit
        .filter((a) => a.action.startsWith('pairing.'))
        .map((a) => a.action)
        .sort(),
    ).toEqual(['pairing.approved', 'pairing.ended', 'pairing.proposed']);
  });
});
