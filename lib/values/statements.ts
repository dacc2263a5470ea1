import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { attestations, valuesStatements } from '@/db/schema';
import { UserFacingError } from '@/lib/errors';

export type Statement = { version: number; title: string; body: string; publishedAt: Date };

/** The statement mentors must have attested to be matchable. Readable by anyone signed in. */
export async function getCurrentStatement(db?: Db | Tx): Promise<Statement | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ version: valuesStatements.version, title: valuesStatements.title, body: valuesStatements.body, publishedAt: valuesStatements.publishedAt })
    .from(valuesStatements)
    .orderBy(desc(valuesStatements.version))
    .limit(1);
  return row ?? null;
}

/**
 * Records an attestation of the current statement. The version the person read travels with the
 * form: if a new version was published meanwhile they must read that one first.
 */
export async function recordAttestation(tx: Tx, userId: string, version: number, signatureName: string): Promise<void> {
  const current = await getCurrentStatement(tx);
  if (!current || current.version !== version)
    throw new UserFacingError('The values statement was updated while you were reading it. Please read the new version and sign again.');
  await tx.insert(attestations).values({ userId, statementVersion: version, signatureName }).onConflictDoNothing();
}

export async function hasAttestedCurrent(userId: string): Promise<boolean> {
  const db = await getDb();
  const current = await getCurrentStatement(db);
  if (!current) return false;
  const [row] = await db
    .select({ id: attestations.id })
    .from(attestations)
    .where(and(eq(attestations.userId, userId), eq(attestations.statementVersion, current.version)));
  return !!row;
}
