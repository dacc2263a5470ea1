import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { identityAnswers } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import type { IdentityInput } from './schemas';
import { now } from '@/lib/time/clock';

export type IdentityAnswers = {
  races: string[];
  selfDescription: string | null;
  preferNotToAnswer: boolean;
  gender: string | null;
  consentedAt: Date;
};

const columns = {
  races: identityAnswers.races,
  selfDescription: identityAnswers.selfDescription,
  preferNotToAnswer: identityAnswers.preferNotToAnswer,
  gender: identityAnswers.gender,
  consentedAt: identityAnswers.consentedAt,
};

/**
 * Stores identity answers only with consent. Withdrawing consent erases them: the row is deleted
 * (these are the person's own optional answers, not a program record).
 */
export async function saveIdentityAnswers(tx: Tx, userId: string, input: IdentityInput): Promise<void> {
  if (!input.consent) {
    await tx.delete(identityAnswers).where(eq(identityAnswers.userId, userId));
    return;
  }
  const values = { races: input.races, selfDescription: input.selfDescription, preferNotToAnswer: input.preferNotToAnswer, gender: input.gender };
  await tx
    .insert(identityAnswers)
    .values({ userId, ...values, consentedAt: now() })
    .onConflictDoUpdate({ target: identityAnswers.userId, set: values });
}

/** A person's own answers: only they read them here. */
export async function getOwnIdentityAnswers(actor: SessionUser): Promise<IdentityAnswers | null> {
  const db = await getDb();
  const [row] = await db.select(columns).from(identityAnswers).where(eq(identityAnswers.userId, actor.id));
  return row ?? null;
}

/**
 * An admin reading someone's identity answers. Every such read is written to the audit log, in the
 * same transaction as the read.
 */
export async function revealIdentityAnswers(actor: SessionUser, userId: string): Promise<IdentityAnswers | null> {
  assertPermission(actor, 'identity:read-any');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select(columns).from(identityAnswers).where(eq(identityAnswers.userId, userId));
    await writeAudit(tx, { actorId: actor.id, action: 'identity.viewed', subjectId: userId, details: { found: !!row } });
    return row ?? null;
  });
}
