import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getDbHandle } from '@/db/client';
import { auditLog, rateLimitHits, users, verificationTokens } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { gateSignInEmail, signInLimits } from '@/lib/auth/request-sign-in';
import { takeRateLimit } from '@/lib/auth/rate-limit';
import { chooseRole } from '@/lib/registration/choose-role';
import { databaseIsUp } from '@/lib/health';
import { createPerson } from '../support/people';

const unique = () => Math.random().toString(36).slice(2, 10);

describe('[DATABASE]: migrations on a fresh database', () => {
  it('creates every table with its invariants', async () => {
    const db = await getDb();
    const rows = await db.execute(sql`select indexname from pg_indexes where indexname = 'pairings_one_open_per_mentee'`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as unknown[];
    expect(list).toHaveLength(1);
    expect(await databaseIsUp()).toBe(true);
    expect(['pglite', 'postgres']).toContain((await getDbHandle()).kind);
  });

  it('[SEED]: demo data is seeded once and a second run changes nothing', async () => {
    const db = await getDb();
    await seedDemoData(db);
    const [{ n: first }] = await db.select({ n: count() }).from(users);
    const again = await seedDemoData(db);
    const [{ n: second }] = await db.select({ n: count() }).from(users);
    expect(again).toEqual({ mentees: 0, mentors: 0 });
    expect(second).toBe(first);
    const ready = await db.select({ email: users.email, role: users.role }).from(users).where(sql`${users.email} in ('admin@example.org','mentor@example.org','mentee@example.org')`);
    expect(Object.fromEntries(ready.map((r) => [r.email, r.role]))).toEqual({
      'admin@example.org': 'admin',
      'mentor@example.org': 'mentor',
      'mentee@example.org': 'mentee',
    });
    const [{ n: mentees }] = await db.select({ n: count() }).from(users).where(eq(users.role, 'mentee'));
    const [{ n: mentors }] = await db.select({ n: count() }).from(users).where(eq(users.role, 'mentor'));
    expect(mentees).toBeGreaterThanOrEqual(30);
    expect(mentors).toBeGreaterThanOrEqual(15);
  });
});

describe('[SIGN-IN]: rate limits counted in the database', () => {
  it('sends at most 3 links per address in 15 minutes, then answers "limited" without sending', async () => {
    const email = `rl-${unique()}@example.edu`;
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await gateSignInEmail(email, `10.1.${i}.1`));
    expect(results).toEqual(['send', 'send', 'send', 'email-limited', 'email-limited']);
    expect(signInLimits().perEmail.max).toBe(3);
    expect(signInLimits().perIp.max).toBe(10);
  });

  it('allows 10 requests per client address in 15 minutes across different emails', async () => {
    const ip = `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await gateSignInEmail(`ip-${unique()}@example.edu`, ip));
    expect(results.slice(0, 10).every((r) => r === 'send')).toBe(true);
    expect(results[10]).toBe('ip-limited');
  });

  it('holds under concurrency: 12 simultaneous requests for one address send exactly 3', async () => {
    const email = `race-${unique()}@example.edu`;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => gateSignInEmail(email, `10.3.${i}.9`)));
    expect(results.filter((r) => r === 'send')).toHaveLength(3);
    const db = await getDb();
    const [{ n }] = await db.select({ n: count() }).from(rateLimitHits).where(eq(rateLimitHits.key, `sign-in:email:${email}`));
    expect(n).toBe(3);
  });

  it('a new link invalidates the older ones', async () => {
    const db = await getDb();
    const email = `tok-${unique()}@example.edu`;
    await db.insert(verificationTokens).values({ identifier: email, token: 'old-hash', expires: new Date(Date.now() + 600_000) });
    expect(await gateSignInEmail(email, '10.4.0.1')).toBe('send');
    const left = await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
    expect(left).toHaveLength(0);
  });

  it('hits outside the window do not count', async () => {
    const db = await getDb();
    const key = `test:${unique()}`;
    const old = new Date(Date.now() - 16 * 60_000);
    await db.insert(rateLimitHits).values([{ key, createdAt: old }, { key, createdAt: old }]);
    const limited = await db.transaction((tx) => takeRateLimit(tx, [{ key, max: 2, windowMs: 15 * 60_000 }]));
    expect(limited).toBeNull();
  });
});

describe('[REGISTRATION]: choosing a role', () => {
  it('records the role once, with an audit row', async () => {
    const person = await createPerson(null);
    await chooseRole(person, 'mentor');
    const db = await getDb();
    const [row] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, person.id));
    expect(row).toEqual({ role: 'mentor', status: 'registering' });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'role.chosen')));
    expect(audits).toHaveLength(1);
  });

  it('a person who already has a role cannot switch it (nor become anything else by replaying the form)', async () => {
    const mentee = await createPerson('mentee', 'approved');
    await expect(chooseRole({ ...mentee, role: null }, 'mentor')).rejects.toThrow(/already chosen/);
    const db = await getDb();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, mentee.id));
    expect(row.role).toBe('mentee');
  });
});
