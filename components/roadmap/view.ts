/**
 * A checklist as the pages show it: dates formatted on the server (lib/time/format.ts), so the
 * browser never re-reads a calendar date in its own time zone.
 */
import type { Checklist, ChecklistItem } from '@/lib/roadmap/checklist';
import { daysBetween } from '@/lib/time/dates';
import { formatDate } from '@/lib/time/format';

/** Open items this close to their date are "due soon". */
export const DUE_SOON_DAYS = 30;

export type ItemStatus = 'done' | 'overdue' | 'earlier' | 'soon' | 'open';

export type ItemView = {
  id: number;
  title: string;
  description: string | null;
  targetDate: string;
  targetText: string;
  status: ItemStatus;
  /** "Done on Mar 2, 2027 by Ana Example". */
  doneText: string | null;
  /** "Added by Dr. Example" for items the pair added. */
  addedText: string | null;
};

/** `startedOn`: the day the pair got the checklist (an item already past then is "earlier", not overdue). */
export function statusOf(item: ChecklistItem, today: string, startedOn: string): ItemStatus {
  if (item.doneAt) return 'done';
  if (item.targetDate < today) return item.targetDate < startedOn ? 'earlier' : 'overdue';
  return daysBetween(today, item.targetDate) <= DUE_SOON_DAYS ? 'soon' : 'open';
}

export function itemView(item: ChecklistItem, list: Pick<Checklist, 'today' | 'startedOn'>): ItemView {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    targetDate: item.targetDate,
    targetText: formatDate(item.targetDate),
    status: statusOf(item, list.today, list.startedOn),
    doneText: item.doneOn ? `Done on ${formatDate(item.doneOn)}${item.doneByName ? ` by ${item.doneByName}` : ''}` : null,
    addedText: item.fromTemplate ? null : item.addedByName ? `Added by ${item.addedByName}` : 'Added by the pair',
  };
}

export const viewsOf = (list: Checklist) => list.items.map((i) => itemView(i, list));
