import { Card } from '@/components/ui/card';
import type { SessionUser } from '@/lib/auth/session';
import { getMyConcernChoices } from '@/lib/safety/concerns';
import { ConcernForm } from './concern-form';

/** "Raise a concern": who reads it, what happens next and how fast, then the form. */
export async function ConcernPage({ user }: { user: SessionUser }) {
  const choices = user.status === 'approved' ? await getMyConcernChoices(user) : [];
  const partnerWord = user.role === 'mentor' ? 'mentee' : 'mentor';
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Raise a concern</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          The program promises mutual respect, cultural humility and a safe space for both people. If something is not right, tell us here.
        </p>
      </div>
      <Card>
        <h2 className="text-base font-semibold text-stone-900">What happens next</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>
            <strong>Only the program coordinators read it.</strong> Your {partnerWord} is not told that a concern was raised, who raised it or what was said.
          </li>
          <li>A coordinator reads every concern within two working days, and contacts you if you ask them to.</li>
          <li>If you pause the mentorship, reminders and check-ins stop at once until the coordinator has talked with you.</li>
          <li>If you are in danger now, call your local emergency number first.</li>
        </ul>
      </Card>
      <ConcernForm choices={choices} home={`/${user.role}`} partnerWord={partnerWord} />
    </div>
  );
}
