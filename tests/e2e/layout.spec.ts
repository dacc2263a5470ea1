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
        const file = `${group}${path.split('?')[0].replace(/\//g, '_') || '_home'}-${w.name}.png`;
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
