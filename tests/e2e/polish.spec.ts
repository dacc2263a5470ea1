import type { Page } from '@playwright/test';
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

  test('a link inside text is underlined, not told apart by colour alone (axe link-in-text-block): landing and both portal homes', async ({ browser }) => {
    /** Links whose block holds other words too (a sentence, not a row of buttons or a list of links). */
    const linksInText = (page: Page) =>
      page.locator('main a, footer a').evaluateAll((as) =>
        as.flatMap((a) => {
          let block = a.parentElement!;
          while (getComputedStyle(block).display.startsWith('inline') && block.parentElement) block = block.parentElement;
          // Words in the block that are not links (as axe decides): a row of buttons is not text.
          const words = (t: string | null) => (t ?? '').replace(/\s+/g, '').length;
          const linkWords = [...block.querySelectorAll('a')].reduce((n, l) => n + words(l.textContent), 0);
          const inText = words(block.textContent) > linkWords;
          return inText ? [{ text: (a.textContent ?? '').trim(), line: getComputedStyle(a).textDecorationLine }] : [];
        }),
      );
    for (const [who, path] of [
      [null, '/'],
      ['mentee@example.org', '/mentee'],
      ['mentor@example.org', '/mentor'],
    ] as const) {
      const page = await browser.newPage(); // one person per browser context
      if (who) await signIn(page, who);
      await page.goto(path);
      const links = await linksInText(page);
      await page.close();
      expect(links.length, path).toBeGreaterThan(0);
      for (const l of links) expect(l.line, `${path}: "${l.text}"`).toContain('underline');
    }
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
