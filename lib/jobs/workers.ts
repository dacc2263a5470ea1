import 'server-only';
/**
 * What each queue does with its jobs, shared by the server's workers and by tests that drain a
 * queue by hand (lib/jobs/testing.ts), so both run exactly the same code.
 */
import type PgBoss from 'pg-boss';
import { deliverEmail, dispatchQueuedEmails } from '@/lib/email/queue';
import { EMAIL_DISPATCH_CRON, QUEUES, type QueueName } from './queues';
import { scheduleDailySweep } from './schedule';
import { runSweep } from './sweep';

type Job = PgBoss.JobWithMetadata<Record<string, unknown>>;

/**
 * Runs one fetched batch. A job that must be tried again is failed here, on its own (pg-boss then
 * schedules the retry with backoff); the caller completes the rest. Throwing fails the batch.
 */
export async function processJobs(boss: PgBoss, name: QueueName, jobs: Job[]): Promise<void> {
  switch (name) {
    case QUEUES.emailDelivery:
      for (const job of jobs) {
        const outcome = await deliverEmail(Number(job.data.emailId), {
          finalAttempt: job.retryCount >= job.retryLimit,
          idempotencyKey: `email-${job.data.emailId}-${job.id}`,
        });
        if (outcome.status === 'retry') await boss.fail(name, job.id, { message: outcome.error });
      }
      return;
    case QUEUES.emailDispatch:
      await dispatchQueuedEmails();
      return;
    case QUEUES.dailySweep:
      await runSweep({ trigger: 'schedule' });
      return;
  }
}

/** Polling: email every second (people wait on sign-up mail), the rest every few seconds. */
const POLL_SECONDS: Record<QueueName, number> = {
  [QUEUES.emailDelivery]: 1,
  [QUEUES.emailDispatch]: 5,
  [QUEUES.dailySweep]: 5,
};

const BATCH: Record<QueueName, number> = {
  [QUEUES.emailDelivery]: 10,
  [QUEUES.emailDispatch]: 1,
  [QUEUES.dailySweep]: 1,
};

export async function registerWorkers(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    await boss.work<Record<string, unknown>>(name, { includeMetadata: true, batchSize: BATCH[name], pollingIntervalSeconds: POLL_SECONDS[name] }, (jobs) =>
      processJobs(boss, name, jobs),
    );
  }
  await scheduleDailySweep(boss);
  await boss.schedule(QUEUES.emailDispatch, EMAIL_DISPATCH_CRON, undefined, { tz: 'UTC' });
  // Emails recorded while no queue was running (before this start) go out now, not in a minute.
  await boss.send(QUEUES.emailDispatch, {});
}
