import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import type { SessionUser } from '@/lib/auth/session';
import { getMyCheckIn } from '@/lib/safety/check-ins';
import { formatDate } from '@/lib/time/format';
import { CheckInForm } from './check-in-form';

/** The private check-in form for one open round of the member's own pairing; 404 for anything else. */
export async function CheckInPage({ user, roundId }: { user: SessionUser; roundId: string }) {
  if (!/^[1-9]\d{0,9}$/.test(roundId)) notFound();
  const open = await getMyCheckIn(user, Number(roundId));
  const home = `/${user.role}`;
  if (!open)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Private check-in</h1>
        <p className="max-w-prose text-stone-700">
          This check-in is not open: you may have answered it already, or a newer one has replaced it. <a href={home}>Back to your home page</a>.
        </p>
      </div>
    );
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Private check-in</h1>
        <p className="mt-1 text-stone-700">
          About your mentorship with {open.partner} · opened {formatDate(open.openedOn)}
        </p>
      </div>
      <Card>
        <p className="font-semibold text-stone-900">Only the program coordinators read this.</p>
        <p className="mt-1 text-sm text-stone-700">
          {open.partner} never sees your answers, or whether you answered. If you answer 1 or 2 to the first statement, a coordinator looks at it straight away. You
          can also <a href={`/${user.role}/concern`}>raise a concern</a> at any time.
        </p>
      </Card>
      <CheckInForm roundId={open.roundId} home={home} />
    </div>
  );
}
