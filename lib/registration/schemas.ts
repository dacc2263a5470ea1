/**
 * What a registration form may contain, checked on the server. Pure (no I/O) so unit tests walk
 * every rule. Field names match the form; checkbox groups arrive as arrays.
 */
import { z } from 'zod';
import { checkboxField, optionalText, requiredText, typedNumber } from '@/lib/forms/fields';
import {
  AVAILABILITY_SLOTS,
  CREDENTIALS,
  HELP_AREAS,
  IDENTITY_PREFERENCES,
  LANGUAGES,
  MEETING_FORMATS,
  RACE_CATEGORIES,
  SCHOOL_YEARS,
  SPECIALTIES,
  valuesOf,
} from './options';
import { now } from '@/lib/time/clock';
import { parseIsoDate } from '@/lib/time/dates';

/** Single-line text unless said otherwise; the shared rules in lib/forms/fields. */
const text = (label: string, max: number, opts: { multiline?: boolean } = {}) => requiredText(label, max, opts);

const many = <V extends string>(values: [V, ...V[]], label: string, min = 0) =>
  z
    .array(z.enum(values, { error: `Choose ${label} from the list.` }), { error: `Choose ${label} from the list.` })
    .default([])
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length >= min, min === 1 ? `Choose at least one ${label}.` : `Choose at least ${min} ${label}.`);

const checkbox = checkboxField;

const mustAccept = (message: string) =>
  z
    .string({ error: message })
    .optional()
    .refine((v) => v === 'on' || v === 'true' || v === 'yes', message)
    .transform(() => true as const);

const thisYear = () => now().getUTCFullYear();

/** Fields both roles share. */
const common = {
  fullName: text('your full name', 120),
  preferredName: text('the name you go by', 60),
  pronouns: optionalText('pronouns', 40),
  meetingFormats: many(valuesOf(MEETING_FORMATS), 'meeting format', 1),
  availability: many(AVAILABILITY_SLOTS, 'time you are usually free', 1),
  city: optionalText('your city', 80),
  languages: many(valuesOf(LANGUAGES), 'language'),
  about: optionalText('“about me”', 1200, { multiline: true }).transform((v) => v ?? ''),
  expectations: mustAccept('Please read and accept the program expectations.'),
};

export const UNCONSENTED_IDENTITY =
  'You answered the identity questions but did not tick consent, so they will not be kept. Tick consent, or clear the answers.';

/** Optional, consented identity answers (both roles). Without consent nothing here is kept. */
export const identitySchema = z
  .object({
    identityConsent: checkbox,
    races: many(valuesOf(RACE_CATEGORIES), 'category'),
    selfDescription: optionalText('your self-description', 200),
    preferNotToAnswer: checkbox,
    gender: optionalText('gender', 80),
  })
  // Answers without consent would be dropped: refuse with the reason instead of losing them in
  // silence (the form says the same before submitting, and keeps what was typed).
  .superRefine((v, ctx) => {
    if (!v.identityConsent && (v.races.length > 0 || !!v.selfDescription || v.preferNotToAnswer || !!v.gender))
      ctx.addIssue({ code: 'custom', path: ['identityConsent'], message: UNCONSENTED_IDENTITY });
  })
  .transform((v) =>
    v.identityConsent
      ? {
          consent: true as const,
          races: v.preferNotToAnswer ? [] : v.races,
          selfDescription: v.preferNotToAnswer ? null : v.selfDescription,
          preferNotToAnswer: v.preferNotToAnswer,
          gender: v.gender,
        }
      : { consent: false as const },
  );
export type IdentityInput = z.output<typeof identitySchema>;

export const menteeProfileSchema = z
  .object({
    ...common,
    school: text('your school', 120),
    schoolYear: z.enum(valuesOf(SCHOOL_YEARS), { error: 'Choose your year.' }),
    major: text('your major', 120),
    targetCycle: typedNumber(
      z
        .number({ error: 'Enter the year you plan to apply.' })
        .int('Enter a year like 2028.')
        .refine((y) => y >= thisYear() - 1 && y <= thisYear() + 8, `Enter a year between ${thisYear() - 1} and ${thisYear() + 8}.`),
    ),
    specialties: many(valuesOf(SPECIALTIES), 'specialty'),
    specialtyOther: optionalText('the other specialty', 120),
    helpWith: many(valuesOf(HELP_AREAS), 'area you want help with', 1),
    helpOther: optionalText('what else you want help with', 300, { multiline: true }),
    firstGen: z
      .enum(['yes', 'no', ''], { error: 'Choose yes, no, or leave it blank.' })
      .optional()
      .transform((v) => (v === 'yes' ? true : v === 'no' ? false : null)),
    identityPreference: z.enum(valuesOf(IDENTITY_PREFERENCES), { error: 'Choose a preference.' }).default('none'),
    identityPreferenceRaces: many(valuesOf(RACE_CATEGORIES), 'identity'),
  })
  .superRefine((v, ctx) => {
    if (v.helpWith.includes('other') && !v.helpOther)
      ctx.addIssue({ code: 'custom', path: ['helpOther'], message: 'Tell us what else you would like help with.' });
    if (v.meetingFormats.includes('in-person') && !v.city)
      ctx.addIssue({ code: 'custom', path: ['city'], message: 'Enter your city so in-person meetings can be arranged nearby.' });
  });
export type MenteeProfileInput = z.output<typeof menteeProfileSchema>;

export const mentorProfileSchema = z
  .object({
    ...common,
    credential: z.enum(valuesOf(CREDENTIALS), { error: 'Choose your credentials.' }),
    credentialOther: optionalText('your credentials', 60),
    specialty: z.enum(valuesOf(SPECIALTIES), { error: 'Choose your specialty.' }),
    specialtyOther: optionalText('your specialty', 120),
    organisation: text('your organisation', 160),
    // Blank is "not answered", never 0 years (z.coerce would turn '' and '  ' into 0).
    yearsInPractice: typedNumber(
      z
        .number({ error: 'Enter a number of years.' })
        .int('Enter a whole number of years.')
        .min(0, 'Years in practice cannot be negative.')
        .max(70, 'Enter at most 70 years.'),
    ),
    residencyAffiliation: optionalText('the residency affiliation', 160),
    capacity: typedNumber(
      z.number({ error: 'Choose how many mentees you can take.' }).int('Choose 1, 2 or 3.').min(1, 'Choose 1, 2 or 3.').max(3, 'Choose 1, 2 or 3.'),
    ),
    advice: many(valuesOf(HELP_AREAS), 'area you can advise on', 1),
    showIdentity: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.credential === 'other' && !v.credentialOther)
      ctx.addIssue({ code: 'custom', path: ['credentialOther'], message: 'Enter your credentials.' });
    if (v.meetingFormats.includes('in-person') && !v.city)
      ctx.addIssue({ code: 'custom', path: ['city'], message: 'Enter your city so in-person meetings can be arranged nearby.' });
  });
export type MentorProfileInput = z.output<typeof mentorProfileSchema>;

/** The values attestation: an explicit checkbox and the typed full name as signature. */
export const attestationSchema = z.object({
  attest: mustAccept('Please confirm that you commit to the values statement.'),
  signatureName: text('your full name as your signature', 120),
  statementVersion: typedNumber(z.number({ error: 'Reload the page and sign again.' }).int().min(1, 'Reload the page and sign again.')),
});
export type AttestationInput = z.output<typeof attestationSchema>;

export const withdrawSchema = z.object({
  reason: text('a reason', 500, { multiline: true }),
  confirm: mustAccept('Please confirm that you want to withdraw.'),
});

export const pauseSchema = z.object({
  pausedUntil: z
    .string({ error: 'Enter a real date.' })
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || parseIsoDate(v) !== null, 'Enter a real date.')
    .refine((v) => v === null || v > now().toISOString().slice(0, 10), 'Choose a date in the future.')
    .refine((v) => v === null || v <= `${thisYear() + 2}-12-31`, 'Choose a date within the next two years.'),
});

export const capacitySchema = z.object({ capacity: mentorProfileSchema.shape.capacity });

/** Parses one form with several schemas, reporting every field error at once. */
export function combine<T extends Record<string, z.ZodType>>(parts: T) {
  return z.unknown().transform((input, ctx) => {
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [key, schema] of Object.entries(parts)) {
      const result = schema.safeParse(input);
      if (result.success) out[key] = result.data;
      else {
        ok = false;
        for (const issue of result.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
      }
    }
    return ok ? (out as { [K in keyof T]: z.output<T[K]> }) : z.NEVER;
  });
}

export const menteeRegistrationSchema = combine({ profile: menteeProfileSchema, identity: identitySchema });
export const mentorRegistrationSchema = combine({ profile: mentorProfileSchema, identity: identitySchema, attestation: attestationSchema });
export const mentorProfileEditSchema = combine({ profile: mentorProfileSchema, identity: identitySchema });
