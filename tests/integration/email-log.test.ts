import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { listEmailKinds, listEmails } from '@/lib/email/admin-log';
import { createPerson } from '../support/people';

describe('[EMAIL LOG] every email, for coordinators', () => {
  it('[EMAIL LOG]: filters by address, kind and delivery status, and never carries a body or a link', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const to = `log-${Date.now()}@example.edu`;
    const mail = (kind: string, status: 'queued' | 'sent' | 'failed', extra: Partial<typeof emails.$inferInsert> = {}) => ({
      to,
      subject: `${kind} ${status}`,
      text: 'body with https://example.org/secret',
      html: '<p>body</p>',
      url: 'https://example.org/secret',
      kind,
      transport: 'resend' as const,
      status,
      ...extra,
    });
    await db
      .insert(emails)
      .values([
        mail('meeting-reminder', 'sent', { sentAt: new Date(), attempts: 1 }),
        mail('meeting-reminder', 'queued', { attempts: 2, error: 'rate limited', retryable: true }),
        mail('check-in', 'failed', { attempts: 7, error: 'address refused' }),
        mail('renewal', 'sent', { sentAt: new Date(), attempts: 3 }),
      ]);
    const all = await listEmails(admin, { to });
    expect(all).toHaveLength(4);
    for (const m of all) {
      expect(Object.keys(m).sort()).toEqual(['attempts', 'createdAt', 'error', 'id', 'kind', 'status', 'subject', 'to', 'transport']);
    }
    expect((await listEmails(admin, { to, kind: 'meeting-reminder' })).map((m) => m.status).sort()).toEqual(['queued', 'sent']);
    expect((await listEmails(admin, { to, status: 'failed' })).map((m) => [m.kind, m.error, m.attempts])).toEqual([['check-in', 'address refused', 7]]);
    expect((await listEmails(admin, { to: to.toUpperCase(), status: 'queued' })).map((m) => [m.kind, m.attempts])).toEqual([['meeting-reminder', 2]]);
    expect(await listEmailKinds(admin)).toEqual(expect.arrayContaining(['check-in', 'meeting-reminder', 'renewal']));
  });

  it('[EMAIL LOG]: only admins read it', async () => {
    for (const role of ['mentee', 'mentor'] as const) {
      const member = await createPerson(role, 'approved');
      await expect(listEmails(member, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listEmailKinds(member)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
