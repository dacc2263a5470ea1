/**
 * `npm run db:seed -- --scale N`: the demo program at N times its volume, for benchmarks and for the
 * tests that prove pages stay flat as the program grows. On top of the demo data (seedDemoData,
 * untouched: the ready accounts stay as the contract says) it adds (N − 1) × the demo's 32 students
 * and 16 physicians, invented at example.edu / example.org, and gives the added people a program's
 * year: pairings in every state (proposed, active — some paused —, completed, ended with a rematch),
 * their terms, meetings, roadmap checklists, check-in rounds and answers, concerns and the
 * coordinators' notes. Deterministic (one seeded stream, fixed ids) and set-based: every table is
 * written in a few multi-row inserts, so 50× takes seconds.
 *
 * A second run at the same or a smaller scale finds its people there and changes nothing; a larger
 * scale adds the difference (the pairings of the added students go to the added physicians).
 */
import { eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import {
  adminNotes,
  attestations,
  checkInRounds,
  checkIns,
  cohorts,
  concerns,
  identityAnswers,
  meetings,
  menteeProfiles,
  mentorProfiles,
  pairingTerms,
  pairings,
  programSettings,
  roadmapChecklists,
  roadmapItems,
  roadmapTemplateItems,
  users,
  valuesStatements,
} from './schema';
import { chooser, demoIdentity, demoMenteeProfile, demoMentorProfile, menteeName, mentorName, rng } from './seed';
import { HELP_AREAS } from '@/lib/registration/options';
import { targetDateFor } from '@/lib/roadmap/rules';
import { addMonths, todayIn } from '@/lib/time/dates';
import { now as clockNow } from '@/lib/time/clock';

const DEMO_MENTEES = 32;
const DEMO_MENTORS = 16;
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table here. */
const CHUNK = 500;

export type ScaleCounts = { mentees: number; mentors: number; pairings: number; meetings: number; roadmapItems: number; checkIns: number };

async function insertAll<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK));
}

/** A fixed, well-formed UUID from the seed's stream (ids are uuids elsewhere; forms check them). */
function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)];
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoDay(new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000));
const atNoon = (iso: string) => new Date(`${iso}T17:00:00Z`);

export async function seedScaled(db: Db, scale: number): Promise<ScaleCounts> {
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new Error('--scale takes a whole number from 1 to 1000.');
  const counts: ScaleCounts = { mentees: 0, mentors: 0, pairings: 0, meetings: 0, roadmapItems: 0, checkIns: 0 };
  const menteeTotal = DEMO_MENTEES * scale;
  const mentorTotal = DEMO_MENTORS * scale;
  if (scale === 1) return counts;

  // Grow from what is there: the demo's people, or an earlier (smaller) scaled seed's.
  const [existing] = await db
    .select({
      mentees: sql<number>`count(*) filter (where ${users.email} ~ '^student[0-9]+@example[.]edu$')::int`,
      mentors: sql<number>`count(*) filter (where ${users.email} ~ '^mentor[0-9]+@example[.]org$')::int`,
    })
    .from(users);
  const menteeFrom = Math.max(DEMO_MENTEES, existing.mentees);
  const mentorFrom = Math.max(DEMO_MENTORS, existing.mentors);
  if (menteeFrom >= menteeTotal) return counts; // seeded at this scale (or larger) already

  const c = chooser(rng(5013 + menteeFrom));
  const { rand, pick, some } = c;
  const at = clockNow();
  const [settings] = await db.select({ timeZone: programSettings.timeZone, termMonths: programSettings.termMonths }).from(programSettings);
  const today = todayIn(settings?.timeZone ?? 'America/Chicago', at);
  const daysAgo = (d: number) => new Date(at.getTime() - d * 86_400_000);
  const [cohort] = await db.select({ id: cohorts.id }).from(cohorts).limit(1);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.org'));
  const [statement] = await db.select({ v: sql<number>`max(${valuesStatements.version})` }).from(valuesStatements);
  if (!cohort || !admin) throw new Error('Seed the demo data first (npm run db:seed).');
  const termMonths = settings?.termMonths ?? 12;

  // People: the added physicians, then the added students (status and waiting decided below).
  type UserRow = typeof users.$inferInsert;
  const userRows: UserRow[] = [];
  const mentorRows: (typeof mentorProfiles.$inferInsert)[] = [];
  const attestRows: (typeof attestations.$inferInsert)[] = [];
  const identityRows: (typeof identityAnswers.$inferInsert)[] = [];
  const mentorSlots: { id: string; free: number }[] = [];
  for (let i = mentorFrom; i < mentorTotal; i++) {
    const id = uuidFrom(rand);
    const { first, last } = mentorName(i);
    const waited = Math.floor(rand() * 400);
    userRows.push({
      id,
      email: `mentor${i + 1}@example.org`,
      name: `Dr. ${first} ${last}`,
      role: 'mentor',
      status: 'approved',
      statusChangedAt: daysAgo(waited),
      emailVerified: daysAgo(waited),
      createdAt: daysAgo(waited + 3),
    });
    const profile = demoMentorProfile(c, i, id, first, cohort.id, at);
    mentorRows.push(profile);
    const attested = i % 8 !== 7;
    if (attested) attestRows.push({ userId: id, statementVersion: statement?.v ?? 1, signatureName: `${first} ${last}` });
    const races = demoIdentity(c, 0.6);
    if (races) identityRows.push({ userId: id, races, consentedAt: at });
    if (attested && !profile.pausedUntil) mentorSlots.push({ id, free: profile.capacity });
    counts.mentors++;
  }

  type Fate = 'pending' | 'waiting' | 'proposed' | 'active' | 'completed' | 'ended';
  const students: { id: string; fate: Fate; targetCycle: number; waitedDays: number }[] = [];
  const menteeRows: (typeof menteeProfiles.$inferInsert)[] = [];
  for (let i = menteeFrom; i < menteeTotal; i++) {
    const id = uuidFrom(rand);
    const { first, last } = menteeName(i);
    const r = rand();
    const fate: Fate = r < 0.06 ? 'pending' : r < 0.46 ? 'active' : r < 0.5 ? 'proposed' : r < 0.56 ? 'completed' : r < 0.6 ? 'ended' : 'waiting';
    const waited = 5 + Math.floor(rand() * 120);
    const profile = demoMenteeProfile(c, i, id, first, cohort.id, at);
    menteeRows.push(profile);
    const races = demoIdentity(c, 0.85);
    if (races) identityRows.push({ userId: id, races, consentedAt: at });
    students.push({ id, fate, targetCycle: profile.targetCycle, waitedDays: waited });
    userRows.push({
      id,
      email: `student${i + 1}@example.edu`,
      name: `${first} ${last}`,
      role: 'mentee',
      status: fate === 'pending' ? 'pending' : 'approved',
      statusChangedAt: daysAgo(waited),
      emailVerified: daysAgo(waited),
      createdAt: daysAgo(waited + 3),
    });
    counts.mentees++;
  }

  // Pairings: each student with a pairing takes a free place of the next physician with one.
  const pairingRows: (typeof pairings.$inferInsert)[] = [];
  let slot = 0;
  const takePlace = (): string | null => {
    for (let tries = 0; tries < mentorSlots.length; tries++) {
      const m = mentorSlots[(slot + tries) % mentorSlots.length];
      if (m.free > 0) {
        m.free--;
        slot = (slot + tries + 1) % mentorSlots.length;
        return m.id;
      }
    }
    return null;
  };
  const pastMentor = () => mentorSlots[Math.floor(rand() * mentorSlots.length)].id;
  const userById = new Map(userRows.map((u) => [u.id, u]));
  for (const s of students) {
    const user = userById.get(s.id)!;
    const waitingSince = daysAgo(s.waitedDays);
    if (s.fate === 'pending') continue;
    if (s.fate === 'waiting') {
      user.waitingSince = waitingSince;
      continue;
    }
    if (s.fate === 'completed' || s.fate === 'ended') {
      const startDate = addDays(today, -(400 + Math.floor(rand() * 300)));
      const endDate = s.fate === 'completed' ? addMonths(startDate, termMonths) : addDays(startDate, 60 + Math.floor(rand() * 200));
      pairingRows.push({
        menteeId: s.id,
        mentorId: pastMentor(),
        state: s.fate,
        score: 40 + Math.floor(rand() * 60),
        proposedBy: admin.id,
        proposedAt: atNoon(addDays(startDate, -3)),
        approvedBy: admin.id,
        approvedAt: atNoon(startDate),
        menteeWaitingSince: atNoon(addDays(startDate, -30)),
        startDate,
        endDate,
        endedBy: s.fate === 'ended' ? admin.id : null,
        endedAt: atNoon(endDate),
        endReason: s.fate === 'ended' ? 'Their schedules stopped lining up; a no-fault rematch.' : null,
        rematchRequested: s.fate === 'ended',
      });
      if (s.fate === 'ended') {
        user.waitingSince = atNoon(endDate);
        user.priorityRematchAt = atNoon(endDate);
      }
      continue;
    }
    const mentorId = takePlace();
    if (!mentorId) {
      s.fate = 'waiting';
      user.waitingSince = waitingSince;
      continue;
    }
    if (s.fate === 'proposed') {
      user.waitingSince = waitingSince;
      pairingRows.push({
        menteeId: s.id,
        mentorId,
        state: 'proposed',
        score: 40 + Math.floor(rand() * 60),
        proposedBy: admin.id,
        proposedAt: daysAgo(1 + Math.floor(rand() * 5)),
      });
      continue;
    }
    const startDate = addDays(today, -(10 + Math.floor(rand() * 330)));
    pairingRows.push({
      menteeId: s.id,
      mentorId,
      state: 'active',
      score: 40 + Math.floor(rand() * 60),
      proposedBy: admin.id,
      proposedAt: atNoon(addDays(startDate, -3)),
      approvedBy: admin.id,
      approvedAt: atNoon(startDate),
      menteeWaitingSince: atNoon(addDays(startDate, -30)),
      startDate,
      endDate: addMonths(startDate, termMonths),
      pausedAt: rand() < 0.02 ? daysAgo(3) : null,
      pausedBy: null,
    });
  }

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await insertAll(t, users, userRows);
    await insertAll(t, mentorProfiles, mentorRows);
    await insertAll(t, attestations, attestRows);
    await insertAll(t, menteeProfiles, menteeRows);
    await insertAll(t, identityAnswers, identityRows);
    for (const p of pairingRows) if (p.state === 'active' && p.pausedAt) p.pausedBy = p.menteeId;
    await insertAll(t, pairings, pairingRows);
  });
  counts.pairings = pairingRows.length;

  // Everything that hangs off a pairing, keyed by the ids the database gave them.
  const menteeIds = students.filter((s) => s.fate !== 'pending' && s.fate !== 'waiting').map((s) => s.id);
  const saved: { id: number; menteeId: string; mentorId: string; state: string; startDate: string | null; endDate: string | null }[] = [];
  for (let i = 0; i < menteeIds.length; i += CHUNK) {
    saved.push(
      ...(await db
        .select({
          id: pairings.id,
          menteeId: pairings.menteeId,
          mentorId: pairings.mentorId,
          state: pairings.state,
          startDate: pairings.startDate,
          endDate: pairings.endDate,
        })
        .from(pairings)
        .where(inArray(pairings.menteeId, menteeIds.slice(i, i + CHUNK)))),
    );
  }
  saved.sort((a, b) => a.id - b.id);
  const cycleOf = new Map(students.map((s) => [s.id, s.targetCycle]));
  const template = await db
    .select({
      id: roadmapTemplateItems.id,
      position: roadmapTemplateItems.position,
      title: roadmapTemplateItems.title,
      description: roadmapTemplateItems.description,
      yearOffset: roadmapTemplateItems.yearOffset,
      month: roadmapTemplateItems.month,
      day: roadmapTemplateItems.day,
    })
    .from(roadmapTemplateItems)
    .where(isNull(roadmapTemplateItems.archivedAt))
    .orderBy(roadmapTemplateItems.position);

  const termRows: (typeof pairingTerms.$inferInsert)[] = [];
  const meetingRows: (typeof meetings.$inferInsert)[] = [];
  const checklistRows: (typeof roadmapChecklists.$inferInsert)[] = [];
  const itemRows: (typeof roadmapItems.$inferInsert)[] = [];
  const roundRows: (typeof checkInRounds.$inferInsert & { answers: { userId: string; safety: number }[] })[] = [];
  const concernRows: (typeof concerns.$inferInsert)[] = [];
  const noteRows: (typeof adminNotes.$inferInsert)[] = [];
  const topics = HELP_AREAS.map((h) => h.value);
  const formats = ['video', 'phone', 'in-person'] as const;

  for (const p of saved) {
    if (p.state === 'proposed' || !p.startDate || !p.endDate) continue;
    const live = p.state === 'active';
    termRows.push({
      pairingId: p.id,
      number: 1,
      startDate: p.startDate,
      endDate: p.endDate,
      outcome: live ? null : (p.state as 'completed' | 'ended'),
      closedAt: live ? null : atNoon(p.endDate),
    });
    const until = live ? today : p.endDate;
    // Meetings every one to two and a half months, logged by either member, most confirmed.
    for (let day = addDays(p.startDate, 7 + Math.floor(rand() * 20)); day < until; day = addDays(day, 30 + Math.floor(rand() * 45))) {
      const byMentee = rand() < 0.5;
      const confirmed = rand() < 0.7;
      meetingRows.push({
        pairingId: p.id,
        date: day,
        format: pick(formats),
        durationMinutes: 30 + 15 * Math.floor(rand() * 4),
        topics: some(topics, 1, 3),
        note: rand() < 0.4 ? 'Talked through next steps and what to read before we meet again.' : null,
        loggedBy: byMentee ? p.menteeId : p.mentorId,
        loggedAt: atNoon(day),
        confirmedBy: confirmed ? (byMentee ? p.mentorId : p.menteeId) : null,
        confirmedAt: confirmed ? atNoon(addDays(day, 1)) : null,
      });
    }
    // The shared roadmap, copied from the template as a release would, older items mostly done.
    const cycle = cycleOf.get(p.menteeId) ?? at.getUTCFullYear() + 1;
    checklistRows.push({ pairingId: p.id, cycleYear: cycle, createdAt: atNoon(p.startDate) });
    for (const item of template) {
      const targetDate = targetDateFor(item, cycle);
      const done = targetDate < today && rand() < 0.7;
      itemRows.push({
        pairingId: p.id,
        templateItemId: item.id,
        position: item.position,
        title: item.title,
        description: item.description,
        targetDate,
        doneAt: done ? atNoon(addDays(targetDate, -3)) : null,
        doneBy: done ? (rand() < 0.6 ? p.menteeId : p.mentorId) : null,
        createdAt: atNoon(p.startDate),
      });
    }
    // Check-in rounds at 30 days, then every 60, each answered by most members.
    for (let round = 1, opened = addDays(p.startDate, 30); opened < until; round++, opened = addDays(opened, 60)) {
      const answers = [p.menteeId, p.mentorId].filter(() => rand() < 0.8).map((userId) => ({ userId, safety: rand() < 0.03 ? 2 : 4 + Math.floor(rand() * 2) }));
      roundRows.push({ pairingId: p.id, round, openedOn: opened, answers });
    }
    if (rand() < 0.02) {
      const resolved = rand() < 0.5;
      concernRows.push({
        raisedBy: rand() < 0.5 ? p.menteeId : p.mentorId,
        pairingId: p.id,
        body: 'Our last two meetings were cancelled at short notice and I would like some advice on what to do.',
        status: resolved ? 'resolved' : 'new',
        resolution: resolved ? 'Talked with both; they agreed a standing time.' : null,
        outcome: resolved ? 'none' : null,
        resolvedBy: resolved ? admin.id : null,
        resolvedAt: resolved ? daysAgo(2) : null,
        raisedAt: daysAgo(10),
      });
    }
    if (rand() < 0.1)
      noteRows.push({ pairingId: p.id, body: 'Checked in by phone: going well, meeting monthly.', authorId: admin.id, createdAt: daysAgo(Math.floor(rand() * 60)) });
  }

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await insertAll(t, pairingTerms, termRows);
    await insertAll(t, meetings, meetingRows);
    await insertAll(t, roadmapChecklists, checklistRows);
    await insertAll(t, roadmapItems, itemRows);
    await insertAll(
      t,
      checkInRounds,
      roundRows.map(({ answers: _answers, ...r }) => r),
    );
    await insertAll(t, concerns, concernRows);
    await insertAll(t, adminNotes, noteRows);
  });
  counts.meetings = meetingRows.length;
  counts.roadmapItems = itemRows.length;

  // Answers need the rounds' ids.
  const pairingIds = [...new Set(roundRows.map((r) => r.pairingId))];
  const roundIds = new Map<string, number>();
  for (let i = 0; i < pairingIds.length; i += CHUNK) {
    const rows = await db
      .select({ id: checkInRounds.id, pairingId: checkInRounds.pairingId, round: checkInRounds.round })
      .from(checkInRounds)
      .where(inArray(checkInRounds.pairingId, pairingIds.slice(i, i + CHUNK)));
    for (const r of rows) roundIds.set(`${r.pairingId}:${r.round}`, r.id);
  }
  const answerRows: (typeof checkIns.$inferInsert)[] = roundRows.flatMap((r) =>
    r.answers.map((a) => ({
      roundId: roundIds.get(`${r.pairingId}:${r.round}`)!,
      pairingId: r.pairingId,
      userId: a.userId,
      safety: a.safety,
      useful: 3 + Math.floor(rand() * 3),
      frequency: 3 + Math.floor(rand() * 3),
      comment: null,
      answeredAt: atNoon(addDays(r.openedOn, 2)),
    })),
  );
  await insertAll(db, checkIns, answerRows);
  counts.checkIns = answerRows.length;
  return counts;
}
