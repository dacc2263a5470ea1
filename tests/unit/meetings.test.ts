import { describe, expect, it } from 'vitest';
import { addDays, cadenceFor, cadenceOf } from '@/lib/meetings/cadence';
import { signWeMet, verifyWeMet } from '@/lib/meetings/we-met-link';

const T = { cadenceDueSoonDays: 45, cadenceOverdueDays: 60 };

describe('[MEETINGS] cadence', () => {
  it.each([
    [0, 'on-track'],
    [44, 'on-track'],
    [45, 'due-soon'],
    [59, 'due-soon'],
    [60, 'overdue'],
    [61, 'overdue'],
  ] as const)('%i days since the last meeting is %s (due soon at 45, overdue at 60)', (days, status) => {
    expect(cadenceOf(days, T)).toBe(status);
  });

  it('counts from the last meeting, or from the start when there is none, in calendar days', () => {
    expect(cadenceFor({ lastMet: '2027-01-01', startDate: '2026-09-01' }, addDays('2027-01-01', 44), T)).toMatchObject({ status: 'on-track', days: 44 });
    expect(cadenceFor({ lastMet: '2027-01-01', startDate: '2026-09-01' }, addDays('2027-01-01', 45), T)).toMatchObject({ status: 'due-soon', days: 45 });
    expect(cadenceFor({ lastMet: '2027-01-01', startDate: '2026-09-01' }, addDays('2027-01-01', 59), T)).toMatchObject({ status: 'due-soon', days: 59 });
    expect(cadenceFor({ lastMet: null, startDate: '2027-01-01' }, '2027-03-02', T)).toMatchObject({ status: 'overdue', days: 60, overdueSince: '2027-03-02' });
    expect(cadenceFor({ lastMet: null, startDate: '2027-01-01' }, '2027-03-03', T)).toMatchObject({ status: 'overdue', days: 61, overdueSince: '2027-03-02' });
  });

  it('uses the program’s thresholds, not fixed numbers', () => {
    expect(cadenceOf(30, { cadenceDueSoonDays: 20, cadenceOverdueDays: 30 })).toBe('overdue');
    expect(cadenceOf(59, { cadenceDueSoonDays: 60, cadenceOverdueDays: 90 })).toBe('on-track');
  });

  it('a start still ahead counts as 0 days, on track', () => {
    expect(cadenceFor({ lastMet: null, startDate: '2027-05-01' }, '2027-04-01', T)).toMatchObject({ status: 'on-track', days: 0, overdueSince: null });
  });

  it('addDays crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 60)).toBe('2028-02-29');
  });
});

describe('[MEETINGS] the signed "We met" link', () => {
  const secret = 'a'.repeat(40);
  const token = signWeMet({ pairingId: 42, userId: 'user-123' }, secret);

  it('verifies for the person it was made for', () => {
    expect(verifyWeMet(token, 'user-123', secret)).toEqual({ pairingId: 42, userId: 'user-123' });
  });

  it('refuses another person holding it', () => {
    expect(verifyWeMet(token, 'user-456', secret)).toBeNull();
  });

  it('refuses a changed pairing id, a changed person and a changed signature', () => {
    const [v, , user, mac] = token.split('.');
    expect(verifyWeMet([v, '43', user, mac].join('.'), 'user-123', secret)).toBeNull();
    const other = Buffer.from('user-456').toString('base64url');
    expect(verifyWeMet([v, '42', other, mac].join('.'), 'user-456', secret)).toBeNull();
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(verifyWeMet([v, '42', user, flipped].join('.'), 'user-123', secret)).toBeNull();
  });

  it('refuses a token signed with another secret, and garbage', () => {
    expect(verifyWeMet(signWeMet({ pairingId: 42, userId: 'user-123' }, 'b'.repeat(40)), 'user-123', secret)).toBeNull();
    for (const bad of ['', 'w1', 'w1.42.x', 'w1.0.dXNlcg.x', 'x'.repeat(500), `${token}.extra`]) expect(verifyWeMet(bad, 'user-123', secret)).toBeNull();
  });
});
