import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  attestations,
  auditLog,
  emails,
  identityAnswers,
  mentorProfiles,
  users,
  valuesStatements,
  type PersonStatus,
  type Role,
} from '@/db/schema';
import { bulkDecisionSchema, confirmationKey, decideRegistrants, decisionSchema } from '@/lib/people/decisions';
import { getPersonDetail } from '@/lib/people/detail';
import { listPeople, PAGE_SIZE } from '@/lib/people/list';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { INITIAL_VALUES_STATEMENT } from '@/lib/registration/expectations';
import { revealIdentityAnswers } from '@/lib/registration/identity';
import { getStatementOverview, publishStatementSchema, publishValuesStatement } from '@/lib/values/publish';
import { createPerson } from '../support/people';

const unique = () => randomUUID().slice(0, 8);
const DAY = 86_400_000;

let admin: SessionUser;

beforeAll(async () => {
  const db = await getDb();
  // A fresh database has no statement until the seed runs; attestations need one.
  await db.insert(valuesStatements).values({ version: 1, ...INITIAL_VALUES_STATEMENT }).onConflictDoNothing();
  admin = await createPerson('admin', 'approved', 'Review Admin');
});

async function statusOf(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: users.status, statusReason: users.statusReason, waitingSince: users.waitingSince, statusChangedAt: users.statusChangedAt })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

async function auditsOf(id: string, action: string) {
  const db = await getDb();
  return db
    .select({ actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, id), eq(auditLog.action, action)));
}

async function emailsTo(email: string) {
  const db = await getDb();
  return db.select({ to: emails.to, kind: emails.kind, text: emails.text }).from(emails).where(eq(emails.to, email)).orderBy(desc(emails.id));
}

async function currentVersion() {
  const db = await getDb();
  const [{ v }] = await db.select({ v: max(valuesStatements.version) }).from(valuesStatements);
  return v ?? 0;
}

async function addMentorProfile(userId: string, pausedUntil: string | null = null) {
  const db = await getDb();
  await db.insert(mentorProfiles).values({
    userId,
    preferredName: 'Dr Test',
    expectationsVersion: 1,
    expectationsAcceptedAt: new Date(),
    credential: 'MD',
    specialty: 'family-medicine',
    organisation: 'Example Clinic',
    yearsInPractice: 8,
    capacity: 2,
    advice: ['interviews'],
    meetingFormats: ['video'],
    pausedUntil,
  });
}

/** Inserts a person with an exact registration time, so ordering assertions are deterministic. */
async function insertPerson(fields: { name: string; role: Role | null; status: PersonStatus; createdAt?: Date; waitingSince?: Date | null }) {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ email: `${fields.role ?? 'new'}-${unique()}@example.edu`, ...fields })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status });
  return row;
}

describe('[REVIEW]: decisions on registrants', () => {
  it('[REVIEW]: approving a pending mentee sets the status, starts the waitlist clock, audits and emails', async () => {
    const mentee = await createPerson('mentee', 'pending', 'Ada Pending');
    const before = Date.now();
    const result = await decideRegistrants(admin, { ids: [mentee.id], decision: 'approved', reason: null });
    expect(result).toEqual({ changed: 1, skipped: 0 });

    const row = await statusOf(mentee.id);
    expect(row.status).toBe('approved');
    expect(row.statusReason).toBeNull();
    expect(row.waitingSince!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.statusChangedAt).not.toBeNull();

    const audits = await auditsOf(mentee.id, 'registrant.decided');
    expect(audits).toEqual([{ actorId: admin.id, details: { from: 'pending', to: 'approved', reason: null } }]);
    const mail = await emailsTo(mentee.email);
    expect(mail.map((m) => ({ to: m.to, kind: m.kind }))).toEqual([{ to: mentee.email, kind: 'decision-approved' }]);
  });

  it('[REVIEW]: approving again keeps the original waitlist clock and is reported as skipped', async () => {
    const since = new Date(Date.now() - 40 * DAY);
    const mentee = await insertPerson({ name: 'Ben Waiting', role: 'mentee', status: 'waitlisted', waitingSince: since });
    expect(await decideRegistrants(admin, { ids: [mentee.id], decision: 'approved', reason: null })).toEqual({ changed: 1, skipped: 0 });
    expect((await statusOf(mentee.id)).waitingSince!.getTime()).toBe(since.getTime());
    expect(await decideRegistrants(admin, { ids: [mentee.id], decision: 'approved', reason: null })).toEqual({ changed: 0, skipped: 1 });
    expect(await auditsOf(mentee.id, 'registrant.decided')).toHaveLength(1);
    expect(await emailsTo(mentee.email)).toHaveLength(1);
  });

  it('[REVIEW]: a bulk waitlist and a decline set status and reason, audit each person and email each', async () => {
    const a = await createPerson('mentee', 'pending', 'Cy Bulk');
    const b = await createPerson('mentor', 'pending', 'Dee Bulk');
    expect(await decideRegistrants(admin, { ids: [a.id, b.id, a.id], decision: 'waitlisted', reason: 'Cohort is full' })).toEqual({
      changed: 2,
      skipped: 0,
    });
    for (const p of [a, b]) {
      expect(await statusOf(p.id)).toMatchObject({ status: 'waitlisted', statusReason: 'Cohort is full' });
      expect(await auditsOf(p.id, 'registrant.decided')).toHaveLength(1);
      expect((await emailsTo(p.email)).map((m) => m.kind)).toEqual(['decision-waitlisted']);
    }

    await decideRegistrants(admin, { ids: [a.id], decision: 'approved', reason: null });
    expect((await statusOf(a.id)).waitingSince).not.toBeNull();
    await decideRegistrants(admin, { ids: [a.id], decision: 'declined', reason: 'Not a pre-med student' });
    expect(await statusOf(a.id)).toMatchObject({ status: 'declined', statusReason: 'Not a pre-med student', waitingSince: null });
    const last = (await auditsOf(a.id, 'registrant.decided')).map((r) => r.details);
    expect(last).toContainEqual({ from: 'approved', to: 'declined', reason: 'Not a pre-med student' });
    const mail = await emailsTo(a.email);
    expect(mail[0]).toMatchObject({ to: a.email, kind: 'decision-declined' });
    expect(mail[0].text).toContain('Not a pre-med student');
  });

  it('[REVIEW]: a decline without a reason is refused by the schema and by the operation', async () => {
    const id = randomUUID();
    const parsed = decisionSchema.safeParse({ ids: [id], decision: 'declined', reason: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0])).toEqual(['reason']);
    expect(bulkDecisionSchema.safeParse({ ids: [id], decision: 'declined' }).success).toBe(false);
    expect(decisionSchema.safeParse({ ids: [id], decision: 'declined', reason: 'Outside the program area' }).success).toBe(true);
    expect(decisionSchema.safeParse({ ids: [id], decision: 'approved' }).success).toBe(true);
    expect(decisionSchema.safeParse({ ids: [], decision: 'approved' }).success).toBe(false);
    expect(decisionSchema.safeParse({ decision: 'approved' }).success).toBe(false);
    expect(decisionSchema.safeParse({ ids: [id], decision: 'withdrawn' }).success).toBe(false);

    const mentee = await createPerson('mentee', 'pending');
    await expect(decideRegistrants(admin, { ids: [mentee.id], decision: 'declined', reason: null })).rejects.toThrow(/reason/);
    expect((await statusOf(mentee.id)).status).toBe('pending');
  });

  it('[REVIEW]: the confirmation key changes when the decision, the people or the reason change', () => {
    const base = { ids: ['b', 'a'], decision: 'approved' as const, reason: null };
    expect(confirmationKey(base)).toBe(confirmationKey({ ...base, ids: ['a', 'b'] }));
    expect(confirmationKey(base)).not.toBe(confirmationKey({ ...base, ids: ['a'] }));
    expect(confirmationKey(base)).not.toBe(confirmationKey({ ...base, decision: 'waitlisted' }));
    expect(confirmationKey(base)).not.toBe(confirmationKey({ ...base, reason: 'x' }));
  });

  it('[REVIEW]: withdrawn, still-registering people and admins are skipped and left unchanged', async () => {
    const withdrawn = await createPerson('mentee', 'withdrawn');
    const registering = await createPerson('mentor', 'registering');
    const noRole = await createPerson(null, 'registering');
    const otherAdmin = await createPerson('admin', 'approved');
    const pending = await createPerson('mentor', 'pending');
    const result = await decideRegistrants(admin, {
      ids: [withdrawn.id, registering.id, noRole.id, otherAdmin.id, pending.id, randomUUID()],
      decision: 'declined',
      reason: 'Testing skips',
    });
    expect(result).toEqual({ changed: 1, skipped: 5 });
    expect((await statusOf(withdrawn.id)).status).toBe('withdrawn');
    expect((await statusOf(registering.id)).status).toBe('registering');
    expect((await statusOf(noRole.id)).status).toBe('registering');
    expect((await statusOf(otherAdmin.id)).status).toBe('approved');
    expect((await statusOf(pending.id)).status).toBe('declined');
    for (const p of [withdrawn, registering, noRole, otherAdmin]) {
      expect(await auditsOf(p.id, 'registrant.decided')).toHaveLength(0);
      expect(await emailsTo(p.email)).toHaveLength(0);
    }
  });
});

describe('[REVIEW]: only admins review', () => {
  for (const role of ['mentee', 'mentor'] as const) {
    it(`[REVIEW]: a ${role} cannot decide, publish, list, open a person or reveal identity answers; nothing changes`, async () => {
      const db = await getDb();
      const intruder = await createPerson(role, 'approved');
      const target = await createPerson('mentee', 'pending');
      await db.insert(identityAnswers).values({ userId: target.id, races: ['asian'], consentedAt: new Date() });
      const versionBefore = await currentVersion();

      await expect(decideRegistrants(intruder, { ids: [target.id], decision: 'approved', reason: null })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        publishValuesStatement(intruder, { title: 'A takeover', body: 'x'.repeat(80) }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listPeople(intruder, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPersonDetail(intruder, target.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revealIdentityAnswers(intruder, target.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getStatementOverview(intruder)).rejects.toBeInstanceOf(ForbiddenError);

      expect(await statusOf(target.id)).toMatchObject({ status: 'pending', statusReason: null, waitingSince: null, statusChangedAt: null });
      expect(await auditsOf(target.id, 'registrant.decided')).toHaveLength(0);
      expect(await auditsOf(target.id, 'identity.viewed')).toHaveLength(0);
      expect(await emailsTo(target.email)).toHaveLength(0);
      expect(await currentVersion()).toBe(versionBefore);
    });
  }
});

describe('[REVIEW]: one person', () => {
  it('[REVIEW]: revealing identity answers returns them and writes an identity.viewed audit row', async () => {
    const db = await getDb();
    const mentee = await createPerson('mentee', 'pending');
    await db.insert(identityAnswers).values({ userId: mentee.id, races: ['black-african-american'], gender: 'woman', consentedAt: new Date() });
    const answers = await revealIdentityAnswers(admin, mentee.id);
    expect(answers).toMatchObject({ races: ['black-african-american'], gender: 'woman', preferNotToAnswer: false });
    const audits = await auditsOf(mentee.id, 'identity.viewed');
    expect(audits).toEqual([{ actorId: admin.id, details: { found: true } }]);
  });

  it('[REVIEW]: the person page has the profile, attestations and the audit trail with actor names, never identity answers', async () => {
    const db = await getDb();
    const mentor = await createPerson('mentor', 'pending', 'Dr Detail');
    await addMentorProfile(mentor.id);
    await db.insert(identityAnswers).values({ userId: mentor.id, races: ['asian'], consentedAt: new Date() });
    const version = await currentVersion();
    await db.insert(attestations).values({ userId: mentor.id, statementVersion: version, signatureName: 'Dr Detail' });
    await decideRegistrants(admin, { ids: [mentor.id], decision: 'approved', reason: 'Welcome' });

    const detail = await getPersonDetail(admin, mentor.id);
    expect(detail).not.toBeNull();
    expect(detail!).toMatchObject({ email: mentor.email, role: 'mentor', status: 'approved', statusReason: 'Welcome', decidable: true, mentee: null });
    expect(detail!.mentor).toMatchObject({ organisation: 'Example Clinic', capacity: 2, specialty: 'family-medicine' });
    expect(detail!.attestations).toEqual([expect.objectContaining({ version, signatureName: 'Dr Detail' })]);
    expect(detail!.currentStatementVersion).toBe(version);
    expect(detail!.audit[0]).toMatchObject({ action: 'registrant.decided', actorName: 'Review Admin', details: { from: 'pending', to: 'approved', reason: 'Welcome' } });
    expect(JSON.stringify(detail)).not.toContain('"races"');
    // Loading the page is not a read of identity answers.
    expect(await auditsOf(mentor.id, 'identity.viewed')).toHaveLength(0);

    expect(await getPersonDetail(admin, randomUUID())).toBeNull();
  });
});

describe('[VALUES]: publishing statement versions', () => {
  it('[VALUES]: the form schema wants a title, 50–10000 characters and a confirmation', () => {
    const body = 'We commit to anti-racist mentoring and to cultural humility in every conversation.';
    expect(publishStatementSchema.safeParse({ title: 'Values', body, confirm: 'on' }).success).toBe(true);
    const short = publishStatementSchema.safeParse({ title: 'Values', body: 'Too short', confirm: 'on' });
    expect(short.error?.issues.map((i) => i.path[0])).toEqual(['body']);
    expect(publishStatementSchema.safeParse({ title: 'Values', body: 'x'.repeat(10_001), confirm: 'on' }).success).toBe(false);
    const unconfirmed = publishStatementSchema.safeParse({ title: 'Values', body });
    expect(unconfirmed.error?.issues.map((i) => i.path[0])).toEqual(['confirm']);
  });

  it('[VALUES]: a new version is the next number, is audited, and asks mentors in the program to re-attest', async () => {
    const db = await getDb();
    const approved = await createPerson('mentor', 'approved');
    const pending = await createPerson('mentor', 'pending');
    const withdrawn = await createPerson('mentor', 'withdrawn');
    const declined = await createPerson('mentor', 'declined');
    const mentee = await createPerson('mentee', 'approved');
    const before = await currentVersion();

    const version = await publishValuesStatement(admin, {
      title: `Values ${unique()}`,
      body: 'We commit to anti-racism, cultural humility and mutual respect, and to keeping mentorship a safe space.',
    });
    expect(version).toBe(before + 1);
    expect(await currentVersion()).toBe(version);
    const [row] = await db.select({ publishedBy: valuesStatements.publishedBy }).from(valuesStatements).where(eq(valuesStatements.version, version));
    expect(row.publishedBy).toBe(admin.id);
    const audits = await db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'values.published'), eq(auditLog.subjectId, String(version))));
    expect(audits).toEqual([{ actorId: admin.id }]);

    for (const m of [approved, pending]) {
      const mail = await emailsTo(m.email);
      expect(mail.map((e) => ({ to: e.to, kind: e.kind }))).toEqual([{ to: m.email, kind: 'reattest-needed' }]);
      expect(mail[0].text).toContain(`version ${version}`);
    }
    for (const p of [withdrawn, declined, mentee]) expect(await emailsTo(p.email)).toHaveLength(0);

    const overview = await getStatementOverview(admin);
    expect(overview.versions[0]).toMatchObject({ version, publisherName: 'Review Admin', attestations: 0 });
  });

  it('[VALUES]: publishing the same words again is refused', async () => {
    const text = { title: `Same ${unique()}`, body: 'A statement that is long enough to publish, and then published once more.' };
    const version = await publishValuesStatement(admin, text);
    await expect(publishValuesStatement(admin, text)).rejects.toThrow(/same as the current version/);
    expect(await currentVersion()).toBe(version);
  });

  it('[VALUES]: two coordinators publishing at once get two distinct, consecutive versions', async () => {
    const before = await currentVersion();
    const body = (n: number) => `Version from coordinator ${n}: anti-racism, cultural humility, mutual respect and a safe space.`;
    const versions = await Promise.all([
      publishValuesStatement(admin, { title: `Race A ${unique()}`, body: body(1) }),
      publishValuesStatement(admin, { title: `Race B ${unique()}`, body: body(2) }),
    ]);
    expect([...versions].sort((x, y) => x - y)).toEqual([before + 1, before + 2]);
    const db = await getDb();
    const rows = await db.select({ version: valuesStatements.version }).from(valuesStatements).where(inArray(valuesStatements.version, versions));
    expect(rows).toHaveLength(2);
  });
});

describe('[PEOPLE]: the people list', () => {
  it('[PEOPLE]: search matches name or email, and % and _ are literal characters', async () => {
    const token = `zq${unique()}`;
    const literal = await insertPerson({ name: `${token} 100%_Real`, role: 'mentee', status: 'pending' });
    const lookalike = await insertPerson({ name: `${token} 100xxReal`, role: 'mentee', status: 'pending' });
    const byName = await listPeople(admin, { q: token });
    expect(byName.rows.map((r) => r.id).sort()).toEqual([literal.id, lookalike.id].sort());
    expect((await listPeople(admin, { q: `${token} 100%_` })).rows.map((r) => r.id)).toEqual([literal.id]);
    expect((await listPeople(admin, { q: `${token} 100__` })).rows).toHaveLength(0);
    const byEmail = await listPeople(admin, { q: lookalike.email.toUpperCase() });
    expect(byEmail.rows.map((r) => r.id)).toEqual([lookalike.id]);
  });

  it('[PEOPLE]: filters by role, status, attestation, pause and waiting time', async () => {
    const db = await getDb();
    const token = `zf${unique()}`;
    const version = await currentVersion();
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const attested = await insertPerson({ name: `${token} attested`, role: 'mentor', status: 'approved' });
    await addMentorProfile(attested.id);
    await db.insert(attestations).values({ userId: attested.id, statementVersion: version, signatureName: 'A' });
    const paused = await insertPerson({ name: `${token} paused`, role: 'mentor', status: 'approved' });
    await addMentorProfile(paused.id, tomorrow);
    if (version > 1) await db.insert(attestations).values({ userId: paused.id, statementVersion: version - 1, signatureName: 'P' });
    const longWait = await insertPerson({ name: `${token} long`, role: 'mentee', status: 'approved', waitingSince: new Date(Date.now() - 45 * DAY) });
    const shortWait = await insertPerson({ name: `${token} short`, role: 'mentee', status: 'approved', waitingSince: new Date(Date.now() - 5 * DAY) });
    const pending = await insertPerson({ name: `${token} pending`, role: 'mentee', status: 'pending' });

    const ids = async (q: Parameters<typeof listPeople>[1]) => (await listPeople(admin, { q: token, ...q })).rows.map((r) => r.id).sort();
    expect(await ids({ role: 'mentor' })).toEqual([attested.id, paused.id].sort());
    expect(await ids({ status: 'pending' })).toEqual([pending.id]);
    expect(await ids({ attested: 'yes' })).toEqual([attested.id]);
    expect(await ids({ attested: 'no' })).toEqual([paused.id]);
    expect(await ids({ paused: 'yes' })).toEqual([paused.id]);
    expect(await ids({ paused: 'no' })).toEqual([attested.id]);
    expect(await ids({ waiting: 30 })).toEqual([longWait.id]);
    expect(await ids({ waiting: 1 })).toEqual([longWait.id, shortWait.id].sort());
    expect(await ids({ role: 'mentee', status: 'approved', waiting: 30 })).toEqual([longWait.id]);

    const all = await listPeople(admin, { q: token });
    const byId = Object.fromEntries(all.rows.map((r) => [r.id, r]));
    expect(byId[attested.id]).toMatchObject({ attested: true, pausedUntil: null });
    expect(byId[paused.id]).toMatchObject({ attested: false, pausedUntil: tomorrow });
    expect(byId[longWait.id]).toMatchObject({ attested: null, waitingDays: 45 });
    expect(byId[pending.id].waitingDays).toBeNull();
  });

  it('[PEOPLE]: 25 a page, newest registration first, with the total and a clamped page number', async () => {
    const token = `zp${unique()}`;
    const start = Date.now() - 100 * DAY;
    const people = [];
    for (let i = 0; i < PAGE_SIZE + 2; i++)
      people.push(await insertPerson({ name: `${token} #${i}`, role: 'mentee', status: 'pending', createdAt: new Date(start + i * 60_000) }));
    const newestFirst = people.map((p) => p.id).reverse();

    const first = await listPeople(admin, { q: token });
    expect(first).toMatchObject({ total: PAGE_SIZE + 2, page: 1, pageCount: 2, pageSize: 25 });
    expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, PAGE_SIZE));
    const second = await listPeople(admin, { q: token, page: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(newestFirst.slice(PAGE_SIZE));
    const beyond = await listPeople(admin, { q: token, page: 9 });
    expect(beyond.page).toBe(2);

    const none = await listPeople(admin, { q: `${token}-nobody` });
    expect(none).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});
