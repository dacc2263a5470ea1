import { E2E_CRON_SECRET } from '../../playwright.config';
import { expect, runDailySweep, setServerClock, test, withTestClock } from './fixtures';

test.describe('[JOBS] the sweep and clock endpoints (contracts in the README)', () => {
  test('POST /api/jobs/daily refuses a missing or wrong secret and runs with the right one', async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-secret-wrong-secret' }, { authorization: E2E_CRON_SECRET }];
    for (const headers of attempts) {
      const res = await request.post('/api/jobs/daily', { headers });
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false });
    }
    expect((await request.get('/api/jobs/daily')).status()).toBe(405);
    const summary = await runDailySweep(request);
    expect(summary.ok).toBe(true);
    expect(Object.keys(summary).sort()).toEqual(['ok', 'ranAt', 'tasks']);
    expect(summary.tasks['email-redelivery']).toMatchObject({ requeued: expect.any(Number) });
  });

  test('POST /api/test/clock moves the time the app and its sweep read, and resets it', async ({ request }) => {
    await withTestClock(request, async () => {
      const moved = await setServerClock(request, { now: '2027-03-01T12:00:00Z' });
      expect(Math.abs(Date.parse(moved) - Date.parse('2027-03-01T12:00:00Z'))).toBeLessThan(5_000);
      const summary = await runDailySweep(request);
      expect(Math.abs(Date.parse(summary.ranAt) - Date.parse('2027-03-01T12:00:00Z'))).toBeLessThan(60_000);

      const bad = await request.post('/api/test/clock', { data: { now: 'next tuesday' } });
      expect(bad.status()).toBe(400);

      const reset = await setServerClock(request, { reset: true });
      expect(Math.abs(Date.parse(reset) - Date.now())).toBeLessThan(60_000);
    });
  });
});
