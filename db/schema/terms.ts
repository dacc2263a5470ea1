/**
 * The pairing's year(s): each term's dates, the members' renewal choices and the close survey.
 *
 * A term runs from `startDate` up to (not including) `endDate`: the end date is the day the term
 * closes (the daily sweep renews or completes it then) and the first day of a renewed term. The
 * open term (outcome null, at most one per pairing) always has the pairing's `endDate`;
 * `pairings.startDate` stays the day the pairing first began (reports count from it), so the
 * current term's own start is read here. An extension by the coordinator moves the open term's end
 * date and keeps the one it replaced in `extendedFrom` (the choices already made stay valid).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { pairings } from './pairings';
import { users } from './people';

/** How a term closed: both chose to continue, it ran out, or the coordinator (or a withdrawal) ended it. */
export const termOutcome = pgEnum('term_outcome', ['renewed', 'completed', 'ended']);
export const renewalChoice = pgEnum('renewal_choice', ['continue', 'conclude']);
export const pairingSide = pgEnum('pairing_side', ['mentee', 'mentor']);

export const pairingTerms = pgTable(
  'pairing_terms',
  {
    id: serial().primaryKey(),
    pairingId: integer()
      .notNull()
      .references(() => pairings.id),
    /** 1 for the first year, 2 after the first renewal… */
    number: integer().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    /** The end date before the coordinator's last extension; null when never extended. */
    extendedFrom: date({ mode: 'string' }),
    /** Null while the term is the current one. */
    outcome: termOutcome(),
    closedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('pairing_terms_number_uq').on(t.pairingId, t.number),
    // One current term per pairing.
    uniqueIndex('pairing_terms_one_open')
      .on(t.pairingId)
      .where(sql`${t.outcome} is null`),
    check('pairing_terms_number_positive', sql`${t.number} >= 1`),
    check('pairing_terms_dates', sql`${t.endDate} > ${t.startDate}`),
    check('pairing_terms_closed', sql`(${t.outcome} is null) = (${t.closedAt} is null)`),
  ],
);

/** Continue or conclude: one answer per member per term, changeable until the term's end date. */
export const renewalChoices = pgTable(
  'renewal_choices',
  {
    id: serial().primaryKey(),
    termId: integer()
      .notNull()
      .references(() => pairingTerms.id),
    side: pairingSide().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id),
    choice: renewalChoice().notNull(),
    chosenAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('renewal_choices_one_per_side').on(t.termId, t.side), index('renewal_choices_user_idx').on(t.userId)],
);

/** The close survey, once per member per pairing; read by the coordinator only. */
export const closeSurveys = pgTable(
  'close_surveys',
  {
    id: serial().primaryKey(),
    pairingId: integer()
      .notNull()
      .references(() => pairings.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    side: pairingSide().notNull(),
    /** How it went, 1 (poorly) to 5 (very well). */
    rating: smallint().notNull(),
    helpedMost: text().notNull(),
    /** Mentors only: would they mentor again. */
    mentorAgain: boolean(),
    wouldRecommend: boolean().notNull(),
    comment: text(),
    answeredAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('close_surveys_one_per_member').on(t.pairingId, t.userId),
    check('close_surveys_rating', sql`${t.rating} between 1 and 5`),
    check('close_surveys_mentor_again', sql`(${t.side} = 'mentor') = (${t.mentorAgain} is not null)`),
  ],
);

export type PairingTerm = typeof pairingTerms.$inferSelect;
