import { expect, signIn, test, uniqueEmail } from './fixtures';

test.describe('[PORTALS]', () => {
  test('anonymous visitors are sent to sign-in with a return path', async ({ page }) => {
    for (const path of ['/mentee', '/mentor', '/admin', '/register']) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}$`));
    }
  });

  test('after sign-in the return path is followed', async ({ page }) => {
    await page.goto('/admin');
    await signIn(page, 'admin@example.org');
    await expect(page).toHaveURL(/\/admin$/);
  });

  test('a mentee: own portal; /admin is a 404; /mentor sends them home', async ({ page }) => {
    await signIn(page, 'mentee@example.org');
    await expect(page).toHaveURL(/\/mentee$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const admin = await page.goto('/admin');
    expect(admin?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.goto('/mentor');
    await expect(page).toHaveURL(/\/mentee$/);
  });

  test('a mentor: own portal; /admin is a 404; /mentee sends them home', async ({ page }) => {
    await signIn(page, 'mentor@example.org');
    await expect(page).toHaveURL(/\/mentor$/);
    expect((await page.goto('/admin'))?.status()).toBe(404);
    await page.goto('/mentee');
    await expect(page).toHaveURL(/\/mentor$/);
  });

  test('an admin: the overview; student and physician portals send them to /admin', async ({ page }) => {
    await signIn(page, 'admin@example.org');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Program overview' })).toBeVisible();
    await page.goto('/mentee');
    await expect(page).toHaveURL(/\/admin$/);
  });

  test('a new person chooses a role and lands on that registration form', async ({ page }) => {
    await signIn(page, uniqueEmail('newcomer'));
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole('heading', { level: 1, name: 'How will you take part?' })).toBeVisible();
    await page.getByRole('button', { name: /pre-med student/ }).click();
    await expect(page).toHaveURL(/\/register\/mentee$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // With the role recorded, the other registration and the role choice are closed to them.
    await page.goto('/register');
    await expect(page).toHaveURL(/\/register\/mentee$/);
  });

  test('health answers per the contract', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'up' });
  });
});
