import 'server-only';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db/client';
import { cohorts, menteeProfiles, mentorProfiles, pairings, users } from '@/db/schema';
import { programToday } from '@/lib/settings/program';
import type { IntroFacts } from './introduction';

/** A pairing approved before the program's launch starts on the launch date; otherwise today. */
export function startDateFor(launchDate: string | null, today: string): string {
  return launchDate && launchDate > today ? launchDate : today;
}

/**
 * What the introduction email says about one pairing: both names, emails and "about me" texts,
 * and the start date. Shared by the preview and the release so the two never disagree.
 */
export async function loadIntroFacts(db: Db | Tx, pairingId: number): Promise<{ facts: IntroFacts; startDate: string; to: [string, string] } | null> {
  const mentee = alias(users, 'mentee');
  const mentor = alias(users, 'mentor');
  const [row] = await db
    .select({
      menteeName: mentee.name,
      menteeEmail: mentee.email,
      menteeAbout: menteeProfiles.about,
      launchDate: cohorts.launchDate,
      mentorName: mentor.name,
      mentorEmail: mentor.email,
      mentorAbout: mentorProfiles.about,
    })
    .from(pairings)
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .leftJoin(cohorts, eq(cohorts.id, menteeProfiles.cohortId))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, pairings.mentorId))
    .where(eq(pairings.id, pairingId));
  if (!row) return null;
  const startDate = startDateFor(row.launchDate, await programToday(db));
  return {
    startDate,
    to: [row.menteeEmail, row.mentorEmail],
    facts: {
      mentee_name: row.menteeName ?? row.menteeEmail,
      mentee_email: row.menteeEmail,
      mentee_about: row.menteeAbout || '(no introduction written yet)',
      mentor_name: row.mentorName ?? row.mentorEmail,
      mentor_email: row.mentorEmail,
      mentor_about: row.mentorAbout || '(no introduction written yet)',
      start_date: new Date(`${startDate}T12:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' }),
    },
  };
}
