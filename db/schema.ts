/**
 * The whole database, one file per concern would come later; today one file reads best.
 * Keys are camelCase; columns are snake_case (drizzle `casing: 'snake_case'` in client and config).
 * Invariants live here: foreign keys, checks, partial unique indexes.
 */
import { relations, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { AdapterAccountType } from '@auth/core/adapters';

const createdAt = () => timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

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

// ---------------------------------------------------------------------------
// Email and rate limits
// ---------------------------------------------------------------------------

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
    /** The first action link in the email (the magic link for sign-in). */
    url: text(),
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

// ---------------------------------------------------------------------------
// Program
// ---------------------------------------------------------------------------

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
    termMonths: integer().notNull().default(12),
    renewalWindowDays: integer().notNull().default(30),
    cadenceDueSoonDays: integer().notNull().default(45),
    cadenceOverdueDays: integer().notNull().default(60),
    /** Matching weights by criterion; missing keys fall back to the defaults in lib/matching. */
    matchWeights: jsonb().$type<Record<string, number>>().notNull().default({}),
    updatedAt: updatedAt(),
  },
  (t) => [check('program_settings_singleton', sql`${t.id} = 1`)],
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

// ---------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Matching and pairings
// ---------------------------------------------------------------------------

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
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open (proposed or active) pairing per mentee: the database refuses a double pairing.
    uniqueIndex('pairings_one_open_per_mentee')
      .on(t.menteeId)
      .where(sql`${t.state} in ('proposed', 'active')`),
    index('pairings_mentor_state_idx').on(t.mentorId, t.state),
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

// ---------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: text().references(() => users.id),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    details: jsonb().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_created_idx').on(t.createdAt),
  ],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  menteeProfile: one(menteeProfiles, { fields: [users.id], references: [menteeProfiles.userId] }),
  mentorProfile: one(mentorProfiles, { fields: [users.id], references: [mentorProfiles.userId] }),
  sessions: many(sessions),
}));

export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
export type PersonStatus = (typeof personStatus.enumValues)[number];
export type Pairing = typeof pairings.$inferSelect;
export type MenteeProfile = typeof menteeProfiles.$inferSelect;
export type MentorProfile = typeof mentorProfiles.$inferSelect;
