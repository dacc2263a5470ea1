import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '@/db/client';
import { pairings, users, valuesStatements } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { approvePairings, proposePairings } from '@/lib/pairings/operations';
import { INITIAL_VALUES_STATEMENT } from '@/lib/registration/expectations';
import { saveMenteeProfile, saveMentorProfile } from '@/lib/registration/profile';
import { identitySchema, menteeProfileSchema, mentorProfileSchema } from '@/lib/registration/schemas';
import { getCurrentStatement } from '@/lib/values/statements';
import { identityForm, validMenteeForm, validMentorForm } from './forms';
import { createPerson } from './people';

export async function ensureStatement() {
  const db = await getDb();
  await db
    .insert(valuesStatements)
    .values({ version: 1, ...INITIAL_VALUES_STATEMENT })
    .onConflictDoNothing();
  return (await getCurrentStatement())!.version;
}

async function approve(id: string) {
  const db = await getDb();
  await db.update(users).set({ status: 'approved', waitingSince: new Date() }).where(eq(users.id, id));
}

/** An approved mentee with a full profile; `form` overrides fields, `races` adds consented answers. */
export async function approvedMentee(form: Record<string, string | string[]> = {}, races?: string[]) {
  const person = await createPerson('mentee', 'registering', 'Student ' + Math.random().toString(36).slice(2, 6));
  const identity = races ? identitySchema.parse({ ...identityForm(true), races }) : identitySchema.parse({});
  await saveMenteeProfile(person, menteeProfileSchema.parse({ ...validMenteeForm(), ...form }), identity);
  await approve(person.id);
  return { ...person, status: 'approved' as const };
}

/** An approved mentor who signed the current values statement. */
export async function approvedMentor(form: Record<string, string | string[]> = {}, races?: string[]) {
  const version = await ensureStatement();
  const person = await createPerson('mentor', 'registering', 'Dr. Mentor ' + Math.random().toString(36).slice(2, 6));
  const identity = races ? identitySchema.parse({ ...identityForm(true), races }) : identitySchema.parse({});
  await saveMentorProfile(person, mentorProfileSchema.parse({ ...validMentorForm(), ...form }), identity, {
    attest: true,
    signatureName: 'Signed',
    statementVersion: version,
  });
  await approve(person.id);
  return { ...person, status: 'approved' as const };
}

/** Stages and releases one pairing as a coordinator does (the approval must succeed); returns its id. */
export async function releasePairing(admin: SessionUser, menteeId: string, mentorId: string): Promise<number> {
  await proposePairings(admin, [{ menteeId, mentorId }]);
  const db = await getDb();
  const [p] = await db
    .select({ id: pairings.id })
    .from(pairings)
    .where(and(eq(pairings.menteeId, menteeId), eq(pairings.state, 'proposed')));
  expect(await approvePairings(admin, [p.id])).toEqual({ ok: 1, failed: [] });
  return p.id;
}
