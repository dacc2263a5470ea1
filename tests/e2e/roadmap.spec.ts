import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * The application roadmap a released pair shares: the coordinator releases a pairing (a seeded
 * student nobody else's spec pairs), both members see the same checklist, the student ticks a
 * milestone and the physician sees it ticked with who and when. Does not move the clock.
 */
const STUDENT = 'student29@example.edu';
const ITEM = 'Personal statement drafts';

const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** One <h1>, nothing wider than the screen, and a full-page screenshot at both widths. */
async function shoot(page: Page, name: string) {
  for (const w of widths) {
    await page.setViewportSize({ width: w.width, height: w.height });
    await expect(page.locator('h1')).toHaveCount(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${w.width}px is wider than the screen`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `.data/screenshots/roadmap_${name}-${w.name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function titles(page: Page) {
  return page.getByTestId('roadmap-item').locator('p.font-semibold').allTextContents();
}

test.describe('[ROADMAP] the pair’s shared application roadmap', () => {
  test.describe.configure({ timeout: 180_000 });

  test('both members of a released pairing see one checklist; the student’s tick shows for the mentor with who and when', async ({ page, browser, ip }) => {
    // The coordinator proposes the student's first suggestion and releases it.
    await signIn(page, 'admin@example.org');
    await page.goto(`/admin/people?q=${encodeURIComponent(STUDENT)}`);
    const row = page.getByRole('row').filter({ hasText: STUDENT });
    const personLink = row.getByRole('link').first();
    const studentName = (await personLink.textContent())!.trim();
    const studentId = (await personLink.getAttribute('href'))!.split('/').pop()!;
    await page.goto(`/admin/matching/${studentId}`);
    await page
      .getByRole('button', { name: /^Propose/ })
      .first()
      .click();
    await expect(page.getByText(new RegExp(`${studentName} has a proposal with .+ waiting for your approval`))).toBeVisible();
    await page.goto('/admin/pairings');
    await page.getByLabel(new RegExp(`^Select ${studentName} with`)).check();
    await page.getByText('Approve and release selected').click();
    await page.getByRole('button', { name: 'Preview the email' }).click();
    await page.getByRole('button', { name: 'Yes, release 1 pairing' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 pairing released.' })).toBeVisible();

    // The template page states the cycle rule and each milestone's rule in words.
    await page.goto('/admin/roadmap');
    await expect(page.getByText(/the year they submit their primary application/).first()).toBeVisible();
    await expect(page.getByTestId('template-item').filter({ hasText: 'MCAT registered and taken' })).toContainText('June 30 of C');
    await shoot(page, 'admin-template');

    // The student: next up on the home page, the whole list on the roadmap page.
    const studentCtx = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
    const student = await studentCtx.newPage();
    await signIn(student, STUDENT);
    await student.goto('/mentee');
    await expect(student.getByTestId('roadmap-home')).toContainText('Next up');
    const mentorEmail = (await student
      .getByRole('link', { name: /@example\.org$/ })
      .first()
      .textContent())!.trim();
    await shoot(student, 'mentee-home');
    await student.getByRole('link', { name: /Open the roadmap/ }).click();
    await expect(student.getByRole('heading', { level: 1, name: 'Application roadmap' })).toBeVisible();
    const studentTitles = await titles(student);
    expect(studentTitles).toContain(ITEM);
    expect(studentTitles.length).toBe(12);

    await student.getByRole('button', { name: `Mark “${ITEM}” as done` }).click();
    const ticked = student.getByTestId('roadmap-item').filter({ hasText: ITEM });
    await expect(ticked.getByRole('button', { name: `Mark “${ITEM}” as not done` })).toHaveAttribute('aria-pressed', 'true');
    await expect(ticked).toContainText(new RegExp(`Done on \\w{3} \\d{1,2}, \\d{4} by ${studentName}`));
    await shoot(student, 'mentee-roadmap');
    await studentCtx.close();

    // The physician: the same checklist, with the student's tick, who and when.
    const mentorCtx = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
    const mentor = await mentorCtx.newPage();
    await signIn(mentor, mentorEmail);
    await mentor.goto('/mentor');
    const card = mentor.getByTestId('roadmap-home').filter({ hasText: `with ${studentName.split(' ')[0]}` });
    await expect(card).toBeVisible();
    await shoot(mentor, 'mentor-home');
    await card.getByRole('link', { name: /Open the roadmap/ }).click();
    await expect(mentor.getByRole('heading', { level: 1, name: `${studentName}’s application roadmap` })).toBeVisible();
    expect(await titles(mentor)).toEqual(studentTitles);
    const seen = mentor.getByTestId('roadmap-item').filter({ hasText: ITEM });
    await expect(seen.getByRole('button', { name: `Mark “${ITEM}” as not done` })).toHaveAttribute('aria-pressed', 'true');
    await expect(seen).toContainText(new RegExp(`Done on \\w{3} \\d{1,2}, \\d{4} by ${studentName}`));
    await expect(mentor.getByTestId('roadmap-progress')).toContainText('1 of 12 done');
    await shoot(mentor, 'mentor-roadmap');

    // The mentor opens the edit panel (what it looks like on a phone).
    await seen.getByText('Edit or remove').click();
    await shoot(mentor, 'mentor-roadmap-edit');
    await mentorCtx.close();

    // The coordinator reads it on the pairing page.
    await page.goto('/admin/pairings?state=active');
    const pairingHref = await page.getByRole('row').filter({ hasText: studentName }).locator('a[href^="/admin/pairings/"]').first().getAttribute('href');
    await page.goto(pairingHref!);
    await expect(page.getByRole('heading', { name: 'Application roadmap' })).toBeVisible();
    await expect(page.getByTestId('roadmap-item').filter({ hasText: ITEM })).toContainText(`by ${studentName}`);
    await shoot(page, 'admin-pairing');
  });
});
