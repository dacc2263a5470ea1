/**
 * Every audit event, named once: its action, the type of its subject and the shape of its details.
 * The audit-log viewer, exports and reports read rows through these names, so a new event is added
 * here first. Subject types are spelled in kebab-case, like the actions ('match-rule.set').
 */
import { z } from 'zod';
import { matchRuleKind, personStatus, userRole } from '@/db/schema';

export const SUBJECT_TYPES = [
  'user',
  'pairing',
  'match-rule',
  'cohort',
  'program-settings',
  'values-statement',
  'export',
  'admin-invite',
  'roadmap-template-item',
  'roadmap-checklist',
  'roadmap-item',
  'meeting',
  'concern',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

const event = <S extends SubjectType, D extends z.ZodType>(subjectType: S, details: D) => ({ subjectType, details });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const status = z.enum(personStatus.enumValues);
const kind = z.enum(matchRuleKind.enumValues);
const settingsSnapshot = z.looseObject({
  termMonths: z.number(),
  renewalWindowDays: z.number(),
  cadenceDueSoonDays: z.number(),
  cadenceOverdueDays: z.number(),
  checkInFirstDays: z.number().optional(),
  checkInEveryDays: z.number().optional(),
  weights: z.record(z.string(), z.number()),
});

const templateItem = z.object({
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  yearOffset: z.number().int(),
  month: z.number().int(),
  day: z.number().int(),
});
const checklistItem = z.object({ title: z.string(), description: z.string().nullable(), targetDate: isoDate });

export const AUDIT_EVENTS = {
  // People and registration
  'role.chosen': event('user', z.object({ role: z.enum(userRole.enumValues) })),
  'role.cleared': event('user', z.object({ from: z.enum(['mentee', 'mentor']) })),
  'registration.submitted': event('user', z.object({ role: z.enum(['mentee', 'mentor']), identityConsent: z.boolean() })),
  'profile.updated': event('user', z.object({ role: z.enum(['mentee', 'mentor']), identityConsent: z.boolean() })),
  'identity.viewed': event('user', z.object({ found: z.boolean() })),
  'registrant.decided': event('user', z.object({ from: status, to: status, reason: z.string().nullable() })),
  'person.withdrew': event('user', z.object({ reason: z.string() })),
  'person.withdrawn': event('user', z.object({ reason: z.string(), concernId: z.number().int().nullable() })),
  'values.attested': event('user', z.object({ version: z.number().int() })),
  'mentor.paused': event('user', z.object({ pausedUntil: isoDate })),
  'mentor.resumed': event('user', z.object({ pausedUntil: z.null() })),
  'mentor.capacity-changed': event('user', z.object({ capacity: z.number().int() })),
  // Matching and pairings
  'match-rule.set': event(
    'match-rule',
    z.object({
      menteeId: z.string(),
      mentorId: z.string(),
      kind,
      reason: z.string(),
      replaced: z.object({ kind, reason: z.string().nullable() }).nullable(),
    }),
  ),
  'match-rule.cleared': event('match-rule', z.object({ menteeId: z.string(), mentorId: z.string(), kind, reason: z.string().nullable() })),
  'pairing.proposed': event('pairing', z.object({ menteeId: z.string(), mentorId: z.string(), score: z.number() })),
  'pairing.approved': event('pairing', z.object({ startDate: isoDate, endDate: isoDate })),
  // Terms (lib/terms): the sweep's renewals and completions have no actor (actorId null)
  'term.choice-made': event(
    'pairing',
    z.object({
      term: z.number().int(),
      side: z.enum(['mentee', 'mentor']),
      choice: z.enum(['continue', 'conclude']),
      previous: z.enum(['continue', 'conclude']).nullable(),
    }),
  ),
  'term.renewed': event('pairing', z.object({ term: z.number().int(), startDate: isoDate, endDate: isoDate })),
  'term.completed': event(
    'pairing',
    z.object({ term: z.number().int(), endDate: isoDate, mentee: z.enum(['continue', 'conclude']).nullable(), mentor: z.enum(['continue', 'conclude']).nullable() }),
  ),
  'term.extended': event('pairing', z.object({ term: z.number().int(), from: isoDate, to: isoDate, reason: z.string() })),
  'term.survey-answered': event('pairing', z.object({ side: z.enum(['mentee', 'mentor']) })),
  'term.waitlist-rejoined': event('user', z.object({ pairingId: z.number().int() })),
  'pairing.ended': event('pairing', z.union([z.object({ reason: z.string(), rematch: z.boolean() }), z.object({ reason: z.literal('withdrawal') })])),
  // Meetings (lib/meetings/)
  'meeting.logged': event(
    'meeting',
    z.object({ pairingId: z.number().int(), date: isoDate, format: z.string(), durationMinutes: z.number().int(), topics: z.array(z.string()) }),
  ),
  'meeting.confirmed': event('meeting', z.object({ pairingId: z.number().int(), date: isoDate })),
  'meeting.corrected': event(
    'meeting',
    z.object({
      pairingId: z.number().int(),
      before: z.object({ date: isoDate, format: z.string(), durationMinutes: z.number().int(), topics: z.array(z.string()), noteChanged: z.boolean() }),
      after: z.object({ date: isoDate, format: z.string(), durationMinutes: z.number().int(), topics: z.array(z.string()) }),
    }),
  ),
  'meeting.deleted': event('meeting', z.object({ pairingId: z.number().int(), date: isoDate })),
  // Program
  'values.published': event('values-statement', z.object({ title: z.string(), previousVersion: z.number().int().nullable() })),
  'settings.updated': event('program-settings', z.object({ before: settingsSnapshot, after: settingsSnapshot })),
  // Running the program
  'export.downloaded': event('export', z.object({ file: z.string(), identity: z.boolean(), filters: z.record(z.string(), z.string()).optional() })),
  'admin.invited': event('admin-invite', z.object({ email: z.string(), expiresAt: z.string() })),
  'admin.invite-revoked': event('admin-invite', z.object({ email: z.string() })),
  'admin.invite-accepted': event('user', z.object({ email: z.string(), inviteId: z.number().int() })),
  'admin.removed': event('user', z.object({ email: z.string(), self: z.boolean() })),
  'note.added-person': event('user', z.object({ noteId: z.number().int(), length: z.number().int() })),
  'note.added-pairing': event('pairing', z.object({ noteId: z.number().int(), length: z.number().int() })),
  'settings.contact-updated': event(
    'program-settings',
    z.object({ before: z.object({ name: z.string().nullable(), email: z.string().nullable() }), after: z.object({ name: z.string(), email: z.string() }) }),
  ),
  'settings.program-updated': event(
    'program-settings',
    z.object({ before: z.object({ programName: z.string(), timeZone: z.string() }), after: z.object({ programName: z.string(), timeZone: z.string() }) }),
  ),
  'cohort.created': event('cohort', z.object({ name: z.string(), programYear: z.number().int(), launchDate: isoDate })),
  'cohort.opened': event('cohort', z.object({ name: z.string(), isOpen: z.object({ from: z.boolean(), to: z.boolean() }) })),
  // A safe space: check-ins and concerns (answers and concern text are never copied into the audit log)
  'check-in.answered': event('pairing', z.object({ round: z.number().int(), flagged: z.boolean() })),
  'concern.raised': event('concern', z.object({ pairingId: z.number().int().nullable(), paused: z.boolean(), contactRequested: z.boolean() })),
  'concern.read': event('concern', z.object({ status: z.enum(['new', 'in_progress', 'resolved']) })),
  'concern.assigned': event('concern', z.object({ from: z.string().nullable(), to: z.string() })),
  'concern.note-added': event('concern', z.object({ noteId: z.number().int(), length: z.number().int() })),
  'concern.resolved': event('concern', z.object({ outcome: z.enum(['none', 'resumed', 'ended-rematch', 'withdrew-mentor']), pairingId: z.number().int().nullable() })),
  'pairing.paused': event('pairing', z.object({ concernId: z.number().int() })),
  'pairing.resumed': event('pairing', z.object({ concernId: z.number().int() })),
  'cohort.closed': event('cohort', z.object({ name: z.string(), isOpen: z.object({ from: z.boolean(), to: z.boolean() }) })),
  // The application roadmap: the template (admins) and each pairing's checklist (its members)
  'roadmap.template-item-added': event('roadmap-template-item', z.object({ after: templateItem })),
  'roadmap.template-item-updated': event('roadmap-template-item', z.object({ before: templateItem, after: templateItem })),
  'roadmap.template-item-archived': event('roadmap-template-item', z.object({ before: templateItem })),
  'roadmap.checklist-created': event('roadmap-checklist', z.object({ cycleYear: z.number().int(), items: z.number().int() })),
  'roadmap.item-added': event('roadmap-item', z.object({ pairingId: z.number().int(), after: checklistItem })),
  'roadmap.item-edited': event('roadmap-item', z.object({ pairingId: z.number().int(), before: checklistItem, after: checklistItem })),
  'roadmap.item-ticked': event('roadmap-item', z.object({ pairingId: z.number().int(), title: z.string() })),
  'roadmap.item-unticked': event('roadmap-item', z.object({ pairingId: z.number().int(), title: z.string(), wasDoneAt: z.string(), wasDoneBy: z.string() })),
  'roadmap.item-removed': event('roadmap-item', z.object({ pairingId: z.number().int(), title: z.string(), wasDone: z.boolean() })),
} as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;

/** One audit event as written: the action decides the subject type and what the details hold. */
export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    actorId: string | null;
    subjectId: string | number;
    details: z.input<(typeof AUDIT_EVENTS)[A]['details']>;
  };
}[AuditAction];

export function subjectTypeOf(action: AuditAction): SubjectType {
  return AUDIT_EVENTS[action].subjectType;
}
