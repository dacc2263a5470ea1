/**
 * Runs once when the server starts (instrumentation.ts). On the embedded database it applies the
 * migrations and seeds the demo data the first time, so `npm run dev` just works on a fresh machine.
 * A real PostgreSQL server is migrated explicitly (`npm run db:migrate`) as part of a deploy.
 */
import { count } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import { getDb } from './client';
import { migrate } from './migrate';
import { users } from './schema';
import { seedDemoData } from './seed';

export async function startup(): Promise<void> {
  const env = getEnv(); // fail fast on a bad configuration
  if (env.DATABASE_URL) return;
  await migrate();
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n === 0 && env.SEED_DEMO_DATA === 'true') {
    const made = await seedDemoData(db);
    console.log(`Embedded database ready with demo data (${made.mentees} mentees, ${made.mentors} mentors).`);
  }
}
