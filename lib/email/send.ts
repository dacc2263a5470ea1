import 'server-only';
import { render, toPlainText } from '@react-email/render';
import { cloneElement, type ReactElement } from 'react';
import { getDb, type Db, type Tx } from '@/db/client';
import { emails } from '@/db/schema';
import { now } from '@/lib/time/clock';
import { programContact, programName } from '@/lib/settings/program';
import type { WithContact } from './templates/layout';
import { currentTransport, DeliveryError } from './transport';

export type OutgoingEmail = {
  to: string;
  subject: string;
  /** A React Email template (its layout prints the program contact, filled in by renderEmail). */
  react: ReactElement<WithContact>;
  /** The email's main action link; the dev outbox reports it as `url`. */
  url?: string;
  /** A short machine name for reports and the dev outbox: "sign-in", "introduction"… */
  kind: string;
};

export type RenderedEmail = { to: string; subject: string; html: string; text: string; url: string | null; kind: string };

/**
 * Renders an email with the program contact in its footer: read here, through the caller's
 * handle (a queued email renders inside its transaction), so no template or caller can leave it out.
 */
export async function renderEmail(mail: OutgoingEmail, db: Db | Tx): Promise<RenderedEmail> {
  const contact = await programContact(db);
  const program = await programName(db);
  const html = await render(cloneElement(mail.react, { contact, program }));
  return {
    to: mail.to.trim().toLowerCase(),
    subject: mail.subject,
    html,
    text: toPlainText(html),
    url: mail.url ?? firstLink(html) ?? null,
    kind: mail.kind,
  };
}

/**
 * Sends one email at once, in the request, and records it. Only for sign-in links: the person is
 * looking at "check your email" and a queue would only add a delay. Everything else goes through
 * `queueEmail` (lib/email/queue.ts), which sends if and only if the change that causes it commits.
 */
export async function sendEmail(mail: OutgoingEmail): Promise<void> {
  const rendered = await renderEmail(mail, await getDb());
  const transport = currentTransport();
  let providerId: string | null = null;
  let error: DeliveryError | null = null;
  if (transport) {
    try {
      ({ providerId } = await transport({ to: rendered.to, subject: rendered.subject, html: rendered.html, text: rendered.text }));
    } catch (err) {
      error = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, true);
    }
  }
  const at = now();
  const db = await getDb();
  await db.insert(emails).values({
    ...rendered,
    transport: transport ? 'resend' : 'outbox',
    status: error ? 'failed' : 'sent',
    attempts: 1,
    providerId,
    error: error?.message ?? null,
    retryable: error?.retryable ?? false,
    sentAt: error ? null : at,
    createdAt: at,
  });
  if (error) throw new Error(`The email could not be sent (${error.message}).`);
}

function firstLink(html: string): string | undefined {
  const m = /<a\b[^>]*\bhref="(https?:[^"]+)"/i.exec(html);
  return m?.[1]?.replace(/&amp;/g, '&');
}
