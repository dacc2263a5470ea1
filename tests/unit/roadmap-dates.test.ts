import { describe, expect, it } from 'vitest';
import { DEFAULT_ROADMAP, describeRule, isRuleDay, targetDateFor } from '@/lib/roadmap/rules';
import { templateItemSchema } from '@/lib/roadmap/forms';

const datesFor = (cycle: number) => Object.fromEntries(DEFAULT_ROADMAP.map((r) => [r.key, targetDateFor(r, cycle)]));

describe('[ROADMAP] target dates from the student’s application cycle', () => {
  it('cycle 2027: every default milestone falls on its date in the calendar', () => {
    expect(datesFor(2027)).toEqual({
      shadowing: '2025-12-31',
      research: '2026-08-31',
      'clinical-hours': '2026-12-31',
      'personal-statement': '2027-03-31',
      letters: '2027-04-15',
      'primary-opens': '2027-05-01',
      'primary-submitted': '2027-06-15',
      mcat: '2027-06-30',
      secondaries: '2027-07-31',
      'early-decision': '2027-08-01',
      interviews: '2027-09-01',
      decisions: '2028-04-30',
    });
  });

  it('cycle 2028: the same milestones a year later', () => {
    expect(datesFor(2028)).toEqual({
      shadowing: '2026-12-31',
      research: '2027-08-31',
      'clinical-hours': '2027-12-31',
      'personal-statement': '2028-03-31',
      letters: '2028-04-15',
      'primary-opens': '2028-05-01',
      'primary-submitted': '2028-06-15',
      mcat: '2028-06-30',
      secondaries: '2028-07-31',
      'early-decision': '2028-08-01',
      interviews: '2028-09-01',
      decisions: '2029-04-30',
    });
  });

  it('a February 29 rule falls on February 28 outside leap years, never on March 1', () => {
    const rule = { yearOffset: 0, month: 2, day: 29 };
    expect(targetDateFor(rule, 2028)).toBe('2028-02-29');
    expect(targetDateFor(rule, 2027)).toBe('2027-02-28');
    expect(targetDateFor({ ...rule, yearOffset: -1 }, 2029)).toBe('2028-02-29');
  });

  it('rules read as words: “June 30 of C”, “April 30 of C+1”, “December 31 of C−2”', () => {
    expect(describeRule({ yearOffset: 0, month: 6, day: 30 })).toBe('June 30 of C');
    expect(describeRule({ yearOffset: 1, month: 4, day: 30 })).toBe('April 30 of C+1');
    expect(describeRule({ yearOffset: -2, month: 12, day: 31 })).toBe('December 31 of C−2');
  });

  it('a rule must name a day the month has: April 31 and February 30 are refused with a field error on the day', () => {
    expect(isRuleDay(4, 31)).toBe(false);
    expect(isRuleDay(2, 29)).toBe(true);
    const form = { position: '10', title: 'Check', description: '', yearOffset: '0', month: '4', day: '31' };
    const parsed = templateItemSchema.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(['day']);
    expect(templateItemSchema.safeParse({ ...form, day: '30' }).success).toBe(true);
    expect(templateItemSchema.safeParse({ ...form, yearOffset: '-5' }).success).toBe(false);
  });
});
