/**
 * The safe-space forms (check-ins, concerns, the concerns inbox). Pure, so the server actions, the
 * data-access functions and the tests validate with the same rules.
 */
import { z } from 'zod';
import { confirmField, confirmKey } from '@/lib/forms/confirm';
import { checkboxField, idField, numberField, optionalText, requiredText, serialField } from '@/lib/forms/fields';

/** The three statements of a check-in, in the order the form asks them. */
export const CHECK_IN_QUESTIONS = {
  safety: 'I feel respected and safe in this mentorship',
  useful: 'This mentorship is useful to me',
  frequency: 'We are meeting about as often as we hoped',
} as const;
export type CheckInQuestion = keyof typeof CHECK_IN_QUESTIONS;

export const SCALE_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const;

/** A 1 or 2 on the safety statement flags the pairing for the coordinators at once. */
export const FLAG_AT_OR_BELOW = 2;

const score = (what: string) => numberField(what, 1, 5, { whole: true });

export const checkInSchema = z.object({
  roundId: serialField,
  safety: score('your answer to “I feel respected and safe”'),
  useful: score('your answer to “This mentorship is useful”'),
  frequency: score('your answer to “We are meeting as often as we hoped”'),
  comment: optionalText('your comment', 2000, { multiline: true }),
});
export type CheckInInput = z.output<typeof checkInSchema>;

export const CONCERN_MAX = 4000;

/** "+1 (555) 010-0100", "555 0100 200": digits with the usual separators, 7–15 digits. */
const PHONE = /^\+?[\d\s().-]{7,30}$/;

export const concernSchema = z
  .object({
    /** One of the member's pairings, or "none": not about a pairing. */
    about: z.union([z.literal('none'), serialField], { error: 'Choose what this is about.' }),
    body: requiredText('what happened', CONCERN_MAX, { multiline: true }),
    pause: checkboxField,
    contact: checkboxField,
    channel: z.union([z.literal(''), z.enum(['email', 'phone'])], { error: 'Choose email or phone.' }).optional(),
    phone: optionalText('your phone number', 30).refine(
      (v) => v === null || (PHONE.test(v) && v.replace(/\D/g, '').length >= 7 && v.replace(/\D/g, '').length <= 15),
      {
        message: 'Enter a phone number such as +1 555 010 0100.',
      },
    ),
  })
  .superRefine((v, ctx) => {
    if (v.pause && v.about === 'none') ctx.addIssue({ code: 'custom', path: ['pause'], message: 'Choose the pairing to pause, or untick “pause”.' });
    if (v.contact && !v.channel) ctx.addIssue({ code: 'custom', path: ['channel'], message: 'Choose how the coordinator should contact you.' });
    if (v.contact && v.channel === 'phone' && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter the number to call.' });
  })
  .transform((v) => ({
    pairingId: v.about === 'none' ? null : v.about,
    body: v.body,
    pause: v.pause,
    contact: v.contact ? (v.channel === 'phone' ? { channel: 'phone' as const, phone: v.phone! } : { channel: 'email' as const, phone: null }) : null,
  }));
export type ConcernInput = z.output<typeof concernSchema>;

export const CONCERN_STATUSES = { new: 'New', in_progress: 'In progress', resolved: 'Resolved' } as const;
export type ConcernStatus = keyof typeof CONCERN_STATUSES;

export function parseConcernTab(value: string | string[] | undefined): ConcernStatus | 'open' {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== undefined && Object.hasOwn(CONCERN_STATUSES, v) ? (v as ConcernStatus) : 'open';
}

export const assignConcernSchema = z.object({ concernId: serialField, assigneeId: idField });
export const concernNoteSchema = z.object({ concernId: serialField, body: requiredText('the note', 4000, { multiline: true }) });

export const RESOLUTION_OUTCOMES = {
  none: 'Resolve only (nothing else changes)',
  resumed: 'Resume the paused pairing',
  'ended-rematch': 'End the pairing with a no-fault rematch for the student',
  'withdrew-mentor': 'Withdraw the physician from the program (every pairing of theirs ends; their students get a no-fault rematch)',
} as const;
export type ResolutionOutcome = keyof typeof RESOLUTION_OUTCOMES;

export const resolveConcernSchema = z.object({
  concernId: serialField,
  resolution: requiredText('the resolution', 4000, { multiline: true }),
  outcome: z.enum(Object.keys(RESOLUTION_OUTCOMES) as [ResolutionOutcome, ...ResolutionOutcome[]], { error: 'Choose what happens to the pairing.' }),
  confirm: confirmField,
});

/** The key of exactly this resolution: a changed outcome or text is asked about again. */
export const resolveKey = (v: { concernId: number; resolution: string; outcome: ResolutionOutcome }) =>
  confirmKey('resolve-concern', [v.concernId, v.resolution, v.outcome]);
