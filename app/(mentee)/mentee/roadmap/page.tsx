import type { Metadata } from 'next';
import { RoadmapChecklist } from '@/components/roadmap/checklist';
import { EmptyState } from '@/components/ui/empty-state';
import { requireRole } from '@/lib/auth/session';
import { getMyChecklist } from '@/lib/roadmap/checklist';

export const metadata: Metadata = { title: 'Application roadmap' };

/** The student's roadmap, shared with their mentor. */
export default async function MenteeRoadmapPage() {
  const user = await requireRole('mentee');
  const list = await getMyChecklist(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Application roadmap</h1>
        {list && <p className="mt-1 text-stone-700">Shared with {list.mentorName}: you both see it, tick milestones and add your own.</p>}
      </div>
      {list ? (
        <RoadmapChecklist list={list} editable />
      ) : (
        <EmptyState title="Your roadmap starts when you are paired">
          Once the coordinator introduces you to your mentor, you will plan your medical-school application together here.
        </EmptyState>
      )}
    </div>
  );
}
