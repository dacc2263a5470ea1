/**
 * Admin lists that stay one page however long the program runs (issue 13): the concerns inbox is
 * paged with the tab's true total, the email log walks back by a cursor. Each page is bounded, and
 * the pages together hold every row once.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { concerns, emails } from '@/db/schema';
import { listEmails } from '@/lib/email/admin-log';
import { listConcerns } from '@/lib/safety/concerns';
import { createPerson } from '../support/people';

describe('[ADMIN LISTS]: bounded pages that together hold every row', () => {
  it('the concerns inbox: pages of at most the limit, the total of the whole tab on each, every concern once', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const mentee = await createPerson('mentee', 'approved');
    const raised = await db
      .insert(concerns)
      .values(Array.from({ length: 7 }, (_, i) => ({ raisedBy: mentee.id, body: `Concern ${i}`, raisedAt: new Date(Date.UTC(2026, 0, 1 + i)) })))
      .returning({ id: concerns.id });
    const ids = raised.map((r) => r.id);
    const seen: number[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = await listConcerns(admin, 'open', { limit: 3, offset });
      expect(page.total).toBe(7);
      expect(page.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(ids); // oldest first, each once
    expect((await listConcerns(admin, 'open', { limit: 3, offset: 9 })).rows).toEqual([]);
    expect((await listConcerns(admin, 'resolved')).total).toBe(0);
  });

  it('the email log: a cursor walks from the newest to the oldest, a page at a time, each email once', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const to = `cursor-${Date.now()}@example.edu`;
    // Two share a creation time: the id breaks the tie, so neither is skipped nor shown twice.
    const times = [1, 2, 3, 3, 4, 5, 6].map((d) => new Date(Date.UTC(2026, 1, d)));
    const made = await db
      .insert(emails)
      .values(
        times.map((createdAt, i) => ({
          to,
          subject: `Mail ${i}`,
          text: 't',
          html: '<p>t</p>',
          kind: 'introduction',
          transport: 'outbox' as const,
          status: 'queued' as const,
          createdAt,
        })),
      )
      .returning({ id: emails.id, createdAt: emails.createdAt });
    const newestFirst = [...made].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).map((m) => m.id);

    const seen: number[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listEmails(admin, { to, before }, 3);
      expect(page.length).toBeLessThanOrEqual(3);
      if (!page.length) break;
      seen.push(...page.map((m) => m.id));
      before = page[page.length - 1].id;
    }
    expect(seen).toEqual(newestFirst);
  });
});
