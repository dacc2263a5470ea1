/** Email records and rate-limit counters. */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

export const emailTransport = pgEnum('email_transport', ['outbox', 'resend']);

/**
 * queued: recorded in the transaction of the change that caused it, waiting for the delivery job;
 * sent: handed to the transport (with the dev outbox, the record itself is the delivery);
 * failed: given up after the retries, or refused for good — admins see these.
 */
export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed']);

/** Every email the app sends, whatever the transport: the dev outbox reads it, admins audit it. */
export const emails = pgTable(
  'emails',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** The first action link in the email (the magic link for sign-in). */
    url: text(),
    kind: text().notNull(),
    transport: emailTransport().notNull(),
    status: emailStatus().notNull(),
    /** Delivery attempts made so far (0 while waiting for the first). */
    attempts: integer().notNull().default(0),
    /** The pg-boss job that delivers it; null until one is enqueued (see lib/email/queue.ts). */
    jobId: uuid(),
    providerId: text(),
    /** The last delivery error, kept when the email finally fails. */
    error: text(),
    /** Whether the last error was a passing one (rate limit, outage) rather than a refusal. */
    retryable: boolean().notNull().default(false),
    sentAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('emails_to_created_idx').on(t.to, t.createdAt),
    index('emails_status_idx').on(t.status, t.createdAt),
    check('emails_attempts_nonnegative', sql`${t.attempts} >= 0`),
    check('emails_sent_has_time', sql`${t.status} <> 'sent' or ${t.sentAt} is not null`),
  ],
);

export type EmailStatus = (typeof emailStatus.enumValues)[number];

/** One row per counted event; counting in the database holds across app instances. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    key: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('rate_limit_hits_key_created_idx').on(t.key, t.createdAt)],
);
