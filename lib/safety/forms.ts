/**
 * The safe-space forms (check-ins, concerns, the concerns inbox). Pure, so the server actions, the
 * data-access functions and the tests validate with the same rules.
 */
import { z } from 'zod';
import { confirmField, confirmKey } from '@/lib/forms/confirm';
import { checkboxField, idField, numberField, optionalText, requiredText, serialField } from '@/lib/forms/fields';
import { CONCERN_MAX, CONCERN_STATUSES, RESOLUTION_OUTCOMES, type ConcernStatus, type ResolutionOutcome } from './copy';

// The words and limits the forms show live in ./copy (no zod), so client components importing them
// do not ship the validation library to the browser (≈ 170 kB gzip); re-exported for the server.
export * from './copy';

const score = (what: string) => numberField(what, 1, 5, { whole: true });

export const checkInSchema = z.object({
  roundId: serialField,
  safety: score('your answer to “I feel respected and safe”'),
  useful: score('your answer to “This mentorship is useful”'),
  frequency: score('your answer to “We are meeting as often as we hoped”'),
  comment: optionalText('your comment', 2000, { multiline: true }),
});
export type CheckInInput = z.output<typeof checkInSchema>;

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

export function parseConcernTab(value: string | string[] | undefined): ConcernStatus | 'open' {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== undefined && Object.hasOwn(CONCERN_STATUSES, v) ? (v as ConcernStatus) : 'open';
}

export const assignConcernSchema = z.object({ concernId: serialField, assigneeId: idField });
export const concernNoteSchema = z.object({ concernId: serialField, body: requiredText('the note', 4000, { multiline: true }) });

export const resolveConcernSchema = z.object({
  concernId: serialField,
  resolution: requiredText('the resolution', 4000, { multiline: true }),
  outcome: z.enum(Object.keys(RESOLUTION_OUTCOMES) as [ResolutionOutcome, ...ResolutionOutcome[]], { error: 'Choose what happens to the pairing.' }),
  confirm: confirmField,
});

/** The key of exactly this resolution: a changed outcome or text is asked about again. */
export const resolveKey = (v: { concernId: number; resolution: string; outcome: ResolutionOutcome }) =>
  confirmKey('resolve-concern', [v.concernId, v.resolution, v.outcome]);
