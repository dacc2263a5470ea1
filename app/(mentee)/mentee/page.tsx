import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { StatusCard } from '@/components/people/status-card';
import { Alert } from '@/components/ui/alert';
import { MentorCard } from '@/components/pairings/person-cards';
import { requireRole } from '@/lib/auth/session';
import { getMyMentor } from '@/lib/pairings/queries';

export const metadata: Metadata = { title: 'Home' };

export default async function MenteeHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireRole('mentee');
  if (user.status === 'registering') redirect('/register/mentee');
  const [params, mentor] = await Promise.all([searchParams, getMyMentor(user)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome{user.name ? `, ${user.name.split(' ')[0]}` : ''}</h1>
      {params.registered && <Alert tone="success" title="Registration received">Thank you! We emailed you a confirmation. The coordinator will review your registration soon.</Alert>}
      {params.withdrawn && <Alert tone="info">You have withdrawn from the program.</Alert>}
      {mentor ? <MentorCard mentor={mentor} /> : <StatusCard status={user.status} />}
    </div>
  );
}
