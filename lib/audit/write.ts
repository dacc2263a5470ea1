import 'server-only';
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { securityEvent } from '@/lib/security/log';
import { AUDIT_EVENTS, type AuditEvent } from './events';

export type { AuditEvent } from './events';

/**
 * Writes one audit row. It takes only a transaction handle (a `Db` is refused by the type
 * checker), so an audit row is always written inside the change it records and rolls back with
 * it. The details are checked against the event's schema: a malformed event is a bug, and it
 * fails the change rather than leaving a row the reports cannot read.
 */
export async function writeAudit(tx: Tx, event: AuditEvent): Promise<void> {
  const spec = AUDIT_EVENTS[event.action];
  const details = spec.details.parse(event.details) as Record<string, unknown>;
  await tx.insert(auditLog).values({
    actorId: event.actorId,
    action: event.action,
    subjectType: spec.subjectType,
    subjectId: String(event.subjectId),
    details,
  });
  // The audit row is the record; this line lets a log watcher see admin changes as they happen.
  securityEvent('admin.mutation', { actorId: event.actorId, action: event.action, subjectType: spec.subjectType, subjectId: String(event.subjectId) });
}

/** Writes many audit rows in one statement (a set-based change: staging a whole plan), each checked like `writeAudit`. */
export async function writeAuditMany(tx: Tx, events: AuditEvent[]): Promise<void> {
  if (!events.length) return;
  const rows = events.map((event) => {
    const spec = AUDIT_EVENTS[event.action];
    return {
      actorId: event.actorId,
      action: event.action,
      subjectType: spec.subjectType,
      subjectId: String(event.subjectId),
      details: spec.details.parse(event.details) as Record<string, unknown>,
    };
  });
  for (let k = 0; k < rows.length; k += 1000) await tx.insert(auditLog).values(rows.slice(k, k + 1000));
  for (const r of rows) securityEvent('admin.mutation', { actorId: r.actorId, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId });
}
