import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emails, pairings, users } from '@/db/schema';
import { adminDigestTask } from '@/lib/digest/digest';
import { newRegistrationsSection, overdueTwiceSection, type DigestSection } from '@/lib/digest/sections';
import { getEnv } from '@/lib/env';
import { startJobs } from '@/lib/jobs/boss';
import { SWEEP_TASKS } from '@/lib/jobs/sweep-tasks';
import { logMeeting } from '@/lib/meetings/meetings';
import { meetingReminders } from '@/lib/meetings/reminders';
import { verifyWeMet } from '@/lib/meetings/we-met-link';
import { resetClock, setClock } from '@/lib/time/clock';
import { activePairing } from '../support/meetings';
import { createPerson } from '../support/people';

const NOW = new Date('2027-03-01T18:00:00Z'); // noon in Chicago, 1 March 2027
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

async function mailTo(address: string, kind: string) {
  const db = await getDb();
  return db
    .select({ subject: emails.subject, url: emails.url, text: emails.text })
    .from(emails)
    .where(and(eq(emails.to, address), eq(emails.kind, kind)));
}

const run = (task: { run: (c: { now: Date }) => Promise<Record<string, number>> }, now: Date) => {
  setClock(now);
  return task.run({ now });
};

beforeAll(async () => {
  await startJobs({ workers: false });
});
beforeEach(() => setClock(NOW));
afterAll(() => resetClock());

describe('[REMINDERS]: one reminder per overdue spell', () => {
  it('the sweep tasks include the reminders and the digest, the digest last', () => {
    const names = SWEEP_TASKS.map((t) => t.name);
    expect(names).toContain('meeting-reminders');
    expect(names.at(-1)).toBe('admin-digest');
  });

  it('an overdue pairing: each member gets one email with a signed “We met” link, however often the sweep runs', async () => {
    const { mentee, mentor, pairingId } = await activePairing('2026-12-30'); // 61 days before 1 March
    await run(meetingReminders, NOW);
    await run(meetingReminders, NOW);
    await run(meetingReminders, at(1));
    const toMentee = await mailTo(mentee.email, 'meeting-reminder');
    const toMentor = await mailTo(mentor.email, 'meeting-reminder');
    expect(toMentee).toHaveLength(1);
    expect(toMentor).toHaveLength(1);
    const secret = getEnv().AUTH_SECRET;
    const menteeUrl = new URL(toMentee[0].url!);
    expect(menteeUrl.pathname).toBe('/mentee/meetings');
    expect(verifyWeMet(menteeUrl.searchParams.get('we-met')!, mentee.id, secret)).toEqual({ pairingId, userId: mentee.id });
    // The mentee's link is no good in the mentor's hands.
    expect(verifyWeMet(menteeUrl.searchParams.get('we-met')!, mentor.id, secret)).toBeNull();
    const mentorUrl = new URL(toMentor[0].url!);
    expect(mentorUrl.pathname).toBe(`/mentor/mentees/${pairingId}/meetings`);
    expect(verifyWeMet(mentorUrl.searchParams.get('we-met')!, mentor.id, secret)).toEqual({ pairingId, userId: mentor.id });
  });

  it('not before the overdue threshold: 59 days since the start sends nothing', async () => {
    const { mentee, mentor } = await activePairing('2027-01-01'); // 59 days
    await run(meetingReminders, NOW);
    expect(await mailTo(mentee.email, 'meeting-reminder')).toHaveLength(0);
    expect(await mailTo(mentor.email, 'meeting-reminder')).toHaveLength(0);
    await run(meetingReminders, at(1)); // 60 days: overdue
    expect(await mailTo(mentee.email, 'meeting-reminder')).toHaveLength(1);
  });

  it('a new meeting ends the spell; the next spell reminds again', async () => {
    const { mentee, mentor, pairingId } = await activePairing('2026-12-30');
    await run(meetingReminders, NOW);
    setClock(at(1));
    await logMeeting(mentee, { pairingId, date: '2027-03-02', format: 'video', durationMinutes: '30', topics: ['mcat'] });
    await run(meetingReminders, at(1));
    await run(meetingReminders, at(30));
    expect(await mailTo(mentee.email, 'meeting-reminder')).toHaveLength(1);
    await run(meetingReminders, at(61)); // 60 days after the 2 March meeting
    await run(meetingReminders, at(62));
    expect(await mailTo(mentee.email, 'meeting-reminder')).toHaveLength(2);
    expect(await mailTo(mentor.email, 'meeting-reminder')).toHaveLength(2);
  });

  it('a paused pairing gets no reminder, and neither does an ended one', async () => {
    const paused = await activePairing('2026-12-01');
    const ended = await activePairing('2026-12-01');
    const db = await getDb();
    await db.update(pairings).set({ pausedAt: NOW, pausedBy: paused.admin.id }).where(eq(pairings.id, paused.pairingId));
    await db.update(pairings).set({ state: 'ended', endedAt: NOW, endReason: 'Test' }).where(eq(pairings.id, ended.pairingId));
    await run(meetingReminders, NOW);
    for (const p of [paused, ended]) {
      expect(await mailTo(p.mentee.email, 'meeting-reminder')).toHaveLength(0);
      expect(await mailTo(p.mentor.email, 'meeting-reminder')).toHaveLength(0);
    }
  });
});

describe('[DIGEST]: the coordinator’s daily digest', () => {
  const empty: DigestSection = { name: 'empty', collect: async () => null };

  it('is not sent at all when no section has anything', async () => {
    const admin = await createPerson('admin');
    expect(await run(adminDigestTask([empty]), NOW)).toEqual({ sections: 0, sent: 0 });
    expect(await mailTo(admin.email, 'admin-digest')).toHaveLength(0);
  });

  it('is sent once per admin per program day, with every section that has something', async () => {
    const [a1, a2] = [await createPerson('admin'), await createPerson('admin')];
    const says: DigestSection = {
      name: 'says',
      collect: async (_tx, { today }) => ({ title: 'Something to see', lines: [`On ${today}`], link: { label: 'Look', path: '/admin' } }),
    };
    const task = adminDigestTask([empty, says]);
    await run(task, NOW);
    await run(task, new Date(NOW.getTime() + 3_600_000));
    for (const a of [a1, a2]) {
      const mail = await mailTo(a.email, 'admin-digest');
      expect(mail).toHaveLength(1);
      expect(mail[0].text).toContain('Something to see');
      expect(mail[0].text).toContain('On 2027-03-01');
    }
    await run(task, at(1));
    expect(await mailTo(a1.email, 'admin-digest')).toHaveLength(2);
  });

  it('flags a live pairing overdue at twice the threshold (120 days), not one merely overdue', async () => {
    const twice = await activePairing('2026-10-31'); // 121 days
    const once = await activePairing('2026-12-30'); // 61 days
    const db = await getDb();
    const content = await db.transaction((tx) => overdueTwiceSection.collect(tx, { now: NOW, today: '2027-03-01' }));
    const text = content!.lines.join('\n');
    const nameOf = async (id: string) => (await db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0].name!;
    expect(text).toContain(await nameOf(twice.mentee.id));
    expect(text).toContain('121 days');
    expect(text).not.toContain(await nameOf(once.mentee.id));
    expect(content!.link?.path).toBe('/admin/pairings?state=active&cadence=overdue&sort=days');
    // Paused: no longer flagged.
    await db.update(pairings).set({ pausedAt: NOW }).where(eq(pairings.id, twice.pairingId));
    const after = await db.transaction((tx) => overdueTwiceSection.collect(tx, { now: NOW, today: '2027-03-01' }));
    expect((after?.lines ?? []).join('\n')).not.toContain(await nameOf(twice.mentee.id));
  });

  it('lists registrations submitted since the previous digest that still await a decision', async () => {
    const db = await getDb();
    const fresh = await createPerson('mentee', 'pending', 'Fresh Registrant');
    const decided = await createPerson('mentor', 'approved', 'Decided Registrant');
    await db
      .update(users)
      .set({ statusChangedAt: at(-1) })
      .where(inArray(users.id, [fresh.id, decided.id]));
    const content = await db.transaction((tx) => newRegistrationsSection.collect(tx, { now: NOW, today: '2027-03-01' }));
    expect(content!.lines.join('\n')).toContain('Fresh Registrant (student)');
    expect(content!.lines.join('\n')).not.toContain('Decided Registrant');
    expect(content!.link?.path).toBe('/admin/people?status=pending');
  });
});
