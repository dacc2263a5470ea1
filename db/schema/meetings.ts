/**
 * Meetings a pairing's members log (lib/meetings/). Nothing is hard-deleted by the app: a member's
 * correction keeps who/when (updated_by/updated_at), and a deletion is a soft delete
 * (deleted_at/deleted_by). One live meeting per pairing and day (a partial unique index): when the
 * other member logs the same day, their submit confirms the existing row (confirmed_by) instead.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { pairings } from './pairings';
import { users } from './people';

export const meetingFormat = pgEnum('meeting_format', ['video', 'phone', 'in-person']);

/** Sensible bounds on a meeting's length, in minutes (shared by the form and a check). */
export const MEETING_MINUTES = { min: 5, max: 480 } as const;

export const meetings = pgTable(
  'meetings',
  {
    id: serial().primaryKey(),
    pairingId: integer()
      .notNull()
      .references(() => pairings.id),
    /** The calendar day they met, in the program's time zone. */
    date: date({ mode: 'string' }).notNull(),
    format: meetingFormat().notNull(),
    durationMinutes: integer().notNull(),
    /** Advice areas (HELP_AREAS keys). */
    topics: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Shared with the other member. */
    note: text(),
    loggedBy: text()
      .notNull()
      .references(() => users.id),
    loggedAt: createdAt(),
    confirmedBy: text().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true, mode: 'date' }),
    updatedBy: text().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }),
    deletedBy: text().references(() => users.id),
    deletedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('meetings_one_per_pairing_day')
      .on(t.pairingId, t.date)
      .where(sql`${t.deletedAt} is null`),
    index('meetings_pairing_date_idx').on(t.pairingId, t.date),
    check('meetings_duration_bounds', sql`${t.durationMinutes} between ${sql.raw(String(MEETING_MINUTES.min))} and ${sql.raw(String(MEETING_MINUTES.max))}`),
    check('meetings_deleted_both', sql`(${t.deletedAt} is null) = (${t.deletedBy} is null)`),
    check('meetings_confirmed_both', sql`(${t.confirmedAt} is null) = (${t.confirmedBy} is null)`),
    check('meetings_confirmed_by_other', sql`${t.confirmedBy} is null or ${t.confirmedBy} <> ${t.loggedBy}`),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
