import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { outboxEnabled, readOutbox } from '@/lib/email/outbox';

export const metadata: Metadata = { title: 'Dev outbox', robots: { index: false } };
// Whether the outbox exists depends on the runtime configuration, never on the build's.
export const dynamic = 'force-dynamic';

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!outboxEnabled()) notFound();
  const { to } = await searchParams;
  const mails = to ? await readOutbox(to) : [];
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <h1 className="text-2xl font-bold">Dev outbox</h1>
      <Alert tone="info">
        No email leaves this machine: without <code>RESEND_API_KEY</code>, every email is stored here instead. Look up an address
        to read its mail, newest first.
      </Alert>
      <form className="flex flex-col gap-3 sm:flex-row sm:items-end" method="get">
        <div className="flex-1">
          <Field id="to" label="Email address">
            {(aria) => <Input {...aria} name="to" type="email" defaultValue={to} required />}
          </Field>
        </div>
        <Button type="submit">Show mail</Button>
      </form>
      {to && mails.length === 0 && <EmptyState title="No mail for this address yet" />}
      {mails.map((m, i) => (
        <Card key={i}>
          <p className="text-xs text-stone-500">{new Date(m.createdAt).toLocaleString('en-US')} · to {m.to}</p>
          <h2 className="mt-1 text-lg font-semibold">{m.subject}</h2>
          {m.url && (
            <p className="mt-2 break-all text-sm">
              Action link: <a href={m.url}>{m.url}</a>
            </p>
          )}
          <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-stone-50 p-3 text-sm text-stone-800">{m.text}</pre>
        </Card>
      ))}
    </main>
  );
}
