import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { AttestForm } from '@/components/registration/attest-form';
import { requireRole } from '@/lib/auth/session';
import { attestAction } from '@/lib/registration/actions';
import { getMentorStanding } from '@/lib/registration/queries';
import { getCurrentStatement } from '@/lib/values/statements';

export const metadata: Metadata = { title: 'Values statement' };

export default async function MentorValuesPage() {
  const user = await requireRole('mentor');
  if (user.status === 'registering') redirect('/register/mentor');
  const [statement, standing] = await Promise.all([getCurrentStatement(), getMentorStanding(user)]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Values statement</h1>
      {!statement ? (
        <Alert tone="info">The program has not published a values statement yet.</Alert>
      ) : standing?.attestedCurrent ? (
        <>
          <Alert tone="success">You have signed the current version (version {statement.version}). Thank you.</Alert>
          <Card>
            <h2 className="font-semibold">{statement.title}</h2>
            <div className="mt-2 space-y-3 whitespace-pre-line text-sm text-stone-800">{statement.body}</div>
          </Card>
        </>
      ) : (
        <Card>
          <p className="mb-4 text-stone-700">
            {standing?.attestedVersion
              ? `The program has updated its statement since you signed version ${standing.attestedVersion}. Please read the new version and sign again to be paired with new mentees.`
              : 'Please read the statement and sign it to be paired with mentees.'}
          </p>
          <AttestForm action={attestAction} statement={statement} name={user.name} />
        </Card>
      )}
    </div>
  );
}
