/**
 * Runs once when the server starts (instrumentation.ts). On the embedded database it applies the
 * migrations and seeds the demo data the first time, so `npm run dev` just works on a fresh machine.
 * A real PostgreSQL server is migrated explicitly (`npm run db:migrate`) as part of a deploy.
 */
import { count } from 'drizzle-orm';
import { isLoopbackUrl } from '@/lib/auth/client-address';
import { getEnv, type Env } from '@/lib/env';
import { securityEvent } from '@/lib/security/log';
import { getDb } from './client';
import { migrate } from './migrate';
import { users } from './schema';
import { seedDemoData } from './seed';

export async function startup(): Promise<void> {
  const env = getEnv(); // fail fast on a bad configuration
  announceMail(env);
  if (env.DATABASE_URL) return;
  await migrate();
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n === 0 && env.SEED_DEMO_DATA === 'true') {
    const made = await seedDemoData(db);
    console.log(`Embedded database ready with demo data (${made.mentees} mentees, ${made.mentors} mentors).`);
  }
}

/** Where mail goes, said once at startup, loudly when the public outbox is open on a real address. */
function announceMail(env: Env) {
  if (env.emailTransport !== 'outbox' || env.NODE_ENV !== 'production') return;
  if (!env.publicOutbox) {
    console.log(
      'Email is kept in the database, not sent (EMAIL_TRANSPORT=outbox). The public outbox is off because AUTH_URL is not a ' +
        'loopback address: admins read stored mail at /admin/emails (sign-in links are never stored).',
    );
  } else if (!isLoopbackUrl(env.AUTH_URL)) {
    console.warn(
      `WARNING: OUTBOX_PUBLIC=true — anyone who can reach ${env.AUTH_URL}/dev/outbox can read every sign-in link and sign in ` +
        'as anyone, the admins included. Use this only on a private demo network.',
    );
    securityEvent('outbox.public-opt-in', { authUrl: env.AUTH_URL });
  }
}
