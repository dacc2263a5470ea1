import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, programSettings } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { renderEmail } from '@/lib/email/send';
import { NoticeEmail } from '@/lib/email/templates/notice';
import { UserFacingError } from '@/lib/errors';
import { loadProgramSettings, programName, updateProgramIdentity } from '@/lib/settings/program';
import { createPerson } from '../support/people';

describe('[SETTINGS] the program’s name and time zone', () => {
  it('[SETTINGS]: an admin renames the program and moves its time zone; audited with before and after; every email carries the name', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    await db.insert(programSettings).values({ id: 1 }).onConflictDoNothing();
    const before = { programName: await programName(), timeZone: (await loadProgramSettings(db)).timeZone };
    await updateProgramIdentity(admin, { programName: '  Northside Physician Mentors ', timeZone: 'America/Denver' });
    expect(await programName()).toBe('Northside Physician Mentors');
    expect((await loadProgramSettings(db)).timeZone).toBe('America/Denver');
    const [audit] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.program-updated'), eq(auditLog.actorId, admin.id)));
    expect(audit.details).toEqual({ before, after: { programName: 'Northside Physician Mentors', timeZone: 'America/Denver' } });

    const mail = await renderEmail(
      {
        to: 'someone@example.edu',
        subject: 'Hello',
        kind: 'test',
        react: createElement(NoticeEmail, { preview: 'Hello', heading: 'Hello', paragraphs: ['A line.'] }),
      },
      db,
    );
    expect(mail.html).toContain('Northside Physician Mentors');
    expect(mail.text).toContain('used with the Northside Physician Mentors');
  });

  it('[SETTINGS]: a blank name, a name with a line break or an unknown time zone is refused and nothing changes', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    await updateProgramIdentity(admin, { programName: 'Kept Name', timeZone: 'America/Chicago' });
    for (const bad of [
      { programName: '   ', timeZone: 'America/Chicago' },
      { programName: 'Two\nlines', timeZone: 'America/Chicago' },
      { programName: 'x'.repeat(121), timeZone: 'America/Chicago' },
      { programName: 'Fine', timeZone: 'Mars/Olympus_Mons' },
    ])
      await expect(updateProgramIdentity(admin, bad)).rejects.toBeInstanceOf(UserFacingError);
    expect(await programName()).toBe('Kept Name');
    expect((await loadProgramSettings(db)).timeZone).toBe('America/Chicago');
  });

  it('[SETTINGS]: only admins change them', async () => {
    const mentor = await createPerson('mentor', 'approved');
    await expect(updateProgramIdentity(mentor, { programName: 'Mine', timeZone: 'America/Chicago' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
