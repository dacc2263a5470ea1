import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { getEnv } from '@/lib/env';

/** The dev outbox contract (checks outside the project rely on it). */
export type OutboxEntry = { to: string; subject: string; text: string; html: string; url: string | null; kind: string; createdAt: string };

/** The dev outbox exists only while mail is kept in the database instead of being sent. */
export function outboxEnabled(): boolean {
  return getEnv().emailTransport === 'outbox';
}

/**
 * Emails delivered to one address, newest first. A queued email appears once its delivery job has
 * run, as it would arrive in a real inbox. Newest means last recorded: ids, not timestamps, since
 * the test clock may move back and forth.
 */
export async function readOutbox(to: string, limit = 50): Promise<OutboxEntry[]> {
  if (!outboxEnabled()) return [];
  const db = await getDb();
  const rows = await db
    .select({ to: emails.to, subject: emails.subject, text: emails.text, html: emails.html, url: emails.url, kind: emails.kind, createdAt: emails.createdAt })
    .from(emails)
    .where(and(eq(emails.to, to.trim().toLowerCase()), eq(emails.status, 'sent')))
    .orderBy(desc(emails.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
