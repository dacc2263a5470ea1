import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MenteeForm } from '@/components/registration/mentee-form';
import { ProfilePage } from '@/components/registration/profile-page';
import { requireRole } from '@/lib/auth/session';
import { saveMenteeProfileAction } from '@/lib/registration/actions';
import { getOwnMenteeForm } from '@/lib/registration/queries';

export const metadata: Metadata = { title: 'My profile' };

export default async function MenteeProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireRole('mentee');
  if (user.status === 'registering') redirect('/register/mentee');
  const [{ saved }, initial] = await Promise.all([searchParams, getOwnMenteeForm(user)]);
  return (
    <ProfilePage
      withdrawn={user.status === 'withdrawn'}
      saved={Boolean(saved)}
      form={<MenteeForm action={saveMenteeProfileAction} initial={initial} mode="edit" />}
    />
  );
}
