/**
 * Every queue the app uses, with its retry policy. Queue names are part of the database state
 * (pg-boss keeps one table per queue): rename with care.
 */
import type PgBoss from 'pg-boss';

export const QUEUES = {
  /** One job per email; pg-boss's retries with backoff are the email's retries. */
  emailDelivery: 'email-delivery',
  /** Enqueues delivery for emails recorded while the queue was not running (every minute, and at start). */
  emailDispatch: 'email-dispatch',
  /** The daily sweep (lib/jobs/sweep.ts), on a cron schedule in the program's time zone. */
  dailySweep: 'daily-sweep',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Email: 6 retries, backoff doubling from 30 s (≈ 30 s, 1, 2, 4, 8, 16 min plus jitter), so a
 * Resend outage or a rate limit of up to about an hour is ridden out; the daily sweep gives
 * emails that still failed for a passing reason one more round.
 * The sweep: `stately` keeps at most one waiting and one running across every app instance.
 */
export const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  [QUEUES.emailDelivery]: { policy: 'standard', retryLimit: 6, retryDelay: 30, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 7 * 24 * 60 },
  [QUEUES.emailDispatch]: { policy: 'singleton', retryLimit: 0, expireInSeconds: 120, retentionMinutes: 24 * 60 },
  [QUEUES.dailySweep]: { policy: 'stately', retryLimit: 2, retryDelay: 300, retryBackoff: false, expireInSeconds: 60 * 60, retentionMinutes: 30 * 24 * 60 },
};

/** 07:00 in the program's time zone: reminders arrive in the morning. */
export const DAILY_SWEEP_CRON = '0 7 * * *';
export const EMAIL_DISPATCH_CRON = '* * * * *';
