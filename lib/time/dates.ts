/**
 * Calendar rules, defined once. A calendar date is an ISO string (YYYY-MM-DD) and means a day in
 * the program's time zone; arithmetic on it is done in UTC, where every day has 24 hours. Pure:
 * the clock comes from `now()` (lib/time/clock.ts) so tests and demos can move it.
 */
import { z } from 'zod';
import { now } from './clock';

/** The program's time zone until the coordinator sets one (program_settings.time_zone). */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `zone` is an IANA time zone this runtime knows ("America/Chicago"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date it is in `timeZone` at `at` (default: now), as YYYY-MM-DD. */
export function todayIn(timeZone: string, at: Date = now()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A real calendar date or null: 2027-02-30 and 2027-13-45 are refused, never rolled over. */
export function parseIsoDate(value: string): string | null {
  const v = value.trim();
  if (!ISO_DATE.test(v)) return null;
  const [y, m, d] = v.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? v : null;
}

/** A required calendar date from `<input type="date">`. */
export function isoDateField(what: string) {
  return z
    .string({ error: `Enter ${what}.` })
    .trim()
    .refine((v) => v !== '', `Enter ${what}.`)
    .refine((v) => parseIsoDate(v) !== null, `Enter ${what} as a real date (YYYY-MM-DD).`);
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}

/** Whole days elapsed from the instant `since` until `at`; null when there is no start. */
export function daysSince(since: Date | null | undefined, at: Date = now()): number | null {
  if (!since) return null;
  return Math.max(0, Math.floor((at.getTime() - since.getTime()) / DAY_MS));
}
