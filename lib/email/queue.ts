import 'server-only';
/**
 * Email through the queue (the outbox pattern, with the job enqueued in the same transaction).
 *
 * `queueEmail(tx, mail)` records the email as `queued` inside the caller's transaction and, in the
 * same transaction, enqueues the pg-boss job that delivers it. Both commit together or not at all:
 * an email is sent if and only if the change that caused it commits.
 *
 * When the queue is not running in this process yet (the first seconds after a start), the row is
 * recorded without a job; the `email-dispatch` job — at queue start and every minute — enqueues
 * one for each such row. The row is the truth; the job only carries it to the transport.
 *
 * Delivery is idempotent: only a `queued` row is sent, and Resend gets an idempotency key, so a
 * job retried after a lost answer does not send a second copy.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { emails } from '@/db/schema';
import { enqueueInTransaction } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/queues';
import { now } from '@/lib/time/clock';
import { renderEmail, type OutgoingEmail } from './send';
import { currentTransport, DeliveryError } from './transport';

/** Records `mail` as queued in `tx` and enqueues its delivery there too. Returns the email's id. */
export async function queueEmail(tx: Tx, mail: OutgoingEmail): Promise<number> {
  const rendered = await renderEmail(mail, tx);
  const [row] = await tx
    .insert(emails)
    .values({ ...rendered, transport: currentTransport() ? 'resend' : 'outbox', status: 'queued', createdAt: now() })
    .returning({ id: emails.id });
  const jobId = await enqueueInTransaction(tx, QUEUES.emailDelivery, { emailId: row.id });
  if (jobId) await tx.update(emails).set({ jobId }).where(eq(emails.id, row.id));
  return row.id;
}

export type DeliveryOutcome =
  | { status: 'sent' }
  | { status: 'skipped' }
  /** Failed for a passing reason: the job should be tried again later. */
  | { status: 'retry'; error: string }
  | { status: 'failed'; error: string };

/**
 * Delivers one queued email: the delivery job's handler. With the dev outbox the record is the
 * delivery, so the email is simply marked sent. A passing error (rate limit, outage) is counted
 * and left queued for the job's next try — unless this was the last try; a refusal (bad address,
 * bad key) fails the email at once. Admins see failed emails on the overview.
 */
export async function deliverEmail(emailId: number, opts: { finalAttempt: boolean; idempotencyKey?: string }): Promise<DeliveryOutcome> {
  const db = await getDb();
  const [mail] = await db
    .select({ id: emails.id, to: emails.to, subject: emails.subject, html: emails.html, text: emails.text })
    .from(emails)
    .where(and(eq(emails.id, emailId), eq(emails.status, 'queued')));
  if (!mail) return { status: 'skipped' }; // already sent or failed: never twice

  const transport = currentTransport();
  const attempted = { attempts: sql`${emails.attempts} + 1`, updatedAt: now() };
  const stillQueued = and(eq(emails.id, emailId), eq(emails.status, 'queued'));
  if (!transport) {
    await db
      .update(emails)
      .set({ ...attempted, status: 'sent', transport: 'outbox', sentAt: now(), error: null })
      .where(stillQueued);
    return { status: 'sent' };
  }
  try {
    const { providerId } = await transport({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, idempotencyKey: opts.idempotencyKey });
    await db
      .update(emails)
      .set({ ...attempted, status: 'sent', transport: 'resend', providerId, sentAt: now(), error: null, retryable: false })
      .where(stillQueued);
    return { status: 'sent' };
  } catch (err) {
    // Anything that is not the provider's answer (a thrown network error) is worth another try.
    const error = err instanceof DeliveryError ? err : new DeliveryError((err as Error)?.message ?? String(err), true);
    const giveUp = !error.retryable || opts.finalAttempt;
    await db
      .update(emails)
      .set({ ...attempted, transport: 'resend', error: error.message, retryable: error.retryable, ...(giveUp ? { status: 'failed' as const } : {}) })
      .where(stillQueued);
    return giveUp ? { status: 'failed', error: error.message } : { status: 'retry', error: error.message };
  }
}

/**
 * Enqueues delivery for queued emails that have no job (recorded while the queue was not running,
 * or re-queued by the daily sweep). Rows are claimed with SKIP LOCKED, so two instances running
 * this at once enqueue each email once.
 */
export async function dispatchQueuedEmails(limit = 500): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.status, 'queued'), isNull(emails.jobId)))
      .orderBy(emails.id)
      .limit(limit)
      .for('update', { skipLocked: true });
    let n = 0;
    for (const { id } of rows) {
      const jobId = await enqueueInTransaction(tx, QUEUES.emailDelivery, { emailId: id });
      if (!jobId) break; // the queue stopped meanwhile; the next run picks the rest up
      await tx.update(emails).set({ jobId }).where(eq(emails.id, id));
      n++;
    }
    return n;
  });
}
