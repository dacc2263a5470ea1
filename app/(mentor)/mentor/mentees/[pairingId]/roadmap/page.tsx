import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RoadmapChecklist } from '@/components/roadmap/checklist';
import { requireRole } from '@/lib/auth/session';
import { getMyChecklist } from '@/lib/roadmap/checklist';

export const metadata: Metadata = { title: 'Application roadmap' };

/** A mentee's roadmap, for their mentor. Someone else's pairing id finds nothing: 404. */
export default async function MentorRoadmapPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const user = await requireRole('mentor');
  const { pairingId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(pairingId)) notFound();
  const list = await getMyChecklist(user, Number(pairingId));
  if (!list) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/mentor">← Home</Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{list.menteeName}’s application roadmap</h1>
        <p className="mt-1 text-stone-700">Shared with {list.menteeName}: you both see it, tick milestones and add your own.</p>
      </div>
      <RoadmapChecklist list={list} editable />
    </div>
  );
}
