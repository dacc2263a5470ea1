import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { StatusCard } from '@/components/people/status-card';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Home' };

export default async function MenteeHome() {
  const user = await requireRole('mentee');
  if (user.status === 'registering') redirect('/register/mentee');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome{user.name ? `, ${user.name.split(' ')[0]}` : ''}</h1>
      <StatusCard status={user.status} />
    </div>
  );
}
