import 'server-only';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { now, resetClock, setClock } from './clock';

/** `{"now":"2027-03-01T12:00:00Z"}` moves the clock; `{"reset":true}` puts it back. */
export const clockRequestSchema = z.union([
  z.strictObject({ now: z.iso.datetime({ offset: true, error: 'Give "now" as an ISO date and time, e.g. 2027-03-01T12:00:00Z.' }) }),
  z.strictObject({ reset: z.literal(true) }),
]);

export function testClockEnabled(): boolean {
  return getEnv().TEST_CLOCK === 'enabled';
}

/** Applies a validated request to this process's clock and returns the time it now reads. */
export function applyClockRequest(req: z.infer<typeof clockRequestSchema>): Date {
  if ('reset' in req) resetClock();
  else setClock(new Date(req.now));
  return now();
}
