import 'server-only';
/**
 * The daily sweep's meeting reminders. A live pairing (active, not paused: livePairing()) that is
 * overdue gets ONE email to each member per overdue spell: the claim's period is
 * `overdue-since:<the day the spell began>` (last meeting, or the start, plus the overdue
 * threshold), so the sweep running every day sends nothing twice, and a new meeting — which moves
 * the day a spell begins — lets a later spell remind again. The email carries a signed "We met"
 * link to the member's meeting form (lib/meetings/we-met.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { pairings, users } from '@/db/schema';
import { notice } from '@/lib/email/notices';
import { claimOnce, type SweepTask } from '@/lib/jobs/sweep';
import { livePairing } from '@/lib/pairings/membership';
import { loadProgramSettings } from '@/lib/settings/program';
import { todayIn } from '@/lib/time/dates';
import { formatDate } from '@/lib/time/format';
import { cadenceDaysSql, cadenceFor, lastMetSql } from './cadence';
import { weMetPath } from './we-met';

const mentee = alias(users, 'mentee');
const mentor = alias(users, 'mentor');

export const meetingReminders: SweepTask = {
  name: 'meeting-reminders',
  async run({ now }) {
    const db = await getDb();
    const settings = await loadProgramSettings(db);
    const today = todayIn(settings.timeZone, now);
    const overdue = await db
      .select({
        id: pairings.id,
        startDate: pairings.startDate,
        lastMet: lastMetSql(),
        menteeId: mentee.id,
        menteeEmail: mentee.email,
        menteeName: mentee.name,
        mentorId: mentor.id,
        mentorEmail: mentor.email,
        mentorName: mentor.name,
      })
      .from(pairings)
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .where(and(livePairing(), sql`${pairings.startDate} is not null`, sql`${cadenceDaysSql(today)} >= ${settings.cadenceOverdueDays}`));
    let reminded = 0;
    for (const p of overdue) {
      const cadence = cadenceFor({ lastMet: p.lastMet, startDate: p.startDate! }, today, settings);
      if (!cadence.overdueSince) continue;
      const period = `overdue-since:${cadence.overdueSince}`;
      const members = [
        { role: 'mentee' as const, id: p.menteeId, email: p.menteeEmail, name: p.menteeName, other: p.mentorName ?? 'your mentor' },
        { role: 'mentor' as const, id: p.mentorId, email: p.mentorEmail, name: p.mentorName, other: p.menteeName ?? 'your mentee' },
      ];
      for (const m of members) {
        const sent = await db.transaction(async (tx) => {
          if (!(await claimOnce(tx, { task: 'meeting-reminder', subject: `pairing:${p.id}:${m.id}`, period }))) return false;
          await notice(
            tx,
            { email: m.email, name: m.name },
            'meeting-reminder',
            `Time to meet with ${m.other}`,
            [
              cadence.lastMet
                ? `It has been ${cadence.days} days since you and ${m.other} last met (${formatDate(cadence.lastMet)}). The program suggests meeting at least every ${settings.cadenceOverdueDays} days.`
                : `You and ${m.other} have not logged a meeting since your pairing started ${cadence.days} days ago. The program suggests meeting at least every ${settings.cadenceOverdueDays} days.`,
              'If you have met and not logged it yet, press “We met”: it opens the meeting form ready for today, and nothing is logged until you save it.',
            ],
            { label: 'We met', path: weMetPath(m.role, p.id, m.id) },
          );
          return true;
        });
        if (sent) reminded++;
      }
    }
    return { overdue: overdue.length, reminded };
  },
};
