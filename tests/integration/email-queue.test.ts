import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emails, pairings } from '@/db/schema';
import { getEmailHealth } from '@/lib/email/health';
import { queueDecision } from '@/lib/email/notices';
import { readOutbox } from '@/lib/email/outbox';
import { dispatchQueuedEmails, queueEmail } from '@/lib/email/queue';
import { NoticeEmail } from '@/lib/email/templates/notice';
import { DeliveryError, setTransportForTests, type Message } from '@/lib/email/transport';
import { runningBoss, startJobs, stopJobs } from '@/lib/jobs/boss';
import { QUEUE_OPTIONS, QUEUES } from '@/lib/jobs/queues';
import { drainQueue } from '@/lib/jobs/testing';
import { approvePairings, proposePairings } from '@/lib/pairings/operations';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor } from '../support/program';

const address = (p: string) => `${p}-${randomUUID().slice(0, 8)}@example.edu`;

const mail = (to: string, kind = 'test-notice') => ({
  to,
  subject: 'A test notice',
  kind,
  react: createElement(NoticeEmail, { preview: 'Hello', heading: 'A test notice', greeting: 'Hello,', paragraphs: ['Body text.'] }),
});

async function rowsFor(to: string) {
  const db = await getDb();
  return db
    .select({
      id: emails.id,
      status: emails.status,
      attempts: emails.attempts,
      error: emails.error,
      retryable: emails.retryable,
      jobId: emails.jobId,
      providerId: emails.providerId,
      kind: emails.kind,
    })
    .from(emails)
    .where(eq(emails.to, to))
    .orderBy(emails.id);
}

/** A fake provider that records what it was handed and answers with `answer(n)` on call n. */
function fakeTransport(answer: (n: number) => 'ok' | DeliveryError) {
  const calls: Message[] = [];
  setTransportForTests(async (m) => {
    calls.push(m);
    const a = answer(calls.length);
    if (a !== 'ok') throw a;
    return { providerId: `prov-${calls.length}` };
  });
  return calls;
}

beforeAll(async () => {
  await startJobs({ workers: false });
});

afterEach(() => setTransportForTests(undefined));

describe('[EMAIL QUEUE]: sent if and only if the change commits', () => {
  it('pg-boss runs on this database, and the job is enqueued in the same transaction as the record', async () => {
    expect(runningBoss()).not.toBeNull();
    const to = address('queued');
    const db = await getDb();
    await db.transaction((tx) => queueEmail(tx, mail(to)));
    const [row] = await rowsFor(to);
    expect(row).toMatchObject({ status: 'queued', attempts: 0 });
    expect(row.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readOutbox(to)).toEqual([]); // not delivered yet: not in the inbox

    await drainQueue(QUEUES.emailDelivery);
    expect((await rowsFor(to))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    const [entry] = await readOutbox(to);
    expect(Object.keys(entry)).toEqual(['to', 'subject', 'text', 'html', 'url', 'kind', 'createdAt']);
    expect(entry).toMatchObject({ to, subject: 'A test notice', kind: 'test-notice' });
  });

  it('a forced rollback records nothing, enqueues nothing and sends nothing', async () => {
    const to = address('rolled-back');
    const calls = fakeTransport(() => 'ok');
    const db = await getDb();
    const boss = runningBoss()!;
    const before = await boss.getQueueSize(QUEUES.emailDelivery);
    await expect(
      db.transaction(async (tx) => {
        await queueDecision(tx, { email: to, name: 'Rolled Back' }, 'mentee', 'approved', null);
        await queueEmail(tx, mail(to));
        throw new Error('forced rollback');
      }),
    ).rejects.toThrow('forced rollback');
    expect(await rowsFor(to)).toEqual([]);
    expect(await boss.getQueueSize(QUEUES.emailDelivery)).toBe(before);
    await drainQueue(QUEUES.emailDelivery);
    expect(calls.filter((c) => c.to === to)).toEqual([]);
  });

  it('approving a pairing delivers exactly the two introductions, through the queue', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const db = await getDb();
    const [p] = await db
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.menteeId, mentee.id), eq(pairings.state, 'proposed')));
    const calls = fakeTransport(() => 'ok');
    expect((await approvePairings(admin, [p.id])).ok).toBe(1);
    const queued = await db
      .select({ status: emails.status })
      .from(emails)
      .where(and(eq(emails.kind, 'introduction'), inArray(emails.to, [mentee.email, mentor.email])));
    expect(queued.map((q) => q.status)).toEqual(['queued', 'queued']);

    // (Their registration-received emails, queued earlier, go out in the same drain.)
    const intros = () => calls.filter((c) => (c.to === mentee.email || c.to === mentor.email) && c.subject.startsWith('Meet your mentorship partner'));
    await drainQueue(QUEUES.emailDelivery);
    expect(
      intros()
        .map((c) => c.to)
        .sort(),
    ).toEqual([mentee.email, mentor.email].sort());
    // Approving again changes nothing and sends nothing more.
    await approvePairings(admin, [p.id]);
    await drainQueue(QUEUES.emailDelivery);
    expect(intros()).toHaveLength(2);
  });
});

describe('[EMAIL QUEUE]: retries and failures', () => {
  it('retries a rate-limited email with the same idempotency key, then marks it failed and shows admins', async () => {
    const to = address('rate-limited');
    const calls = fakeTransport(() => new DeliveryError('rate_limit_exceeded: Too many requests', true));
    const db = await getDb();
    await db.transaction((tx) => queueEmail(tx, mail(to)));
    await drainQueue(QUEUES.emailDelivery);

    const tries = 1 + QUEUE_OPTIONS[QUEUES.emailDelivery].retryLimit!;
    const mine = calls.filter((c) => c.to === to);
    expect(mine).toHaveLength(tries);
    expect(new Set(mine.map((c) => c.idempotencyKey)).size).toBe(1); // one key for every try of one email
    const [row] = await rowsFor(to);
    expect(row).toMatchObject({ status: 'failed', attempts: tries, error: 'rate_limit_exceeded: Too many requests', retryable: true });

    const admin = await createPerson('admin');
    const health = await getEmailHealth(admin, 1000);
    expect(health.failed).toBeGreaterThanOrEqual(1);
    expect(health.recentFailures.find((f) => f.id === row.id)).toMatchObject({ to, attempts: tries, error: 'rate_limit_exceeded: Too many requests' });
    await expect(getEmailHealth(await createPerson('mentor', 'approved'))).rejects.toThrow(/Not allowed/);
  });

  it('the backoff is real: a failed try waits before the next (the worker respects it)', async () => {
    const to = address('backoff');
    const calls = fakeTransport((n) => (n === 1 ? new DeliveryError('internal_server_error: try later', true) : 'ok'));
    const db = await getDb();
    await db.transaction((tx) => queueEmail(tx, mail(to)));
    await drainQueue(QUEUES.emailDelivery, { ignoreStartAfter: false });
    expect(calls.filter((c) => c.to === to)).toHaveLength(1);
    expect((await rowsFor(to))[0]).toMatchObject({ status: 'queued', attempts: 1, retryable: true });
    // Waiting is not the test's business: run the retry now.
    await drainQueue(QUEUES.emailDelivery);
    expect((await rowsFor(to))[0]).toMatchObject({ status: 'sent', attempts: 2, error: null });
  });

  it('a refusal (bad address) fails at once, without retries', async () => {
    const to = address('refused');
    const calls = fakeTransport(() => new DeliveryError('validation_error: Invalid `to` field', false));
    const db = await getDb();
    await db.transaction((tx) => queueEmail(tx, mail(to)));
    await drainQueue(QUEUES.emailDelivery);
    expect(calls.filter((c) => c.to === to)).toHaveLength(1);
    expect((await rowsFor(to))[0]).toMatchObject({ status: 'failed', attempts: 1, retryable: false, error: 'validation_error: Invalid `to` field' });
  });

  it('a passing failure, then success: sent once, with the provider id', async () => {
    const to = address('flaky');
    const calls = fakeTransport((n) => (n <= 2 ? new DeliveryError('application_error: Unable to fetch data', true) : 'ok'));
    const db = await getDb();
    await db.transaction((tx) => queueEmail(tx, mail(to)));
    await drainQueue(QUEUES.emailDelivery);
    expect(calls.filter((c) => c.to === to)).toHaveLength(3);
    expect((await rowsFor(to))[0]).toMatchObject({ status: 'sent', attempts: 3, providerId: 'prov-3', error: null });
    // Its job is done: nothing left to run, nothing sent again.
    await drainQueue(QUEUES.emailDelivery);
    expect(calls.filter((c) => c.to === to)).toHaveLength(3);
  });
});

describe('[EMAIL QUEUE]: emails recorded while the queue was not running', () => {
  it('are recorded without a job, then dispatched once (two dispatchers at once) and delivered once', async () => {
    const to = address('before-start');
    await stopJobs();
    const db = await getDb();
    await db.transaction(async (tx) => {
      await queueEmail(tx, mail(to));
      await queueEmail(tx, mail(to, 'second-notice'));
    });
    expect((await rowsFor(to)).map((r) => [r.status, r.jobId])).toEqual([
      ['queued', null],
      ['queued', null],
    ]);

    await startJobs({ workers: false });
    await Promise.all([dispatchQueuedEmails(), dispatchQueuedEmails()]);
    const rows = await rowsFor(to);
    expect(rows.every((r) => r.jobId)).toBe(true);
    const [{ n }] = (await db
      .execute(sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.emailDelivery} and (data->>'emailId')::bigint in (${rows[0].id}, ${rows[1].id})`)
      .then((r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { n: number }[];
    expect(n).toBe(2); // one job per email, not four

    const calls = fakeTransport(() => 'ok');
    await drainQueue(QUEUES.emailDelivery);
    expect(calls.filter((c) => c.to === to).length).toBe(2);
    expect((await rowsFor(to)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });
});

describe('[EMAIL QUEUE]: several app instances on one PostgreSQL', () => {
  it.runIf(!!process.env.DATABASE_URL)('two instances draining at once deliver each email exactly once', async () => {
    const { default: PgBoss } = await import('pg-boss');
    const { processJobs } = await import('@/lib/jobs/workers');
    const other = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: 'pgboss', supervise: false, schedule: false });
    await other.start();
    try {
      const people = Array.from({ length: 20 }, (_, i) => address(`shared${i}`));
      const db = await getDb();
      await db.transaction(async (tx) => {
        for (const to of people) await queueEmail(tx, mail(to));
      });
      const calls = fakeTransport(() => 'ok');
      const drainOther = async () => {
        for (;;) {
          const jobs = await other.fetch<Record<string, unknown>>(QUEUES.emailDelivery, { batchSize: 3, includeMetadata: true });
          if (!jobs.length) return;
          await processJobs(other, QUEUES.emailDelivery, jobs);
          await other.complete(
            QUEUES.emailDelivery,
            jobs.map((j) => j.id),
          );
        }
      };
      await Promise.all([drainQueue(QUEUES.emailDelivery), drainOther()]);
      const mine = calls.filter((c) => people.includes(c.to)).map((c) => c.to);
      expect(mine.sort()).toEqual([...people].sort());
    } finally {
      await other.stop({ graceful: false });
    }
  });
});
