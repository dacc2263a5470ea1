import 'server-only';
import { render, toPlainText } from '@react-email/render';
import { cloneElement, type ReactElement } from 'react';
import { Resend } from 'resend';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { programContact } from '@/lib/settings/program';
import type { WithContact } from './templates/layout';

export type OutgoingEmail = {
  to: string;
  subject: string;
  /** A React Email template (its layout prints the program contact, filled in here). */
  react: ReactElement<WithContact>;
  /** The email's main action link; the dev outbox reports it as `url`. */
  url?: string;
  /** A short machine name for reports: "sign-in", "approved", "introduction"… */
  kind: string;
};

let resend: Resend | undefined;

/**
 * Sends one email through the configured transport and records it in the database either way.
 * Without RESEND_API_KEY the record *is* the delivery: the dev outbox reads it.
 */
export async function sendEmail(mail: OutgoingEmail): Promise<void> {
  const env = getEnv();
  const db = await getDb();
  // Every email says whom to write to; read here once so no template or caller can leave it out.
  const contact = await programContact(db);
  const html = await render(cloneElement(mail.react, { contact }));
  const text = toPlainText(html);
  const url = mail.url ?? firstLink(html);

  let providerId: string | null = null;
  let error: string | null = null;
  if (env.emailTransport === 'resend') {
    resend ??= new Resend(env.RESEND_API_KEY);
    const res = await resend.emails.send({ from: env.emailFrom, to: mail.to, subject: mail.subject, html, text });
    if (res.error) error = `${res.error.name}: ${res.error.message}`;
    else providerId = res.data?.id ?? null;
  }
  await db.insert(emails).values({
    to: mail.to.toLowerCase(),
    subject: mail.subject,
    text,
    html,
    url: url ?? null,
    kind: mail.kind,
    transport: env.emailTransport,
    providerId,
    error,
  });
  if (error) throw new Error(`The email could not be sent (${error}).`);
}

function firstLink(html: string): string | undefined {
  const m = /<a\b[^>]*\bhref="(https?:[^"]+)"/i.exec(html);
  return m?.[1]?.replace(/&amp;/g, '&');
}
