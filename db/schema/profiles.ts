/** Registration profiles and the consented identity answers. */
import { relations, sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { sessions, users } from './people';
import { cohorts } from './program';

export const identityPreference = pgEnum('identity_preference', ['none', 'preferred', 'required']);
export const credential = pgEnum('credential', ['MD', 'DO', 'other']);

const sharedProfileColumns = () => ({
  preferredName: text().notNull(),
  pronouns: text(),
  meetingFormats: text().array().notNull().default(sql`'{}'::text[]`),
  availability: text().array().notNull().default(sql`'{}'::text[]`),
  city: text(),
  languages: text().array().notNull().default(sql`'{}'::text[]`),
  about: text().notNull().default(''),
  expectationsVersion: integer().notNull(),
  expectationsAcceptedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  cohortId: integer().references(() => cohorts.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const menteeProfiles = pgTable('mentee_profiles', {
  userId: text()
    .primaryKey()
    .references(() => users.id),
  ...sharedProfileColumns(),
  school: text().notNull(),
  schoolYear: text().notNull(),
  major: text().notNull(),
  targetCycle: integer().notNull(),
  specialties: text().array().notNull().default(sql`'{}'::text[]`),
  specialtyOther: text(),
  helpWith: text().array().notNull().default(sql`'{}'::text[]`),
  helpOther: text(),
  firstGen: boolean(),
  identityPreference: identityPreference().notNull().default('none'),
  /** Which identities the preference is about (race categories); empty = any BIPOC identity. */
  identityPreferenceRaces: text().array().notNull().default(sql`'{}'::text[]`),
});

export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    userId: text()
      .primaryKey()
      .references(() => users.id),
    ...sharedProfileColumns(),
    credential: credential().notNull(),
    credentialOther: text(),
    specialty: text().notNull(),
    specialtyOther: text(),
    organisation: text().notNull(),
    yearsInPractice: integer().notNull(),
    residencyAffiliation: text(),
    capacity: integer().notNull(),
    advice: text().array().notNull().default(sql`'{}'::text[]`),
    /** Whether mentees see the mentor's identity answers on the profile. */
    showIdentity: boolean().notNull().default(false),
    pausedUntil: date({ mode: 'string' }),
  },
  (t) => [
    check('mentor_capacity_range', sql`${t.capacity} between 1 and 3`),
    check('mentor_years_range', sql`${t.yearsInPractice} between 0 and 70`),
  ],
);

/**
 * Optional, consented identity answers. Kept apart from profiles so that access to them is one
 * place to guard and audit. A row exists only with consent.
 */
export const identityAnswers = pgTable('identity_answers', {
  userId: text()
    .primaryKey()
    .references(() => users.id),
  races: text().array().notNull().default(sql`'{}'::text[]`),
  selfDescription: text(),
  preferNotToAnswer: boolean().notNull().default(false),
  gender: text(),
  consentedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: updatedAt(),
});

export const usersRelations = relations(users, ({ one, many }) => ({
  menteeProfile: one(menteeProfiles, { fields: [users.id], references: [menteeProfiles.userId] }),
  mentorProfile: one(mentorProfiles, { fields: [users.id], references: [mentorProfiles.userId] }),
  sessions: many(sessions),
}));

export type MenteeProfile = typeof menteeProfiles.$inferSelect;
export type MentorProfile = typeof mentorProfiles.$inferSelect;
