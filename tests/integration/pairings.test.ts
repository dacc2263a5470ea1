import { and, count, eq, inArray, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getDbHandle } from '@/db/client';
import { auditLog, emails, matchRules, mentorProfiles, pairings, users } from '@/db/schema';
import { getWaitlist, optimise, suggestMentors } from '@/lib/matching/workbench';
import { loadPool } from '@/lib/matching/pool';
import { approvePairings, endPairing, proposePairings } from '@/lib/pairings/operations';
import { getMyMentees, getMyMentor } from '@/lib/pairings/queries';
import { withdrawFromProgram } from '@/lib/registration/profile';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor } from '../support/program';

async function stateOf(id: number) {
  const db = await getDb();
  const [p] = await db.select({ state: pairings.state }).from(pairings).where(eq(pairings.id, id));
  return p.state;
}

async function proposalId(menteeId: string) {
  const db = await getDb();
  const [p] = await db
    .select({ id: pairings.id })
    .from(pairings)
    .where(and(eq(pairings.menteeId, menteeId), eq(pairings.state, 'proposed')));
  return p.id;
}

/** Every pairing row of these people, their waitlist fields, the pairing audit rows and the emails sent. */
async function snapshot(menteeIds: string[], mentorId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(pairings)
    .where(or(inArray(pairings.menteeId, menteeIds), eq(pairings.mentorId, mentorId)))
    .orderBy(pairings.id);
  const people = await db
    .select({ id: users.id, status: users.status, priority: users.priorityRematchAt, waitingSince: users.waitingSince })
    .from(users)
    .where(inArray(users.id, [...menteeIds, mentorId]))
    .orderBy(users.id);
  const audits = rows.length
    ? await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.subjectType, 'pairing'),
            inArray(
              auditLog.subjectId,
              rows.map((r) => String(r.id)),
            ),
          ),
        )
        .orderBy(auditLog.id)
    : [];
  const addresses = (
    await db
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, [...menteeIds, mentorId]))
  ).map((u) => u.email);
  const sent = await db.select({ id: emails.id }).from(emails).where(inArray(emails.to, addresses)).orderBy(emails.id);
  return { pairings: rows, people, audits, emails: sent };
}

describe('[PAIRINGS]: proposals, approval and release', () => {
  it('a proposal is staged: invisible to both until approved; approval emails both and shows them to each other', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor({}, ['black-african-american']);
    expect(await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }])).toEqual({ ok: 1, failed: [], stagedAt: expect.any(String) });
    expect(await getMyMentor(mentee)).toBeNull();
    expect(await getMyMentees(mentor)).toEqual([]);

    const id = await proposalId(mentee.id);
    const out = await approvePairings(admin, [id], { subject: 'Hello {mentee_name} & {mentor_name}', body: 'Write to {mentor_email}.\n\n{mentee_about}' });
    expect(out).toEqual({ ok: 1, failed: [] });
    expect(await stateOf(id)).toBe('active');
    const shown = await getMyMentor(mentee);
    expect(shown).toMatchObject({ email: mentor.email, organisation: 'Example Clinic', identity: null }); // mentor did not choose to show identity
    expect((await getMyMentees(mentor)).map((m) => m.email)).toEqual([mentee.email]);
    expect(Object.keys((await getMyMentees(mentor))[0])).not.toContain('races');

    const db = await getDb();
    const intro = await db
      .select({ to: emails.to, subject: emails.subject, text: emails.text })
      .from(emails)
      .where(and(eq(emails.kind, 'introduction'), inArray(emails.to, [mentee.email, mentor.email])));
    expect(intro).toHaveLength(2);
    // Names as registered (the profile's full name).
    expect(intro[0].subject).toBe('Hello Ana Test Student & Dr. Test Mentor');
    expect(intro[0].text).toContain(`Write to ${mentor.email}.`);
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'pairing'), eq(auditLog.subjectId, String(id))));
    expect(audits.map((a) => a.action).sort()).toEqual(['pairing.approved', 'pairing.proposed']);
  });

  it('approval twice releases once', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const id = await proposalId(mentee.id);
    expect((await approvePairings(admin, [id])).ok).toBe(1);
    expect(await approvePairings(admin, [id])).toEqual({ ok: 0, failed: [{ id: String(id), reason: 'This pairing was already approved.' }] });
  });

  it('a non-admin cannot propose, approve or end, and nothing changes', async () => {
    // Real rows first: a staged proposal and an active pairing, so "nothing changes" has something to change.
    const admin = await createPerson('admin');
    const [staged, active] = [await approvedMentee(), await approvedMentee()];
    const mentor = await approvedMentor({ capacity: '3' });
    const spare = await approvedMentee();
    await proposePairings(
      admin,
      [staged, active].map((m) => ({ menteeId: m.id, mentorId: mentor.id })),
    );
    const [stagedId, activeId] = [await proposalId(staged.id), await proposalId(active.id)];
    await approvePairings(admin, [activeId]);
    const before = await snapshot([staged.id, active.id, spare.id], mentor.id);
    expect(before.pairings.map((p) => p.state)).toEqual(['proposed', 'active']);

    for (const outsider of [active, mentor]) {
      await expect(proposePairings(outsider, [{ menteeId: spare.id, mentorId: mentor.id }])).rejects.toThrow(/Not allowed/);
      await expect(approvePairings(outsider, [stagedId])).rejects.toThrow(/Not allowed/);
      await expect(endPairing(outsider, activeId, 'x', false)).rejects.toThrow(/Not allowed/);
      await expect(endPairing(outsider, stagedId, 'x', false, 'proposed')).rejects.toThrow(/Not allowed/);
      await expect(suggestMentors(outsider, spare.id)).rejects.toThrow(/Not allowed/);
    }
    expect(await snapshot([staged.id, active.id, spare.id], mentor.id)).toEqual(before);
  });

  it('a pair that ended before, or that an admin excluded, cannot be proposed again', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const first = await proposalId(mentee.id);
    await approvePairings(admin, [first]);
    await endPairing(admin, first, 'Schedules never lined up', true);
    const again = await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    expect(again.failed[0].reason).toMatch(/paired before/);

    const other = await approvedMentor();
    const db = await getDb();
    await db.insert(matchRules).values({ menteeId: mentee.id, mentorId: other.id, kind: 'exclude', createdBy: admin.id });
    expect((await proposePairings(admin, [{ menteeId: mentee.id, mentorId: other.id }])).failed[0].reason).toMatch(/excluded/);
  });

  it('ending with "rematch" puts the student at the top of the waitlist', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const id = await proposalId(mentee.id);
    await approvePairings(admin, [id]);
    await endPairing(admin, id, 'Mentor relocated', true);
    expect(await stateOf(id)).toBe('ended');
    const list = await getWaitlist(admin);
    const at = list.findIndex((e) => e.menteeId === mentee.id);
    expect(list[at].priorityRematch).toBe(true);
    // Only other no-fault rematches can be ahead of them.
    expect(list.slice(0, at).every((e) => e.priorityRematch)).toBe(true);
    expect(list.some((e) => !e.priorityRematch)).toBe(true);
    await expect(endPairing(admin, id, 'again', false)).rejects.toThrow(/already ended/);
  });

  it('when a mentor withdraws, their student goes back to the top of the waitlist', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const id = await proposalId(mentee.id);
    await approvePairings(admin, [id]);
    await withdrawFromProgram(mentor, 'Moving abroad');
    expect(await stateOf(id)).toBe('ended');
    const db = await getDb();
    const [u] = await db.select({ priority: users.priorityRematchAt }).from(users).where(eq(users.id, mentee.id));
    expect(u.priority).not.toBeNull();
  });

  it('a required identity match is a hard constraint; preferred is a bonus', async () => {
    const admin = await createPerson('admin');
    const requires = await approvedMentee({ identityPreference: 'required', identityPreferenceRaces: ['american-indian-alaska-native'] });
    const mentor = await approvedMentor({}, ['asian']);
    const result = await suggestMentors(admin, requires.id, 1000);
    expect(result!.suggestions.find((s) => s.mentorId === mentor.id)).toBeUndefined();
    const prefers = await approvedMentee({ identityPreference: 'preferred', identityPreferenceRaces: [] });
    const s = (await suggestMentors(admin, prefers.id, 1000))!.suggestions.find((x) => x.mentorId === mentor.id)!;
    expect(s.breakdown.find((l) => l.criterion === 'identityPreference')).toMatchObject({ points: 30 });
  });
});

describe('[PAIRINGS]: the database enforces one pairing per student and mentor capacity', () => {
  it('50 concurrent proposals for one mentor (capacity 3) stage exactly 3', async () => {
    const admin = await createPerson('admin');
    const mentor = await approvedMentor({ capacity: '3' });
    const mentees = await Promise.all(Array.from({ length: 50 }, () => approvedMentee()));
    const results = await Promise.all(mentees.map((m) => proposePairings(admin, [{ menteeId: m.id, mentorId: mentor.id }])));
    expect(results.filter((r) => r.ok === 1)).toHaveLength(3);
    expect(results.filter((r) => r.failed[0]?.reason === 'The mentor has no free place left.')).toHaveLength(47);
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(pairings)
      .where(and(eq(pairings.mentorId, mentor.id), inArray(pairings.state, ['proposed', 'active'])));
    expect(n).toBe(3);
  }, 120_000);

  it('50 concurrent proposals of one student to 50 mentors stage exactly 1', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentors = await Promise.all(Array.from({ length: 50 }, () => approvedMentor()));
    const results = await Promise.all(mentors.map((m) => proposePairings(admin, [{ menteeId: mentee.id, mentorId: m.id }])));
    expect(results.filter((r) => r.ok === 1)).toHaveLength(1);
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(pairings)
      .where(and(eq(pairings.menteeId, mentee.id), inArray(pairings.state, ['proposed', 'active'])));
    expect(n).toBe(1);
  }, 120_000);

  it('50 concurrent approvals by two admins never over-fill a mentor who lowered their capacity', async () => {
    const [a1, a2] = [await createPerson('admin'), await createPerson('admin')];
    const mentor = await approvedMentor({ capacity: '3' });
    const mentees = await Promise.all(Array.from({ length: 3 }, () => approvedMentee()));
    await proposePairings(
      a1,
      mentees.map((m) => ({ menteeId: m.id, mentorId: mentor.id })),
    );
    const ids = await Promise.all(mentees.map((m) => proposalId(m.id)));
    const db = await getDb();
    await db.update(mentorProfiles).set({ capacity: 1 }).where(eq(mentorProfiles.userId, mentor.id));

    const attempts = Array.from({ length: 50 }, (_, i) => approvePairings(i % 2 ? a1 : a2, [ids[i % 3]]));
    const results = await Promise.all(attempts);
    expect(results.reduce((s, r) => s + r.ok, 0)).toBe(1);
    const [{ n }] = await db
      .select({ n: count() })
      .from(pairings)
      .where(and(eq(pairings.mentorId, mentor.id), eq(pairings.state, 'active')));
    expect(n).toBe(1);
    const approvals = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'pairing.approved'), inArray(auditLog.subjectId, ids.map(String))));
    expect(approvals).toHaveLength(1);
    console.info(`[PAIRINGS] concurrency test ran on ${(await getDbHandle()).kind}`);
  }, 120_000);
});

describe('[MATCHING]: whole-pool optimiser on the database', () => {
  it('proposes an assignment within free capacity, honouring locks, and explains who stays unpaired', async () => {
    const admin = await createPerson('admin');
    const mentor = await approvedMentor({ capacity: '1', specialty: 'psychiatry' });
    const a = await approvedMentee({ specialties: ['psychiatry'] });
    const b = await approvedMentee({ specialties: ['psychiatry'] });
    const db = await getDb();
    await db.insert(matchRules).values({ menteeId: b.id, mentorId: mentor.id, kind: 'lock', createdBy: admin.id });
    const pool = await loadPool(db);
    // Restrict to this test's people: other tests in this file add people too.
    const mine = { ...pool, mentees: pool.mentees.filter((m) => [a.id, b.id].includes(m.id)), mentors: pool.mentors.filter((m) => m.id === mentor.id) };
    const plan = optimise(mine);
    expect(plan.pairs).toEqual([expect.objectContaining({ menteeId: b.id, mentorId: mentor.id, locked: true })]);
    expect(plan.unpaired.map((u) => u.menteeId)).toEqual([a.id]);
    expect(plan.unpaired[0].reason).toMatch(/^Could have been paired with .+, but those places went to .+ \(locked by a coordinator\)\.$/);
  });
});

describe('[PAIRINGS]: stale pages', () => {
  it('withdrawing a proposal that another admin just approved is refused; a withdrawn proposal does not block a later pairing', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const id = await proposalId(mentee.id);
    await approvePairings(admin, [id]);
    await expect(endPairing(admin, id, 'withdrawn from a stale page', true, 'proposed')).rejects.toThrow(/no longer staged/);
    expect(await stateOf(id)).toBe('active');

    const other = await approvedMentee();
    const second = await approvedMentor();
    await proposePairings(admin, [{ menteeId: other.id, mentorId: second.id }]);
    await endPairing(admin, await proposalId(other.id), 'changed my mind', true, 'proposed');
    expect(await proposePairings(admin, [{ menteeId: other.id, mentorId: second.id }])).toEqual({ ok: 1, failed: [], stagedAt: expect.any(String) });
  });

  it('the database allows one lock per student', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const [m1, m2] = [await approvedMentor(), await approvedMentor()];
    const db = await getDb();
    await db.insert(matchRules).values({ menteeId: mentee.id, mentorId: m1.id, kind: 'lock', createdBy: admin.id });
    await expect(db.insert(matchRules).values({ menteeId: mentee.id, mentorId: m2.id, kind: 'lock', createdBy: admin.id })).rejects.toThrow();
  });
});
