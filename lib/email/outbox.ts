import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { getEnv } from '@/lib/env';

export type OutboxEntry = { to: string; subject: string; text: string; html: string; url: string | null; createdAt: string };

/** The dev outbox exists only while mail is kept in the database instead of being sent. */
export function outboxEnabled(): boolean {
  return getEnv().emailTransport === 'outbox';
}

/** Emails to one address, newest first. */
export async function readOutbox(to: string, limit = 50): Promise<OutboxEntry[]> {
  if (!outboxEnabled()) return [];
  const db = await getDb();
  const rows = await db
    .select({ to: emails.to, subject: emails.subject, text: emails.text, html: emails.html, url: emails.url, createdAt: emails.createdAt })
    .from(emails)
    .where(eq(emails.to, to.trim().toLowerCase()))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
