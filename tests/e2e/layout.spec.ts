import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * Every page at desktop and phone width: one <h1>, nothing wider than the screen, every form
 * control labelled. Screenshots land in .data/screenshots for a person to look at.
 */
const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const pages: Record<string, { as: string | null; paths: string[] }> = {
  public: {
    as: null,
    paths: [
      '/',
      '/sign-in',
      '/check-email?email=someone%40example.edu',
      '/sign-in/confirm?token=t&email=someone%40example.edu',
      '/sign-in/error?error=Verification',
    ],
  },
  mentee: { as: 'mentee@example.org', paths: ['/mentee', '/mentee/profile', '/mentee/roadmap', '/mentee/meetings', '/mentee/concern'] },
  mentor: { as: 'mentor@example.org', paths: ['/mentor', '/mentor/profile', '/mentor/values', '/mentor/concern'] },
  admin: {
    as: 'admin@example.org',
    paths: [
      '/admin',
      '/admin/people',
      '/admin/values',
      '/admin/matching',
      '/admin/pairings',
      '/admin/pairings?state=active',
      '/admin/pairings?state=ended',
      '/admin/concerns',
      '/admin/settings',
      '/admin/audit',
      '/admin/emails',
      '/admin/reports',
      '/admin/exports',
      '/admin/admins',
      '/admin/roadmap',
    ],
  },
};

async function checkPage(page: Page, label: string) {
  await expect(page.locator('h1')).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} is wider than the screen`).toBeLessThanOrEqual(0);
  // On a phone every table is a stack of cards: nothing in it scrolls sideways, every cell is on screen.
  if (page.viewportSize()!.width < 640) {
    const hidden = await page.evaluate(() => {
      const out: string[] = [];
      for (const frame of document.querySelectorAll<HTMLElement>('.stack-table')) {
        if (frame.scrollWidth > frame.clientWidth) out.push(`a table scrolls sideways (${frame.scrollWidth} > ${frame.clientWidth})`);
        for (const td of frame.querySelectorAll('td')) {
          const r = td.getBoundingClientRect();
          if (r.width > 0 && (r.left < 0 || r.right > window.innerWidth)) out.push(`cell "${td.textContent?.slice(0, 30)}" off screen`);
        }
      }
      return out;
    });
    expect(hidden, `${label}: tables on a phone`).toEqual([]);
  }
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((el) => {
        const e = el as HTMLInputElement;
        return !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby');
      })
      .map((el) => (el as HTMLInputElement).name),
  );
  expect(unlabelled, `${label} has unlabelled controls`).toEqual([]);
}

for (const [group, { as, paths }] of Object.entries(pages)) {
  test(`[LAYOUT]: ${group} pages at desktop and phone widths`, async ({ page }) => {
    // A page a few seconds at most, but the admin portal has a dozen of them at two widths.
    test.setTimeout(60_000 + paths.length * 20_000);
    if (as) await signIn(page, as);
    for (const w of widths) {
      await page.setViewportSize({ width: w.width, height: w.height });
      for (const path of paths) {
        await page.goto(path);
        await checkPage(page, `${path} at ${w.width}px`);
        const file = `${group}${
          path
            .replace(/\?.*state=(\w+).*/, '_$1')
            .split('?')[0]
            .replace(/\//g, '_') || '_home'
        }-${w.name}.png`;
        await page.screenshot({ path: `.data/screenshots/${file}`, fullPage: true });
      }
      if (group === 'admin') {
        // Detail pages reached by following links, as a coordinator would.
        for (const [list, link, name] of [
          ['/admin/people?q=mentee%40example.org', 'a[href^="/admin/people/"]', 'person'],
          ['/admin/matching', 'a[href^="/admin/matching/"]', 'suggestions'],
        ] as const) {
          await page.goto(list);
          await page.locator(link).first().click();
          await page.waitForLoadState('networkidle');
          await checkPage(page, `${name} page at ${w.width}px`);
          await page.screenshot({ path: `.data/screenshots/admin_${name}-${w.name}.png`, fullPage: true });
        }
      }
    }
  });
}

const ADMIN_NAV = [
  'Overview',
  'People',
  'Matching',
  'Pairings',
  'Concerns',
  'Settings',
  'Values statement',
  'Roadmap template',
  'Admins',
  'Report',
  'Exports',
  'Email log',
  'Audit log',
];

test('[LAYOUT]: on a 390 px phone the coordinator reaches every page from one menu, keyboard included, and it names the current one', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin@example.org');
  await page.goto('/admin');
  const nav = page.getByRole('navigation', { name: 'Coordinator navigation' });
  const menu = nav.locator('summary').filter({ hasText: /^Menu/ });
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('Overview');
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeHidden();

  await menu.click();
  for (const label of ADMIN_NAV) {
    const link = nav.getByRole('link', { name: label === 'Concerns' ? /^Concerns/ : label, exact: label !== 'Concerns' });
    await expect(link, label).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x, label).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${label} fits the screen`).toBeLessThanOrEqual(390);
  }
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  // The menu closes after the move and says where the coordinator now is.
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeHidden();
  await expect(menu).toContainText('Audit log');

  // By keyboard: Enter opens, the links follow in tab order, Escape closes and returns to the button.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nav.getByRole('link', { name: 'Overview' })).toBeHidden();
  await expect(menu).toBeFocused();
});

test('[LAYOUT]: at 1280 px the coordinator’s navigation fits: main pages as tabs, the rest under More, the current page marked', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/people');
  const nav = page.getByRole('navigation', { name: 'Coordinator navigation' });
  const navBox = (await nav.boundingBox())!;
  for (const label of ADMIN_NAV.slice(0, 5)) {
    const link = nav.getByRole('link', { name: label === 'Concerns' ? /^Concerns/ : label, exact: label !== 'Concerns' });
    await expect(link, label).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x + box.width, `${label} is not cut off`).toBeLessThanOrEqual(navBox.x + navBox.width);
    expect(box.y, `${label} is on the first line`).toBeLessThan(navBox.y + 48);
  }
  await expect(nav.getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  const more = nav.locator('summary').filter({ hasText: 'More' });
  await expect(nav.getByRole('link', { name: 'Email log' })).toBeHidden();
  await more.click();
  for (const label of ADMIN_NAV.slice(5)) await expect(nav.getByRole('link', { name: label, exact: true }), label).toBeVisible();
  // A click elsewhere closes it.
  await page.locator('h1').click();
  await expect(nav.getByRole('link', { name: 'Email log' })).toBeHidden();
  await more.click();
  await nav.getByRole('link', { name: 'Email log' }).click();
  await expect(page).toHaveURL(/\/admin\/emails$/);
  // The closed menu names the page it holds, so "where am I" is answered without opening it.
  const current = nav.locator('summary:visible');
  await expect(current).toHaveText(/Email log/);
  await current.click();
  await expect(nav.getByRole('link', { name: 'Email log' })).toHaveAttribute('aria-current', 'page');
});

test('[LAYOUT]: on a phone a table is a stack of cards, each value under its column name', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin@example.org');
  await page.goto('/admin/matching');
  const firstRow = page.locator('.stack-table tbody tr').first();
  await expect(firstRow.locator('td[data-label="Waiting"]')).toBeVisible();
  // The label is drawn before the value: the card reads "Waiting  12 days".
  const before = await firstRow.locator('td[data-label="Waiting"]').evaluate((td) => getComputedStyle(td, '::before').content);
  expect(before).toBe('"Waiting"');
  const th = page.locator('.stack-table thead th', { hasText: 'Waiting' }).first();
  await expect(th).toBeHidden();
  // At desktop width it is a table again, headers shown and no labels drawn.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(th).toBeVisible();
  expect(await firstRow.locator('td[data-label="Waiting"]').evaluate((td) => getComputedStyle(td, '::before').content)).toBe('none');
});
