import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getDbHandle } from '@/db/client';
import { auditLog, rateLimitHits, users } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { takeRateLimit } from '@/lib/auth/rate-limit';
import { chooseRole } from '@/lib/registration/choose-role';
import { databaseIsUp } from '@/lib/health';
import { createPerson } from '../support/people';

/** Rows of a raw query, whichever driver answered (postgres.js returns an array, PGlite `{ rows }`). */
async function query<T>(q: SQL): Promise<T[]> {
  const result = await (await getDb()).execute(q);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const unique = () => Math.random().toString(36).slice(2, 10);

describe('[DATABASE]: migrations on a fresh database', () => {
  // Written out by hand: each line is an invariant the code relies on. Later migrations may add
  // more (these are checked to be present, not to be the only ones), but none of these may go.
  const TABLES = [
    'accounts', 'attestations', 'audit_log', 'cohorts', 'emails', 'identity_answers', 'match_rules', 'mentee_profiles', 'mentor_profiles',
    'pairings', 'program_settings', 'rate_limit_hits', 'sessions', 'users', 'values_statements', 'verification_tokens',
  ];
  const FOREIGN_KEYS = [
    'accounts.user_id → users.id on delete cascade',
    'attestations.user_id → users.id',
    'attestations.statement_version → values_statements.version',
    'audit_log.actor_id → users.id',
    'identity_answers.user_id → users.id',
    'match_rules.mentee_id → users.id',
    'match_rules.mentor_id → users.id',
    'match_rules.created_by → users.id',
    'mentee_profiles.user_id → users.id',
    'mentee_profiles.cohort_id → cohorts.id',
    'mentor_profiles.user_id → users.id',
    'mentor_profiles.cohort_id → cohorts.id',
    'pairings.mentee_id → users.id',
    'pairings.mentor_id → users.id',
    'pairings.proposed_by → users.id',
    'pairings.approved_by → users.id',
    'pairings.ended_by → users.id',
    'sessions.user_id → users.id on delete cascade',
    'values_statements.published_by → users.id',
  ];
  const CHECKS = [
    'mentor_profiles.mentor_capacity_range',
    'mentor_profiles.mentor_years_range',
    'pairings.pairings_distinct_people',
    'program_settings.program_settings_singleton',
  ];
  const UNIQUE_INDEXES = [
    'attestations.attestations_user_version_uq (user_id, statement_version)',
    'match_rules.match_rules_pair_uq (mentee_id, mentor_id)',
    'users.users_email_unique (email)',
    'pairings.pairings_one_open_per_mentee (mentee_id) partial',
    'match_rules.match_rules_one_lock_per_mentee (mentee_id) partial',
  ];

  it('creates every table with its invariants', async () => {
    const tables = await query<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(TABLES));

    const fks = await query<{ src: string; col: string; dst: string; dcol: string; del: string }>(sql`
      select src.relname as src, a.attname as col, dst.relname as dst, b.attname as dcol, c.confdeltype as del
      from pg_constraint c
      join pg_class src on src.oid = c.conrelid
      join pg_namespace n on n.oid = src.relnamespace
      join pg_class dst on dst.oid = c.confrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute b on b.attrelid = c.confrelid and b.attnum = c.confkey[1]
      where c.contype = 'f' and n.nspname = 'public'`);
    expect(fks.map((f) => `${f.src}.${f.col} → ${f.dst}.${f.dcol}${f.del === 'c' ? ' on delete cascade' : ''}`)).toEqual(expect.arrayContaining(FOREIGN_KEYS));

    const checks = await query<{ tbl: string; name: string }>(sql`
      select t.relname as tbl, c.conname as name from pg_constraint c
      join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'c' and n.nspname = 'public'`);
    expect(checks.map((c) => `${c.tbl}.${c.name}`)).toEqual(expect.arrayContaining(CHECKS));

    const uniques = await query<{ tbl: string; name: string; cols: string; partial: boolean }>(sql`
      select t.relname as tbl, i.relname as name, x.indpred is not null as partial,
        (select string_agg(a.attname, ', ' order by k.ord) from unnest(x.indkey) with ordinality as k(attnum, ord)
          join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) as cols
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where x.indisunique and n.nspname = 'public'`);
    expect(uniques.map((u) => `${u.tbl}.${u.name} (${u.cols})${u.partial ? ' partial' : ''}`)).toEqual(expect.arrayContaining(UNIQUE_INDEXES));

    const triggers = await query<{ tbl: string; name: string; fn: string; enabled: string }>(sql`
      select t.relname as tbl, g.tgname as name, p.proname as fn, g.tgenabled as enabled
      from pg_trigger g join pg_class t on t.oid = g.tgrelid join pg_proc p on p.oid = g.tgfoid
      where not g.tgisinternal`);
    expect(triggers).toContainEqual({ tbl: 'pairings', name: 'pairings_mentor_capacity', fn: 'enforce_mentor_capacity', enabled: 'O' });

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
