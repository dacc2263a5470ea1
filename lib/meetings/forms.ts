/**
 * The meeting form's fields, shared by the server actions and the data functions (which parse
 * again). Pure.
 */
import { z } from 'zod';
import { MEETING_MINUTES, meetingFormat } from '@/db/schema/meetings';
import { confirmField, confirmKey } from '@/lib/forms/confirm';
import { numberField, optionalText, serialField } from '@/lib/forms/fields';
import { HELP_AREAS, valuesOf } from '@/lib/registration/options';
import { isoDateField } from '@/lib/time/dates';

import { MEETING_NOTE_MAX } from './limits';

export { MEETING_EDIT_DAYS, MEETING_NOTE_MAX } from './limits';

const meetingFields = {
  date: isoDateField('the day you met'),
  format: z.enum(meetingFormat.enumValues, { error: 'Choose how you met.' }),
  durationMinutes: numberField('the length in minutes', MEETING_MINUTES.min, MEETING_MINUTES.max, { whole: true }),
  topics: z
    .array(z.enum(valuesOf(HELP_AREAS), { error: 'Choose topics from the list.' }), { error: 'Choose at least one topic.' })
    .min(1, 'Choose at least one topic.')
    .max(HELP_AREAS.length, 'Choose topics from the list.')
    .transform((t) => [...new Set(t)]),
  note: optionalText('the note', MEETING_NOTE_MAX, { multiline: true }),
};

export const logMeetingSchema = z.object({ pairingId: serialField, ...meetingFields });
export const correctMeetingSchema = z.object({ meetingId: serialField, ...meetingFields });
export const deleteMeetingSchema = z.object({ meetingId: serialField, confirm: confirmField });

export type LogMeetingInput = z.input<typeof logMeetingSchema>;
export type CorrectMeetingInput = z.input<typeof correctMeetingSchema>;

/** The confirmation key of deleting one entry (lib/forms/confirm.ts). */
export const deleteKey = (meetingId: number) => confirmKey('meeting-delete', [meetingId]);
