import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails, emailStatus, type EmailStatus } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';

export type LoggedEmail = {
  id: number;
  to: string;
  subject: string;
  kind: string;
  transport: string;
  status: EmailStatus;
  attempts: number;
  error: string | null;
  createdAt: Date;
};

export const EMAIL_STATUSES = emailStatus.enumValues;

/** The kinds of email the log holds, for its filter. */
export async function listEmailKinds(actor: SessionUser): Promise<string[]> {
  assertPermission(actor, 'emails:read');
  const db = await getDb();
  const rows = await db.selectDistinct({ kind: emails.kind }).from(emails).orderBy(emails.kind);
  return rows.map((r) => r.kind);
}

/**
 * The mail log for coordinators: who was sent what, and whether it went out. No bodies and no
 * links — sign-in links are never stored, and the other emails' links are in the person's own mail.
 */
export const EMAIL_LOG_PAGE_SIZE = 50;

/**
 * A page of the mail log, newest first. `before` is the id of the last email of the previous page:
 * the page continues below it in (created, id) order — a cursor, so a page deep in the log costs
 * what the first does.
 */
export async function listEmails(
  actor: SessionUser,
  filter: { to?: string; kind?: string; status?: EmailStatus; before?: number },
  limit = EMAIL_LOG_PAGE_SIZE,
): Promise<LoggedEmail[]> {
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
      status: emails.status,
      attempts: emails.attempts,
      error: emails.error,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(
      and(
        to ? eq(emails.to, to) : undefined,
        filter.kind ? eq(emails.kind, filter.kind) : undefined,
        filter.status ? eq(emails.status, filter.status) : undefined,
        filter.before === undefined
          ? undefined
          : sql`(${emails.createdAt}, ${emails.id}) < (select c.created_at, c.id from ${emails} c where c.id = ${filter.before})`,
      ),
    )
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit);
}
