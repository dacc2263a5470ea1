/**
 * Permissions as data: every guarded operation names a permission, and this table says which
 * roles hold it. The test suite walks the table.
 */
import type { Role } from '@/db/schema';

export const ROLE_PERMISSIONS = {
  'portal:mentee': ['mentee'],
  'portal:mentor': ['mentor'],
  'portal:admin': ['admin'],
  'profile:edit-own': ['mentee', 'mentor'],
  'registrants:review': ['admin'],
  'identity:read-any': ['admin'],
  'values:publish': ['admin'],
  'values:attest': ['mentor'],
  'mentor:pause': ['mentor'],
  'matching:run': ['admin'],
  'pairings:approve': ['admin'],
  'pairings:end': ['admin'],
  'pairings:view-own': ['mentee', 'mentor'],
  /** A student sees their released mentor; a physician sees their released mentees. */
  'pairings:view-own-mentor': ['mentee'],
  'pairings:view-own-mentees': ['mentor'],
  'settings:edit': ['admin'],
  'audit:read': ['admin'],
  'exports:download': ['admin'],
  'admins:manage': ['admin'],
  'notes:write': ['admin'],
  'reports:read': ['admin'],
  'emails:read': ['admin'],
  /** The program's roadmap template (admins) and a pairing's shared checklist (its two members). */
  'roadmap:template-edit': ['admin'],
  'roadmap:use': ['mentee', 'mentor'],
  'roadmap:read-any': ['admin'],
  /** Continue or conclude at the end of a term, for one's own pairing. */
  'terms:choose': ['mentee', 'mentor'],
  /** Answer the close survey of one's own completed pairing. */
  'terms:survey': ['mentee', 'mentor'],
  /** A student whose mentor concluded asks to go back to the waitlist. */
  'terms:rejoin-waitlist': ['mentee'],
  /** Term history, choices, survey answers; extending a term. */
  'terms:manage': ['admin'],
  /** Log, correct and delete meetings of one's own active pairing (ownership in the query). */
  'meetings:log-own': ['mentee', 'mentor'],
  /** Read every pairing's meetings and cadence (the coordinator). */
  'meetings:read-any': ['admin'],
  /** A safe space: members answer their own private check-ins and raise concerns; only admins read either. */
  'check-ins:answer-own': ['mentee', 'mentor'],
  'check-ins:read': ['admin'],
  'concerns:raise': ['mentee', 'mentor'],
  'concerns:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`Not allowed: ${permission}`);
    this.name = 'ForbiddenError';
  }
}

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The permission that opens each role's portal (checked by requireRole on every portal page). */
export const PORTAL_PERMISSION = { mentee: 'portal:mentee', mentor: 'portal:mentor', admin: 'portal:admin' } as const satisfies Record<Role, Permission>;

export function assertPermission(actor: { role: Role | null } | null | undefined, permission: Permission): void {
  if (!actor || !hasPermission(actor.role, permission)) throw new ForbiddenError(permission);
}
