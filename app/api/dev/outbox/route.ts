import { NextResponse, type NextRequest } from 'next/server';
import { outboxEnabled, readOutbox } from '@/lib/email/outbox';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest) {
  if (!outboxEnabled()) return new NextResponse('Not found', { status: 404 });
  const to = req.nextUrl.searchParams.get('to');
  if (!to) return NextResponse.json({ error: 'Add ?to=EMAIL' }, { status: 400 });
  return NextResponse.json(await readOutbox(to), { headers: { 'Cache-Control': 'no-store' } });
}
