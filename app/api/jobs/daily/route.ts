import { NextResponse } from 'next/server';
import { getEnv } from '@/lib/env';
import { bearerMatches } from '@/lib/jobs/cron-auth';
import { runSweep } from '@/lib/jobs/sweep';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * Runs the daily sweep now (an external cron, an operator, the e2e tests) and answers its summary:
 * `{ ok, ranAt, tasks: { name: counts } }`. The endpoint does not exist without CRON_SECRET.
 */
export async function POST(req: Request) {
  const secret = getEnv().CRON_SECRET;
  if (!secret) return new NextResponse('Not found', { status: 404 });
  if (!bearerMatches(req.headers.get('authorization'), secret))
    return NextResponse.json(
      { ok: false, error: 'Send the cron secret as "Authorization: Bearer <CRON_SECRET>".' },
      { status: 401, headers: { ...noStore, 'WWW-Authenticate': 'Bearer' } },
    );

  const result = await runSweep({ trigger: 'manual' });
  if (result.status !== 'ran')
    return NextResponse.json(
      { ok: false, error: 'Another sweep is running right now; try again when it has finished.', runningSince: 'since' in result ? result.since : null },
      { status: 409, headers: noStore },
    );
  const body = { ok: result.ok, ranAt: result.ranAt, tasks: result.tasks, ...(result.errors ? { errors: result.errors } : {}) };
  return NextResponse.json(body, { status: result.ok ? 200 : 500, headers: noStore });
}
