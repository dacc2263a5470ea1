import 'server-only';
/**
 * The coordinator's daily digest (a sweep task): collects DIGEST_SECTIONS (lib/digest/sections.ts)
 * once, and when at least one has something, emails every admin once per program day (kind
 * `admin-digest`, claimOnce per admin and day, in the same transaction as the email).
 */
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { notice } from '@/lib/email/notices';
import { getEnv } from '@/lib/env';
import { claimOnce, type SweepTask } from '@/lib/jobs/sweep';
import { loadProgramSettings } from '@/lib/settings/program';
import { todayIn } from '@/lib/time/dates';
import { formatDate } from '@/lib/time/format';
import { DIGEST_SECTIONS, type DigestContent, type DigestContext, type DigestSection } from './sections';

export type CollectedSection = DigestContent & { name: string };

/** Every section's content for the day (empty sections left out), read in one transaction. */
export async function collectDigest(ctx: DigestContext, sections: DigestSection[] = DIGEST_SECTIONS): Promise<CollectedSection[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const out: CollectedSection[] = [];
    for (const s of sections) {
      const content = await s.collect(tx, ctx);
      if (content && content.lines.length) out.push({ ...content, name: s.name });
    }
    return out;
  });
}

/** The email's paragraphs: one per section, its lines on their own lines, then its link. */
export function digestParagraphs(sections: CollectedSection[]): string[] {
  const base = getEnv().AUTH_URL;
  return sections.map((s) =>
    [`${s.title} (${s.lines.length})`, ...s.lines.map((l) => `• ${l}`), ...(s.link ? [`${s.link.label}: ${base}${s.link.path}`] : [])].join('\n'),
  );
}

export function adminDigestTask(sections: DigestSection[] = DIGEST_SECTIONS): SweepTask {
  return {
    name: 'admin-digest',
    async run({ now }) {
      const db = await getDb();
      const today = todayIn((await loadProgramSettings(db)).timeZone, now);
      const collected = await collectDigest({ now, today }, sections);
      if (!collected.length) return { sections: 0, sent: 0 };
      const admins = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id));
      let sent = 0;
      for (const admin of admins) {
        const made = await db.transaction(async (tx) => {
          if (!(await claimOnce(tx, { task: 'admin-digest', subject: `admin:${admin.id}`, period: today }))) return false;
          await notice(tx, admin, 'admin-digest', `Daily digest for ${formatDate(today)}`, digestParagraphs(collected), {
            label: 'Open the admin portal',
            path: '/admin',
          });
          return true;
        });
        if (made) sent++;
      }
      return { sections: collected.length, sent };
    },
  };
}

export const adminDigest = adminDigestTask();
