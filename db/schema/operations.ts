/** Running the program: admin invitations and the coordinators' private notes. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { pairings } from './pairings';
import { users } from './people';

/**
 * An invitation to become an admin. The invitee becomes one at their next sign-in while the
 * invite is open (not accepted, not revoked, not expired). One open invite per address.
 */
export const adminInvites = pgTable(
  'admin_invites',
  {
    id: serial().primaryKey(),
    email: text().notNull(),
    invitedBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp({ withTimezone: true, mode: 'date' }),
    acceptedBy: text().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
    revokedBy: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('admin_invites_one_open_per_email')
      .on(t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    check('admin_invites_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * A coordinator's private note about a person or a pairing — exactly one of the two. Members never
 * read this table; notes are never deleted (a correction is a new note).
 */
export const adminNotes = pgTable(
  'admin_notes',
  {
    id: serial().primaryKey(),
    userId: text().references(() => users.id),
    pairingId: integer().references(() => pairings.id),
    body: text().notNull(),
    authorId: text()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('admin_notes_one_subject', sql`(${t.userId} is null) <> (${t.pairingId} is null)`),
    check('admin_notes_body_length', sql`char_length(${t.body}) between 1 and 4000`),
    index('admin_notes_user_idx').on(t.userId, t.createdAt),
    index('admin_notes_pairing_idx').on(t.pairingId, t.createdAt),
  ],
);
