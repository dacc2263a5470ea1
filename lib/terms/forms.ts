/**
 * The term forms' fields, shared by the server actions and the tests (pure: no database).
 */
import { z } from 'zod';
import { numberField, optionalText, requiredText, serialField } from '@/lib/forms/fields';
import { isoDateField } from '@/lib/time/dates';

export const CHOICES = ['continue', 'conclude'] as const;
export type Choice = (typeof CHOICES)[number];
export type Side = 'mentee' | 'mentor';

const yesNo = (what: string) => z.enum(['yes', 'no'], { error: `Choose yes or no for ${what}.` }).transform((v) => v === 'yes');

export const renewalChoiceSchema = z.object({
  pairingId: serialField,
  choice: z.enum(CHOICES, { error: 'Choose continue or conclude.' }),
});

export const closeSurveySchema = z.object({
  pairingId: serialField,
  rating: numberField('how it went', 1, 5, { whole: true }),
  helpedMost: requiredText('what helped most', 2000, { multiline: true }),
  /** Mentors only; the operation refuses it from a student and requires it from a mentor. */
  mentorAgain: yesNo('mentoring again').optional(),
  wouldRecommend: yesNo('recommending the program'),
  comment: optionalText('your comment', 2000, { multiline: true }),
});
export type CloseSurveyInput = z.output<typeof closeSurveySchema>;

export const rejoinWaitlistSchema = z.object({ pairingId: serialField });

export const extendTermSchema = z.object({
  pairingId: serialField,
  endDate: isoDateField('the new end date'),
  reason: requiredText('the reason', 500, { multiline: true }),
});
