/** Words for decisions, shared by the list, the person page and their actions. */
import type { PersonStatus, Role } from '@/db/schema';
import { plural } from '@/lib/text';

type Decision = 'approved' | 'waitlisted' | 'declined';

export const DECISION_OPTIONS: { value: Decision; label: string; verb: string; done: string }[] = [
  { value: 'approved', label: 'Approve', verb: 'Approve', done: 'approved' },
  { value: 'waitlisted', label: 'Waitlist', verb: 'Waitlist', done: 'waitlisted' },
  { value: 'declined', label: 'Decline', verb: 'Decline', done: 'declined' },
];

export const decisionCopy = (decision: string) => DECISION_OPTIONS.find((d) => d.value === decision);

export function decisionSummary(decision: Decision, result: { changed: number; skipped: number }): string {
  const done = decisionCopy(decision)!.done;
  const changed = result.changed ? `${plural(result.changed, 'person', 'people')} ${done} and emailed.` : 'No one was changed.';
  const skipped = result.skipped
    ? ` ${plural(result.skipped, 'person was', 'people were')} skipped: they already had that status, have not finished registering, or have withdrawn.`
    : '';
  return changed + skipped;
}

export const ROLE_LABELS: Record<Role, string> = { mentee: 'Student', mentor: 'Physician', admin: 'Coordinator' };

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

export const STATUS_TONES: Record<PersonStatus, Tone> = {
  registering: 'neutral',
  pending: 'info',
  approved: 'good',
  waitlisted: 'warn',
  declined: 'bad',
  withdrawn: 'neutral',
};
