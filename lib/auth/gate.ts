import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { menteeProfiles, mentorProfiles, sessions, users, type PersonStatus, type Role } from '@/db/schema';

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];
/** A session lives 30 days from its last extension; it is extended at most once a day (Auth.js's defaults, set in auth.ts). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  /** The "name you go by" from the profile, once one is submitted: what greetings use. */
  goesBy: string | null;
  role: Role | null;
  status: PersonStatus;
};

/**
 * Who holds this session token, if it is still valid: the one session read of a request (one SQL
 * statement: the session, its person and the name they go by). The proxy reads it for the pages it
 * guards and hands it to the page (`handOver`); pages it does not guard read it themselves.
 *
 * Auth.js writes a session's expiry and checks it in real time (Date.now()), so this look-up does
 * too: against the app clock, a test clock moved months ahead (the year's journeys) made every new
 * session look expired while Auth.js still accepted it.
 */
export async function readSession(token: string): Promise<{ user: SessionUser; expires: Date } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      menteeName: menteeProfiles.preferredName,
      mentorName: mentorProfiles.preferredName,
      role: users.role,
      status: users.status,
      expires: sessions.expires,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, users.id))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, sql`now()`)));
  if (!row) return null;
  const { menteeName, mentorName, expires, ...rest } = row;
  return { user: { ...rest, goesBy: greetingName({ ...rest, goesBy: menteeName ?? mentorName }) }, expires };
}

/** When a session read finds the session due for its daily extension (as Auth.js would extend it). */
export function extensionDue(expires: Date, at = Date.now()): boolean {
  return expires.getTime() - (SESSION_MAX_AGE_S - SESSION_UPDATE_AGE_S) * 1000 < at;
}

/** Extends a live session by the full 30 days; returns the new expiry (the cookie gets it too). */
export async function extendSession(token: string): Promise<Date> {
  const db = await getDb();
  const expires = new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
  await db
    .update(sessions)
    .set({ expires })
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, sql`now()`)));
  return expires;
}

/** The name to greet someone by: the name they go by, else the first word of their name. */
export function greetingName(p: { name: string | null; goesBy?: string | null }): string | null {
  return p.goesBy?.trim() || p.name?.trim().split(/\s+/)[0] || null;
}

/*
 * The hand-over from the proxy to the page of the same request. The proxy runs in the same Node.js
 * process as the page (Next 16), so what it read is kept here, keyed by the request's fresh nonce
 * (which the proxy itself writes into the request, overwriting anything a client sent), and bound
 * to the session token: a page takes it only for the same token, within a few seconds. A miss
 * (another process, a request the proxy did not guard) simply reads the session again.
 */
const HANDOVER_TTL_MS = 5_000;
type HandOver = { token: string; user: SessionUser | null; at: number };
const mapKey = Symbol.for('mentor-match.session-handover');
type GlobalWithHandOver = typeof globalThis & { [mapKey]?: Map<string, HandOver> };
const g = globalThis as GlobalWithHandOver;
const handovers = (g[mapKey] ??= new Map<string, HandOver>());

export function handOver(requestKey: string, token: string, user: SessionUser | null): void {
  const at = Date.now();
  // Oldest first (insertion order): drop what has expired.
  for (const [k, v] of handovers) {
    if (at - v.at <= HANDOVER_TTL_MS) break;
    handovers.delete(k);
  }
  handovers.set(requestKey, { token, user, at });
}

/** What the proxy read for this request and token, or undefined when it read nothing usable. */
export function takeHandOver(requestKey: string, token: string): SessionUser | null | undefined {
  const entry = handovers.get(requestKey);
  if (!entry || entry.token !== token || Date.now() - entry.at > HANDOVER_TTL_MS) return undefined;
  return entry.user;
}
