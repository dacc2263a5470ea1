import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MentorForm } from '@/components/registration/mentor-form';
import { ProfilePage } from '@/components/registration/profile-page';
import { requireRole } from '@/lib/auth/session';
import { saveMentorProfileAction } from '@/lib/registration/actions';
import { getOwnMentorForm } from '@/lib/registration/queries';

export const metadata: Metadata = { title: 'My profile' };

export default async function MentorProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireRole('mentor');
  if (user.status === 'registering') redirect('/register/mentor');
  const [{ saved }, initial] = await Promise.all([searchParams, getOwnMentorForm(user)]);
  return (
    <ProfilePage
      withdrawn={user.status === 'withdrawn'}
      saved={Boolean(saved)}
      form={<MentorForm action={saveMentorProfileAction} initial={initial} mode="edit" />}
    />
  );
}
