import 'server-only';
import { Resend } from 'resend';
import { getEnv } from '@/lib/env';

export type Message = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Resend keeps a key for 24 hours: a retry after a lost answer does not send a second copy. */
  idempotencyKey?: string;
};

/** Hands one message to the provider; resolves with the provider's id or throws a DeliveryError. */
export type Transport = (message: Message) => Promise<{ providerId: string | null }>;

/** A refused delivery; `retryable` says whether trying again later can succeed. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

// Rate limits, quotas that reset, outages and lost connections pass; a bad address, a bad key or
// a malformed message will be refused the same way next time.
const PASSING = new Set(['rate_limit_exceeded', 'daily_quota_exceeded', 'application_error', 'internal_server_error', 'concurrent_idempotent_requests']);

export function isRetryableResendError(error: { name: string; statusCode: number | null }): boolean {
  if (PASSING.has(error.name)) return true;
  return error.statusCode === null || error.statusCode === 429 || error.statusCode >= 500;
}

let resend: Resend | undefined;

const resendTransport: Transport = async (message) => {
  const env = getEnv();
  resend ??= new Resend(env.RESEND_API_KEY);
  const res = await resend.emails.send(
    { from: env.emailFrom, to: message.to, subject: message.subject, html: message.html, text: message.text },
    message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
  );
  if (res.error) throw new DeliveryError(`${res.error.name}: ${res.error.message}`, isRetryableResendError(res.error));
  return { providerId: res.data?.id ?? null };
};

const KEY = Symbol.for('mentor-match.email-transport');
const holder = globalThis as { [KEY]?: Transport };

/** The transport in use: Resend, or one a test put in its place. Null means the dev outbox. */
export function currentTransport(): Transport | null {
  if (holder[KEY]) return holder[KEY];
  return getEnv().emailTransport === 'resend' ? resendTransport : null;
}

/** Tests only: deliver through `transport` (a fake provider) until called again with undefined. */
export function setTransportForTests(transport: Transport | undefined): void {
  if (transport) holder[KEY] = transport;
  else delete holder[KEY];
}
