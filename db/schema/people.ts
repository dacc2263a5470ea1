/** People and the tables Auth.js reads and writes. */
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { AdapterAccountType } from '@auth/core/adapters';
import { createdAt, updatedAt } from './columns';

export const userRole = pgEnum('user_role', ['mentee', 'mentor', 'admin']);
/** Where a person stands with the program. `registering` until the profile form is submitted. */
export const personStatus = pgEnum('person_status', [
  'registering',
  'pending',
  'approved',
  'waitlisted',
  'declined',
  'withdrawn',
]);

// ---------------------------------------------------------------------------
// People and Auth.js
// ---------------------------------------------------------------------------

export const users = pgTable(
  'users',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text(),
    email: text().notNull().unique(),
    emailVerified: timestamp({ withTimezone: true, mode: 'date' }),
    image: text(),
    role: userRole(),
    status: personStatus().notNull().default('registering'),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** When the person joined the waitlist (approved, unpaired); drives "days waited". */
    waitingSince: timestamp({ withTimezone: true, mode: 'date' }),
    /** Set when a pairing ended with "rematch": puts the mentee at the top of the waitlist. */
    priorityRematchAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_role_status_idx').on(t.role, t.status)],
);

export const accounts = pgTable(
  'accounts',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().$type<AdapterAccountType>().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Auth.js stores only a hash of each magic-link token here. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
export type PersonStatus = (typeof personStatus.enumValues)[number];
