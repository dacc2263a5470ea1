import type { Browser, Page } from '@playwright/test';
import { expect, outbox, runDailySweep, setServerClock, signIn, test, withTestClock } from './fixtures';

/**
 * The end of a mentorship year, in the journeys project (its own server, whose clock we move):
 * two released pairings reach their renewal window; in one both choose to continue and it renews,
 * in the other the mentor concludes, it completes, and the student answers the close survey from
 * the email and goes back to the waitlist.
 */

// Seeded students (db/seed.ts) that no other spec pairs.
const RENEWING = { email: 'student29@example.edu', name: 'Priya Yang' };
const CONCLUDING = { email: 'student30@example.edu', name: 'Samir Johnson' };

const SHOTS = '.data/screens';
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/terms-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function release(page: Page, name: string) {
  await page.goto('/admin/matching');
  await page.locator('a[href^="/admin/matching/"]', { hasText: name }).first().click();
  await page
    .getByRole('button', { name: /^Propose/ })
    .first()
    .click();
  await expect(page.getByText(new RegExp(`${name} has a proposal with .+ waiting for your approval`))).toBeVisible();
  await page.goto('/admin/pairings');
  await page.getByLabel(new RegExp(`^Select ${name} with`)).check();
  await page.getByText('Approve and release selected').click();
  await page.getByRole('button', { name: 'Preview the email' }).click();
  await page.getByRole('button', { name: 'Yes, release 1 pairing' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 pairing released.' })).toBeVisible();
}

async function personPage(browser: Browser, ip: string, email: string) {
  const ctx = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await ctx.newPage();
  await signIn(page, email);
  return page;
}

async function mentorEmailOf(page: Page) {
  await page.goto('/mentee');
  await expect(page.getByText('Your mentor')).toBeVisible();
  return (await page
    .getByRole('link', { name: /@example\.org$/ })
    .first()
    .textContent())!.trim();
}

async function newest(page: Page, to: string, kind: string) {
  let found: Awaited<ReturnType<typeof outbox>>[number] | undefined;
  await expect
    .poll(async () => {
      found = (await outbox(page.request, to)).find((m) => m.kind === kind);
      return !!found;
    })
    .toBe(true);
  return found!;
}

/**
 * A mentor may mentor both students: their renewal emails differ only by the pairing in the link,
 * so the one for `student` is the one whose page names them.
 */
async function mentorLinkFor(page: Page, mentor: string, student: string) {
  await expect.poll(async () => (await outbox(page.request, mentor)).filter((m) => m.kind === 'renewal').length).toBeGreaterThan(0);
  for (const mail of (await outbox(page.request, mentor)).filter((m) => m.kind === 'renewal')) {
    await page.goto(mail.url!);
    if (await page.getByRole('heading', { level: 1, name: new RegExp(student) }).count()) return mail.url!;
  }
  throw new Error(`no renewal email to ${mentor} about ${student}`);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000));

async function choose(page: Page, url: string, choice: 'Continue' | 'Conclude') {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: /Continue or conclude/ })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${choice}`) }).check();
  await page.getByRole('button', { name: /Save my answer|Change my answer/ }).click();
  await expect(page.getByRole('status').filter({ hasText: choice === 'Continue' ? 'you would like to continue' : 'you would like to conclude' })).toBeVisible();
}

test.describe('[TERMS] a mentorship year ends: renewal, completion, close survey', () => {
  test.describe.configure({ timeout: 300_000 });

  test('both continue → renewed; the mentor concludes → completed, surveyed, back to the waitlist', async ({ page, browser, ip, request }) => {
    await withTestClock(request, async () => {
      await signIn(page, 'admin@example.org');
      await release(page, RENEWING.name);
      await release(page, CONCLUDING.name);

      const studentA = await personPage(browser, ip, RENEWING.email);
      const studentB = await personPage(browser, ip, CONCLUDING.email);
      const mentorA = await mentorEmailOf(studentA);
      const mentorB = await mentorEmailOf(studentB);

      // The term's end date, as the student's renewal page shows it.
      await studentA.goto('/mentee/renewal');
      const termText = (await studentA.getByText(/^First term: /).textContent())!;
      const end = iso(new Date(`${termText.split('–')[1].trim()} 12:00 UTC`));

      // Into the renewal window: the sweep asks all four, once.
      await setServerClock(request, { now: `${plusDays(end, -10)}T15:00:00Z` });
      const first = await runDailySweep(request);
      expect(first.ok).toBe(true);
      expect(first.tasks['renewal-prompts'].prompted).toBeGreaterThanOrEqual(2);
      const again = await runDailySweep(request);
      expect(again.tasks['renewal-prompts'].prompted).toBe(0);
      const mails = {
        a: await newest(studentA, RENEWING.email, 'renewal'),
        b: await newest(studentB, CONCLUDING.email, 'renewal'),
      };
      expect(mails.a.url).toMatch(/\/mentee\/renewal$/);

      // The banner on the student's home.
      await studentB.goto('/mentee');
      await expect(studentB.getByText(/Your term with .+ ends on/)).toBeVisible();
      await shoot(studentB, 'home-banner');

      // Both continue in the first pairing.
      await choose(studentA, mails.a.url!, 'Continue');
      await shoot(studentA, 'renewal-page');
      const mentorPageA = await personPage(browser, ip, mentorA);
      const mentorLinkA = await mentorLinkFor(mentorPageA, mentorA, RENEWING.name);
      expect(mentorLinkA).toMatch(/\/mentor\/renewal\/\d+$/);
      await choose(mentorPageA, mentorLinkA, 'Continue');

      // In the second, the student continues and the mentor concludes.
      await choose(studentB, mails.b.url!, 'Continue');
      const mentorPageB = mentorB === mentorA ? mentorPageA : await personPage(browser, ip, mentorB);
      await choose(mentorPageB, await mentorLinkFor(mentorPageB, mentorB, CONCLUDING.name), 'Conclude');

      // The end date: one renews, the other completes.
      await setServerClock(request, { now: `${end}T15:00:00Z` });
      const closing = await runDailySweep(request);
      expect(closing.ok).toBe(true);
      expect(closing.tasks['term-ends'].renewed).toBeGreaterThanOrEqual(1);
      expect(closing.tasks['term-ends'].completed).toBeGreaterThanOrEqual(1);

      // The renewed pairing's portal shows the new term.
      await studentA.goto('/mentee/renewal');
      await expect(studentA.getByText(/^Term 2: /)).toBeVisible();
      await expect(studentA.getByText('Not answered yet')).toBeVisible();
      await shoot(studentA, 'renewed');

      // The completed one: the close survey from the email link.
      const survey = await newest(studentB, CONCLUDING.email, 'close-survey');
      expect(survey.url).toMatch(/\/mentee\/survey\/\d+$/);
      const pairingId = survey.url!.split('/').pop();
      await studentB.goto(survey.url!);
      await expect(studentB.getByRole('heading', { level: 1, name: 'How did your mentorship go?' })).toBeVisible();
      await studentB.getByRole('radio', { name: '4' }).check();
      await studentB.getByLabel('What helped you most?').fill('Practising interviews and reading my personal statement.');
      await studentB
        .getByRole('group', { name: /recommend the program/ })
        .getByRole('radio', { name: 'Yes' })
        .check();
      await shoot(studentB, 'survey');
      await studentB.getByRole('button', { name: 'Send my answers' }).click();
      await expect(studentB.getByText('You have answered the close survey')).toBeVisible();
      await studentB.reload();
      await expect(studentB.getByText('You have answered the close survey')).toBeVisible();
      await expect(studentB.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);

      // The mentor concluded while the student wanted to continue: back to the waitlist.
      await studentB.goto('/mentee');
      await expect(studentB.getByRole('heading', { name: 'Would you like another mentor?' })).toBeVisible();
      await shoot(studentB, 'home-completed');
      await studentB.getByRole('button', { name: 'Put me back on the waitlist' }).click();
      await expect(studentB.getByText('You are back on the waitlist')).toBeVisible();
      await studentB.reload();
      await expect(studentB.getByRole('heading', { name: 'Would you like another mentor?' })).toHaveCount(0);

      // The coordinator sees the term, both answers and the survey.
      await page.goto(`/admin/pairings/${pairingId}`);
      await expect(page.getByRole('heading', { level: 2, name: 'Term and renewal' })).toBeVisible();
      await expect(page.getByText('Practising interviews and reading my personal statement.')).toBeVisible();
      await shoot(page, 'admin-section');

      // The renewed pairing: term 1 renewed, term 2 current; the coordinator extends it, with a reason.
      await page.goto(`/admin/pairings/${mentorLinkA.split('/').pop()}`);
      await expect(page.getByRole('cell', { name: 'Renewed' })).toBeVisible();
      await page.getByLabel('New end date').fill(`${Number(end.slice(0, 4)) + 2}-06-30`);
      await page.getByLabel('Why extend?').fill('Finishing the application cycle together');
      await page.getByRole('button', { name: 'Extend the term' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Extended: the term now ends on' })).toBeVisible();
      await expect(page.getByText(/extended from/)).toBeVisible();
      await shoot(page, 'admin-active');
    });
  });
});
