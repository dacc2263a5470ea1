/**
 * A large waiting pool for the optimiser's benchmark and tests: invented students and physicians
 * (example.edu / example.org) with the demo seed's shapes (db/seed.ts: the same option lists and
 * proportions), written with multi-row inserts so 3,000 people take seconds, not minutes.
 * The demo seed itself runs first (idempotent): it creates the program's settings, values
 * statement and cohort the people belong to.
 */
import { max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { attestations, cohorts, identityAnswers, menteeProfiles, mentorProfiles, users, valuesStatements } from '@/db/schema';
import { EXPECTATIONS_VERSION } from '@/lib/registration/expectations';
import { AVAILABILITY_SLOTS, DEFAULT_SCHOOL, HELP_AREAS, LANGUAGES, RACE_CATEGORIES, SCHOOL_YEARS, SPECIALTIES } from '@/lib/registration/options';

const CITIES = ['Minneapolis', 'Saint Paul', 'Bloomington', 'Brooklyn Park', 'Rochester'];

/** mulberry32: the same pool on every machine for one seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function chunked<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>) {
  for (let k = 0; k < rows.length; k += size) await insert(rows.slice(k, k + size));
}

/** Adds `mentees` approved waiting students and `mentors` approved, attested physicians. Returns their ids. */
export async function insertBulkPool(db: Db, opts: { mentees: number; mentors: number; seed?: number; tag?: string }) {
  await seedDemoData(db);
  const rand = prng(opts.seed ?? 7);
  const tag = opts.tag ?? `pool${opts.seed ?? 7}`;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const some = <T>(list: readonly T[], min: number, maxN: number) => {
    const n = min + Math.floor(rand() * (maxN - min + 1));
    return [...list].sort(() => rand() - 0.5).slice(0, n);
  };
  const now = new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const [{ id: cohortId }] = await db.select({ id: cohorts.id }).from(cohorts).limit(1);
  const [{ v: statementVersion }] = await db.select({ v: max(valuesStatements.version) }).from(valuesStatements);

  const shared = () => ({
    preferredName: 'Sam',
    meetingFormats: some(['video', 'phone', 'in-person'], 1, 3),
    availability: some(AVAILABILITY_SLOTS, 2, 4),
    city: pick(CITIES),
    languages: ['english', ...(rand() < 0.45 ? [pick(LANGUAGES.slice(1)).value] : [])],
    expectationsVersion: EXPECTATIONS_VERSION,
    expectationsAcceptedAt: now,
    cohortId,
  });
  const races = (bipocBias: number) => (rand() < 0.2 ? null : rand() < bipocBias ? some(RACE_CATEGORIES.slice(0, 6), 1, 2).map((r) => r.value) : ['white']);

  const people = async (role: 'mentee' | 'mentor', count: number) => {
    const rows = Array.from({ length: count }, (_, i) => {
      const waited = Math.floor(rand() * 90);
      return {
        email: role === 'mentee' ? `${tag}-student${i + 1}@example.edu` : `${tag}-mentor${i + 1}@example.org`,
        name: `${role === 'mentor' ? 'Dr. ' : ''}${tag} ${role === 'mentee' ? 'Student' : 'Physician'} ${i + 1}`,
        role,
        status: 'approved' as const,
        statusChangedAt: daysAgo(waited),
        waitingSince: role === 'mentee' ? daysAgo(waited) : null,
        emailVerified: daysAgo(waited),
        createdAt: daysAgo(waited + 3),
      };
    });
    const ids: string[] = [];
    await chunked(rows, 500, async (part) => ids.push(...(await db.insert(users).values(part).returning({ id: users.id })).map((r) => r.id)));
    return ids;
  };

  const mentorIds = await people('mentor', opts.mentors);
  await chunked(mentorIds, 500, (part) =>
    db.insert(mentorProfiles).values(
      part.map((userId) => ({
        userId,
        ...shared(),
        credential: rand() < 0.2 ? ('DO' as const) : ('MD' as const),
        specialty: pick(SPECIALTIES.slice(0, 10)).value,
        organisation: 'Riverside Family Medicine Clinic',
        yearsInPractice: 2 + Math.floor(rand() * 25),
        capacity: 1 + Math.floor(rand() * 3),
        advice: some(HELP_AREAS.slice(0, 7), 3, 6).map((h) => h.value),
        about: 'I enjoy talking about how to build a strong application.',
        showIdentity: rand() < 0.5,
      })),
    ),
  );
  await chunked(mentorIds, 500, (part) =>
    db.insert(attestations).values(part.map((userId, k) => ({ userId, statementVersion: statementVersion ?? 1, signatureName: `Physician ${k + 1}` }))),
  );

  const menteeIds = await people('mentee', opts.mentees);
  await chunked(menteeIds, 500, (part) =>
    db.insert(menteeProfiles).values(
      part.map((userId) => {
        const pref = rand();
        return {
          userId,
          ...shared(),
          school: DEFAULT_SCHOOL,
          schoolYear: pick(SCHOOL_YEARS).value,
          major: 'Biology',
          targetCycle: now.getUTCFullYear() + 1 + Math.floor(rand() * 3),
          specialties: some(SPECIALTIES, 1, 3).map((s) => s.value),
          helpWith: some(HELP_AREAS.slice(0, 7), 2, 4).map((h) => h.value),
          firstGen: rand() < 0.5,
          identityPreference: pref < 0.5 ? ('none' as const) : pref < 0.85 ? ('preferred' as const) : ('required' as const),
          about: 'Pre-med student looking for guidance on the road to medical school.',
        };
      }),
    ),
  );

  const answers = [...mentorIds.map((userId) => ({ userId, races: races(0.6) })), ...menteeIds.map((userId) => ({ userId, races: races(0.85) }))]
    .filter((a): a is { userId: string; races: string[] } => a.races !== null)
    .map((a) => ({ ...a, consentedAt: now }));
  await chunked(answers, 500, (part) => db.insert(identityAnswers).values(part));
  return { menteeIds, mentorIds };
}
