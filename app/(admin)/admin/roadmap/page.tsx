import type { Metadata } from 'next';
import { Card, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { requireRole } from '@/lib/auth/session';
import { CYCLE_RULE_TEXT, describeRule, targetDateFor } from '@/lib/roadmap/rules';
import { listRoadmapTemplate, nextTemplatePosition } from '@/lib/roadmap/template';
import { programToday } from '@/lib/settings/program';
import { formatDate } from '@/lib/time/format';
import { AddTemplateItem, EditTemplateItem } from './template-forms';

export const metadata: Metadata = { title: 'Roadmap template' };

/** The program's roadmap template: each new pairing's checklist is copied from it. */
export default async function RoadmapTemplatePage() {
  const user = await requireRole('admin');
  const [items, position, today] = await Promise.all([listRoadmapTemplate(user), nextTemplatePosition(user), programToday()]);
  // An example student: one applying next year.
  const example = Number(today.slice(0, 4)) + 1;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Roadmap template</h1>
        <p className="max-w-prose text-stone-700">Every pairing gets a shared application roadmap when it is released, copied from this list. {CYCLE_RULE_TEXT}</p>
        <p className="max-w-prose text-sm text-stone-600">
          Changes apply to roadmaps made from now on. Roadmaps already made are the pair’s own: they keep their items, dates and ticks.
        </p>
      </div>
      <Card>
        <CardTitle>Milestones</CardTitle>
        {items.length ? (
          <ol className="divide-y divide-stone-200">
            {items.map((item) => (
              <li key={item.id} className="py-4" data-testid="template-item">
                <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                  <p className="font-semibold text-stone-900">{item.title}</p>
                  <p className="shrink-0 text-sm text-stone-700">
                    <span className="font-semibold">{describeRule(item)}</span>
                    <span className="text-stone-500">
                      {' '}
                      · cycle {example}: {formatDate(targetDateFor(item, example))}
                    </span>
                  </p>
                </div>
                {item.description && <p className="mt-1 text-sm text-stone-600">{item.description}</p>}
                <EditTemplateItem item={item} />
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title="The template is empty">New pairings will start with an empty roadmap until you add a milestone.</EmptyState>
        )}
      </Card>
      <Card>
        <CardTitle>Add a milestone</CardTitle>
        <AddTemplateItem position={position} />
      </Card>
    </div>
  );
}
