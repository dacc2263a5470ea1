import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { getDb, type Db, type Tx } from '@/db/client';
import { menteeProfiles, pairings, roadmapChecklists, roadmapItems, roadmapTemplateItems, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { pairingMember } from '@/lib/pairings/membership';
import { loadProgramSettings } from '@/lib/settings/program';
import { todayIn } from '@/lib/time/dates';
import { now } from '@/lib/time/clock';
import type { addItemSchema, editItemSchema } from './forms';
import { targetDateFor } from './rules';

/**
 * A pairing's shared checklist. Created from the program's template when the pairing is released
 * (releaseOne in lib/pairings/operations.ts) and, for pairings released before the roadmap
 * existed, the first time a member opens it. Only the pairing's two members read or change it —
 * every query carries `pairingMember(actor)` — and admins read it on the coordinator's pairing page.
 */

const NOT_YOURS = 'That item is not on a roadmap you share. Reload the page and try again.';

/**
 * Copies the template into the pairing's checklist, with dates from the student's cycle year. Runs
 * inside the caller's transaction; a second call (approval and a first visit racing) does nothing.
 * Returns whether it created the checklist.
 */
export async function createChecklist(tx: Tx, pairingId: number, actorId: string | null): Promise<boolean> {
  const [p] = await tx
    .select({ cycle: menteeProfiles.targetCycle })
    .from(pairings)
    .innerJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .where(eq(pairings.id, pairingId));
  if (!p) return false;
  const created = await tx
    .insert(roadmapChecklists)
    .values({ pairingId, cycleYear: p.cycle, createdAt: now() })
    .onConflictDoNothing()
    .returning({ pairingId: roadmapChecklists.pairingId });
  if (!created.length) return false;
  const template = await tx
    .select()
    .from(roadmapTemplateItems)
    .where(isNull(roadmapTemplateItems.archivedAt))
    .orderBy(asc(roadmapTemplateItems.position), asc(roadmapTemplateItems.id));
  if (template.length)
    await tx.insert(roadmapItems).values(
      template.map((t, i) => ({
        pairingId,
        templateItemId: t.id,
        position: i + 1,
        title: t.title,
        description: t.description,
        targetDate: targetDateFor(t, p.cycle),
      })),
    );
  await writeAudit(tx, { actorId, action: 'roadmap.checklist-created', subjectId: pairingId, details: { cycleYear: p.cycle, items: template.length } });
  return true;
}

export type ChecklistItem = {
  id: number;
  title: string;
  description: string | null;
  targetDate: string;
  fromTemplate: boolean;
  doneAt: Date | null;
  /** The calendar day of the tick in the program's time zone. */
  doneOn: string | null;
  doneByName: string | null;
  addedByName: string | null;
};

export type Checklist = {
  pairingId: number;
  cycleYear: number;
  menteeName: string;
  mentorName: string;
  today: string;
  /** The day the pair got the checklist: items dated before it are "from before you were paired", never overdue. */
  startedOn: string;
  items: ChecklistItem[];
};

const doer = alias(users, 'doer');
const adder = alias(users, 'adder');
const menteeUser = alias(users, 'mentee_user');
const mentorUser = alias(users, 'mentor_user');

async function readChecklist(db: Db | Tx, pairingId: number): Promise<Checklist | null> {
  return (await readChecklists(db, [pairingId])).get(pairingId) ?? null;
}

/** Several pairings' checklists in three statements, however many pairings (a physician's home). */
async function readChecklists(db: Db | Tx, pairingIds: number[]): Promise<Map<number, Checklist>> {
  const lists = new Map<number, Checklist>();
  if (!pairingIds.length) return lists;
  const heads = await db
    .select({
      pairingId: roadmapChecklists.pairingId,
      cycleYear: roadmapChecklists.cycleYear,
      createdAt: roadmapChecklists.createdAt,
      menteeName: sql<string>`coalesce(${menteeUser.name}, ${menteeUser.email})`,
      mentorName: sql<string>`coalesce(${mentorUser.name}, ${mentorUser.email})`,
    })
    .from(roadmapChecklists)
    .innerJoin(pairings, eq(pairings.id, roadmapChecklists.pairingId))
    .innerJoin(menteeUser, eq(menteeUser.id, pairings.menteeId))
    .innerJoin(mentorUser, eq(mentorUser.id, pairings.mentorId))
    .where(inArray(roadmapChecklists.pairingId, pairingIds));
  if (!heads.length) return lists;
  const { timeZone } = await loadProgramSettings(db);
  const today = todayIn(timeZone, now());
  for (const { createdAt, ...head } of heads) lists.set(head.pairingId, { ...head, today, startedOn: todayIn(timeZone, createdAt), items: [] });
  const items = await db
    .select({
      pairingId: roadmapItems.pairingId,
      id: roadmapItems.id,
      title: roadmapItems.title,
      description: roadmapItems.description,
      targetDate: roadmapItems.targetDate,
      templateItemId: roadmapItems.templateItemId,
      doneAt: roadmapItems.doneAt,
      doneByName: sql<string | null>`coalesce(${doer.name}, ${doer.email})`,
      addedByName: sql<string | null>`coalesce(${adder.name}, ${adder.email})`,
    })
    .from(roadmapItems)
    .leftJoin(doer, eq(doer.id, roadmapItems.doneBy))
    .leftJoin(adder, eq(adder.id, roadmapItems.createdBy))
    .where(and(inArray(roadmapItems.pairingId, [...lists.keys()]), isNull(roadmapItems.removedAt)))
    .orderBy(asc(roadmapItems.targetDate), asc(roadmapItems.position), asc(roadmapItems.id));
  for (const { pairingId, templateItemId, ...i } of items) {
    lists.get(pairingId)?.items.push({ ...i, doneOn: i.doneAt ? todayIn(timeZone, i.doneAt) : null, fromTemplate: templateItemId !== null });
  }
  return lists;
}

/**
 * The checklists of all the actor's active pairings (a physician's home shows one per mentee),
 * keyed by pairing, each created on first sight like getMyChecklist's. Constant statements: the
 * pairings, then readChecklists' three.
 */
export async function getMyChecklists(actor: SessionUser): Promise<Map<number, Checklist>> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  const mine = await db
    .select({ id: pairings.id, hasChecklist: sql<boolean>`exists (select 1 from ${roadmapChecklists} where ${roadmapChecklists.pairingId} = ${pairings.id})` })
    .from(pairings)
    .where(and(pairingMember(actor), eq(pairings.state, 'active')))
    .orderBy(asc(pairings.id));
  // Pairings released before the roadmap existed get theirs once, the first time it is seen.
  for (const p of mine) if (!p.hasChecklist) await db.transaction((tx) => createChecklist(tx, p.id, actor.id));
  return readChecklists(
    db,
    mine.map((p) => p.id),
  );
}

/**
 * The checklist of the actor's active pairing (a student has one; a physician names it), created
 * on first sight if the pairing predates the roadmap. Null when there is no such pairing for them.
 */
export async function getMyChecklist(actor: SessionUser, pairingId?: number): Promise<Checklist | null> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  const [p] = await db
    .select({ id: pairings.id, hasChecklist: sql<boolean>`exists (select 1 from ${roadmapChecklists} where ${roadmapChecklists.pairingId} = ${pairings.id})` })
    .from(pairings)
    .where(and(pairingMember(actor), eq(pairings.state, 'active'), pairingId === undefined ? undefined : eq(pairings.id, pairingId)))
    .orderBy(asc(pairings.id))
    .limit(1);
  if (!p) return null;
  if (!p.hasChecklist) await db.transaction((tx) => createChecklist(tx, p.id, actor.id));
  return readChecklist(db, p.id);
}

/** The coordinator's read of a pairing's checklist (any state); null when none was made. */
export async function getPairingChecklist(actor: SessionUser, pairingId: number): Promise<Checklist | null> {
  assertPermission(actor, 'roadmap:read-any');
  const db = await getDb();
  return readChecklist(db, pairingId);
}

/**
 * What is next (the first `limit` open items by date, from today on), what is overdue (its date
 * passed while the pair had the checklist) and what is open from before they were paired (its date
 * had already passed when the checklist was made: to catch up on or re-date, not a failing).
 */
export function summarise(list: Checklist, limit = 3): { next: ChecklistItem[]; overdue: ChecklistItem[]; earlier: ChecklistItem[]; done: number; total: number } {
  const open = list.items.filter((i) => !i.doneAt);
  return {
    overdue: open.filter((i) => i.targetDate < list.today && i.targetDate >= list.startedOn),
    earlier: open.filter((i) => i.targetDate < list.today && i.targetDate < list.startedOn),
    next: open.filter((i) => i.targetDate >= list.today).slice(0, limit),
    done: list.items.length - open.length,
    total: list.items.length,
  };
}

/**
 * The pairing of one checklist item, locked, if the actor is a member of that active pairing.
 * The membership is in the WHERE clause: an item id from someone else's roadmap finds nothing.
 */
async function lockMyItem(tx: Tx, actor: SessionUser, itemId: number) {
  const [row] = await tx
    .select({
      id: roadmapItems.id,
      pairingId: roadmapItems.pairingId,
      title: roadmapItems.title,
      description: roadmapItems.description,
      targetDate: roadmapItems.targetDate,
      doneAt: roadmapItems.doneAt,
      doneBy: roadmapItems.doneBy,
    })
    .from(roadmapItems)
    .innerJoin(pairings, eq(pairings.id, roadmapItems.pairingId))
    .where(and(eq(roadmapItems.id, itemId), isNull(roadmapItems.removedAt), pairingMember(actor), eq(pairings.state, 'active')))
    .for('update', { of: roadmapItems });
  if (!row) throw new UserFacingError(NOT_YOURS);
  return row;
}

/** Either member adds an item to their shared checklist. */
export async function addRoadmapItem(actor: SessionUser, input: z.output<typeof addItemSchema>): Promise<number> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.id, input.pairingId), pairingMember(actor), eq(pairings.state, 'active')));
    if (!p) throw new UserFacingError('That roadmap is not one you share. Reload the page and try again.');
    await createChecklist(tx, p.id, actor.id);
    const [row] = await tx
      .insert(roadmapItems)
      .values({
        pairingId: p.id,
        position: sql`(select coalesce(max(${roadmapItems.position}), 0) + 1 from ${roadmapItems} where ${roadmapItems.pairingId} = ${p.id})`,
        title: input.title,
        targetDate: input.targetDate,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: roadmapItems.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'roadmap.item-added',
      subjectId: row.id,
      details: { pairingId: p.id, after: { title: input.title, description: null, targetDate: input.targetDate } },
    });
    return row.id;
  });
}

/** Either member changes an item's title or target date. Returns false when nothing changed. */
export async function editRoadmapItem(actor: SessionUser, input: z.output<typeof editItemSchema>): Promise<boolean> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const item = await lockMyItem(tx, actor, input.itemId);
    if (item.title === input.title && item.targetDate === input.targetDate) return false;
    await tx.update(roadmapItems).set({ title: input.title, targetDate: input.targetDate, updatedBy: actor.id }).where(eq(roadmapItems.id, item.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'roadmap.item-edited',
      subjectId: item.id,
      details: {
        pairingId: item.pairingId,
        before: { title: item.title, description: item.description, targetDate: item.targetDate },
        after: { title: input.title, description: item.description, targetDate: input.targetDate },
      },
    });
    return true;
  });
}

/**
 * Ticks or unticks an item. Ticking keeps who and when on the row; ticking an item already ticked
 * keeps the first tick (two members ticking at once do not overwrite each other). Unticking clears
 * the row's columns; the audit rows keep who had ticked it and when.
 */
export async function setRoadmapItemDone(actor: SessionUser, input: { itemId: number; done: boolean }): Promise<boolean> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const item = await lockMyItem(tx, actor, input.itemId);
    if (input.done === !!item.doneAt) return false;
    if (input.done) {
      await tx.update(roadmapItems).set({ doneAt: now(), doneBy: actor.id, updatedBy: actor.id }).where(eq(roadmapItems.id, item.id));
      await writeAudit(tx, { actorId: actor.id, action: 'roadmap.item-ticked', subjectId: item.id, details: { pairingId: item.pairingId, title: item.title } });
    } else {
      await tx.update(roadmapItems).set({ doneAt: null, doneBy: null, updatedBy: actor.id }).where(eq(roadmapItems.id, item.id));
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'roadmap.item-unticked',
        subjectId: item.id,
        details: { pairingId: item.pairingId, title: item.title, wasDoneAt: item.doneAt!.toISOString(), wasDoneBy: item.doneBy! },
      });
    }
    return true;
  });
}

/** Removes an item from the checklist: the row stays, marked removed with who and when. */
export async function removeRoadmapItem(actor: SessionUser, itemId: number): Promise<string> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const item = await lockMyItem(tx, actor, itemId);
    await tx.update(roadmapItems).set({ removedAt: now(), removedBy: actor.id, updatedBy: actor.id }).where(eq(roadmapItems.id, item.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'roadmap.item-removed',
      subjectId: item.id,
      details: { pairingId: item.pairingId, title: item.title, wasDone: !!item.doneAt },
    });
    return item.title;
  });
}

/** The title of one of the actor's items (for the confirmation question), or null. */
export async function getMyItemTitle(actor: SessionUser, itemId: number): Promise<string | null> {
  assertPermission(actor, 'roadmap:use');
  const db = await getDb();
  const [row] = await db
    .select({ title: roadmapItems.title })
    .from(roadmapItems)
    .innerJoin(pairings, eq(pairings.id, roadmapItems.pairingId))
    .where(and(eq(roadmapItems.id, itemId), isNull(roadmapItems.removedAt), pairingMember(actor), eq(pairings.state, 'active')));
  return row?.title ?? null;
}
