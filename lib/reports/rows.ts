import type { OutcomeReport } from './outcomes';
import { figureText, type Figure } from './suppress';

export type ReportLine = { section: string; figure: string; value: string };

const n = (v: number) => ({ shown: true, value: v, n: v }) as Figure;
const PREFERENCE = { preferred: 'Preferred a physician who shares their identity', required: 'Required a physician who shares their identity' } as const;

/** The report as lines of text, the same for the page and the CSV: suppressed figures read "fewer than 5". */
export function reportLines(r: OutcomeReport): ReportLine[] {
  const lines: ReportLine[] = [
    { section: 'Participants', figure: 'Students', value: figureText(n(r.participants.mentees)) },
    { section: 'Participants', figure: 'Physicians', value: figureText(n(r.participants.mentors)) },
    { section: 'Pairings', figure: 'Pairings formed', value: String(r.pairingsFormed) },
    { section: 'Pairings', figure: 'Active', value: String(r.pairingsByState.active) },
    { section: 'Pairings', figure: 'Completed', value: String(r.pairingsByState.completed) },
    { section: 'Pairings', figure: 'Ended early', value: String(r.pairingsByState.ended) },
    { section: 'Pairings', figure: 'Renewed at least once', value: String(r.renewals) },
    { section: 'Waiting', figure: 'Median days waited', value: figureText(r.waited.median) },
    { section: 'Waiting', figure: '90th percentile of days waited', value: figureText(r.waited.p90) },
  ];
  for (const g of r.identity) {
    const section = PREFERENCE[g.preference];
    lines.push(
      { section, figure: 'Students who asked', value: figureText(g.asked) },
      { section, figure: 'Paired with a physician sharing the identity', value: figureText(g.met) },
      { section, figure: 'Median days waited', value: figureText(g.waited.median) },
      { section, figure: '90th percentile of days waited', value: figureText(g.waited.p90) },
    );
  }
  for (const e of r.endReasons) lines.push({ section: 'Why pairings ended early', figure: e.reason, value: figureText(e.count) });
  const one = (v: number) => v.toFixed(1);
  const pct = (v: number) => `${v}%`;
  lines.push(
    { section: 'Meetings', figure: 'Meetings logged', value: String(r.meetings.total) },
    { section: 'Meetings', figure: 'Meetings per released pairing (average)', value: figureText(r.meetings.perPairing, one) },
    { section: 'Meeting cadence over the year', figure: 'Median days between meetings', value: figureText(r.cadence.medianGapDays) },
    {
      section: 'Meeting cadence over the year',
      figure: `Pairings that went more than ${r.cadence.overdueDays} days between meetings`,
      value: String(r.cadence.pairingsWithLongGap),
    },
    ...r.cadence.byMonth.map((m) => ({ section: 'Meeting cadence over the year', figure: `Meetings in ${monthName(m.month)}`, value: String(m.meetings) })),
    { section: 'Private check-ins (1–5)', figure: 'Answers', value: String(r.checkIns.answers) },
    { section: 'Private check-ins (1–5)', figure: 'I feel respected and safe (average)', value: figureText(r.checkIns.safety, one) },
    { section: 'Private check-ins (1–5)', figure: 'This mentorship is useful to me (average)', value: figureText(r.checkIns.useful, one) },
    { section: 'Private check-ins (1–5)', figure: 'We meet about as often as we hoped (average)', value: figureText(r.checkIns.frequency, one) },
    { section: 'Close surveys', figure: 'Answers', value: String(r.closeSurveys.answers) },
    { section: 'Close surveys', figure: 'How it went, 1–5 (average)', value: figureText(r.closeSurveys.rating, one) },
    { section: 'Close surveys', figure: 'Would recommend the program', value: figureText(r.closeSurveys.recommendPercent, pct) },
    { section: 'Close surveys', figure: 'Physicians who would mentor again', value: figureText(r.closeSurveys.mentorAgainPercent, pct) },
  );
  return lines;
}

/** "2030-03" → "March 2030". */
function monthName(month: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
