import type { Metadata } from 'next';
import { SurveyPage } from '@/components/terms/survey-page';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Close survey' };

export default async function MentorSurveyPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const user = await requireRole('mentor');
  const { pairingId } = await params;
  return <SurveyPage user={user} pairingIdParam={pairingId} />;
}
