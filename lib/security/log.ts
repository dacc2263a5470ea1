/**
 * Security events as one JSON object per line on stdout, for a log shipper to collect.
 *
 * Why a module of its own: a line per event is only trustworthy if nobody can start a new line.
 * JSON.stringify escapes CR/LF and other C0 controls but not U+2028/U+2029 (which some log viewers
 * treat as line breaks), so those are escaped too, and every string is capped so a 10 kB address
 * cannot flood the log.
 */
import { now } from '@/lib/time/clock';

export type SecurityEventName =
  | 'sign-in.requested'
  | 'sign-in.limited'
  | 'sign-in.refused'
  | 'sign-in.succeeded'
  | 'sign-in.cross-site-refused'
  | 'authorisation.refused'
  | 'request.cross-origin-refused'
  | 'admin.mutation'
  | 'outbox.public-opt-in';

type Value = string | number | boolean | null | undefined | string[];
const MAX = 300;

/** The exact line written for one event (exported for tests). */
export function formatSecurityEvent(event: SecurityEventName, fields: Record<string, Value> = {}): string {
  const clean: Record<string, unknown> = { at: now().toISOString(), kind: 'security', event };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === 'at' || key === 'kind' || key === 'event') continue;
    clean[key] = Array.isArray(value) ? value.slice(0, 20).map(cap) : typeof value === 'string' ? cap(value) : value;
  }
  return JSON.stringify(clean).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function cap(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX)}…(${s.length} chars)` : s;
}

export function securityEvent(event: SecurityEventName, fields: Record<string, Value> = {}): void {
  process.stdout.write(`${formatSecurityEvent(event, fields)}\n`);
}
