import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth-card';
import { ChangeRoleForm } from '../change-role-form';
import { Alert } from '@/components/ui/alert';
import { MentorForm } from '@/components/registration/mentor-form';
import { registerMentorAction } from '@/lib/registration/actions';
import { requireRegistrant } from '@/lib/registration/guard';
import { getOwnMentorForm } from '@/lib/registration/queries';
import { getCurrentStatement } from '@/lib/values/statements';

export const metadata: Metadata = { title: 'Register as a physician mentor' };

export default async function RegisterMentorPage() {
  const user = await requireRegistrant('mentor');
  const [initial, statement] = await Promise.all([getOwnMentorForm(user), getCurrentStatement()]);
  return (
    <AuthCard title="Register as a physician mentor" wide signedInAs={user.email}>
      <p className="mb-3 text-stone-700">
        Your profile helps the coordinator pair you with students whose needs match what you can offer.
      </p>
      <ChangeRoleForm current="mentor" />
      {statement ? (
        <MentorForm action={registerMentorAction} initial={initial} mode="register" statement={statement} />
      ) : (
        <Alert tone="warning" title="Registration opens soon">
          The program has not published its values statement yet, and mentors sign it when they register. Please come back in a
          few days.
        </Alert>
      )}
    </AuthCard>
  );
}
