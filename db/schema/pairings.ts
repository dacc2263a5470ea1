/**
 * Pairings and the admin's match rules.
 *
 * Mentor capacity is enforced by a trigger (migration 0001_mentor_capacity_guard.sql,
 * `enforce_mentor_capacity`): before a pairing becomes proposed or active it locks the mentor's
 * profile row (FOR UPDATE), so two admins acting at once are serialised, then counts the mentor's
 * open pairings — a proposal counts active and proposed ones, an approval counts active ones only,
 * because the mentor may have lowered their capacity since — and raises a check_violation named
 * `mentor_capacity` when the count would pass the capacity.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { users } from './people';

export const pairingState = pgEnum('pairing_state', ['proposed', 'active', 'completed', 'ended']);

export const pairings = pgTable(
  'pairings',
  {
    id: serial().primaryKey(),
    menteeId: text()
      .notNull()
      .references(() => users.id),
    mentorId: text()
      .notNull()
      .references(() => users.id),
    state: pairingState().notNull().default('proposed'),
    score: integer(),
    scoreBreakdown: jsonb().$type<unknown>(),
    proposedBy: text().references(() => users.id),
    proposedAt: createdAt(),
    approvedBy: text().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** When the student joined the waitlist, kept at approval (the user's own is cleared): the report's "days waited". */
    menteeWaitingSince: timestamp({ withTimezone: true, mode: 'date' }),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    /** How many times both parties chose to continue. */
    renewals: integer().notNull().default(0),
    introSubject: text(),
    introBody: text(),
    endedBy: text().references(() => users.id),
    endedAt: timestamp({ withTimezone: true, mode: 'date' }),
    endReason: text(),
    rematchRequested: boolean().notNull().default(false),
    /**
     * Set while the coordinator (or a member's concern) has paused an active pairing: reminders,
     * check-ins and renewal prompts skip it, and the other member sees only a neutral message.
     * The state stays `active`; resuming clears it; it means nothing once the pairing has ended.
     * See `livePairing` in lib/pairings/membership.ts.
     */
    pausedAt: timestamp({ withTimezone: true, mode: 'date' }),
    pausedBy: text().references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open (proposed or active) pairing per mentee: the database refuses a double pairing.
    uniqueIndex('pairings_one_open_per_mentee')
      .on(t.menteeId)
      .where(sql`${t.state} in ('proposed', 'active')`),
    index('pairings_mentor_state_idx').on(t.mentorId, t.state),
    // "Is this student waiting?" (no open or completed pairing) and a student's history, read per student.
    index('pairings_mentee_state_idx').on(t.menteeId, t.state),
    check('pairings_distinct_people', sql`${t.menteeId} <> ${t.mentorId}`),
  ],
);

export const matchRuleKind = pgEnum('match_rule_kind', ['lock', 'exclude']);

/** Admin decisions the matcher must honour: never pair (exclude) or always pair (lock). */
export const matchRules = pgTable(
  'match_rules',
  {
    id: serial().primaryKey(),
    menteeId: text()
      .notNull()
      .references(() => users.id),
    mentorId: text()
      .notNull()
      .references(() => users.id),
    kind: matchRuleKind().notNull(),
    reason: text(),
    createdBy: text().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('match_rules_pair_uq').on(t.menteeId, t.mentorId),
    // A student can be locked to one mentor at most.
    uniqueIndex('match_rules_one_lock_per_mentee').on(t.menteeId).where(sql`${t.kind} = 'lock'`),
  ],
);

export type Pairing = typeof pairings.$inferSelect;
