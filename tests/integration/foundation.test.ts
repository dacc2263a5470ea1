import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getDbHandle } from '@/db/client';
import { auditLog, rateLimitHits, users } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
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

describe('[SIGN-IN]: rate limit counting', () => {
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
