/** Program-wide settings, cohorts and the versioned values statement. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { users } from './people';

export const cohorts = pgTable('cohorts', {
  id: serial().primaryKey(),
  name: text().notNull(),
  programYear: integer().notNull(),
  launchDate: date({ mode: 'string' }).notNull(),
  isOpen: boolean().notNull().default(true),
  createdAt: createdAt(),
});

/** A single row (id = 1) of program-wide settings. */
export const programSettings = pgTable(
  'program_settings',
  {
    id: integer().primaryKey().default(1),
    /** Shown in the portals' header, the landing page and every email. */
    programName: text().notNull().default('Physician Mentorship Program'),
    termMonths: integer().notNull().default(12),
    renewalWindowDays: integer().notNull().default(30),
    cadenceDueSoonDays: integer().notNull().default(45),
    cadenceOverdueDays: integer().notNull().default(60),
    /** Private check-ins: the first this many days after a pairing starts, then every `checkInEveryDays`. */
    checkInFirstDays: integer().notNull().default(30),
    checkInEveryDays: integer().notNull().default(60),
    /** Matching weights by criterion; missing keys fall back to the defaults in lib/matching. */
    matchWeights: jsonb().$type<Record<string, number>>().notNull().default({}),
    /** The IANA zone the program's calendar runs in: "today", pauses and start dates are read in it. */
    timeZone: text().notNull().default('America/Chicago'),
    /** Who people write to with questions: shown on the landing page, in the portals and in every email. */
    contactName: text(),
    contactEmail: text(),
    updatedAt: updatedAt(),
  },
  (t) => [check('program_settings_singleton', sql`${t.id} = 1`), check('program_settings_name_length', sql`char_length(${t.programName}) between 1 and 120`)],
);

export const valuesStatements = pgTable('values_statements', {
  version: integer().primaryKey(),
  title: text().notNull(),
  body: text().notNull(),
  publishedAt: createdAt(),
  publishedBy: text().references(() => users.id),
});

export const attestations = pgTable(
  'attestations',
  {
    id: serial().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id),
    statementVersion: integer()
      .notNull()
      .references(() => valuesStatements.version),
    signatureName: text().notNull(),
    attestedAt: createdAt(),
  },
  (t) => [uniqueIndex('attestations_user_version_uq').on(t.userId, t.statementVersion)],
);
