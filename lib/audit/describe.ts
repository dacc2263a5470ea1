/**
 * Audit rows in words, for the audit-log viewer. Pure (no database): the details were checked
 * against the event's schema when written (lib/audit/events.ts), so each describer reads the shape
 * it declared; an action written before an event was renamed falls back to its raw name.
 */
import { AUDIT_EVENTS, type AuditAction } from './events';

type Details = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));
const yes = (v: unknown) => v === true;

const DESCRIBE: { [A in AuditAction]?: { label: string; words: (d: Details) => string } } = {
  'role.chosen': {
    label: 'Chose a role',
    words: (d) => `Chose to take part as a ${d.role === 'mentor' ? 'physician' : d.role === 'mentee' ? 'student' : s(d.role)}.`,
  },
  'role.cleared': { label: 'Changed role', words: (d) => `Undid the choice of ${d.from === 'mentor' ? 'physician' : 'student'} before submitting.` },
  'registration.submitted': {
    label: 'Registered',
    words: (d) => `Submitted a ${d.role === 'mentor' ? 'physician' : 'student'} registration${yes(d.identityConsent) ? ', with identity answers' : ''}.`,
  },
  'profile.updated': { label: 'Profile updated', words: (d) => `Updated their profile${yes(d.identityConsent) ? ' (identity answers kept with consent)' : ''}.` },
  'identity.viewed': {
    label: 'Identity answers read',
    words: (d) => (yes(d.found) ? 'Read this person’s identity answers.' : 'Asked for identity answers; none were stored.'),
  },
  'registrant.decided': {
    label: 'Registration decided',
    words: (d) => `Status changed from ${s(d.from)} to ${s(d.to)}${d.reason ? ` — “${s(d.reason)}”` : ''}.`,
  },
  'person.withdrew': { label: 'Withdrew', words: (d) => `Withdrew from the program${d.reason ? ` — “${s(d.reason)}”` : ''}.` },
  'person.withdrawn': {
    label: 'Withdrawn by a coordinator',
    words: (d) => `Withdrawn from the program by a coordinator${typeof d.concernId === 'number' ? ` when resolving concern #${d.concernId}` : ''} — “${s(d.reason)}”.`,
  },
  'values.attested': { label: 'Signed the values statement', words: (d) => `Signed version ${s(d.version)} of the values statement.` },
  'mentor.paused': { label: 'Paused new mentees', words: (d) => `Not taking new mentees until ${s(d.pausedUntil)}.` },
  'mentor.resumed': { label: 'Resumed new mentees', words: () => 'Open to new mentees again.' },
  'mentor.capacity-changed': { label: 'Capacity changed', words: (d) => `Can take ${s(d.capacity)} mentee${d.capacity === 1 ? '' : 's'}.` },
  'match-rule.set': {
    label: 'Match rule set',
    words: (d) => `${d.kind === 'lock' ? 'Locked' : 'Excluded'} a pair${d.reason ? ` — “${s(d.reason)}”` : ''}${d.replaced ? ' (replacing an earlier rule)' : ''}.`,
  },
  'match-rule.cleared': { label: 'Match rule cleared', words: (d) => `Cleared a ${d.kind === 'lock' ? 'lock' : 'exclusion'}.` },
  'pairing.proposed': { label: 'Pairing proposed', words: (d) => `Staged a proposal (score ${s(d.score)}).` },
  'pairing.approved': { label: 'Pairing released', words: (d) => `Approved and released; the term runs ${s(d.startDate)} to ${s(d.endDate)}.` },
  'pairing.ended': {
    label: 'Pairing ended',
    words: (d) =>
      d.reason === 'withdrawal'
        ? 'Ended because a member withdrew from the program.'
        : `Ended — “${s(d.reason)}”${yes(d.rematch) ? '; the student asked for a no-fault rematch' : ''}.`,
  },
  'values.published': {
    label: 'Values statement published',
    words: (d) => `Published “${s(d.title)}”${d.previousVersion ? `, replacing version ${s(d.previousVersion)}` : ''}.`,
  },
  'settings.updated': { label: 'Settings changed', words: (d) => `Program settings changed: ${settingsChange(d.before, d.after)}.` },
  'export.downloaded': {
    label: 'Export downloaded',
    words: (d) => `Downloaded ${s(d.file)}${yes(d.identity) ? ' WITH identity columns' : ' (no identity columns)'}.`,
  },
  'admin.invited': { label: 'Admin invited', words: (d) => `Invited ${s(d.email)} to be a coordinator (until ${s(d.expiresAt).slice(0, 10)}).` },
  'admin.invite-revoked': { label: 'Admin invitation revoked', words: (d) => `Revoked the invitation of ${s(d.email)}.` },
  'admin.invite-accepted': { label: 'Became an admin', words: (d) => `${s(d.email)} accepted an invitation and became a coordinator.` },
  'admin.removed': { label: 'Admin removed', words: (d) => `${yes(d.self) ? 'Removed themselves' : `Removed ${s(d.email)}`} as a coordinator.` },
  'note.added-person': { label: 'Note added', words: (d) => `Added a private note (${s(d.length)} characters).` },
  'note.added-pairing': { label: 'Note added', words: (d) => `Added a private note on the pairing (${s(d.length)} characters).` },
  'settings.contact-updated': {
    label: 'Program contact changed',
    words: (d) => {
      const after = (d.after ?? {}) as Details;
      return `The program contact is now ${s(after.name)} <${s(after.email)}>.`;
    },
  },
  'cohort.created': { label: 'Cohort created', words: (d) => `Created cohort “${s(d.name)}” (${s(d.programYear)}), launching ${s(d.launchDate)}.` },
  'cohort.opened': { label: 'Cohort opened', words: (d) => `Opened cohort “${s(d.name)}” for registrations.` },
  'cohort.closed': { label: 'Cohort closed', words: (d) => `Closed cohort “${s(d.name)}” to registrations.` },
};

function settingsChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Details;
  const a = (after ?? {}) as Details;
  const changed = Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (changed.length === 0) return 'nothing';
  return changed.map((k) => (typeof a[k] === 'object' ? `${k} (changed)` : `${k} ${s(b[k])} → ${s(a[k])}`)).join(', ');
}

/** An event without words of its own yet: its name made readable, and its details as "key: value". */
function fallback(action: string) {
  const label = action.replace(/[.-]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  return {
    label,
    words: (d: Details) => {
      const parts = Object.entries(d).map(([k, v]) => `${k}: ${s(v)}`);
      return parts.length ? `${label} — ${parts.join('; ')}.` : `${label}.`;
    },
  };
}

function spec(action: string) {
  return (Object.hasOwn(DESCRIBE, action) ? DESCRIBE[action as AuditAction] : undefined) ?? fallback(action);
}

/** "Identity answers read" and "Export downloaded" are the reads a coordinator answers for. */
export function isSensitive(action: string): boolean {
  return action === 'identity.viewed' || action === 'export.downloaded';
}

export function auditLabel(action: string): string {
  return spec(action).label;
}

export function describeAudit(action: string, details: Record<string, unknown> | null): string {
  return spec(action).words(details ?? {});
}

/** Every declared event with its label, for the filter. */
export function auditEventOptions(): { value: AuditAction; label: string }[] {
  return (Object.keys(AUDIT_EVENTS) as AuditAction[]).map((value) => ({ value, label: `${spec(value).label} (${value})` }));
}
