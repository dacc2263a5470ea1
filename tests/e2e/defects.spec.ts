import { expect, signIn, test, uniqueEmail } from './fixtures';

test.describe('[REGISTRATION] first steps a new person trips over', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the landing page’s choice is carried through sign-in, and a wrong role can be changed back', async ({ page }) => {
    const email = uniqueEmail('newcomer');
    await page.goto('/');
    await expect(page.getByText('Questions? Write to Morgan Ellis, the program coordinator')).toBeVisible();
    // The landing's "I'm a physician" goes to sign-in, and after sign-in straight to the physician form.
    await page.getByRole('link', { name: 'I’m a physician' }).click();
    await page.waitForURL(/\/sign-in\?callbackUrl=%2Fregister%2Fmentor$/);
    await signIn(page, email);
    await expect(page.getByRole('heading', { level: 1, name: 'Register as a physician mentor' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // Not what they meant: back to the choice, then the student form.
    await page.getByRole('button', { name: 'change your role' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'How will you take part?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.getByRole('button', { name: /^I’m a pre-med student/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register as a pre-med student' })).toBeVisible();
    await page.goto('/register/mentor');
    await expect(page.getByRole('heading', { level: 1, name: 'Register as a pre-med student' })).toBeVisible();

    // Identity answers without consent: said before submitting, and the answers can be cleared.
    await page.getByLabel('Gender (optional)', { exact: true }).fill('woman');
    const warning = page.getByRole('status').filter({ hasText: 'did not tick consent' });
    await expect(warning).toBeVisible();
    await warning.getByRole('button', { name: 'Clear my identity answers' }).click();
    await expect(page.getByLabel('Gender (optional)', { exact: true })).toHaveValue('');
    await expect(warning).toHaveCount(0);

    // On the error path the same words, on the consent box, and what was typed is kept.
    await page.getByLabel('Gender (optional)', { exact: true }).fill('woman');
    await page.getByRole('button', { name: 'Submit registration' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was saved yet' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: /did not tick consent/ })).toBeVisible();
    await expect(page.getByLabel('Gender (optional)', { exact: true })).toHaveValue('woman');

    // Sign-out works from the registration page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  });
});
