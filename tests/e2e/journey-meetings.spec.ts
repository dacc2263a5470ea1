import type { Page } from '@playwright/test';
import { expect, outbox, runDailySweep, setServerClock, signIn, test, withTestClock } from './fixtures';

/**
 * [MEETINGS] a year of mentorship, the meetings part: a pairing is released, both members log a
 * meeting (the second confirms the first), two months pass without one, the sweep reminds both,
 * and the reminder's "We met" link opens the form prefilled after sign-in.
 */
const DAY = 86_400_000;
const chicagoDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

async function logMeeting(page: Page, opts: { date?: string; minutes: string; format: string; topic: string }) {
  if (opts.date) await page.getByLabel('Day you met').fill(opts.date);
  await page.getByLabel('Length in minutes').first().fill(opts.minutes);
  await page.getByRole('group', { name: 'How did you meet?' }).first().getByLabel(opts.format).check();
  await page.getByRole('group', { name: 'What did you talk about?' }).first().getByLabel(opts.topic).check();
  await page.getByRole('button', { name: 'Log meeting' }).click();
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('[MEETINGS] meetings, cadence and the reminder', () => {
  test.describe.configure({ timeout: 240_000 });

  test('release a pairing, both log a meeting, 61 days later the reminder’s “We met” link logs the next one', async ({ page, browser, ip }) => {
    await withTestClock(page.request, async () => {
      // The coordinator proposes a waiting student and releases the pairing.
      await signIn(page, 'admin@example.org');
      await page.goto('/admin/matching');
      // The last waiting student who has an allowed mentor — not the demo student, nor the two
      // students the renewal journey pairs on this server.
      const hrefs = await page.locator('tbody a[href^="/admin/matching/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const heading = page.getByRole('heading', { level: 1, name: /^Suggestions for / });
      let menteeName = '';
      for (const href of hrefs.reverse()) {
        await page.goto(href);
        await expect(heading).toBeVisible();
        const name = ((await heading.textContent()) ?? '').replace(/^Suggestions for /, '').trim();
        if (/Jordan Rivera|Priya Yang|Samir Johnson/.test(name)) continue;
        if ((await page.getByRole('button', { name: /^Propose/ }).count()) === 0) continue;
        menteeName = name;
        break;
      }
      expect(menteeName).not.toBe('');
      await page
        .getByRole('button', { name: /^Propose/ })
        .first()
        .click();
      await expect(page.getByText(new RegExp(`${menteeName} has a proposal with`))).toBeVisible();
      await page.goto('/admin/pairings');
      await page.getByLabel(new RegExp(`^Select ${menteeName} with`)).check();
      await page.getByText('Approve and release selected').click();
      await page.getByRole('button', { name: 'Preview the email' }).click();
      await page.getByRole('button', { name: 'Yes, release 1 pairing' }).click();
      await expect(page.getByRole('status').filter({ hasText: '1 pairing released.' })).toBeVisible();
      await page.getByRole('link', { name: new RegExp(`^Open the pairing of ${menteeName} and`) }).click();
      const who = async (label: string) => ((await page.locator(`dt:text-is("${label}") + dd`).textContent()) ?? '').split(' · ')[1].trim();
      const menteeEmail = await who('Student');
      const mentorEmail = await who('Physician');
      const pairingUrl = page.url();
      // A cohort that has not launched yet starts on its launch date: move to the day after the start.
      const term = (await page.locator('dt:text-is("Term") + dd').textContent()) ?? '';
      const startDay = new Date(`${term.split(' – ')[0].trim()} 12:00 UTC`);
      expect(Number.isNaN(startDay.getTime())).toBe(false);
      const start = new Date(Math.max(startDay.getTime() + DAY, Date.now()));
      start.setUTCHours(18, 0, 0, 0);
      await setServerClock(page.request, { now: start.toISOString() });
      const today = chicagoDay(start);

      // The student logs today's meeting.
      const student = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
      const studentPage = await student.newPage();
      await signIn(studentPage, menteeEmail);
      await studentPage.goto('/mentee');
      await expect(studentPage.getByText(/No meeting logged yet/)).toBeVisible();
      await studentPage.getByRole('link', { name: 'Log a meeting or see your meetings' }).click();
      await expect(studentPage.getByRole('heading', { level: 1, name: /^Meetings with/ })).toBeVisible();
      await logMeeting(studentPage, { date: today, minutes: '45', format: 'Video call', topic: 'MCAT' });
      await expect(studentPage.getByText(/^Your meeting on .+ is logged/)).toBeVisible();
      await shoot(studentPage, 'mentee-meetings');

      // The mentor logs the same day from their home: it confirms the student's entry.
      const mentor = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
      const mentorPage = await mentor.newPage();
      await signIn(mentorPage, mentorEmail);
      await mentorPage.goto('/mentor');
      await mentorPage.getByRole('link', { name: `Log a meeting with ${menteeName}` }).click();
      await logMeeting(mentorPage, { date: today, minutes: '45', format: 'Video call', topic: 'Interviews' });
      await expect(mentorPage.getByText(/now confirmed by you too, not added twice/)).toBeVisible();
      await expect(mentorPage.getByText('Meetings (1)')).toBeVisible();
      await expect(mentorPage.getByText(/^Logged by .+ · confirmed by you$/)).toBeVisible();
      await shoot(mentorPage, 'mentor-meetings');
      await mentor.close();

      // 61 days without a meeting: the sweep reminds both, once.
      const later = new Date(start.getTime() + 61 * DAY);
      await setServerClock(page.request, { now: later.toISOString() });
      const summary = await runDailySweep(page.request);
      expect(summary.tasks['meeting-reminders'].reminded).toBeGreaterThanOrEqual(2);
      await runDailySweep(page.request);
      let reminders: Awaited<ReturnType<typeof outbox>> = [];
      await expect
        .poll(async () => {
          reminders = (await outbox(page.request, menteeEmail)).filter((m) => m.kind === 'meeting-reminder');
          return reminders.length;
        })
        .toBe(1);
      await expect.poll(async () => (await outbox(page.request, mentorEmail)).filter((m) => m.kind === 'meeting-reminder').length).toBe(1);
      const weMet = reminders[0].url!;
      expect(weMet).toContain('/mentee/meetings?we-met=');

      // The admin sees the pairing overdue in the Active tab.
      await page.goto('/admin/pairings?state=active&cadence=overdue&sort=days');
      await expect(page.getByRole('link', { name: menteeName }).first()).toBeVisible();
      await shoot(page, 'admin-active-overdue');

      // "We met": sign in, and the form is ready for today; saving logs the meeting.
      await student.close();
      const fresh = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
      const freshPage = await fresh.newPage();
      await freshPage.goto(weMet);
      await expect(freshPage).toHaveURL(/\/sign-in/);
      await signIn(freshPage, menteeEmail);
      await freshPage.waitForURL(/\/mentee\/meetings\?we-met=/);
      await expect(freshPage.getByText('Thanks for meeting!')).toBeVisible();
      await expect(freshPage.getByLabel('Day you met')).toHaveValue(chicagoDay(later));
      await logMeeting(freshPage, { minutes: '30', format: 'Phone call', topic: 'Interviews' });
      await expect(freshPage.getByText(/^Your meeting on .+ is logged/)).toBeVisible();
      await expect(freshPage.getByText('On track').first()).toBeVisible();

      // A tampered link is refused and fills nothing in.
      const tampered = new URL(weMet);
      const [v, id, user, mac] = tampered.searchParams.get('we-met')!.split('.');
      tampered.searchParams.set('we-met', [v, String(Number(id) + 1), user, mac].join('.'));
      await freshPage.goto(tampered.toString());
      await expect(freshPage.getByText('This link is not valid for you')).toBeVisible();
      await fresh.close();

      // The coordinator's pairing page shows both meetings and the cadence.
      await page.goto(pairingUrl);
      await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
      await expect(page.getByText('2 meetings')).toBeVisible();
      await shoot(page, 'admin-pairing-meetings');
    });
  });
});
