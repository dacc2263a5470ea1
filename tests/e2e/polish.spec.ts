import { expect, signIn, test } from './fixtures';

/** Issue 9 #18, checked in a browser: the small things a first visitor notices. */
test.describe('[POLISH]', () => {
  test('every page has an icon: the declared one and /favicon.ico (asked for by browsers and crawlers that ignore the link)', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    const declared = await request.get(href!);
    expect(declared.status()).toBe(200);
    const ico = await request.get('/favicon.ico');
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    // An ICO file: reserved 0, type 1 (icon), at least one image.
    const bytes = await ico.body();
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
  });

  test('on the landing page a link inside text is underlined, not told apart by colour alone (axe link-in-text-block)', async ({ page }) => {
    await page.goto('/');
    const links = await page.locator('main p a, footer p a').evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent?.trim(), line: getComputedStyle(a).textDecorationLine })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.line, `"${l.text}"`).toContain('underline');
  });

  test('editing a profile is not a numbered sequence, and City says it is optional', async ({ page }) => {
    await signIn(page, 'mentee@example.org');
    await page.goto('/mentee/profile');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Step \d+ of \d+/)).toHaveCount(0);
    await expect(page.getByLabel(/^City/)).toBeVisible();
    await expect(page.locator('label[for="city"]')).toContainText(/optional/i);
  });
});
