import 'server-only';
import { and, eq, gte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { enqueueInTransaction } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/queues';
import { claimOnce, type SweepTask } from '@/lib/jobs/sweep';

/** Emails this recent that failed for a passing reason get one more round of retries. */
const REDELIVER_WITHIN_DAYS = 3;

/**
 * A sweep task: an email that used up its retries during a long outage or a daily quota is queued
 * again, once (the claim makes a second sweep skip it). A refused email (bad address) is left
 * failed: trying again would be refused the same way.
 */
export const redeliverFailedEmails: SweepTask = {
  name: 'email-redelivery',
  async run({ now }) {
    const db = await getDb();
    const since = new Date(now.getTime() - REDELIVER_WITHIN_DAYS * 86_400_000);
    const candidates = await db
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.status, 'failed'), eq(emails.retryable, true), gte(emails.createdAt, since)))
      .orderBy(emails.id);
    let requeued = 0;
    for (const { id } of candidates) {
      const done = await db.transaction(async (tx) => {
        if (!(await claimOnce(tx, { task: 'email-redelivery', subject: `email:${id}`, period: 'once' }))) return false;
        const jobId = await enqueueInTransaction(tx, QUEUES.emailDelivery, { emailId: id });
        // Without a running queue the row waits for the dispatch job (jobId null).
        const [row] = await tx
          .update(emails)
          .set({ status: 'queued', jobId, updatedAt: now })
          .where(and(eq(emails.id, id), eq(emails.status, 'failed')))
          .returning({ id: emails.id });
        return !!row;
      });
      if (done) requeued++;
    }
    return { requeued, considered: candidates.length };
  },
};
