import { Card } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/session';
import { getPairingChecklist, summarise } from '@/lib/roadmap/checklist';
import { ItemRow } from './item-row';
import { viewsOf } from './view';

/** The coordinator's read-only view of a pairing's roadmap (who ticked what, and when). */
export async function PairingRoadmapSection({ pairingId }: { pairingId: number }) {
  const user = await requireRole('admin');
  const list = await getPairingChecklist(user, pairingId);
  return (
    <Card aria-labelledby="roadmap-section">
      <h2 id="roadmap-section" className="mb-3 text-lg font-semibold text-stone-900">
        Application roadmap
      </h2>
      {list ? (
        <>
          <p className="text-sm text-stone-700">
            Cycle {list.cycleYear} · {summarise(list).done} of {list.items.length} done · {summarise(list).overdue.length} overdue. Only the pair can change it.
          </p>
          <ol className="divide-y divide-stone-200">
            {viewsOf(list).map((item) => (
              <ItemRow key={item.id} item={item} editable={false} />
            ))}
          </ol>
        </>
      ) : (
        <p className="text-sm text-stone-600">No roadmap yet: it is made when the pairing is released, or when a member first opens it.</p>
      )}
    </Card>
  );
}
