import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { and, eq, gt, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emails, sweepRuns } from '@/db/schema';
import { queueEmail } from '@/lib/email/queue';
import { NoticeEmail } from '@/lib/email/templates/notice';
import { DeliveryError, setTransportForTests, type Message } from '@/lib/email/transport';
import { startJobs } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/queues';
import { claimOnce, runSweep, type SweepTask } from '@/lib/jobs/sweep';
import { SWEEP_TASKS } from '@/lib/jobs/sweep-tasks';
import { drainQueue } from '@/lib/jobs/testing';
import { resetClock, setClock } from '@/lib/time/clock';

const onPostgres = !!process.env.DATABASE_URL;
const address = (p: string) => `${p}-${randomUUID().slice(0, 8)}@example.edu`;
const notice = (to: string) => ({
  to,
  subject: 'Your daily notice',
  kind: 'daily-notice',
  react: createElement(NoticeEmail, { preview: 'Hello', heading: 'Your daily notice', greeting: 'Hello,', paragraphs: ['Body.'] }),
});

async function statusesFor(to: string) {
  const db = await getDb();
  return (await db.select({ status: emails.status }).from(emails).where(eq(emails.to, to))).map((r) => r.status);
}

/** A task like the domains will write: one email per person per program day, claimed with it. */
function dailyNoticeTask(people: string[], name = `notice-${randomUUID().slice(0, 6)}`): SweepTask {
  return {
    name,
    async run({ now }) {
      const db = await getDb();
      const period = now.toISOString().slice(0, 10);
      let sent = 0;
      for (const to of people) {
        const made = await db.transaction(async (tx) => {
          if (!(await claimOnce(tx, { task: name, subject: to, period }))) return false;
          await queueEmail(tx, notice(to));
          return true;
        });
        if (made) sent++;
      }
      return { sent };
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await startJobs({ workers: false });
});

afterEach(() => {
  resetClock();
  setTransportForTests(undefined);
});

// Every test here may run on one shared PostgreSQL with other files: sweeps take turns through the
// database, so each test waits for its own turn (no other run in progress) before racing itself.
async function whenNoSweepRuns() {
  const db = await getDb();
  for (let i = 0; i < 200; i++) {
    const running = await db.select({ id: sweepRuns.id }).from(sweepRuns).where(eq(sweepRuns.status, 'running'));
    if (!running.length) return;
    await sleep(50);
  }
}

describe('[SWEEP]: idempotent tasks', () => {
  it('claimOnce is true once per (task, subject, period)', async () => {
    const db = await getDb();
    const subject = randomUUID();
    const claims = await Promise.all([1, 2, 3].map(() => db.transaction((tx) => claimOnce(tx, { task: 't', subject, period: '2027-01-01' }))));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await db.transaction((tx) => claimOnce(tx, { task: 't', subject, period: '2027-01-02' }))).toBe(true);
    expect(await db.transaction((tx) => claimOnce(tx, { task: 'other', subject, period: '2027-01-01' }))).toBe(true);
  });

  it('running the sweep twice sends nothing twice; the next day it sends again', async () => {
    const people = [address('a'), address('b')];
    const task = dailyNoticeTask(people);
    setClock(new Date('2027-03-01T15:00:00Z'));
    await whenNoSweepRuns();
    const first = await runSweep({ trigger: 'manual', tasks: [task] });
    expect(first).toMatchObject({ status: 'ran', ok: true, day: '2027-03-01', tasks: { [task.name]: { sent: 2 } } });
    await whenNoSweepRuns();
    const second = await runSweep({ trigger: 'manual', tasks: [task] });
    expect(second).toMatchObject({ status: 'ran', ok: true, tasks: { [task.name]: { sent: 0 } } });
    await drainQueue(QUEUES.emailDelivery);
    for (const to of people) expect(await statusesFor(to)).toEqual(['sent']);

    setClock(new Date('2027-03-02T15:00:00Z'));
    await whenNoSweepRuns();
    expect(await runSweep({ trigger: 'manual', tasks: [task] })).toMatchObject({ tasks: { [task.name]: { sent: 2 } } });
  });

  it('a task that throws is reported and the others still run', async () => {
    const to = address('after-broken');
    const broken: SweepTask = {
      name: 'broken',
      run: async () => {
        throw new Error('boom');
      },
    };
    await whenNoSweepRuns();
    const result = await runSweep({ trigger: 'manual', tasks: [broken, dailyNoticeTask([to], 'after')] });
    expect(result).toMatchObject({ status: 'ran', ok: false, errors: { broken: 'boom' }, tasks: { broken: {}, after: { sent: 1 } } });
  });
});

describe('[SWEEP]: one run at a time', () => {
  it('two concurrent calls: one runs, the other is refused, and each email is queued once', async () => {
    const people = [address('c1'), address('c2'), address('c3')];
    let runs = 0;
    const inner = dailyNoticeTask(people);
    const slow: SweepTask = {
      name: inner.name,
      async run(ctx) {
        runs++;
        await sleep(400); // long enough for the second call to arrive while this one holds the run
        return inner.run(ctx);
      },
    };
    await whenNoSweepRuns();
    const results = await Promise.all([runSweep({ trigger: 'manual', tasks: [slow] }), runSweep({ trigger: 'manual', tasks: [slow] })]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-running', 'ran']);
    expect(runs).toBe(1);
    for (const to of people) expect(await statusesFor(to)).toHaveLength(1);
  });

  it.runIf(onPostgres)('on PostgreSQL, two concurrent sweeps on separate connections still share one claim per email', async () => {
    // Even without the run lock (two tasks racing outright), claims keep it to one email each.
    const people = Array.from({ length: 10 }, (_, i) => address(`race${i}`));
    const task = dailyNoticeTask(people);
    setClock(new Date('2027-05-05T12:00:00Z'));
    const [a, b] = await Promise.all([task.run({ now: new Date('2027-05-05T12:00:00Z') }), task.run({ now: new Date('2027-05-05T12:00:00Z') })]);
    expect(a.sent + b.sent).toBe(10);
    for (const to of people) expect(await statusesFor(to)).toHaveLength(1);
  });

  it('a scheduled sweep runs once per program day (America/Chicago), whatever the number of triggers', async () => {
    const db = await getDb();
    // 03:00 UTC on the 10th is still the 9th in Chicago.
    setClock(new Date('2031-07-10T03:00:00Z'));
    await whenNoSweepRuns();
    const tasks = [dailyNoticeTask([address('sched')])];
    const first = await runSweep({ trigger: 'schedule', tasks });
    expect(first).toMatchObject({ status: 'ran', day: '2031-07-09' });
    await whenNoSweepRuns();
    expect(await runSweep({ trigger: 'schedule', tasks })).toEqual({ status: 'already-ran-today', day: '2031-07-09' });
    const rows = await db
      .select({ id: sweepRuns.id })
      .from(sweepRuns)
      .where(and(eq(sweepRuns.day, '2031-07-09'), eq(sweepRuns.trigger, 'schedule')));
    expect(rows).toHaveLength(1);
    setClock(new Date('2031-07-10T13:00:00Z'));
    await whenNoSweepRuns();
    expect(await runSweep({ trigger: 'schedule', tasks })).toMatchObject({ status: 'ran', day: '2031-07-10' });
  });

  it('a run left behind by a crashed process stops blocking after an hour', async () => {
    const db = await getDb();
    await whenNoSweepRuns();
    const [stale] = await db
      .insert(sweepRuns)
      .values({ day: '2020-01-01', trigger: 'manual', ranAt: new Date('2020-01-01T00:00:00Z'), startedAt: new Date(Date.now() - 2 * 3600_000) })
      .returning({ id: sweepRuns.id });
    const result = await runSweep({ trigger: 'manual', tasks: [] });
    expect(result.status).toBe('ran');
    const [row] = await db.select({ status: sweepRuns.status }).from(sweepRuns).where(eq(sweepRuns.id, stale.id));
    expect(row.status).toBe('abandoned');
  });
});

describe('[SWEEP]: email redelivery (the first task in the list)', () => {
  it('re-queues an email that failed for a passing reason, once; a refused email stays failed', async () => {
    expect(SWEEP_TASKS[0].name).toBe('email-redelivery');
    const passing = address('outage');
    const refused = address('bad-address');
    const calls: Message[] = [];
    setTransportForTests(async (m) => {
      calls.push(m);
      throw m.to === refused ? new DeliveryError('validation_error: Invalid `to`', false) : new DeliveryError('internal_server_error: down', true);
    });
    const db = await getDb();
    await db.transaction(async (tx) => {
      await queueEmail(tx, notice(passing));
      await queueEmail(tx, notice(refused));
    });
    await drainQueue(QUEUES.emailDelivery);
    expect(await statusesFor(passing)).toEqual(['failed']);
    expect(await statusesFor(refused)).toEqual(['failed']);

    // The outage is over.
    calls.length = 0;
    setTransportForTests(async (m) => {
      calls.push(m);
      return { providerId: 'ok' };
    });
    await whenNoSweepRuns();
    const first = await runSweep({ trigger: 'manual' });
    expect(first).toMatchObject({ status: 'ran', ok: true });
    expect((first as { tasks: Record<string, Record<string, number>> }).tasks['email-redelivery'].requeued).toBeGreaterThanOrEqual(1);
    await drainQueue(QUEUES.emailDelivery);
    expect(await statusesFor(passing)).toEqual(['sent']);
    expect(await statusesFor(refused)).toEqual(['failed']);
    expect(calls.map((c) => c.to)).not.toContain(refused);

    // Failing again after the redelivery: the sweep does not try a second time.
    await db.update(emails).set({ status: 'failed', retryable: true }).where(eq(emails.to, passing));
    await whenNoSweepRuns();
    await runSweep({ trigger: 'manual' });
    expect(await statusesFor(passing)).toEqual(['failed']);
  });
});

function setVar(k: string, v: string | undefined) {
  if (v === undefined) delete process.env[k];
  else process.env[k] = v;
}

describe('[SWEEP]: POST /api/jobs/daily', () => {
  const secret = 'test-cron-secret-0123456789';
  const call = async (authorization?: string) => {
    const { POST } = await import('@/app/api/jobs/daily/route');
    return POST(new Request('http://localhost/api/jobs/daily', { method: 'POST', headers: authorization ? { authorization } : {} }));
  };
  const withEnv = async (vars: Record<string, string | undefined>, fn: () => Promise<void>) => {
    const { resetEnvForTests } = await import('@/lib/env');
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    try {
      for (const [k, v] of Object.entries(vars)) setVar(k, v);
      resetEnvForTests();
      await fn();
    } finally {
      for (const [k, v] of Object.entries(saved)) setVar(k, v);
      resetEnvForTests();
    }
  };

  it('does not exist without CRON_SECRET', async () => {
    await withEnv({ CRON_SECRET: undefined }, async () => {
      expect((await call(`Bearer ${secret}`)).status).toBe(404);
    });
  });

  it('refuses a missing or wrong secret with 401, and runs nothing', async () => {
    await withEnv({ CRON_SECRET: secret }, async () => {
      const db = await getDb();
      const before = (await db.select({ id: sweepRuns.id }).from(sweepRuns)).length;
      for (const header of [undefined, 'Bearer', `Bearer ${secret}x`, `Basic ${secret}`, secret, `Bearer ${secret.slice(0, -1)}`]) {
        const res = await call(header);
        expect(res.status, String(header)).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect((await db.select({ id: sweepRuns.id }).from(sweepRuns)).length).toBe(before);
    });
  });

  it('with the secret, runs the sweep now and answers its summary; two at once run it once', async () => {
    await withEnv({ CRON_SECRET: secret }, async () => {
      setClock(new Date('2028-02-29T18:00:00Z'));
      await whenNoSweepRuns();
      const res = await call(`Bearer ${secret}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(['ok', 'ranAt', 'tasks']);
      expect(body.ok).toBe(true);
      expect(Date.parse(body.ranAt)).toBeGreaterThanOrEqual(Date.parse('2028-02-29T18:00:00Z')); // the app clock, not the wall clock
      expect(Date.parse(body.ranAt)).toBeLessThan(Date.parse('2028-02-29T18:05:00Z'));
      expect(Object.keys(body.tasks)).toEqual(SWEEP_TASKS.map((t) => t.name));
      expect(body.tasks['email-redelivery']).toEqual({ requeued: expect.any(Number), considered: expect.any(Number) });

      await whenNoSweepRuns();
      const db = await getDb();
      const [{ last }] = await db.select({ last: sql<number>`coalesce(max(${sweepRuns.id}), 0)::int` }).from(sweepRuns);
      const statuses = (await Promise.all([call(`Bearer ${secret}`), call(`bearer ${secret}`)])).map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      // Each 200 is one run; a quick sweep may finish before the second call arrives, but two
      // runs never overlap.
      const runs = await db
        .select({ startedAt: sweepRuns.startedAt, finishedAt: sweepRuns.finishedAt, status: sweepRuns.status })
        .from(sweepRuns)
        .where(and(gt(sweepRuns.id, last), eq(sweepRuns.trigger, 'manual')))
        .orderBy(sweepRuns.id);
      expect(runs.length).toBe(statuses.filter((s) => s === 200).length);
      expect(runs.every((r) => r.status === 'done')).toBe(true);
      if (runs.length === 2) expect(runs[1].startedAt.getTime()).toBeGreaterThanOrEqual(runs[0].finishedAt!.getTime());
    });
  });
});

describe('[CLOCK]: POST /api/test/clock', () => {
  const post = async (body: unknown) => {
    const { POST } = await import('@/app/api/test/clock/route');
    return POST(new Request('http://localhost/api/test/clock', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }));
  };
  const withClockEnv = async (value: string | undefined, fn: () => Promise<void>) => {
    const { resetEnvForTests } = await import('@/lib/env');
    const saved = process.env.TEST_CLOCK;
    try {
      if (value === undefined) delete process.env.TEST_CLOCK;
      else process.env.TEST_CLOCK = value;
      resetEnvForTests();
      await fn();
    } finally {
      if (saved === undefined) delete process.env.TEST_CLOCK;
      else process.env.TEST_CLOCK = saved;
      resetEnvForTests();
    }
  };

  it('does not exist unless TEST_CLOCK=enabled', async () => {
    await withClockEnv(undefined, async () => {
      expect((await post({ now: '2027-03-01T12:00:00Z' })).status).toBe(404);
      const { now } = await import('@/lib/time/clock');
      expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5_000); // and the clock did not move
    });
  });

  it('moves the clock that pages, actions and jobs read, validates input, and resets', async () => {
    await withClockEnv('enabled', async () => {
      const { now } = await import('@/lib/time/clock');
      const res = await post({ now: '2027-03-01T12:00:00Z' });
      expect(res.status).toBe(200);
      const { now: answered } = await res.json();
      expect(Date.parse(answered) - Date.parse('2027-03-01T12:00:00Z')).toBeLessThan(2_000);
      expect(Math.abs(now().getTime() - Date.parse('2027-03-01T12:00:00Z'))).toBeLessThan(2_000);
      // The sweep sees it too (its day is the program's day at that time).
      await whenNoSweepRuns();
      expect(await runSweep({ trigger: 'manual', tasks: [] })).toMatchObject({ status: 'ran', day: '2027-03-01' });

      for (const bad of [{}, { now: 'yesterday' }, { now: '2027-03-01' }, { reset: false }, { now: '2027-03-01T12:00:00Z', extra: 1 }, 'not json']) {
        expect((await post(bad)).status, JSON.stringify(bad)).toBe(400);
      }
      expect(Math.abs(now().getTime() - Date.parse('2027-03-01T12:00:00Z'))).toBeLessThan(5_000); // bad input changed nothing

      const reset = await post({ reset: true });
      expect(reset.status).toBe(200);
      expect(Math.abs(Date.parse((await reset.json()).now) - Date.now())).toBeLessThan(2_000);
      expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(2_000);
    });
  });
});
