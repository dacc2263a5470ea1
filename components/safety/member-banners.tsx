import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { SessionUser } from '@/lib/auth/session';
import { getMyCheckInPrompts } from '@/lib/safety/check-ins';
import { getMyPauseNotices } from '@/lib/safety/concerns';

/** The neutral words the other member of a paused pairing sees: never the concern, never who. */
export const NEUTRAL_PAUSE = 'The program coordinator has paused this mentorship for now.';

/**
 * The portal home's safe-space banners: open private check-ins, paused mentorships (neutral for the
 * other member), and "Raise a concern", always one click away.
 */
export async function SafeSpaceBanners({ user }: { user: SessionUser }) {
  if (user.role !== 'mentee' && user.role !== 'mentor') return null;
  if (user.status !== 'approved') return <RaiseConcernLink role={user.role} />;
  const [prompts, pauses] = await Promise.all([getMyCheckInPrompts(user), getMyPauseNotices(user)]);
  return (
    <div className="space-y-3">
      {pauses.map((p) =>
        p.pausedByMe ? (
          <Alert key={`p${p.pairingId}`} tone="info" title={`You paused your mentorship with ${p.partner}`}>
            You paused it when you raised a concern. The coordinator will be in touch; until then there are no reminders or check-ins.
          </Alert>
        ) : (
          <Alert key={`p${p.pairingId}`} tone="info" title={`Your mentorship with ${p.partner} is paused`}>
            {NEUTRAL_PAUSE} There is nothing you need to do; the coordinator will be in touch.
          </Alert>
        ),
      )}
      {prompts.map((c) => (
        <Alert key={`c${c.roundId}`} tone="info" title="Your private check-in is ready">
          How is your mentorship with {c.partner} going? Only the program coordinators read your answers.{' '}
          <Link href={`/${user.role}/check-in/${c.roundId}`}>Answer the check-in</Link>
        </Alert>
      ))}
      <RaiseConcernLink role={user.role} />
    </div>
  );
}

function RaiseConcernLink({ role }: { role: 'mentee' | 'mentor' }) {
  return (
    <p className="text-sm text-stone-700">
      Something not right? <Link href={`/${role}/concern`}>Raise a concern</Link> — only the program coordinators read it.
    </p>
  );
}
