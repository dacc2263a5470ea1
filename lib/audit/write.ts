import 'server-only';
import type { Db, Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { securityEvent } from '@/lib/security/log';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  details?: Record<string, unknown>;
};

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId == null ? null : String(entry.subjectId),
    details: entry.details ?? null,
  });
  // The audit row is the record; this line lets a log watcher see admin changes as they happen.
  securityEvent('admin.mutation', {
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId == null ? null : String(entry.subjectId),
  });
}
