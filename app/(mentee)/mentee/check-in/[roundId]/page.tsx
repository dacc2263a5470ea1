import type { Metadata } from 'next';
import { CheckInPage } from '@/components/safety/check-in-page';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Private check-in' };

export default async function Page({ params }: { params: Promise<{ roundId: string }> }) {
  const user = await requireRole('mentee');
  const { roundId } = await params;
  return <CheckInPage user={user} roundId={roundId} />;
}
