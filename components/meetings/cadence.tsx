import { Badge } from '@/components/ui/badge';
import { CADENCE_LABEL, CADENCE_TONE, type Cadence } from '@/lib/meetings/cadence';
import { formatDate } from '@/lib/time/format';

export function CadenceBadge({ cadence }: { cadence: Pick<Cadence, 'status'> }) {
  return <Badge tone={CADENCE_TONE[cadence.status]}>{CADENCE_LABEL[cadence.status]}</Badge>;
}

/** "Last met Mar 3, 2027 · 12 days ago" or "No meeting yet · 12 days since the start". */
export function cadenceText(c: Cadence): string {
  const days = c.days === 1 ? '1 day' : `${c.days} days`;
  return c.lastMet ? `Last met ${formatDate(c.lastMet)} · ${days} ago` : `No meeting logged yet · ${days} since the pairing started`;
}
