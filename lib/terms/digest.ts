import 'server-only';
/**
 * The coordinator's daily digest section about renewals: live pairings whose term ends within a
 * week and where a member has not answered continue/conclude yet. The digest (another part of the
 * app) calls this inside its own transaction and renders the section when it is not null.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db/client';
import { pairings, pairingTerms, renewalChoices, users } from '@/db/schema';
import { livePairing } from '@/lib/pairings/membership';
import { daysBetween } from '@/lib/time/dates';
import { formatDate } from '@/lib/time/format';

export const UNANSWERED_RENEWAL_DAYS = 7;

export type DigestSection = { title: string; lines: string[]; link?: { label: string; path: string } };

function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export async function collectUnansweredRenewals(tx: Db | Tx, { today }: { now: Date; today: string }): Promise<DigestSection | null> {
  const mentee = alias(users, 'mentee');
  const mentor = alias(users, 'mentor');
  const answered = (side: 'mentee' | 'mentor') => sql<boolean>`exists (select 1 from ${renewalChoices} c where c.term_id = ${pairingTerms.id} and c.side = ${side})`;
  const rows = await tx
    .select({
      pairingId: pairings.id,
      menteeName: sql<string>`coalesce(${mentee.name}, ${mentee.email})`,
      mentorName: sql<string>`coalesce(${mentor.name}, ${mentor.email})`,
      endDate: pairingTerms.endDate,
      menteeAnswered: answered('mentee'),
      mentorAnswered: answered('mentor'),
    })
    .from(pairings)
    .innerJoin(pairingTerms, and(eq(pairingTerms.pairingId, pairings.id), isNull(pairingTerms.outcome)))
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .where(and(livePairing(), sql`${pairingTerms.endDate} > ${today}`, lte(pairingTerms.endDate, addDaysIso(today, UNANSWERED_RENEWAL_DAYS))))
    .orderBy(pairingTerms.endDate, pairings.id);
  const lines = rows
    .filter((r) => !r.menteeAnswered || !r.mentorAnswered)
    .map((r) => {
      const missing = [!r.menteeAnswered && r.menteeName, !r.mentorAnswered && r.mentorName].filter(Boolean).join(' and ');
      const days = daysBetween(today, r.endDate);
      return `${r.menteeName} and ${r.mentorName}: the term ends ${formatDate(r.endDate)} (in ${days} day${days === 1 ? '' : 's'}); no answer yet from ${missing}.`;
    });
  if (!lines.length) return null;
  return {
    title: `Renewals without an answer (${lines.length})`,
    lines,
    link: { label: 'Open active pairings', path: '/admin/pairings?state=active' },
  };
}
