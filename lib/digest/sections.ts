import 'server-only';
/**
 * The coordinator's daily digest: a registry of sections. Each section looks at the program on the
 * sweep's day and answers either null (nothing to say) or a title, some lines and an optional
 * link into the admin portal. The digest task (lib/digest/digest.ts) collects every section once,
 * and sends one email per admin per program day only when at least one section has something.
 *
 * ## Adding a section (another domain)
 * 1. Write `const mySection: DigestSection = { name: 'my-domain', collect: async (tx, { now, today }) => … }`
 *    in your own domain (e.g. lib/terms/digest.ts). Read with `tx` (a read within the digest's
 *    transaction), use `now`/`today` (the sweep's clock and program day), never `new Date()`. Select
 *    pairings through `livePairing()` when the section is about live pairings. Return null when
 *    there is nothing to report, so an empty day sends no email. Keep lines short (one per
 *    person or pairing) and cap them (say 20, then "…and 5 more").
 * 2. Append it to `DIGEST_SECTIONS` below (order = order in the email). That is all: no new
 *    email kind, no new claim; the digest's once-per-admin-per-day claim covers every section.
 * 3. Test it through `collectDigest` or by running `adminDigest` (tests/integration/sweep-reminders.test.ts
 *    shows how).
 */
import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { pairings, sweepRuns, users } from '@/db/schema';
import { cadenceDaysSql, lastMetSql } from '@/lib/meetings/cadence';
import { livePairing } from '@/lib/pairings/membership';
import { loadProgramSettings } from '@/lib/settings/program';
import { collectUnansweredRenewals } from '@/lib/terms/digest';
import { formatDate } from '@/lib/time/format';

export type DigestContext = { now: Date; today: string };
export type DigestContent = { title: string; lines: string[]; link?: { label: string; path: string } };
export type DigestSection = { name: string; collect: (tx: Tx, ctx: DigestContext) => Promise<DigestContent | null> };

/** At most this many lines per section; the rest are counted. */
export const DIGEST_LINE_CAP = 20;

export function capLines(lines: string[], cap = DIGEST_LINE_CAP): string[] {
  return lines.length <= cap ? lines : [...lines.slice(0, cap), `…and ${lines.length - cap} more`];
}

const mentee = alias(users, 'mentee');
const mentor = alias(users, 'mentor');

/** Live pairings that have gone twice the overdue threshold without a meeting. */
export const overdueTwiceSection: DigestSection = {
  name: 'meetings-overdue-twice',
  async collect(tx, { today }) {
    const settings = await loadProgramSettings(tx);
    const days = cadenceDaysSql(today);
    const rows = await tx
      .select({
        id: pairings.id,
        menteeName: sql<string>`coalesce(${mentee.name}, ${mentee.email})`,
        mentorName: sql<string>`coalesce(${mentor.name}, ${mentor.email})`,
        lastMet: lastMetSql(),
        days,
      })
      .from(pairings)
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .where(and(livePairing(), sql`${pairings.startDate} is not null`, sql`${days} >= ${settings.cadenceOverdueDays * 2}`))
      .orderBy(desc(days), pairings.id);
    if (!rows.length) return null;
    return {
      title: 'Pairings overdue for a meeting (twice the threshold)',
      lines: capLines(
        rows.map(
          (r) =>
            `${r.menteeName} and ${r.mentorName}: ${r.days} days ${r.lastMet ? `since they last met (${formatDate(r.lastMet)})` : 'since the start, no meeting logged'}`,
        ),
      ),
      link: { label: 'Overdue pairings', path: '/admin/pairings?state=active&cadence=overdue&sort=days' },
    };
  },
};

/**
 * People who submitted a registration since the previous digest (the previous finished sweep) and
 * still await a decision (status pending). The first digest lists every pending registrant.
 */
export const newRegistrationsSection: DigestSection = {
  name: 'new-registrations',
  async collect(tx, { now }) {
    const [prev] = await tx
      .select({ ranAt: sweepRuns.ranAt })
      .from(sweepRuns)
      .where(and(ne(sweepRuns.status, 'running'), lt(sweepRuns.ranAt, now)))
      .orderBy(desc(sweepRuns.ranAt))
      .limit(1);
    const rows = await tx
      .select({ name: sql<string>`coalesce(${users.name}, ${users.email})`, role: users.role, at: users.statusChangedAt })
      .from(users)
      .where(and(eq(users.status, 'pending'), prev ? gt(users.statusChangedAt, prev.ranAt) : undefined))
      .orderBy(users.statusChangedAt, users.id);
    if (!rows.length) return null;
    return {
      title: 'New registrations to review',
      lines: capLines(rows.map((r) => `${r.name} (${r.role === 'mentor' ? 'physician' : 'student'}), submitted ${formatDate(r.at)}`)),
      link: { label: 'Review registrations', path: '/admin/people?status=pending' },
    };
  },
};

/** Every section, in the order the email shows them. Other domains append theirs here. */
/** Terms ending within a week where someone has not chosen continue or conclude (lib/terms/digest.ts). */
export const unansweredRenewalsSection: DigestSection = {
  name: 'renewals-unanswered',
  collect: async (tx, ctx) => {
    const found = await collectUnansweredRenewals(tx, ctx);
    return found && { ...found, lines: capLines(found.lines) };
  },
};

export const DIGEST_SECTIONS: DigestSection[] = [overdueTwiceSection, unansweredRenewalsSection, newRegistrationsSection];
