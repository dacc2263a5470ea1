import 'server-only';
import { asc, eq, isNull, and, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { roadmapTemplateItems, type RoadmapTemplateItem } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { now } from '@/lib/time/clock';
import type { TemplateItemInput } from './forms';

/**
 * The program's roadmap template, edited by admins. A change applies to checklists created after
 * it: existing checklists are copies and keep their items, dates and ticks.
 */

export type TemplateItemView = Pick<RoadmapTemplateItem, 'id' | 'position' | 'title' | 'description' | 'yearOffset' | 'month' | 'day'>;

const snapshot = (i: TemplateItemView) => ({
  position: i.position,
  title: i.title,
  description: i.description,
  yearOffset: i.yearOffset,
  month: i.month,
  day: i.day,
});

const columns = {
  id: roadmapTemplateItems.id,
  position: roadmapTemplateItems.position,
  title: roadmapTemplateItems.title,
  description: roadmapTemplateItems.description,
  yearOffset: roadmapTemplateItems.yearOffset,
  month: roadmapTemplateItems.month,
  day: roadmapTemplateItems.day,
};

export async function listRoadmapTemplate(actor: SessionUser): Promise<TemplateItemView[]> {
  assertPermission(actor, 'roadmap:template-edit');
  const db = await getDb();
  return db
    .select(columns)
    .from(roadmapTemplateItems)
    .where(isNull(roadmapTemplateItems.archivedAt))
    .orderBy(asc(roadmapTemplateItems.position), asc(roadmapTemplateItems.id));
}

/** The position a new item gets by default: after the last one. */
export async function nextTemplatePosition(actor: SessionUser): Promise<number> {
  assertPermission(actor, 'roadmap:template-edit');
  const db = await getDb();
  const [row] = await db
    .select({ last: max(roadmapTemplateItems.position) })
    .from(roadmapTemplateItems)
    .where(isNull(roadmapTemplateItems.archivedAt));
  return Math.min(10_000, (row?.last ?? 0) + 10);
}

export async function addTemplateItem(actor: SessionUser, input: TemplateItemInput): Promise<number> {
  assertPermission(actor, 'roadmap:template-edit');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmapTemplateItems)
      .values({ ...input, updatedBy: actor.id })
      .returning(columns);
    await writeAudit(tx, { actorId: actor.id, action: 'roadmap.template-item-added', subjectId: row.id, details: { after: snapshot(row) } });
    return row.id;
  });
}

/** Returns false when nothing changed (no audit row for a no-op save). */
export async function updateTemplateItem(actor: SessionUser, input: TemplateItemInput & { itemId: number }): Promise<boolean> {
  assertPermission(actor, 'roadmap:template-edit');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(columns)
      .from(roadmapTemplateItems)
      .where(and(eq(roadmapTemplateItems.id, input.itemId), isNull(roadmapTemplateItems.archivedAt)))
      .for('update');
    if (!before) throw new UserFacingError('That template item no longer exists. Reload the page.');
    const { itemId, ...values } = input;
    const after = { ...snapshot(before), ...values };
    if (JSON.stringify(after) === JSON.stringify(snapshot(before))) return false;
    await tx
      .update(roadmapTemplateItems)
      .set({ ...values, updatedBy: actor.id })
      .where(eq(roadmapTemplateItems.id, itemId));
    await writeAudit(tx, { actorId: actor.id, action: 'roadmap.template-item-updated', subjectId: itemId, details: { before: snapshot(before), after } });
    return true;
  });
}

/** Takes an item out of the template (archived, never deleted); existing checklists keep theirs. */
export async function archiveTemplateItem(actor: SessionUser, itemId: number): Promise<string> {
  assertPermission(actor, 'roadmap:template-edit');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(columns)
      .from(roadmapTemplateItems)
      .where(and(eq(roadmapTemplateItems.id, itemId), isNull(roadmapTemplateItems.archivedAt)))
      .for('update');
    if (!before) throw new UserFacingError('That template item was already removed. Reload the page.');
    await tx.update(roadmapTemplateItems).set({ archivedAt: now(), archivedBy: actor.id, updatedBy: actor.id }).where(eq(roadmapTemplateItems.id, itemId));
    await writeAudit(tx, { actorId: actor.id, action: 'roadmap.template-item-archived', subjectId: itemId, details: { before: snapshot(before) } });
    return before.title;
  });
}

/** The title of a live template item (for the confirmation question), or null. */
export async function getTemplateItemTitle(actor: SessionUser, itemId: number): Promise<string | null> {
  assertPermission(actor, 'roadmap:template-edit');
  const db = await getDb();
  const [row] = await db
    .select({ title: roadmapTemplateItems.title })
    .from(roadmapTemplateItems)
    .where(and(eq(roadmapTemplateItems.id, itemId), isNull(roadmapTemplateItems.archivedAt)));
  return row?.title ?? null;
}
