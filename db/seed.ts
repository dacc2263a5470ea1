/**
 * Demo data: invented people at example.org / example.edu. Idempotent — every insert skips rows
 * that already exist, so running it twice changes nothing.
 */
import { max } from 'drizzle-orm';
import type { Db } from './client';
import { attestations, cohorts, identityAnswers, menteeProfiles, mentorProfiles, programSettings, users, valuesStatements } from './schema';
import { AVAILABILITY_SLOTS, HELP_AREAS, LANGUAGES, RACE_CATEGORIES, SCHOOL_YEARS, SPECIALTIES, DEFAULT_SCHOOL } from '@/lib/registration/options';
import { EXPECTATIONS_VERSION, INITIAL_VALUES_STATEMENT } from '@/lib/registration/expectations';

export const FIRST = [
  'Amara',
  'Bao',
  'Camila',
  'Dawit',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Isaiah',
  'Jalen',
  'Kiara',
  'Leilani',
  'Malik',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Samir',
  'Tala',
  'Uriel',
  'Valeria',
  'Wen',
  'Xochitl',
  'Yusuf',
  'Zainab',
  'Aiyana',
  'Bilal',
  'Chidi',
  'Dalia',
  'Ezra',
  'Fatima',
  'Grace',
  'Hector',
  'Imani',
];
export const LAST = [
  'Abdi',
  'Benally',
  'Castillo',
  'Diallo',
  'Espinoza',
  'Fofana',
  'Garcia',
  'Her',
  'Ibrahim',
  'Johnson',
  'Kaur',
  'Lor',
  'Mensah',
  'Nguyen',
  'Okafor',
  'Patel',
  'Quispe',
  'Rahman',
  'Silva',
  'Tran',
  'Umar',
  'Vang',
  'Williams',
  'Xiong',
  'Yang',
  'Zamora',
];
export const CITIES = ['Minneapolis', 'Saint Paul', 'Bloomington', 'Brooklyn Park', 'Rochester'];
export const ORGS = [
  'Riverside Family Medicine Clinic',
  'North Community Health Center',
  'Lakeview Hospital',
  'Prairie Pediatrics',
  'Metro Family Medicine Residency',
];

/** A small seeded PRNG so the demo is the same on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

/** The seed's random choices, from one seeded stream (the order of calls is the demo's shape). */
export function chooser(rand: Rand) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const some = <T>(list: readonly T[], min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    return [...list].sort(() => rand() - 0.5).slice(0, n);
  };
  return { rand, pick, some };
}
type Chooser = ReturnType<typeof chooser>;

function sharedProfile({ rand, pick, some }: Chooser, firstName: string, cohortId: number, at: Date) {
  return {
    preferredName: firstName,
    meetingFormats: some(['video', 'phone', 'in-person'], 1, 3),
    availability: some(AVAILABILITY_SLOTS, 2, 4),
    city: pick(CITIES),
    languages: ['english', ...(rand() < 0.45 ? [pick(LANGUAGES.slice(1)).value] : [])],
    expectationsVersion: EXPECTATIONS_VERSION,
    expectationsAcceptedAt: at,
    cohortId,
  };
}

/** The i-th invented physician's profile (the demo's 16 and the scaled seed's many alike). */
export function demoMentorProfile(c: Chooser, i: number, userId: string, first: string, cohortId: number, at: Date) {
  const { rand, pick, some } = c;
  return {
    userId,
    ...sharedProfile(c, first, cohortId, at),
    credential: i % 5 === 0 ? ('DO' as const) : ('MD' as const),
    specialty: pick(SPECIALTIES.slice(0, 10)).value,
    organisation: pick(ORGS),
    yearsInPractice: 2 + Math.floor(rand() * 25),
    capacity: 1 + Math.floor(rand() * 3),
    advice: some(HELP_AREAS.slice(0, 7), 3, 6).map((h) => h.value),
    about: `I practise in ${pick(CITIES)} and enjoy talking about how to build a strong application.`,
    showIdentity: rand() < 0.5,
    pausedUntil: i % 16 === 11 ? `${at.getUTCFullYear() + 1}-03-01` : null,
  };
}

/** The i-th invented student's profile. */
export function demoMenteeProfile(c: Chooser, i: number, userId: string, first: string, cohortId: number, at: Date) {
  const { rand, pick, some } = c;
  const pref = rand();
  return {
    userId,
    ...sharedProfile(c, first, cohortId, at),
    school: i % 6 === 5 ? 'Metro State University' : DEFAULT_SCHOOL,
    schoolYear: pick(SCHOOL_YEARS).value,
    major: pick(['Biology', 'Biochemistry', 'Public Health', 'Psychology', 'Neuroscience', 'Chemistry']),
    targetCycle: at.getUTCFullYear() + 1 + Math.floor(rand() * 3),
    specialties: some(SPECIALTIES, 1, 3).map((s) => s.value),
    helpWith: some(HELP_AREAS.slice(0, 7), 2, 4).map((h) => h.value),
    firstGen: rand() < 0.5,
    identityPreference: pref < 0.5 ? ('none' as const) : pref < 0.85 ? ('preferred' as const) : ('required' as const),
    about: 'Pre-med student looking for guidance on the road to medical school.',
  };
}

/** Consented identity answers, or none (some people choose not to answer at all). */
export function demoIdentity({ rand, some }: Chooser, bipocBias: number): string[] | null {
  if (rand() < 0.2) return null;
  return rand() < bipocBias ? some(RACE_CATEGORIES.slice(0, 6), 1, 2).map((r) => r.value) : ['white'];
}

/** Invented names for the i-th physician and student (the demo's and the scaled seed's). */
export const mentorName = (i: number) => ({ first: FIRST[(i * 7) % FIRST.length], last: LAST[(i * 5 + 3) % LAST.length] });
export const menteeName = (i: number) => ({ first: FIRST[(i * 3 + 1) % FIRST.length], last: LAST[(i * 11 + 2) % LAST.length] });

export async function seedDemoData(db: Db): Promise<{ mentees: number; mentors: number }> {
  const c = chooser(rng(2027));
  const { rand } = c;
  const now = new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  await db.insert(programSettings).values({ id: 1, contactName: 'Morgan Ellis', contactEmail: 'coordinator@example.org' }).onConflictDoNothing();
  await db
    .insert(valuesStatements)
    .values({ version: 1, ...INITIAL_VALUES_STATEMENT })
    .onConflictDoNothing();
  const launch = `${now.getUTCFullYear() + 1}-01-15`;
  const [existingCohort] = await db.select({ id: cohorts.id }).from(cohorts).limit(1);
  const cohortId =
    existingCohort?.id ??
    (
      await db
        .insert(cohorts)
        .values({ name: `${now.getUTCFullYear() + 1} cohort`, programYear: now.getUTCFullYear() + 1, launchDate: launch })
        .returning({ id: cohorts.id })
    )[0].id;

  const [{ v: statementVersion }] = await db.select({ v: max(valuesStatements.version) }).from(valuesStatements);

  async function person(email: string, name: string, role: 'mentee' | 'mentor' | 'admin', waitedDays: number) {
    const [row] = await db
      .insert(users)
      .values({
        email,
        name,
        role,
        status: 'approved',
        statusChangedAt: daysAgo(waitedDays),
        waitingSince: role === 'mentee' ? daysAgo(waitedDays) : null,
        emailVerified: daysAgo(waitedDays),
        createdAt: daysAgo(waitedDays + 3),
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    return row?.id; // undefined when the person already existed: leave them as they are
  }

  const shared = (firstName: string) => sharedProfile(c, firstName, cohortId, now);

  async function identity(userId: string, bipocBias: number) {
    const races = demoIdentity(c, bipocBias);
    if (races) await db.insert(identityAnswers).values({ userId, races, consentedAt: now }).onConflictDoNothing();
  }

  // The three ready accounts of the contract.
  await person('admin@example.org', 'Morgan Ellis', 'admin', 0);
  const mentorId = await person('mentor@example.org', 'Dr. Renee Okafor', 'mentor', 20);
  if (mentorId) {
    await db.insert(mentorProfiles).values({
      userId: mentorId,
      ...shared('Renee'),
      meetingFormats: ['video', 'phone'],
      credential: 'MD',
      specialty: 'family-medicine',
      organisation: 'Metro Family Medicine Residency',
      yearsInPractice: 9,
      residencyAffiliation: 'Metro Family Medicine Residency',
      capacity: 2,
      advice: ['application-timeline', 'personal-statement', 'interviews', 'career-paths'],
      about: 'Family physician and residency faculty. I was the first in my family to go to college and I love helping students find their way in.',
      showIdentity: true,
    });
    await db.insert(attestations).values({ userId: mentorId, statementVersion: statementVersion ?? 1, signatureName: 'Renee Okafor' });
    await db.insert(identityAnswers).values({ userId: mentorId, races: ['black-african-american'], consentedAt: now });
  }
  const menteeId = await person('mentee@example.org', 'Jordan Rivera', 'mentee', 12);
  if (menteeId) {
    await db.insert(menteeProfiles).values({
      userId: menteeId,
      ...shared('Jordan'),
      meetingFormats: ['video', 'phone'],
      pronouns: 'they/them',
      school: DEFAULT_SCHOOL,
      schoolYear: 'third-year',
      major: 'Biochemistry',
      targetCycle: now.getUTCFullYear() + 2,
      specialties: ['family-medicine', 'pediatrics'],
      helpWith: ['mcat', 'personal-statement', 'application-timeline'],
      firstGen: true,
      identityPreference: 'preferred',
      about: 'Pre-med junior working at a community clinic. I want to practise primary care close to home.',
    });
    await db.insert(identityAnswers).values({ userId: menteeId, races: ['hispanic-latino'], consentedAt: now });
  }

  let mentors = 0;
  for (let i = 0; i < 16; i++) {
    const { first, last } = mentorName(i);
    const id = await person(`mentor${i + 1}@example.org`, `Dr. ${first} ${last}`, 'mentor', Math.floor(rand() * 60));
    if (!id) continue;
    mentors++;
    const attested = i % 8 !== 7; // two mentors have not attested yet: not matchable
    await db.insert(mentorProfiles).values(demoMentorProfile(c, i, id, first, cohortId, now));
    if (attested) await db.insert(attestations).values({ userId: id, statementVersion: statementVersion ?? 1, signatureName: `${first} ${last}` });
    await identity(id, 0.6);
  }

  let mentees = 0;
  for (let i = 0; i < 32; i++) {
    const { first, last } = menteeName(i);
    const id = await person(`student${i + 1}@example.edu`, `${first} ${last}`, 'mentee', Math.floor(rand() * 90));
    if (!id) continue;
    mentees++;
    await db.insert(menteeProfiles).values(demoMenteeProfile(c, i, id, first, cohortId, now));
    await identity(id, 0.85);
  }
  return { mentees, mentors };
}
