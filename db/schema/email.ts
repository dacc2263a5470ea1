/** Email records and rate-limit counters. */
import { bigserial, index, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

export const emailTransport = pgEnum('email_transport', ['outbox', 'resend']);

/** Every email the app sends, whatever the transport: the dev outbox reads it, admins audit it. */
export const emails = pgTable(
  'emails',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** The first action link in the email. Never set for sign-in emails (a live link must not be stored). */
    url: text(),
    /** Sign-in emails in the dev outbox: the link sealed with a key derived from AUTH_SECRET. */
    sealedUrl: text(),
    kind: text().notNull(),
    transport: emailTransport().notNull(),
    providerId: text(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [index('emails_to_created_idx').on(t.to, t.createdAt)],
);

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
