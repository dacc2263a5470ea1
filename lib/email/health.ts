import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';

export type FailedEmail = { id: number; to: string; subject: string; kind: string; attempts: number; error: string | null; createdAt: Date };

export type EmailHealth = {
  failed: number;
  queued: number;
  /** The most recent failures, newest first. */
  recentFailures: FailedEmail[];
};

/** What the coordinator needs to know about mail: what could not be delivered, and what waits. */
export async function getEmailHealth(actor: SessionUser, listLimit = 5): Promise<EmailHealth> {
  assertPermission(actor, 'audit:read');
  const db = await getDb();
  const byStatus = await db.select({ status: emails.status, n: count() }).from(emails).groupBy(emails.status);
  const n = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const recentFailures = await db
    .select({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      kind: emails.kind,
      attempts: emails.attempts,
      error: emails.error,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(eq(emails.status, 'failed'))
    .orderBy(desc(emails.id))
    .limit(listLimit);
  return { failed: n('failed'), queued: n('queued'), recentFailures };
}
