import type { Metadata } from 'next';
import { ConcernPage } from '@/components/safety/concern-page';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Raise a concern' };

export default async function Page() {
  const user = await requireRole('mentee');
  return <ConcernPage user={user} />;
}
