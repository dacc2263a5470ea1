import Link from 'next/link';
import { cache } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { SessionUser } from '@/lib/auth/session';
import { getMyChecklists, summarise } from '@/lib/roadmap/checklist';
import { itemView, type ItemView } from './view';

function Line({ item }: { item: ItemView }) {
  return (
    <li className="flex items-start justify-between gap-3 py-2">
      <span className="min-w-0 break-words">{item.title}</span>
      <span className="shrink-0 text-right text-sm text-stone-700">
        <time dateTime={item.targetDate}>{item.targetText}</time>
        {item.status === 'soon' && (
          <span className="ml-2">
            <Badge tone="warn">Soon</Badge>
          </span>
        )}
      </span>
    </li>
  );
}

/**
 * What is next on a pairing's roadmap (the next three open items by date) and what is overdue.
 * The student's home shows theirs; the physician's home shows one per mentee. Renders nothing when
 * the person has no active pairing (or the pairing is not theirs).
 */
/** All of this person's checklists, read once per request however many sections ask (one per mentee). */
const myChecklists = cache((user: SessionUser) => getMyChecklists(user));

export async function RoadmapHomeSection({ user, pairingId, href, compact = false }: { user: SessionUser; pairingId?: number; href: string; compact?: boolean }) {
  const lists = await myChecklists(user);
  const list = pairingId === undefined ? ([...lists.values()][0] ?? null) : (lists.get(pairingId) ?? null);
  if (!list) return null;
  const s = summarise(list);
  const next = s.next.map((i) => itemView(i, list));
  const overdue = s.overdue.map((i) => itemView(i, list));
  const headingId = `roadmap-home-${list.pairingId}`;
  const Heading = compact ? 'h3' : 'h2';
  return (
    <Card aria-labelledby={headingId} data-testid="roadmap-home">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={headingId} className="text-lg font-semibold text-stone-900">
          Application roadmap
        </Heading>
        <span className="text-sm text-stone-600">
          Cycle {list.cycleYear} · {s.done} of {s.total} done
        </span>
      </div>
      {overdue.length > 0 && (
        <div className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-1">
          <p className="pt-2 text-sm font-semibold text-red-900">Overdue ({overdue.length})</p>
          <ul className="divide-y divide-red-100 text-red-950">
            {(compact ? overdue.slice(0, 3) : overdue).map((i) => (
              <Line key={i.id} item={i} />
            ))}
          </ul>
          {compact && overdue.length > 3 && <p className="pb-2 text-sm text-red-900">and {overdue.length - 3} more</p>}
        </div>
      )}
      {s.earlier.length > 0 && (
        <p className="mt-3 text-sm text-stone-700">
          {s.earlier.length === 1 ? '1 item is' : `${s.earlier.length} items are`} from before you were paired: tick what is already done, or give it a new date.
        </p>
      )}
      <p className="mt-3 text-sm font-semibold text-stone-800">Next up</p>
      {next.length ? (
        <ul className="divide-y divide-stone-200">
          {next.map((i) => (
            <Line key={i.id} item={i} />
          ))}
        </ul>
      ) : (
        <p className="py-2 text-sm text-stone-600">Nothing else is planned. Add the next milestone on the roadmap.</p>
      )}
      <p className="mt-3">
        <Link href={href} className="font-semibold">
          Open the roadmap{compact ? ` with ${list.menteeName.split(' ')[0]}` : ''} →
        </Link>
      </p>
    </Card>
  );
}
