/**
 * A safe space (issue 11): private check-ins and concerns. Members write here but never read these
 * tables back beyond their own "sent" confirmation; only admins read them (lib/safety/).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { pairings } from './pairings';
import { users } from './people';

/**
 * One check-in round of a pairing, opened by the daily sweep: round 1 at `checkInFirstDays` after
 * the start, then every `checkInEveryDays`. Unique per pairing and round, so a sweep run twice
 * opens it once.
 */
export const checkInRounds = pgTable(
  'check_in_rounds',
  {
    id: serial().primaryKey(),
    pairingId: integer()
      .notNull()
      .references(() => pairings.id),
    round: integer().notNull(),
    /** The program day the round opened on. */
    openedOn: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('check_in_rounds_pairing_round_uq').on(t.pairingId, t.round), check('check_in_rounds_round_positive', sql`${t.round} >= 1`)],
);

/** One member's private answers to one round; the other member never reads them. */
export const checkIns = pgTable(
  'check_ins',
  {
    id: serial().primaryKey(),
    roundId: integer()
      .notNull()
      .references(() => checkInRounds.id),
    pairingId: integer()
      .notNull()
      .references(() => pairings.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    /** "I feel respected and safe in this mentorship", 1–5; 1 or 2 flags the pairing for admins. */
    safety: integer().notNull(),
    /** "This mentorship is useful to me", 1–5. */
    useful: integer().notNull(),
    /** "We are meeting about as often as we hoped", 1–5. */
    frequency: integer().notNull(),
    comment: text(),
    answeredAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    // One answer per member per round: a double submit is refused by the database.
    uniqueIndex('check_ins_one_per_member_round').on(t.roundId, t.userId),
    index('check_ins_pairing_idx').on(t.pairingId, t.answeredAt),
    check('check_ins_scores_range', sql`${t.safety} between 1 and 5 and ${t.useful} between 1 and 5 and ${t.frequency} between 1 and 5`),
    check('check_ins_comment_length', sql`${t.comment} is null or char_length(${t.comment}) between 1 and 2000`),
  ],
);

export const concernStatus = pgEnum('concern_status', ['new', 'in_progress', 'resolved']);
export const concernContactChannel = pgEnum('concern_contact_channel', ['email', 'phone']);
export const concernOutcome = pgEnum('concern_outcome', ['none', 'resumed', 'ended-rematch', 'withdrew-mentor']);

/**
 * A concern raised by a member, about one of their pairings or about nothing in particular. Read
 * by admins only; every opening is audited (`concern.read`).
 */
export const concerns = pgTable(
  'concerns',
  {
    id: serial().primaryKey(),
    raisedBy: text()
      .notNull()
      .references(() => users.id),
    /** Null: "not about a pairing". */
    pairingId: integer().references(() => pairings.id),
    body: text().notNull(),
    /** The member asked for the pairing to be paused when they raised it (and it was). */
    pausedPairing: boolean().notNull().default(false),
    contactRequested: boolean().notNull().default(false),
    contactChannel: concernContactChannel(),
    contactPhone: text(),
    status: concernStatus().notNull().default('new'),
    assignedTo: text().references(() => users.id),
    resolution: text(),
    outcome: concernOutcome(),
    resolvedBy: text().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true, mode: 'date' }),
    raisedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('concerns_status_idx').on(t.status, t.raisedAt),
    index('concerns_pairing_idx').on(t.pairingId),
    check('concerns_body_length', sql`char_length(${t.body}) between 1 and 4000`),
    check('concerns_contact_channel', sql`${t.contactRequested} = (${t.contactChannel} is not null)`),
    check('concerns_contact_phone', sql`(${t.contactChannel} = 'phone') = (${t.contactPhone} is not null)`),
    check(
      'concerns_resolved_complete',
      sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null and ${t.resolution} is not null and ${t.outcome} is not null)`,
    ),
  ],
);

/** The coordinators' private notes on a concern; never shown to members. */
export const concernNotes = pgTable(
  'concern_notes',
  {
    id: serial().primaryKey(),
    concernId: integer()
      .notNull()
      .references(() => concerns.id),
    authorId: text()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('concern_notes_concern_idx').on(t.concernId, t.createdAt), check('concern_notes_body_length', sql`char_length(${t.body}) between 1 and 4000`)],
);

export type Concern = typeof concerns.$inferSelect;
