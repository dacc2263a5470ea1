import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardTitle } from '@/components/ui/card';
import { withdrawAction } from '@/lib/registration/actions';
import { WithdrawForm } from './withdraw-form';

/** "My profile" for either role: the edit form, then leaving the program. */
export function ProfilePage({ withdrawn, saved, form }: { withdrawn: boolean; saved: boolean; form: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">My profile</h1>
      {saved && <Alert tone="success">Your changes are saved.</Alert>}
      {withdrawn ? (
        <Alert tone="info" title="You have withdrawn from the program">
          Your profile is kept but no longer used. Contact the coordinator if you would like to rejoin.
        </Alert>
      ) : (
        <>
          <Card>{form}</Card>
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
