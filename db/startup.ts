/**
 * Runs once when the server starts (instrumentation.ts). On the embedded database it applies the
 * migrations and seeds the demo data the first time, so `npm run dev` just works on a fresh machine.
 * A real PostgreSQL server is migrated explicitly (`npm run db:migrate`) as part of a deploy.
 *
 * The configuration is checked before the server says "Ready" (a bad one stops it there), but the
 * embedded database is prepared in the background: creating it, migrating and seeding take many
 * seconds on a fresh machine, and the landing page needs none of it. Every query waits for it
 * (`holdQueriesUntil`), so no page ever reads a half-migrated database. The terminal says what is
 * happening at each step.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { isLoopbackUrl } from '@/lib/auth/client-address';
import { getEnv, type Env } from '@/lib/env';
import { securityEvent } from '@/lib/security/log';
import { getDbHandle, holdQueriesUntil } from './client';
import { migrate } from './migrate';
import { users } from './schema';
import { seedDemoData } from './seed';

/**
 * Checks the configuration (throws on a bad one) and starts preparing the database. The returned
 * promise settles when the database is ready (at once on PostgreSQL): the job queue starts then.
 */
export function startup(): { ready: Promise<void> } {
  const env = getEnv(); // fail fast on a bad configuration
  announceMail(env);
  if (env.DATABASE_URL) return { ready: Promise.resolve() };
  const ready = prepareEmbedded(env);
  holdQueriesUntil(ready);
  return { ready };
}

const say = (line: string) => console.log(`  Mentor Match: ${line}`);
const secondsSince = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function prepareEmbedded(env: Env): Promise<void> {
  const t0 = performance.now();
  const fresh = !env.PGLITE_DIR.startsWith('memory://') && !existsSync(path.join(env.PGLITE_DIR, 'PG_VERSION'));
  say(
    fresh
      ? `creating the embedded database in ${env.PGLITE_DIR} (first start only; pages that need it wait, the landing page does not)…`
      : `opening the embedded database in ${env.PGLITE_DIR}…`,
  );
  const { db } = await getDbHandle();
  let t = performance.now();
  say('applying migrations…');
  await migrate();
  say(`database schema up to date (${secondsSince(t)}).`);
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n === 0 && env.SEED_DEMO_DATA === 'true') {
    t = performance.now();
    say('seeding demo data…');
    const made = await seedDemoData(db);
    say(`demo data ready: ${made.mentees} mentees, ${made.mentors} mentors (${secondsSince(t)}).`);
  }
  say(
    `ready in ${secondsSince(t0)} — ${env.AUTH_URL}${env.emailTransport === 'outbox' && isLoopbackUrl(env.AUTH_URL) ? ` (sign-in links appear at ${env.AUTH_URL}/dev/outbox)` : ''}`,
  );
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
