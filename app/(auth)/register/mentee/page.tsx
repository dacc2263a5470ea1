import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth-card';
import { ChangeRoleForm } from '../change-role-form';
import { MenteeForm } from '@/components/registration/mentee-form';
import { saveMenteeProfileAction } from '@/lib/registration/actions';
import { requireRegistrant } from '@/lib/registration/guard';
import { getOwnMenteeForm } from '@/lib/registration/queries';

export const metadata: Metadata = { title: 'Register as a pre-med student' };

export default async function RegisterMenteePage() {
  const user = await requireRegistrant('mentee');
  const initial = await getOwnMenteeForm(user);
  return (
    <AuthCard title="Register as a pre-med student" wide signedInAs={user.email}>
      <p className="mb-3 text-stone-700">
        Fields marked optional can be skipped, and you can change everything later. The coordinator uses this
        to find you a good mentor.
      </p>
      <ChangeRoleForm current="mentee" />
      <MenteeForm action={saveMenteeProfileAction} initial={initial} mode="register" />
    </AuthCard>
  );
}
