/**
 * The safe-space forms' words and limits, shared by the server (./forms validates with them) and the
 * client components that show them. No zod here: importing this from a 'use client' file must not
 * pull the validation library into the page's JavaScript.
 */

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

export const CONCERN_MAX = 4000;

export const CONCERN_STATUSES = { new: 'New', in_progress: 'In progress', resolved: 'Resolved' } as const;
export type ConcernStatus = keyof typeof CONCERN_STATUSES;

export const RESOLUTION_OUTCOMES = {
  none: 'Resolve only (nothing else changes)',
  resumed: 'Resume the paused pairing',
  'ended-rematch': 'End the pairing with a no-fault rematch for the student',
  'withdrew-mentor': 'Withdraw the physician from the program (every pairing of theirs ends; their students get a no-fault rematch)',
} as const;
export type ResolutionOutcome = keyof typeof RESOLUTION_OUTCOMES;
