import type { Browser, Page } from '@playwright/test';
import { expect, latestMail, signIn, test, uniqueEmail } from './fixtures';

/** The coordinator approves a registrant from the people list, like a person would. */
async function approveAsAdmin(browser: Browser, email: string, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  await signIn(page, 'admin@example.org');
  await page.goto(`/admin/people?q=${encodeURIComponent(email)}`);
  await page.getByRole('row').filter({ hasText: email }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel('Approve', { exact: true }).check();
  await page.getByRole('button', { name: /Save decision/ }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /approved/i })
      .first(),
  ).toBeVisible();
  await context.close();
}

async function tick(page: Page, group: string, option: string) {
  await page.getByRole('group', { name: group }).getByLabel(option, { exact: true }).check();
}

test.describe('[REGISTRATION] journeys', () => {
  // Whole journeys with two people signing in: longer than a single-page test.
  test.describe.configure({ timeout: 120_000 });

  test('a student registers from first sign-in to approved', async ({ page, browser, ip }) => {
    const email = uniqueEmail('student');
    await signIn(page, email);
    await page.getByRole('button', { name: /^I’m a pre-med student/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register as a pre-med student' })).toBeVisible();
    await expect(page.getByLabel('School', { exact: true })).toHaveValue('University of Minnesota');

    await page.getByLabel('Full name', { exact: true }).fill('Lina Test Student');
    await page.getByLabel('Name you go by', { exact: true }).fill('Lina');
    await page.getByLabel('Year', { exact: true }).selectOption('second-year');
    await page.getByLabel('Year you plan to apply to medical school').fill(String(new Date().getFullYear() + 2));
    await tick(page, 'What would you like help with?', 'MCAT');
    await tick(page, 'How would you like to meet?', 'Video call');
    await page.getByLabel('Weekdays, evening').check();
    await page.getByLabel(/^About me/).fill('<b>I love chemistry</b>');
    await page.getByLabel(/I agree that the program may use/).check();
    await tick(page, 'Race and ethnicity — select all that apply', 'Hispanic or Latino');
    await page.getByLabel('I have read these expectations and agree to them.').check();

    // Major left empty: the error appears beside the field and nothing typed is lost.
    await page.getByRole('button', { name: 'Submit registration' }).click();
    // The GOV.UK pattern: focus moves to a summary at the top that links to each field.
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was saved yet' });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    const major = page.getByLabel('Major', { exact: true });
    await summary.getByRole('link', { name: /Enter your major/ }).click();
    await expect(major).toBeFocused();
    await expect(major).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#major-error')).toHaveText(/Enter your major/);
    await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('Lina Test Student');
    await expect(page.getByLabel('Weekdays, evening')).toBeChecked();
    await expect(page.getByLabel(/^About me/)).toHaveValue('<b>I love chemistry</b>');

    await major.fill('Chemistry');
    await page.getByRole('button', { name: 'Submit registration' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Registration received' })).toBeVisible();
    await expect(page.getByText('Registered — awaiting review')).toBeVisible();
    // The one-time banner is gone from the address, so a reload does not announce it again.
    await expect(page).toHaveURL(/\/mentee$/);
    await page.reload();
    await expect(page.getByText('Registered — awaiting review')).toBeVisible();
    await expect(page.getByText('Registration received')).toHaveCount(0);
    expect((await latestMail(page.request, email)).subject).toBe('We received your registration');

    // Text is shown as typed, never as markup.
    await page.getByRole('link', { name: 'My profile' }).click();
    await expect(page.getByLabel(/^About me/)).toHaveValue('<b>I love chemistry</b>');
    await expect(page.getByRole('group', { name: 'Race and ethnicity — select all that apply' }).getByLabel('Hispanic or Latino')).toBeChecked();

    await approveAsAdmin(browser, email, ip);
    await page.goto('/mentee');
    await expect(page.getByText('Approved', { exact: true })).toBeVisible();
    expect((await latestMail(page.request, email, 1)).subject).toBe('You are in the program');
  });

  test('a physician registers, signs the values statement, and is approved', async ({ page, browser, ip }) => {
    const email = uniqueEmail('physician');
    await signIn(page, email);
    await page.getByRole('button', { name: /^I’m a physician/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register as a physician mentor' })).toBeVisible();

    await page.getByLabel('Full name', { exact: true }).fill('Dr. Kai Test');
    await page.getByLabel('Name you go by', { exact: true }).fill('Kai');
    await page.getByLabel('Credentials', { exact: true }).selectOption('DO');
    await page.getByLabel('Specialty', { exact: true }).selectOption('pediatrics');
    await page.getByLabel('Organisation', { exact: true }).fill('Example Children’s Clinic');
    await page.getByLabel('Years in practice', { exact: true }).fill('8');
    await tick(page, 'How many mentees can you take?', 'Two');
    await tick(page, 'What can you advise on?', 'Interviews');
    await tick(page, 'How would you like to meet?', 'Phone call');
    await page.getByLabel('Weekends, morning').check();
    await page.getByLabel('I have read these expectations and agree to them.').check();
    await expect(page.getByRole('heading', { name: /anti-racism and cultural humility/ })).toBeVisible();

    // Not yet signed: refused, with the reason beside the checkbox.
    await page.getByLabel('Type your full name as your signature').fill('Kai Test');
    await page.getByRole('button', { name: 'Submit registration' }).click();
    await expect(page.locator('#attest-error')).toHaveText(/commit to the values statement/);
    await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('Example Children’s Clinic');

    await page.getByLabel('I commit to anti-racism and cultural humility as set out above.').check();
    await page.getByRole('button', { name: 'Submit registration' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Registration received' })).toBeVisible();
    await expect(page).toHaveURL(/\/mentor$/);
    await expect(page.getByText('Registered — awaiting review')).toBeVisible();
    await expect(page.getByText('Please sign the current values statement')).toHaveCount(0);

    // Capacity and pause can be changed at any time.
    await page.getByLabel('Mentees I can take at once').selectOption('3');
    await page.getByRole('button', { name: 'Save capacity' }).click();
    await expect(page.getByText('Saved: you can take up to 3 mentees.')).toBeVisible();
    // The select shows what was saved, not the number it was first drawn with.
    await expect(page.getByLabel('Mentees I can take at once')).toHaveValue('3');
    const until = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Not taking new mentees until').fill(until);
    await page.getByRole('button', { name: 'Pause' }).click();
    const readable = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${until}T12:00:00Z`));
    await expect(page.getByText(`Paused: no new mentees through ${readable}.`)).toBeVisible();
    await expect(page.getByText(until)).toHaveCount(0);

    await approveAsAdmin(browser, email, ip);
    await page.goto('/mentor');
    await expect(page.getByText('Approved', { exact: true })).toBeVisible();
  });

  test('a student can withdraw, after confirming, and the record is kept', async ({ page }) => {
    const email = uniqueEmail('leaver');
    await signIn(page, email);
    await page.getByRole('button', { name: /^I’m a pre-med student/ }).click();
    await page.getByLabel('Full name', { exact: true }).fill('Rae Leaver');
    await page.getByLabel('Name you go by', { exact: true }).fill('Rae');
    await page.getByLabel('Year', { exact: true }).selectOption('first-year');
    await page.getByLabel('Major', { exact: true }).fill('Biology');
    await page.getByLabel('Year you plan to apply to medical school').fill(String(new Date().getFullYear() + 3));
    await tick(page, 'What would you like help with?', 'Interviews');
    await tick(page, 'How would you like to meet?', 'Video call');
    await page.getByLabel('Weekends, afternoon').check();
    await page.getByLabel('I have read these expectations and agree to them.').check();
    await page.getByRole('button', { name: 'Submit registration' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Registration received' })).toBeVisible();

    await page.getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('button', { name: 'Withdraw from the program…' }).click();
    await page.getByLabel('Why are you leaving?').fill('Transferring schools');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await expect(page.locator('#confirm-error')).toBeVisible();
    await expect(page.getByLabel('Why are you leaving?')).toHaveValue('Transferring schools');
    await page.getByLabel(/I understand that I will no longer be matched/).check();
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    // The one-time notice is shown, then its parameter is dropped from the address (a reload does not repeat it).
    await expect(page.getByText('You have withdrawn from the program.')).toBeVisible();
    await expect(page).toHaveURL(/\/mentee$/);
    await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
  });
});
