import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Card, CardTitle } from '@/components/ui/card';
import { MenteeForm } from '@/components/registration/mentee-form';
import { WithdrawForm } from '@/components/registration/withdraw-form';
import { requireRole } from '@/lib/auth/session';
import { saveMenteeProfileAction, withdrawAction } from '@/lib/registration/actions';
import { getOwnMenteeForm } from '@/lib/registration/queries';

export const metadata: Metadata = { title: 'My profile' };

export default async function MenteeProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireRole('mentee');
  if (user.status === 'registering') redirect('/register/mentee');
  const [{ saved }, initial] = await Promise.all([searchParams, getOwnMenteeForm(user)]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">My profile</h1>
      {saved && <Alert tone="success">Your changes are saved.</Alert>}
      {user.status === 'withdrawn' ? (
        <Alert tone="info" title="You have withdrawn from the program">
          Your profile is kept but no longer used. Contact the coordinator if you would like to rejoin.
        </Alert>
      ) : (
        <>
          <Card>
            <MenteeForm action={saveMenteeProfileAction} initial={initial} mode="edit" />
          </Card>
          <Card>
            <CardTitle>Leave the program</CardTitle>
            <p className="mb-4 text-sm text-stone-700">Nothing is deleted: your registration is kept and marked withdrawn.</p>
            <WithdrawForm action={withdrawAction} />
          </Card>
        </>
      )}
    </div>
  );
}
