import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { adminNotes, pairings, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { idField, requiredText, serialField } from '@/lib/forms/fields';
import { parseOrRefuse } from '@/lib/forms/parse';
import { now } from '@/lib/time/clock';

/**
 * The coordinators' private notes on a person or a pairing. Only admins read or write them;
 * members never see this table. A note is never edited or deleted: a correction is a new note, so
 * the record of what the program knew, and when, stays whole.
 */

export const NOTE_MAX = 4000;
const body = requiredText('the note', NOTE_MAX, { multiline: true });
export const personNoteSchema = z.object({ userId: idField, body });
export const pairingNoteSchema = z.object({ pairingId: serialField, body });

export type Note = { id: number; body: string; authorName: string | null; authorEmail: string; createdAt: Date };

const author = { id: adminNotes.id, body: adminNotes.body, authorName: users.name, authorEmail: users.email, createdAt: adminNotes.createdAt };

export async function listPersonNotes(actor: SessionUser, userId: string): Promise<Note[]> {
  assertPermission(actor, 'notes:write');
  const db = await getDb();
  return db.select(author).from(adminNotes).innerJoin(users, eq(users.id, adminNotes.authorId)).where(eq(adminNotes.userId, userId)).orderBy(desc(adminNotes.id));
}

export async function listPairingNotes(actor: SessionUser, pairingId: number): Promise<Note[]> {
  assertPermission(actor, 'notes:write');
  const db = await getDb();
  return db
    .select(author)
    .from(adminNotes)
    .innerJoin(users, eq(users.id, adminNotes.authorId))
    .where(eq(adminNotes.pairingId, pairingId))
    .orderBy(desc(adminNotes.id));
}

/** Adds a private note about a person; audited (its length, never its words) in the same transaction. */
export async function addPersonNote(actor: SessionUser, input: z.input<typeof personNoteSchema>): Promise<number> {
  assertPermission(actor, 'notes:write');
  const data = parseOrRefuse(personNoteSchema, input, 'Check the note.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, data.userId));
    if (!person) throw new UserFacingError('That person was not found.');
    const [note] = await tx
      .insert(adminNotes)
      .values({ userId: data.userId, body: data.body, authorId: actor.id, createdAt: now() })
      .returning({ id: adminNotes.id });
    await writeAudit(tx, { action: 'note.added-person', actorId: actor.id, subjectId: data.userId, details: { noteId: note.id, length: data.body.length } });
    return note.id;
  });
}

/** Adds a private note about a pairing; audited like a note about a person. */
export async function addPairingNote(actor: SessionUser, input: z.input<typeof pairingNoteSchema>): Promise<number> {
  assertPermission(actor, 'notes:write');
  const data = parseOrRefuse(pairingNoteSchema, input, 'Check the note.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [pairing] = await tx
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.id, data.pairingId)));
    if (!pairing) throw new UserFacingError('That pairing was not found.');
    const [note] = await tx
      .insert(adminNotes)
      .values({ pairingId: data.pairingId, body: data.body, authorId: actor.id, createdAt: now() })
      .returning({ id: adminNotes.id });
    await writeAudit(tx, { action: 'note.added-pairing', actorId: actor.id, subjectId: data.pairingId, details: { noteId: note.id, length: data.body.length } });
    return note.id;
  });
}
