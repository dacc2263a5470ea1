'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { revealIdentityAction, type IdentityRevealState } from './actions';

/**
 * Identity answers stay hidden until the coordinator asks for them; each ask is a server action
 * that records the read. Hiding them again only clears the screen.
 */
export function IdentityReveal({ userId, name }: { userId: string; name: string }) {
  const [state, action] = useActionState(revealIdentityAction, {} as IdentityRevealState);
  const [seen, setSeen] = useState(state);
  const [hidden, setHidden] = useState(false);
  if (seen !== state) {
    setSeen(state);
    setHidden(false);
  }
  const shown = state.answers !== undefined && !hidden;

  if (shown) {
    const a = state.answers;
    return (
      <div className="space-y-4">
        {a ? (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
            <dt className="font-semibold text-stone-700">Race and ethnicity</dt>
            <dd>{a.preferNotToAnswer ? 'Prefers not to answer' : a.races.length ? a.races.join(', ') : 'None selected'}</dd>
            <dt className="font-semibold text-stone-700">In their own words</dt>
            <dd>{a.selfDescription ?? '—'}</dd>
            <dt className="font-semibold text-stone-700">Gender</dt>
            <dd>{a.gender ?? '—'}</dd>
            <dt className="font-semibold text-stone-700">Consented to matching use</dt>
            <dd>{a.consentedAt}</dd>
          </dl>
        ) : (
          <p className="text-stone-700">{name} has not given identity answers, or has withdrawn consent for them.</p>
        )}
        <Button variant="secondary" onClick={() => setHidden(true)}>
          Hide identity answers
        </Button>
      </div>
    );
  }

  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <SubmitButton variant="secondary" pendingText="Opening…">
        Show identity answers
      </SubmitButton>
    </form>
  );
}
