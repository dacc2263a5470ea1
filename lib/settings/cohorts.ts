import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { cohorts, menteeProfiles, mentorProfiles } from '@/db/schema';
import { checkboxField, requiredText, serialField } from '@/lib/forms/fields';
import { writeAudit } from '@/lib/audit/write';
import { parseOrRefuse } from '@/lib/forms/parse';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { isoDateField } from '@/lib/time/dates';

export const COHORT_NAME_MAX = 100;
export const PROGRAM_YEAR_RANGE = { min: 2000, max: 2100 } as const;


export const createCohortSchema = z.object({
  name: requiredText('a name', COHORT_NAME_MAX, 2),
  programYear: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({ error: 'Enter the program year, e.g. 2027.' })
      .int('Enter the program year, e.g. 2027.')
      .min(PROGRAM_YEAR_RANGE.min, `Use a year from ${PROGRAM_YEAR_RANGE.min} to ${PROGRAM_YEAR_RANGE.max}.`)
      .max(PROGRAM_YEAR_RANGE.max, `Use a year from ${PROGRAM_YEAR_RANGE.min} to ${PROGRAM_YEAR_RANGE.max}.`),
  ),
  launchDate: isoDateField('the launch date'),
});
export type CreateCohortInput = z.input<typeof createCohortSchema>;

export const setCohortOpenSchema = z.object({ cohortId: serialField, open: checkboxField });

export type CohortView = {
  id: number;
  name: string;
  programYear: number;
  launchDate: string;
  isOpen: boolean;
  createdAt: Date;
  mentees: number;
  mentors: number;
};

/** Every cohort, the latest launch first, with how many people registered into each. */
export async function listCohorts(actor: SessionUser): Promise<CohortView[]> {
  assertPermission(actor, 'settings:edit');
  const db = await getDb();
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      programYear: cohorts.programYear,
      launchDate: cohorts.launchDate,
      isOpen: cohorts.isOpen,
      createdAt: cohorts.createdAt,
      mentees: sql<number>`(select count(*)::int from ${menteeProfiles} m where m.cohort_id = ${cohorts.id})`.mapWith(Number),
      mentors: sql<number>`(select count(*)::int from ${mentorProfiles} m where m.cohort_id = ${cohorts.id})`.mapWith(Number),
    })
    .from(cohorts)
    .orderBy(desc(cohorts.launchDate), asc(cohorts.name));
}

/** Adds a cohort (open, so new registrations can join it); audited. Returns its id. */
export async function createCohort(actor: SessionUser, input: CreateCohortInput): Promise<number> {
  assertPermission(actor, 'settings:edit');
  const data = parseOrRefuse(createCohortSchema, input, 'Check the cohort.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Two cohorts with one name would be indistinguishable in every report; there is no unique
    // index, so this is a courtesy check rather than a guarantee.
    const [same] = await tx.select({ id: cohorts.id }).from(cohorts).where(sql`lower(${cohorts.name}) = lower(${data.name})`);
    if (same) throw new UserFacingError(`There is already a cohort called “${data.name}”. Choose another name.`);
    const [row] = await tx.insert(cohorts).values(data).returning({ id: cohorts.id });
    await writeAudit(tx, { actorId: actor.id, action: 'cohort.created', subjectId: row.id, details: { ...data } });
    return row.id;
  });
}

/**
 * Opens or closes a cohort for new registrations (people already in it stay). Audited only when
 * something changed; returns whether it did.
 */
export async function setCohortOpen(actor: SessionUser, input: { cohortId: number; open: boolean }): Promise<boolean> {
  assertPermission(actor, 'settings:edit');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ isOpen: cohorts.isOpen, name: cohorts.name }).from(cohorts).where(eq(cohorts.id, input.cohortId)).for('update');
    if (!current) throw new UserFacingError('That cohort could not be found.');
    if (current.isOpen === input.open) return false;
    await tx.update(cohorts).set({ isOpen: input.open }).where(eq(cohorts.id, input.cohortId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.open ? 'cohort.opened' : 'cohort.closed',
      subjectId: input.cohortId,
      details: { name: current.name, isOpen: { from: current.isOpen, to: input.open } },
    });
    return true;
  });
}
