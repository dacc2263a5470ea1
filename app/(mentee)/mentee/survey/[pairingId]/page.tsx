import type { Metadata } from 'next';
import { SurveyPage } from '@/components/terms/survey-page';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Close survey' };

export default async function MenteeSurveyPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const user = await requireRole('mentee');
  const { pairingId } = await params;
  return <SurveyPage user={user} pairingIdParam={pairingId} />;
}
