import 'server-only';
/**
 * The daily sweep's tasks, run in this order (see lib/jobs/sweep.ts for how to write one).
 * Domains append theirs: meetings (cadence reminders), terms (renewals, completions)…
 */
import { redeliverFailedEmails } from '@/lib/email/redelivery';
import { openCheckIns } from '@/lib/safety/check-ins';
import type { SweepTask } from './sweep';

export const SWEEP_TASKS: SweepTask[] = [redeliverFailedEmails, openCheckIns];
