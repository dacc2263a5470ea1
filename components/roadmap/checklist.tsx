import { Card, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { Checklist } from '@/lib/roadmap/checklist';
import { summarise } from '@/lib/roadmap/checklist';
import { CYCLE_RULE_TEXT } from '@/lib/roadmap/rules';
import { AddItemForm } from './add-item-form';
import { ItemRow } from './item-row';
import { viewsOf } from './view';

/** The whole shared checklist: every item by date, with ticks (and editing for the pair's members). */
export function RoadmapChecklist({ list, editable }: { list: Checklist; editable: boolean }) {
  const s = summarise(list);
  const items = viewsOf(list);
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle>Application cycle {list.cycleYear}</CardTitle>
          <p className="text-sm font-semibold text-stone-700" data-testid="roadmap-progress">
            {s.done} of {s.total} done{s.overdue.length > 0 && <span className="text-red-800"> · {s.overdue.length} overdue</span>}
          </p>
        </div>
        <p className="text-sm text-stone-600">{CYCLE_RULE_TEXT}</p>
        {items.length ? (
          <ol className="mt-2 divide-y divide-stone-200" aria-label="Milestones by target date">
            {items.map((item) => (
              <ItemRow key={item.id} item={item} editable={editable} />
            ))}
          </ol>
        ) : (
          <div className="mt-4">
            <EmptyState title="No milestones yet">Add the first one below.</EmptyState>
          </div>
        )}
      </Card>
      {editable && (
        <Card>
          <CardTitle>Add a milestone</CardTitle>
          <AddItemForm pairingId={list.pairingId} />
        </Card>
      )}
    </div>
  );
}
