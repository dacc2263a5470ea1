import 'server-only';
/**
 * The daily sweep's tasks, run in this order (see lib/jobs/sweep.ts for how to write one).
 * Domains append theirs: meetings (cadence reminders), terms (renewals, completions)…
 */
import { adminDigest } from '@/lib/digest/digest';
import { redeliverFailedEmails } from '@/lib/email/redelivery';
import { meetingReminders } from '@/lib/meetings/reminders';
import { openCheckIns } from '@/lib/safety/check-ins';
import { renewalPromptTask, termEndTask } from '@/lib/terms/renewal';
import type { SweepTask } from './sweep';

// Terms first: a term that reached its end is renewed or completed before any prompt, check-in or
// reminder is considered. The digest runs last: it reports on what the other tasks saw and did.
export const SWEEP_TASKS: SweepTask[] = [redeliverFailedEmails, termEndTask, renewalPromptTask, openCheckIns, meetingReminders, adminDigest];
