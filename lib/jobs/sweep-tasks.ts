import 'server-only';
/**
 * The daily sweep's tasks, run in this order (see lib/jobs/sweep.ts for how to write one).
 * Domains append theirs: meetings (cadence reminders), terms (renewals, completions)…
 */
import { redeliverFailedEmails } from '@/lib/email/redelivery';
import { renewalPromptTask, termEndTask } from '@/lib/terms/renewal';
import type { SweepTask } from './sweep';

// Terms: a term that reached its end is renewed or completed before any prompt is considered.
export const SWEEP_TASKS: SweepTask[] = [redeliverFailedEmails, termEndTask, renewalPromptTask];
