import { NextResponse } from 'next/server';
import { now } from '@/lib/time/clock';
import { applyClockRequest, clockRequestSchema, testClockEnabled } from '@/lib/time/test-clock';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** Tests and demos move the app's time (pages, actions and jobs all read it). TEST_CLOCK=enabled only. */
export async function POST(req: Request) {
  if (!testClockEnabled()) return new NextResponse('Not found', { status: 404 });
  const json = await req.json().catch(() => undefined);
  const parsed = clockRequestSchema.safeParse(json);
  if (!parsed.success)
    return NextResponse.json(
      { error: 'Send {"now":"<ISO date and time>"} or {"reset":true}.', issues: parsed.error.issues.map((i) => i.message) },
      { status: 400, headers: noStore },
    );
  return NextResponse.json({ now: applyClockRequest(parsed.data).toISOString() }, { headers: noStore });
}

export async function GET() {
  if (!testClockEnabled()) return new NextResponse('Not found', { status: 404 });
  return NextResponse.json({ now: now().toISOString() }, { headers: noStore });
}
