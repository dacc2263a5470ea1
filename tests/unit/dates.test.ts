import { describe, expect, it } from 'vitest';
import { isPaused } from '@/lib/people/pause';
import { addMonths, daysBetween, daysSince, isoDateField, parseIsoDate, todayIn } from '@/lib/time/dates';

describe('[DATES] one calendar for the program', () => {
  it('today is read in the program’s time zone', () => {
    // 03:00 UTC on 1 March is still 28 February in Chicago (UTC−6 in winter).
    const at = new Date('2027-03-01T03:00:00Z');
    expect(todayIn('America/Chicago', at)).toBe('2027-02-28');
    expect(todayIn('UTC', at)).toBe('2027-03-01');
  });

  it('only real calendar dates parse: 2027-02-30 and 2027-13-45 are refused, not rolled over', () => {
    expect(parseIsoDate('2027-02-28')).toBe('2027-02-28');
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    expect(parseIsoDate('2027-02-29')).toBeNull();
    expect(parseIsoDate('2027-02-30')).toBeNull();
    expect(parseIsoDate('2027-13-45')).toBeNull();
    expect(parseIsoDate('27-1-1')).toBeNull();
    expect(isoDateField('the date').safeParse('2027-02-30').success).toBe(false);
    expect(isoDateField('the date').safeParse(' 2027-03-01 ').data).toBe('2027-03-01');
  });

  it('adding months keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-01-15', 12)).toBe('2028-01-15');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('day counts run between calendar dates and between instants', () => {
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(daysBetween('2027-03-01', '2027-02-27')).toBe(-2);
    // Across the spring clock change every calendar day still counts once.
    expect(daysBetween('2027-03-13', '2027-03-15')).toBe(2);
    expect(daysSince(new Date('2027-01-01T00:00:00Z'), new Date('2027-01-03T23:00:00Z'))).toBe(2);
    expect(daysSince(null)).toBeNull();
  });

  it('a mentor is paused through the last day of the pause, and matchable the day after', () => {
    expect(isPaused('2027-05-10', '2027-05-09')).toBe(true);
    expect(isPaused('2027-05-10', '2027-05-10')).toBe(true);
    expect(isPaused('2027-05-10', '2027-05-11')).toBe(false);
    expect(isPaused(null, '2027-05-10')).toBe(false);
  });
});
