import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { openLink } from '@/lib/auth/link-seal';
import { LINK_PLACEHOLDER } from '@/lib/auth/sign-in-email';
import { getEnv } from '@/lib/env';

export type OutboxEntry = {
  to: string;
  subject: string;
  text: string;
  html: string;
  url: string | null;
  kind: string;
  createdAt: string;
};

/**
 * The public dev outbox exists only while mail is kept in the database instead of being sent, and
 * in production only on a loopback AUTH_URL or with OUTBOX_PUBLIC=true (see lib/env.ts).
 */
export function outboxEnabled(): boolean {
  return getEnv().publicOutbox;
}

/**
 * Emails delivered to one address, newest first. A queued email appears once its delivery job has
 * run, as it would arrive in a real inbox. Newest means last recorded: ids, not timestamps, since
 * the test clock may move back and forth. Sign-in emails are stored without their link; the outbox
 * opens the sealed copy (only this process holds the key) and puts it back where it belongs.
 */
export async function readOutbox(to: string, limit = 50): Promise<OutboxEntry[]> {
  if (!outboxEnabled()) return [];
  const secret = getEnv().AUTH_SECRET;
  const db = await getDb();
  const rows = await db
    .select({
      to: emails.to,
      subject: emails.subject,
      text: emails.text,
      html: emails.html,
      url: emails.url,
      sealedUrl: emails.sealedUrl,
      kind: emails.kind,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(and(eq(emails.to, to.normalize('NFC').trim().toLowerCase()), eq(emails.status, 'sent')))
    .orderBy(desc(emails.id))
    .limit(limit);
  return rows.map(({ sealedUrl, ...r }) => {
    const link = sealedUrl ? openLink(sealedUrl, secret) : null;
    if (!link) return { ...r, createdAt: r.createdAt.toISOString() };
    return {
      ...r,
      url: link,
      text: r.text.replaceAll(LINK_PLACEHOLDER, link),
      html: r.html.replaceAll(LINK_PLACEHOLDER, link.replace(/&/g, '&amp;')),
      createdAt: r.createdAt.toISOString(),
    };
  });
}
