import { expect, latestMail, outbox, signIn, test } from './fixtures';

test.describe('[MATCHING] the coordinator pairs a student, and both see each other', () => {
  test.describe.configure({ timeout: 150_000 });

  test('optimise, propose from suggestions, edit the introduction, release', async ({ page, browser, ip }) => {
    await signIn(page, 'admin@example.org');

    // The whole-pool optimiser: an exact plan with its numbers, nothing written yet.
    await page.goto('/admin/matching');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('a[href^="/admin/matching/"]', { hasText: 'Jordan Rivera' })).toBeVisible();
    await page.getByRole('button', { name: 'Optimise the whole pool' }).click();
    await expect(page.getByText('Identity preferences met')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Stage selected as proposals' })).toBeVisible();

    // One student's suggestions, each score explained in words.
    await page.locator('a[href^="/admin/matching/"]', { hasText: 'Jordan Rivera' }).first().click();
    await expect(page.getByText(/^\+\d+(\.\d+)? both available for a new pairing/).first()).toBeVisible();
    await page
      .getByRole('button', { name: /^Propose/ })
      .first()
      .click();
    await expect(page.getByText(/Jordan Rivera has a proposal with .+ waiting for your approval/)).toBeVisible();

    // A staged proposal is invisible to the student.
    const student = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
    const studentPage = await student.newPage();
    await signIn(studentPage, 'mentee@example.org');
    await expect(studentPage.getByText('Your mentor')).toHaveCount(0);

    // Approve with an edited introduction, after a preview and a confirmation.
    await page.goto('/admin/pairings');
    await page.getByLabel(/^Select Jordan Rivera with/).check();
    await page.getByText('Approve and release selected').click();
    const subject = page.getByLabel('Subject', { exact: true });
    await subject.fill('Welcome, {mentee_name} and {mentor_name}!');
    await page.getByRole('button', { name: 'Preview the email' }).click();
    await expect(page.getByText(/Welcome, Jordan Rivera and /).first()).toBeVisible();
    const before = (await outbox(page.request, 'mentee@example.org')).length;
    await page.getByRole('button', { name: 'Yes, release 1 pairing' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 pairing released.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Jordan Rivera', exact: true })).toBeVisible(); // now under Active

    const intro = await latestMail(page.request, 'mentee@example.org', before);
    expect(intro.subject).toMatch(/^Welcome, Jordan Rivera and .+!$/);
    expect(intro.kind).toBe('introduction');
    expect(intro.url).toMatch(/\/portal$/);

    // The student now sees their mentor, with contact details.
    await studentPage.goto('/mentee');
    await expect(studentPage.getByText('Your mentor')).toBeVisible();
    const mentorEmail = (await studentPage
      .getByRole('link', { name: /@example\.org$/ })
      .first()
      .textContent())!.trim();
    await student.close();

    // And the mentor sees the student (never their identity answers).
    const mentorCtx = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
    const mentorPage = await mentorCtx.newPage();
    await signIn(mentorPage, mentorEmail);
    await expect(mentorPage.getByText('Jordan Rivera').first()).toBeVisible();
    await expect(mentorPage.getByText('Hispanic or Latino')).toHaveCount(0);
    await mentorCtx.close();
  });

  test("staged proposals arrive selected for approval, and the coordinator pages through each pair's email", async ({ page }) => {
    await signIn(page, 'admin@example.org');
    await page.goto('/admin/matching');
    await page.getByRole('button', { name: /^Optimise (the whole pool|again)$/ }).click();
    await expect(page.getByRole('button', { name: 'Stage selected as proposals' })).toBeVisible({ timeout: 30_000 });

    // Stage two pairs that leave the ready accounts alone (other specs use them).
    await page.getByLabel('Select every pair').uncheck();
    const boxes = page.getByLabel(/^Stage .+ with .+$/);
    const labels: string[] = [];
    for (const box of await boxes.all()) {
      const label = (await box.getAttribute('id')) && (await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent())!.trim();
      if (label && !/Jordan Rivera|Renee Okafor/.test(label)) labels.push(label);
      if (labels.length === 2) break;
    }
    expect(labels).toHaveLength(2);
    for (const label of labels) await page.getByLabel(label, { exact: true }).check();
    await page.getByRole('button', { name: 'Stage selected as proposals' }).click();
    await expect(page.getByText('2 proposals staged.')).toBeVisible();

    // The link lists them for approval, already selected; nothing else is.
    await page.getByRole('link', { name: 'Review and approve the staged proposals' }).click();
    await expect(page).toHaveURL(/\/admin\/pairings\?state=proposed&staged=/);
    const names = labels.map((l) => /^Stage (.+) with (.+)$/.exec(l)!.slice(1) as [string, string]);
    for (const [mentee, mentor] of names) await expect(page.getByLabel(`Select ${mentee} with ${mentor}`, { exact: true })).toBeChecked();
    const checked = await page.getByLabel(/^Select .+ with .+$/).evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length);
    expect(checked).toBe(2);

    // The preview pages through each pair's own email.
    await page.getByText('Approve and release selected').click();
    await expect(page.getByText('2 proposals selected.')).toBeVisible();
    await page.getByRole('button', { name: 'Preview the email' }).click();
    const heading = page.getByRole('heading', { name: /^Email \d of 2: Preview for / });
    await expect(heading).toHaveText(/^Email 1 of 2: /);
    const first = await heading.textContent();
    await expect(page.getByRole('button', { name: '← Previous pair' })).toBeDisabled();
    await page.getByRole('button', { name: 'Next pair →' }).click();
    await expect(heading).toHaveText(/^Email 2 of 2: /);
    const second = await heading.textContent();
    expect(second).not.toBe(first);
    const shown = [first, second].map((h) => h!.replace(/^Email \d of 2: Preview for /, ''));
    expect(shown.sort()).toEqual(names.map(([mentee, mentor]) => `${mentee} and ${mentor}`).sort());
    await expect(page.getByRole('button', { name: 'Next pair →' })).toBeDisabled();
    await page.getByRole('button', { name: '← Previous pair' }).click();
    await expect(heading).toHaveText(first!);

    // Paging never released anything; the confirmation still does, for both.
    await page.getByRole('button', { name: 'Yes, release 2 pairings' }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 pairings released.' })).toBeVisible();
  });
});
