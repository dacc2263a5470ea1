import 'server-only';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rateLimitHits } from '@/db/schema';
import { now as clockNow } from '@/lib/time/clock';

export type Limit = { key: string; max: number; windowMs: number };

/**
 * Counts recent hits for each key inside the caller's transaction, under an advisory lock per key
 * so that two app instances (or two requests) cannot both slip under the limit. Records a hit for
 * every key only when all of them are under their limit. Returns the first limit exceeded.
 */
export async function takeRateLimit(tx: Tx, limits: Limit[], now = clockNow()): Promise<Limit | null> {
  for (const limit of [...limits].sort((a, b) => a.key.localeCompare(b.key))) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${limit.key}))`);
  }
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.key, limit.key), gt(rateLimitHits.createdAt, since)));
    if (n >= limit.max) return limit;
  }
  await tx.insert(rateLimitHits).values(limits.map((l) => ({ key: l.key, createdAt: now })));
  // Housekeeping: old hits are useless after the longest window.
  const horizon = new Date(now.getTime() - Math.max(...limits.map((l) => l.windowMs)) * 4);
  await tx.delete(rateLimitHits).where(lt(rateLimitHits.createdAt, horizon));
  return null;
}
