import type { PersonStatus } from '@/db/schema';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

const COPY: Record<PersonStatus, { label: string; tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info'; next: string }> = {
  registering: { label: 'Registration not finished', tone: 'warn', next: 'Finish your profile so the coordinator can review it.' },
  pending: {
    label: 'Registered — awaiting review',
    tone: 'info',
    next: 'The program coordinator reviews every registration, usually within a week. We will email you when it is done.',
  },
  approved: {
    label: 'Approved',
    tone: 'good',
    next: 'You are in the program. The coordinator pairs people as places become available, and we will email you an introduction when you are paired.',
  },
  waitlisted: {
    label: 'Waitlisted',
    tone: 'warn',
    next: 'There are more people than places right now. You keep your place in line and we will email you as soon as that changes.',
  },
  declined: {
    label: 'Not accepted',
    tone: 'bad',
    next: 'Your registration was not accepted this time. The email we sent explains why; reply to the coordinator with any questions.',
  },
  withdrawn: {
    label: 'Withdrawn',
    tone: 'neutral',
    next: 'You are no longer taking part in the program. Your information is kept but not used for matching. Contact the coordinator with any questions, or to rejoin.',
  },
};

export function statusLabel(status: PersonStatus) {
  return COPY[status].label;
}

/** `note` replaces the generic next step for an approved person (e.g. a paired mentor). */
export function StatusCard({ status, note }: { status: PersonStatus; note?: string }) {
  const c = COPY[status];
  return (
    <Card>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600">Your status</h2>
      <p className="mt-2">
        <Badge tone={c.tone}>{c.label}</Badge>
      </p>
      <p className="mt-3 text-stone-700">{status === 'approved' && note ? note : c.next}</p>
    </Card>
  );
}
