import { expect, signIn, test } from './fixtures';

test.describe('[AUDIT] notes and the audit log, as a coordinator uses them', () => {
  test('a private note on a person is kept on their page and shows in the audit log without its words', async ({ page }) => {
    await signIn(page, 'admin@example.org');
    await page.goto('/admin/people?q=student12%40example.edu');
    await page.locator('a[href^="/admin/people/"]', { hasText: /./ }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Pairings' })).toBeVisible();
    const words = `Prefers phone calls after 6 pm ${Date.now()}`;
    await page.getByLabel('Add a private note').fill(words);
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByText('Note saved. Only coordinators can read it.')).toBeVisible();
    await expect(page.getByText(words)).toBeVisible();
    await expect(page.getByLabel('Add a private note')).toHaveValue('');

    await page.getByRole('link', { name: 'Everything about this person in the audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const entry = page.getByRole('listitem').filter({ hasText: 'Note added' }).first();
    await expect(entry).toContainText(`Added a private note (${words.length} characters).`);
    await expect(page.getByText(words)).toHaveCount(0);
    await entry.getByRole('link', { name: 'Open the person' }).click();
    await expect(page.getByText(words)).toBeVisible();
  });

  test('students and physicians get a 404 from the audit log', async ({ page }) => {
    await signIn(page, 'mentee@example.org');
    const res = await page.goto('/admin/audit');
    expect(res?.status()).toBe(404);
  });
});
