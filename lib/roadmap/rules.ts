/**
 * Roadmap date rules, as data. A rule is (year offset, month, day) relative to the student's
 * application cycle year C — the year they submit their primary application (AMCAS and AACOMAS
 * open in early May of C; interviews and decisions run into C+1). Pure: the unit tests and the
 * pages share it.
 */
export type DateRule = { yearOffset: number; month: number; day: number };

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Offsets an admin can choose: four years before the cycle to two after. */
export const YEAR_OFFSETS = [-4, -3, -2, -1, 0, 1, 2] as const;

/** The cycle rule in words, shown on the template page and the checklists. */
export const CYCLE_RULE_TEXT =
  'Target dates follow the student’s application cycle, C: the year they submit their primary application (AMCAS and AACOMAS open in early May of C). C−1 is the year before; interviews and decisions run into C+1.';

/** The last day of a month (1–12) in a year. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a (month, day) can be a rule: the day exists in that month in some year (Feb 29 allowed). */
export function isRuleDay(month: number, day: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/** The calendar date (YYYY-MM-DD) a rule gives for cycle year `cycle`; Feb 29 becomes Feb 28 outside leap years. */
export function targetDateFor(rule: DateRule, cycle: number): string {
  const year = cycle + rule.yearOffset;
  const day = Math.min(rule.day, daysInMonth(year, rule.month));
  return `${String(year).padStart(4, '0')}-${String(rule.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "C", "C−1", "C+1". */
export function cycleYearLabel(yearOffset: number): string {
  if (yearOffset === 0) return 'C';
  return yearOffset < 0 ? `C−${-yearOffset}` : `C+${yearOffset}`;
}

/** A rule in words: "June 30 of C", "April 30 of C+1". */
export function describeRule(rule: DateRule): string {
  return `${MONTHS[rule.month - 1]} ${rule.day} of ${cycleYearLabel(rule.yearOffset)}`;
}

export type TemplateSeed = DateRule & { key: string; title: string; description: string };

/**
 * The program's default roadmap. The migration that creates the template table seeds these same
 * items (db/migrations/…_roadmap.sql); tests/integration/roadmap.test.ts checks the two agree.
 */
export const DEFAULT_ROADMAP: readonly TemplateSeed[] = [
  {
    key: 'shadowing',
    title: 'Shadowing and clinical hours under way',
    description: 'Regular shadowing and patient-facing hours started two years before the cycle; keep a log of dates, places and hours.',
    yearOffset: -2,
    month: 12,
    day: 31,
  },
  {
    key: 'research',
    title: 'Research or scholarly project',
    description: 'A research, quality-improvement or community project, finished or well along by the end of the summer before the cycle year.',
    yearOffset: -1,
    month: 8,
    day: 31,
  },
  {
    key: 'clinical-hours',
    title: 'Shadowing and clinical hours ready to report',
    description: 'Hours counted and described for the experiences section of the application.',
    yearOffset: -1,
    month: 12,
    day: 31,
  },
  {
    key: 'personal-statement',
    title: 'Personal statement drafts',
    description: 'Start in January of the cycle year; share drafts with your mentor and finish a full draft by the end of March.',
    yearOffset: 0,
    month: 3,
    day: 31,
  },
  {
    key: 'letters',
    title: 'Letters of recommendation requested',
    description: 'Ask letter writers in the spring, with your CV and statement draft, so letters arrive before the primary is submitted.',
    yearOffset: 0,
    month: 4,
    day: 15,
  },
  {
    key: 'primary-opens',
    title: 'Primary application opens (AMCAS for MD, AACOMAS for DO)',
    description: 'Both open in early May: create the accounts, request transcripts, start entering courses.',
    yearOffset: 0,
    month: 5,
    day: 1,
  },
  {
    key: 'primary-submitted',
    title: 'Primary application submitted',
    description: 'Submitting early in the cycle matters: schools review applications as they arrive.',
    yearOffset: 0,
    month: 6,
    day: 15,
  },
  {
    key: 'mcat',
    title: 'MCAT registered and taken',
    description: 'Register early for a test date that reports scores in time; the test taken by the end of June.',
    yearOffset: 0,
    month: 6,
    day: 30,
  },
  {
    key: 'secondaries',
    title: 'Secondary applications',
    description: 'Secondaries arrive through July; aim to return each within two weeks.',
    yearOffset: 0,
    month: 7,
    day: 31,
  },
  {
    key: 'early-decision',
    title: 'Early decision deadline (if applying early decision)',
    description: 'The early decision programs’ deadline for the primary application.',
    yearOffset: 0,
    month: 8,
    day: 1,
  },
  {
    key: 'interviews',
    title: 'Interview season (September – March)',
    description: 'Interviews run from September of C to March of C+1: practise with your mentor before invitations arrive.',
    yearOffset: 0,
    month: 9,
    day: 1,
  },
  {
    key: 'decisions',
    title: 'Decisions and commitment',
    description: 'Compare offers and financial aid; commit to one school by the end of April of C+1.',
    yearOffset: 1,
    month: 4,
    day: 30,
  },
];
