import 'server-only';
import { and, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { escapeLike, param, type SearchParams } from '@/lib/forms/query';
import { parseIsoDate } from '@/lib/time/dates';
import { AUDIT_EVENTS, SUBJECT_TYPES, type AuditAction } from './events';

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().refine((v) => parseIsoDate(v) !== null);

/** The audit log's filters, read from the address (GET): anything malformed is ignored. */
export const auditQuerySchema = z.object({
  /** Part of the actor's name or email. */
  actor: param(z.string().max(100)),
  event: param(z.enum(Object.keys(AUDIT_EVENTS) as [AuditAction, ...AuditAction[]])),
  subjectType: param(z.enum(SUBJECT_TYPES)),
  subjectId: param(z.string().max(100)),
  from: param(day),
  to: param(day),
  /** The id of the last row of the previous page: the next page starts below it. */
  before: param(z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER)),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export function parseAuditQuery(params: SearchParams): AuditQuery {
  return auditQuerySchema.parse(params);
}

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown> | null;
};

export type AuditPage = { rows: AuditRow[]; nextBefore: number | null };

/**
 * Every audit row, newest first, a page at a time. Pages are cut by id (a cursor, not an offset),
 * so a page costs the same however deep in the log it is, and rows written meanwhile never shift
 * what the next page shows. Dates are calendar days in UTC, inclusive.
 */
export async function listAuditLog(actor: SessionUser, query: AuditQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  assertPermission(actor, 'audit:read');
  const db = await getDb();
  const where: (SQL | undefined)[] = [];
  if (query.actor) {
    const like = `%${escapeLike(query.actor)}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like)));
  }
  if (query.event) where.push(eq(auditLog.action, query.event));
  if (query.subjectType) where.push(eq(auditLog.subjectType, query.subjectType));
  if (query.subjectId) where.push(eq(auditLog.subjectId, query.subjectId));
  if (query.from) where.push(gte(auditLog.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(auditLog.createdAt, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (query.before) where.push(lt(auditLog.id, query.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(pageSize + 1);
  const more = rows.length > pageSize;
  const page = more ? rows.slice(0, pageSize) : rows;
  return { rows: page, nextBefore: more ? page[page.length - 1].id : null };
}
