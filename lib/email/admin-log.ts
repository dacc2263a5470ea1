import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';

export type LoggedEmail = { id: number; to: string; subject: string; kind: string; transport: string; error: string | null; createdAt: Date };

/**
 * The mail log for coordinators: who was sent what, and whether it went out. No bodies and no
 * links — sign-in links are never stored, and the other emails' links are in the person's own mail.
 */
export async function listEmails(actor: SessionUser, filter: { to?: string }, limit = 100): Promise<LoggedEmail[]> {
  assertPermission(actor, 'emails:read');
  const db = await getDb();
  const to = filter.to?.normalize('NFC').trim().toLowerCase();
  return db
    .select({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      kind: emails.kind,
      transport: emails.transport,
      error: emails.error,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(to ? eq(emails.to, to) : undefined)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit);
}
