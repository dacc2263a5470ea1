import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, outbox, runDailySweep, setServerClock, signIn, test, withTestClock } from './fixtures';

const DAY = 86_400_000;
const SHOTS = 'test-results/safe-space-screens';

/** Each new page at a laptop's and a phone's width, for looking at. */
async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function person(browser: Browser, ip: string, email: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test.describe('[SAFE SPACE] a private check-in, a flag, a concern with a pause, and a no-fault rematch', () => {
  test.describe.configure({ timeout: 300_000 });

  test('check-in at 30 days → flag → concern with pause → neutral pause for the mentor → resolved with a rematch', async ({ page, browser, ip }) => {
    await withTestClock(page.request, async () => {
      const t0 = Date.now();
      await signIn(page, 'admin@example.org');

      // A released pairing: a seeded student (not the demo one) with an allowed mentor, proposed and released.
      await page.goto('/admin/matching');
      const hrefs = await page.locator('tbody a[href^="/admin/matching/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      let menteeId = '';
      for (const href of hrefs) {
        await page.goto(href);
        // Not the demo student, nor the two students the renewal journey pairs on this server.
        if (/Jordan Rivera|Priya Yang|Samir Johnson/.test((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')) continue;
        const propose = page.getByRole('button', { name: /^Propose/ });
        if (await propose.count()) {
          await propose.first().click();
          await expect(page.getByText(/has a proposal with .+ waiting for your approval/)).toBeVisible();
          menteeId = href.split('/').pop()!;
          break;
        }
      }
      expect(menteeId).not.toBe('');
      await page.goto(`/admin/people/${menteeId}`);
      const studentName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
      const studentEmail = (await page
        .getByText(/student\d+@example\.edu/)
        .first()
        .textContent())!.match(/student\d+@example\.edu/)![0];

      await page.goto('/admin/pairings');
      await page.getByLabel(new RegExp(`^Select ${studentName} with`)).check();
      await page.getByText('Approve and release selected').click();
      await page.getByRole('button', { name: 'Preview the email' }).click();
      await page.getByRole('button', { name: 'Yes, release 1 pairing' }).click();
      await expect(page.getByRole('status').filter({ hasText: '1 pairing released.' })).toBeVisible();

      const first = await person(browser, ip, studentEmail);
      await first.page.goto('/mentee');
      const mentorEmail = (await first.page
        .getByRole('link', { name: /@example\.org$/ })
        .first()
        .textContent())!.trim();
      await first.context.close();

      // Thirty days on, the sweep opens the first check-in and emails both.
      // A pairing released before the seeded cohort's launch (15 January next year, db/seed.ts) starts then.
      const launch = Date.parse(`${new Date(t0).getUTCFullYear() + 1}-01-15T18:00:00Z`);
      await setServerClock(page.request, { now: new Date(Math.max(t0, launch) + 30.5 * DAY).toISOString() });
      const sweep = await runDailySweep(page.request);
      expect(sweep.tasks['check-ins'].opened).toBeGreaterThanOrEqual(1);
      let mail: Awaited<ReturnType<typeof outbox>>[number] | undefined;
      await expect
        .poll(async () => {
          mail = (await outbox(page.request, studentEmail)).find((m) => m.kind === 'check-in');
          return !!mail;
        })
        .toBe(true);
      if (!mail) throw new Error('no check-in email');
      expect(mail.url).toMatch(/\/mentee\/check-in\/\d+$/);

      // A month on, each signs in again in a fresh window, as they would from the emailed link.
      const admin = await person(browser, ip, 'admin@example.org');
      const student = await person(browser, ip, studentEmail);

      // The student answers privately: 1 on "respected and safe".
      await student.page.goto('/mentee');
      await expect(student.page.getByText('Your private check-in is ready')).toBeVisible();
      await student.page.goto(mail.url!);
      await expect(student.page.getByText('Only the program coordinators read this.')).toBeVisible();
      await shoot(student.page, 'check-in-form');
      await student.page
        .getByRole('group', { name: /respected and safe/ })
        .getByLabel(/^1 /)
        .check();
      await student.page
        .getByRole('group', { name: /is useful to me/ })
        .getByLabel(/^4 /)
        .check();
      await student.page
        .getByRole('group', { name: /as often as we hoped/ })
        .getByLabel(/^3 /)
        .check();
      await student.page.getByLabel(/Anything you would like the coordinators to know/).fill('I feel talked down to in our meetings.');
      await student.page.getByRole('button', { name: 'Send my check-in privately' }).click();
      await expect(student.page.getByText('Check-in sent')).toBeVisible();

      // Every admin hears at once; the pairing carries a red flag on the Active tab and its page.
      await expect.poll(async () => (await outbox(page.request, 'admin@example.org')).some((m) => m.kind === 'check-in-flag')).toBe(true);
      await admin.page.goto('/admin/pairings?state=active');
      await expect(admin.page.getByRole('row').filter({ hasText: studentName }).getByText('Safety flag')).toBeVisible();
      await admin.page.getByRole('row').filter({ hasText: studentName }).getByRole('link', { name: /^Open/ }).click();
      await expect(admin.page.getByRole('heading', { name: 'Check-ins and concerns' })).toBeVisible();
      await expect(admin.page.getByText('I feel talked down to in our meetings.')).toBeVisible();
      await shoot(admin.page, 'admin-pairing-safety');

      // The student raises a concern and pauses the mentorship.
      await student.page.goto('/mentee');
      await student.page.getByRole('link', { name: 'Raise a concern' }).first().click();
      await expect(student.page.getByRole('heading', { level: 1, name: 'Raise a concern' })).toBeVisible();
      await shoot(student.page, 'concern-form');
      await student.page.getByLabel('What happened?').fill('My mentor made remarks about my background that felt dismissive.');
      await student.page.getByLabel(/Pause this mentorship now/).check();
      await student.page.getByLabel('I’d like the coordinator to contact me').check();
      await student.page.getByLabel('By phone').check();
      await student.page.getByLabel('Phone number').fill('+1 555 010 0199');
      await student.page.getByRole('button', { name: 'Send to the coordinators' }).click();
      await expect(student.page.getByText('Your concern was sent')).toBeVisible();
      await student.page.goto('/mentee');
      await expect(student.page.getByText(/You paused your mentorship with/)).toBeVisible();
      await shoot(student.page, 'mentee-home-paused');
      const raised = (await outbox(page.request, 'admin@example.org')).find((m) => m.kind === 'concern-raised');
      expect(raised?.text).not.toContain('dismissive');

      // The mentor sees only the neutral pause, never the concern.
      const mentor = await person(browser, ip, mentorEmail);
      await mentor.page.goto('/mentor');
      await expect(mentor.page.getByText('The program coordinator has paused this mentorship for now.')).toBeVisible();
      await expect(mentor.page.getByText(/dismissive|concern was raised|talked down/)).toHaveCount(0);
      await shoot(mentor.page, 'mentor-home-paused');
      await mentor.context.close();

      // The coordinator opens the concern and resolves it with a no-fault rematch.
      await admin.page.goto('/admin/concerns');
      await expect(admin.page.getByRole('link', { name: /^Concerns \(\d+ open\)/ })).toBeVisible();
      await shoot(admin.page, 'admin-concerns');
      await admin.page.getByRole('row').filter({ hasText: studentName }).getByRole('link', { name: /^Open/ }).click();
      await expect(admin.page.getByText('My mentor made remarks about my background that felt dismissive.')).toBeVisible();
      await expect(admin.page.getByText('By phone: +1 555 010 0199')).toBeVisible();
      await shoot(admin.page, 'admin-concern');
      // Withdrawing the physician is offered by name, and is confirmed before anything happens.
      await admin.page.getByLabel(/^Withdraw .+ from the program/).check();
      await admin.page.getByLabel('Resolution', { exact: true }).fill('Considered withdrawing the physician.');
      await admin.page.getByRole('button', { name: 'Resolve…' }).click();
      await expect(admin.page.getByText(/^Withdraw .+ from the program and resolve the concern\?$/)).toBeVisible();
      await expect(admin.page.getByRole('button', { name: 'Yes, withdraw and resolve' })).toBeVisible();
      await admin.page.getByRole('button', { name: 'Cancel' }).click();
      await expect(admin.page.getByRole('button', { name: 'Resolve…' })).toBeVisible();
      await admin.page.getByLabel('End the pairing with a no-fault rematch for the student').check();
      await admin.page.getByLabel('Resolution', { exact: true }).fill('Spoke with the student; a new mentor will be found.');
      await admin.page.getByRole('button', { name: 'Resolve…' }).click();
      await admin.page.getByRole('button', { name: 'Yes, end it and resolve' }).click();
      await expect(admin.page.getByRole('heading', { name: 'Resolved', exact: true })).toBeVisible();

      // The student is at the top of the waitlist: only other no-fault rematches may be ahead.
      await admin.page.goto('/admin/matching');
      const rows = admin.page.locator('tbody tr');
      const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
      const at = names.findIndex((n) => n.includes(studentName));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(names[at]).toContain('Rematch');
      expect(names.slice(0, at).every((n) => n.includes('Rematch'))).toBe(true);
      await student.context.close();
      await admin.context.close();
    });
  });
});
