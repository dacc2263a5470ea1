import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { pairings, users, type Pairing, type PersonStatus } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { param, type SearchParams } from '@/lib/forms/query';
import { mentorEligibility } from './eligibility';
import type { WaitlistEntry } from './workbench';

// The waitlist view: filters and sort live in the address (GET), so a view can be bookmarked.

export const WAITLIST_SORTS = ['waited', 'name'] as const;

export const waitlistQuerySchema = z.object({
  q: param(z.string().max(100)),
  blocked: param(z.enum(['yes'])),
  required: param(z.enum(['yes'])),
  sort: param(z.enum(WAITLIST_SORTS)),
  page: param(z.coerce.number().int().min(1).max(100_000)),
});

/** Waiting students shown per page: the page stays the same size however long the waitlist grows. */
export const WAITLIST_PAGE_SIZE = 50;
export type WaitlistQuery = z.output<typeof waitlistQuerySchema>;

export function parseWaitlistQuery(params: SearchParams): WaitlistQuery {
  return waitlistQuerySchema.parse(params);
}

/**
 * Filters and sorts the waitlist. "Days waited" keeps the matcher's own order (no-fault rematches
 * first, then the longest wait), so the list reads in the order students should be helped.
 */
export function filterWaitlist(entries: WaitlistEntry[], query: WaitlistQuery): WaitlistEntry[] {
  const needle = query.q?.toLocaleLowerCase('en-US');
  const out = entries.filter(
    (e) =>
      (!query.blocked || e.blockedReason !== null) &&
      (!query.required || e.identityPreference === 'required') &&
      (!needle || e.name.toLocaleLowerCase('en-US').includes(needle)),
  );
  if (query.sort === 'name') out.sort((a, b) => a.name.localeCompare(b.name, 'en-US') || a.menteeId.localeCompare(b.menteeId));
  return out;
}

// Reads for the matching pages

/** Mentors who can take a new mentee now, and how many places they have between them. */
export async function freeMentorPlaces(actor: SessionUser): Promise<{ mentors: number; places: number }> {
  assertPermission(actor, 'matching:run');
  const all = await mentorEligibility(await getDb());
  const free = all.filter((m) => m.matchable);
  return { mentors: free.length, places: free.reduce((s, m) => s + m.freeSlots, 0) };
}

export type MenteeStanding = {
  id: string;
  name: string;
  status: PersonStatus;
  /** The student's proposed or active pairing, if any. */
  open: { pairingId: number; state: Pairing['state']; mentorName: string; startDate: string | null } | null;
};

/**
 * Where a student stands when they are not on the waitlist, so the matching page can say "already
 * paired" instead of a bare 404. Null when the id is not a student.
 */
export async function getMenteeStanding(actor: SessionUser, menteeId: string): Promise<MenteeStanding | null> {
  assertPermission(actor, 'matching:run');
  const db = await getDb();
  const [person] = await db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.id, menteeId), eq(users.role, 'mentee')));
  if (!person) return null;
  const mentor = alias(users, 'mentor');
  const [open] = await db
    .select({ pairingId: pairings.id, state: pairings.state, mentorName: mentor.name, mentorEmail: mentor.email, startDate: pairings.startDate })
    .from(pairings)
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .where(and(eq(pairings.menteeId, menteeId), inArray(pairings.state, ['proposed', 'active'])));
  return {
    id: person.id,
    name: person.name ?? person.email,
    status: person.status,
    open: open ? { pairingId: open.pairingId, state: open.state, mentorName: open.mentorName ?? open.mentorEmail, startDate: open.startDate } : null,
  };
}

/** One page of an already filtered waitlist; a page past the end shows the last one. */
export function pageOf<T>(
  entries: T[],
  page: number | undefined,
  size = WAITLIST_PAGE_SIZE,
): { rows: T[]; page: number; pageCount: number; from: number; to: number } {
  const pageCount = Math.max(1, Math.ceil(entries.length / size));
  const p = Math.min(Math.max(1, page ?? 1), pageCount);
  const rows = entries.slice((p - 1) * size, p * size);
  return { rows, page: p, pageCount, from: rows.length ? (p - 1) * size + 1 : 0, to: (p - 1) * size + rows.length };
}

/**
 * The suggestions page's full list: every allowed physician with their rank by score. Without a
 * search it continues after the `shownAbove` explained in full; a search looks through everyone.
 */
export function rankAllowed<T extends { name: string }>(ranked: T[], q: string | undefined, shownAbove: number): (T & { rank: number })[] {
  const needle = q?.trim().toLocaleLowerCase('en-US');
  return ranked.map((s, i) => ({ ...s, rank: i + 1 })).filter((s) => (needle ? s.name.toLocaleLowerCase('en-US').includes(needle) : s.rank > shownAbove));
}
